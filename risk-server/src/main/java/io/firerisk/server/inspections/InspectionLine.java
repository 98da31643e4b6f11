package io.firerisk.server.inspections;

import java.time.LocalDate;

/** One inspection as the list shows it: names, not ids, where the directory has them. */
public record InspectionLine(String inspectionId, LocalDate date, String kind, String venueId, String venueName,
        String unit, String street, String inspectors, String note, boolean noRealFireRisk) {}
