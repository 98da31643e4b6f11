package io.firerisk.rules;

/**
 * Conclusion: raise the venue's likelihood (L) by {@code steps}, never above the campaign's cap for
 * raises (a key period, an overdue or a repeated hazard make a fire likelier, but do not by
 * themselves make a venue's controls as bad as a legal ground for stopping use). When several raises
 * apply the largest is used, never their sum, so one circumstance is not counted twice.
 *
 * @param venueId   the venue
 * @param steps     steps to raise, at least 1
 * @param findingId the finding behind it, empty for the venue as a whole
 */
public record LikelihoodRaise(String venueId, int steps, String findingId) {
    public LikelihoodRaise {
        if (steps < 1) {
            throw new IllegalArgumentException("LikelihoodRaise.steps must be >= 1 (was " + steps + ")");
        }
        findingId = findingId == null ? "" : findingId;
    }

    public static LikelihoodRaise of(HazardFinding finding, int steps) {
        return new LikelihoodRaise(finding.venueId(), steps, finding.findingId());
    }

    public static LikelihoodRaise of(VenueProfile venue, int steps) {
        return new LikelihoodRaise(venue.venueId(), steps, "");
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
