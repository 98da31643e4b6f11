package io.firerisk.rules;

import io.firerisk.HazardVerdict;

/**
 * Conclusion: the venue's hazards are at least this verdict. The engine takes the most serious.
 *
 * @param venueId the venue
 * @param verdict the verdict
 */
public record Verdict(String venueId, HazardVerdict verdict) {
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
