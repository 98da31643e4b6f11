package io.firerisk;

/** Whether the unit or place is in use, as GB 35181-2017 5.1.3 b) asks. */
public enum OperatingStatus {
    /** In normal use. */
    OPERATING,
    /** Production or business stopped (停产停业). */
    SUSPENDED,
    /** Out of use (停止使用). */
    CLOSED;

    public boolean inUse() {
        return this == OPERATING;
    }
}
