package io.firerisk.rules;

/**
 * Conclusion: a row of the campaign's likelihood (L) table applies to the venue, so its L is at least
 * the row's level. The engine takes the highest level, explicitly. Build it with
 * {@code campaign.likelihood($f, "ROW")} (set by a finding) or {@code campaign.likelihood($v, "ROW")}
 * (by the venue as a whole), which fill in the level from the table.
 *
 * @param venueId   the venue
 * @param row       the row's code in the L table
 * @param level     the row's level
 * @param findingId the finding that set it, empty for the venue as a whole
 */
public record LikelihoodRow(String venueId, String row, int level, String findingId) {

    public LikelihoodRow {
        findingId = findingId == null ? "" : findingId;
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
