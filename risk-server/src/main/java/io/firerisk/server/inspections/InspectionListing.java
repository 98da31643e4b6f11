package io.firerisk.server.inspections;

import io.firerisk.server.web.FilterParameters;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the inspection list, how many there are in all, the days they were taken from, and what the
 * filter form offers (units and inspectors: those the viewer may see).
 */
public record InspectionListing(List<InspectionLine> lines, int total, int pages, LocalDate from, LocalDate to,
        List<FilterParameters.Option> units, List<FilterParameters.Option> streets, List<FilterParameters.Option> inspectors,
        List<FilterParameters.Option> kinds) {

    public InspectionListing {
        lines = List.copyOf(lines);
        units = List.copyOf(units);
        streets = List.copyOf(streets);
        inspectors = List.copyOf(inspectors);
        kinds = List.copyOf(kinds);
    }
}
