package io.firerisk.rules;

import io.firerisk.HazardVerdict;

/**
 * Conclusion: the venue's hazards are at least this verdict. The engine takes the most serious.
 *
 * @param venueId the venue
 * @param verdict the verdict
 */
public record Verdict(String venueId, HazardVerdict verdict) {
    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
