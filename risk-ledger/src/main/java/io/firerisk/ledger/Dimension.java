package io.firerisk.ledger;

/** What hazards can be counted by ({@link Ledger#counts}). */
public enum Dimension {
    STREET, COMMUNITY, GRID, UNIT, STATE, GRADE, CATEGORY, HAZARD_CODE, SUPERVISED, OVERDUE, ESCALATION;

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
        };
    }
}
