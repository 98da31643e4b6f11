package io.firerisk.rules;

/**
 * Conclusion: use of the part of the venue where a finding lies must stop until it is rectified.
 *
 * @param venueId   the venue
 * @param findingId the finding
 */
public record SuspensionRequired(String venueId, String findingId) {
    public static SuspensionRequired of(HazardFinding finding) {
        return new SuspensionRequired(finding.venueId(), finding.findingId());
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
