package io.firerisk;

/**
 * How far enforcement has gone on a finding: penalties that apply only after a refusal to correct, and
 * the escalation of a supervised major hazard.
 */
public enum Enforcement {
    /** No order issued yet. */
    NONE,
    /** Ordered to correct (责令改正). */
    ORDERED_TO_CORRECT,
    /** Ordered to correct and refused (拒不改正). */
    REFUSED_TO_CORRECT,
    /**
     * Determined a major fire hazard and listed by the government for supervised rectification
     * (挂牌督办), with a rectification deadline set.
     */
    SUPERVISED
}
