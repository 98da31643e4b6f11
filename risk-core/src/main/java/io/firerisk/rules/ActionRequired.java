package io.firerisk.rules;

import io.firerisk.Text;

import java.time.LocalDate;

/**
 * Conclusion: an action from the campaign's action table is required. The deadline is the action
 * table's default unless the rule gives {@code days} or a latest date; the engine then applies the
 * grade's rectification period and any {@link DeadlineCap}, earliest wins.
 *
 * <p>Build it fluently in a consequence:
 * <pre>{@code insertLogical(ActionRequired.forFinding($f, "RECTIFY").withinDays(3).detail("…", "…"));}</pre>
 *
 * @param venueId   the venue
 * @param code      action code
 * @param findingId the finding it is about, empty for the whole venue
 * @param days      days from the assessment date, {@code null} for the action table's default
 * @param notAfter  latest date, {@code null} for none
 * @param detail    specifics for the person doing it, {@link Text#EMPTY} for none
 */
public record ActionRequired(String venueId, String code, String findingId, Integer days, LocalDate notAfter,
        Text detail) {

    public ActionRequired {
        if (days != null && days < 0) {
            throw new IllegalArgumentException("ActionRequired.days must be >= 0 (was " + days + ")");
        }
        findingId = findingId == null ? "" : findingId;
        detail = detail == null ? Text.EMPTY : detail;
    }

    public static ActionRequired forVenue(VenueProfile venue, String code) {
        return new ActionRequired(venue.venueId(), code, "", null, null, Text.EMPTY);
    }

    public static ActionRequired forVenue(String venueId, String code) {
        return new ActionRequired(venueId, code, "", null, null, Text.EMPTY);
    }

    public static ActionRequired forFinding(HazardFinding finding, String code) {
        return new ActionRequired(finding.venueId(), code, finding.findingId(), null, null, Text.EMPTY);
    }

    public ActionRequired withinDays(int d) {
        return new ActionRequired(venueId, code, findingId, d, notAfter, detail);
    }

    public ActionRequired notAfter(LocalDate date) {
        return new ActionRequired(venueId, code, findingId, days, date, detail);
    }

    public ActionRequired detail(String zh, String en) {
        return new ActionRequired(venueId, code, findingId, days, notAfter, Text.of(zh, en));
    }

    public boolean aboutFinding() {
        return !findingId.isEmpty();
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
