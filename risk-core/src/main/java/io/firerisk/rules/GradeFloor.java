package io.firerisk.rules;

import io.firerisk.RiskGrade;

/**
 * Conclusion: the venue's grade is at least this. The engine takes the worst floor, explicitly.
 *
 * @param venueId the venue
 * @param grade   the floor
 */
public record GradeFloor(String venueId, RiskGrade grade) {
    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
