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

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
