package io.firerisk.rules;

/**
 * Conclusion: a row of the campaign's severity (S) table applies to the venue, so its S is at least
 * the row's level. The engine takes the highest level, explicitly. Build it with
 * {@code campaign.severity($v, "ROW")}, which fills in the level from the table.
 *
 * @param venueId the venue
 * @param row     the row's code in the S table
 * @param level   the row's level
 */
public record SeverityRow(String venueId, String row, int level) {
    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
