package io.firerisk.rules;

/**
 * Conclusion: an exclusion of GB 35181-2017 5.1.3 applies, so the venue is not judged to hold a
 * major hazard whatever the elements say.
 *
 * @param venueId the venue
 * @param code    the exclusion's code in the campaign file
 */
public record Exclusion(String venueId, String code) {
    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
