package io.firerisk;

/** How far enforcement has gone on a finding, for penalties that apply only after a refusal to correct. */
public enum Enforcement {
    /** No order issued yet. */
    NONE,
    /** Ordered to correct (责令改正). */
    ORDERED_TO_CORRECT,
    /** Ordered to correct and refused (拒不改正). */
    REFUSED_TO_CORRECT
}
