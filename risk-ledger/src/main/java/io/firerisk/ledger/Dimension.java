package io.firerisk.ledger;

/** What hazards can be counted by ({@link Ledger#counts}). */
public enum Dimension {
    STREET, COMMUNITY, GRID, UNIT, STATE, GRADE, CATEGORY, HAZARD_CODE, SUPERVISED, OVERDUE, ESCALATION,
    /**
     * {@code true} when the hazard has a closing date (销号) no later than its deadline: with {@link #STATE}, the
     * on-time rate of the closed hazards in one count instead of a read of every closed hazard.
     */
    CLOSED_BY_DEADLINE;

    String of(HazardRow r) {
        return switch (this) {
            case STREET -> r.street();
            case COMMUNITY -> r.community();
            case GRID -> r.grid();
            case UNIT -> r.unitId();
            case STATE -> r.state().name();
            case GRADE -> r.grade().map(Enum::name).orElse("");
            case CATEGORY -> r.category();
            case HAZARD_CODE -> r.hazardCode();
            case SUPERVISED -> Boolean.toString(r.supervised());
            case OVERDUE -> Boolean.toString(r.overdue());
            case ESCALATION -> Integer.toString(r.escalationLevel());
            case CLOSED_BY_DEADLINE -> Boolean.toString(r.closedOn().isPresent() && !r.closedOn().get().isAfter(r.deadline()));
        };
    }
}
