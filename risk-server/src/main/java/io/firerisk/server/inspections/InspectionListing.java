package io.firerisk.server.inspections;

import io.firerisk.server.hazards.FilterOptions;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the inspection list, how many there are in all, the days they were taken from, and what the
 * filter form offers (units and inspectors: those the viewer may see).
 */
public record InspectionListing(List<InspectionLine> lines, int total, int pages, LocalDate from, LocalDate to,
        List<FilterOptions.Option> units, List<FilterOptions.Option> streets, List<FilterOptions.Option> inspectors,
        List<FilterOptions.Option> kinds) {

    public InspectionListing {
        lines = List.copyOf(lines);
        units = List.copyOf(units);
        streets = List.copyOf(streets);
        inspectors = List.copyOf(inspectors);
        kinds = List.copyOf(kinds);
    }
}
