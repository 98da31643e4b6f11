package io.firerisk;

/** Accident grades of 国务院令第493号 第三条, lowest first. Fires are graded on the same thresholds. */
public enum AccidentGrade {
    ORDINARY(Text.of("一般事故", "ordinary accident")),
    LARGE(Text.of("较大事故", "large accident")),
    MAJOR(Text.of("重大事故", "major accident")),
    EXTRA_MAJOR(Text.of("特别重大事故", "extra-major accident"));

    private final Text label;

    AccidentGrade(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    /** True when this grade is {@code other} or above ("以上" includes the grade itself). */
    public boolean atLeast(AccidentGrade other) {
        return compareTo(other) >= 0;
    }
}
