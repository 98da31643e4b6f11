package io.firerisk;

/** How urgent a required action is, most urgent first. */
public enum Priority {
    IMMEDIATE(Text.of("立即", "immediate")),
    HIGH(Text.of("高", "high")),
    NORMAL(Text.of("中", "normal")),
    LOW(Text.of("低", "low"));

    private final Text label;

    Priority(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    public static Priority mostUrgent(Priority a, Priority b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
