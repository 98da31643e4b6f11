package io.firerisk.server.hazards;

import java.time.LocalDate;

/**
 * One line of the hazard list as shown and exported: the ledger's row with its codes named in the
 * viewer's language.
 */
public record HazardLine(String hazardId, String venueId, String venueName, String unitId, String unit, String street,
        String streetName, String hazardCode, String hazardLabel, String category, String categoryLabel, String state,
        String stateLabel, String grade, String gradeLabel, LocalDate foundOn, LocalDate deadline, int daysOverdue,
        boolean dueSoon, LocalDate closedOn, boolean supervised) {}
