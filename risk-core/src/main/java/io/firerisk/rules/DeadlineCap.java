package io.firerisk.rules;

import java.time.LocalDate;

/**
 * Conclusion: actions about a finding (or, with an empty finding id, every dated action of the
 * venue) are due no later than {@code latest}; for example, before a key period begins. Only the
 * actions the action table marks {@code capped} are brought forward (rectification and inspection,
 * not a penalty procedure with its own timetable). A cap before the assessment date makes the action
 * due on the assessment date.
 *
 * @param venueId   the venue
 * @param findingId the finding whose actions are capped, empty for all
 * @param latest    the latest deadline
 */
public record DeadlineCap(String venueId, String findingId, LocalDate latest) {

    public static DeadlineCap forFinding(HazardFinding finding, LocalDate latest) {
        return new DeadlineCap(finding.venueId(), finding.findingId(), latest);
    }

    public static DeadlineCap forVenue(String venueId, LocalDate latest) {
        return new DeadlineCap(venueId, "", latest);
    }

    public boolean appliesTo(String actionFindingId, java.util.Collection<String> triggeringFindings) {
        return findingId.isEmpty() || findingId.equals(actionFindingId) || triggeringFindings.contains(findingId);
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
