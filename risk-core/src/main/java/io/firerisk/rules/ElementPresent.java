package io.firerisk.rules;

/**
 * Conclusion: a GB 35181 determination element is present at the venue, evidenced by a finding.
 *
 * @param venueId   the venue
 * @param element   the element's number, such as {@code 6.5}
 * @param direct    a direct element (chapter 6) rather than a comprehensive one
 * @param findingId the finding that evidences it
 */
public record ElementPresent(String venueId, String element, boolean direct, String findingId) {

    /** A direct element (GB 35181 chapter 6) evidenced by the finding. */
    public static ElementPresent direct(HazardFinding finding, String element) {
        return new ElementPresent(finding.venueId(), element, true, finding.findingId());
    }

    /** A comprehensive element (GB 35181 chapter 7) evidenced by the finding. */
    public static ElementPresent comprehensive(HazardFinding finding, String element) {
        return new ElementPresent(finding.venueId(), element, false, finding.findingId());
    }

    public boolean comprehensive() {
        return !direct;
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
