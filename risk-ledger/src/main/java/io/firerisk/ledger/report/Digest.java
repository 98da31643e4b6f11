package io.firerisk.ledger.report;

import io.firerisk.Text;
import io.firerisk.ledger.HazardState;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a unit officer starts the day with: per unit, the hazards falling due within {@code withinDays}
 * days of {@code date}, those overdue, and those at a rung of the escalation ladder (ledger.yaml).
 *
 * @param date       the day (as of its end)
 * @param withinDays due soon: a deadline from {@code date} to {@code date + withinDays}
 * @param units      every unit with a venue, by id
 */
public record Digest(LocalDate date, int withinDays, List<UnitDigest> units) {

    public Digest {
        units = List.copyOf(units);
    }

    /** The unit's digest, if it has venues. */
    public Optional<UnitDigest> unit(String unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }

    /**
     * One unit's digest.
     *
     * @param dueSoon   still to be rectified, due within the days asked for, earliest first
     * @param overdue   past the deadline, most overdue first
     * @param escalated overdue and at a rung of the ladder (highest first); {@link Item#escalatedToday} marks a rung reached that day
     */
    public record UnitDigest(String unitId, String unitName, List<Item> dueSoon, List<Item> overdue,
            List<Item> escalated) {
        public UnitDigest {
            dueSoon = List.copyOf(dueSoon);
            overdue = List.copyOf(overdue);
            escalated = List.copyOf(escalated);
        }

        public boolean isEmpty() {
            return dueSoon.isEmpty() && overdue.isEmpty();
        }
    }

    /**
     * A hazard in the digest.
     *
     * @param daysLeft        days from the date to the deadline (negative when overdue)
     * @param escalationLevel the rung reached, 0 for none
     * @param escalation      what the rung means, empty for none
     * @param escalatedToday  the rung was reached on the date itself
     */
    public record Item(String hazardId, String venueId, String venueName, String hazardCode, Text label,
            HazardState state, LocalDate deadline, int daysLeft, int daysOverdue, int escalationLevel, Text escalation,
            boolean escalatedToday, boolean supervised) {}
}
