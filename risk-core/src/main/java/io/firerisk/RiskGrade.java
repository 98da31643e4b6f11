package io.firerisk;

/**
 * The four-colour risk grade of 安全风险分级管控, lowest first so that {@link #compareTo} orders by
 * severity. Which facts lead to which grade is campaign data; the scale itself is fixed.
 */
public enum RiskGrade {
    BLUE("蓝", "低风险", "low risk"),
    YELLOW("黄", "一般风险", "general risk"),
    ORANGE("橙", "较大风险", "considerable risk"),
    RED("红", "重大风险", "major risk");

    private final String colourZh;
    private final Text label;

    RiskGrade(String colourZh, String zh, String en) {
        this.colourZh = colourZh;
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }

    public String colourZh() {
        return colourZh;
    }

    /** The grade {@code steps} above this one, stopping at {@link #RED}. */
    public RiskGrade raisedBy(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0 (was " + steps + ")");
        }
        return values()[Math.min(RED.ordinal(), ordinal() + steps)];
    }

    public boolean isWorseThan(RiskGrade other) {
        return compareTo(other) > 0;
    }

    public static RiskGrade worst(RiskGrade a, RiskGrade b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
