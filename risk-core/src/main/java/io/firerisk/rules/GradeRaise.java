package io.firerisk.rules;

/**
 * Conclusion: raise the venue's grade by {@code steps} above its worst floor (capped at red). When
 * several raises apply the largest is used, never their sum, so adding facts never lowers a grade
 * and one circumstance is not counted twice.
 *
 * @param venueId the venue
 * @param steps   steps to raise, at least 1
 */
public record GradeRaise(String venueId, int steps) {
    public GradeRaise {
        if (steps < 1) {
            throw new IllegalArgumentException("GradeRaise.steps must be >= 1 (was " + steps + ")");
        }
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
