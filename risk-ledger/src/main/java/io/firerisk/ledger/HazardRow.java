package io.firerisk.ledger;

import io.firerisk.RiskGrade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of the hazard ledger (隐患台账) as of a date: the hazard with its venue, unit and area, for
 * lists, counts and exports.
 *
 * @param hazardId            the hazard
 * @param venueId             its venue
 * @param venueName           the venue's name
 * @param unitId              the unit responsible for the venue
 * @param street              the venue's street (街道) code, empty when its area is not under one
 * @param community           its community code, or empty
 * @param grid                its grid code, or empty
 * @param hazardCode          the catalogue code
 * @param category            the catalogue category
 * @param state               where it stands
 * @param foundOn             the inspection date
 * @param deadline            the deadline in force
 * @param daysOverdue         days past the deadline while the unit still has to rectify it, else 0
 * @param dueSoon             due within the campaign's due-soon days, not overdue
 * @param escalationLevel     the escalation rung reached (0 for none)
 * @param supervised          under 挂牌督办
 * @param extensionsApproved  extensions granted
 * @param reopenings          times reopened at 回头看
 * @param failedReinspections re-inspections failed
 * @param closedOn            the day it was closed
 * @param grade               the venue's grade by the engine ({@link Ledger#hazards}: as of the query's date for a
 *                            dated query, as of the venue's last assessment for the current ledger), empty when not assessed
 * @param version             the hazard's stream version
 * @param lastChange          when its last event happened
 */
public record HazardRow(
        String hazardId,
        String venueId,
        String venueName,
        String unitId,
        String street,
        String community,
        String grid,
        String hazardCode,
        String category,
        HazardState state,
        LocalDate foundOn,
        LocalDate deadline,
        int daysOverdue,
        boolean dueSoon,
        int escalationLevel,
        boolean supervised,
        int extensionsApproved,
        int reopenings,
        int failedReinspections,
        Optional<LocalDate> closedOn,
        Optional<RiskGrade> grade,
        int version,
        Instant lastChange) {

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
