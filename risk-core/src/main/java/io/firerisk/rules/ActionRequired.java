package io.firerisk.rules;

import io.firerisk.Text;

import java.time.LocalDate;

/**
 * Conclusion: an action from the campaign's action table is required. The deadline is the action
 * table's default unless the rule gives {@code days} or a latest date; the engine then applies the
 * grade's rectification period (for actions the table marks {@code by_grade}) and any
 * {@link DeadlineCap}, earliest wins, but never earlier than what the work needs ({@code atLeastDays}).
 * A deadline already set ({@code fixedOn}) is kept as it is: no period or cap moves it, and once
 * passed it stays passed.
 *
 * <p>Build it fluently in a consequence:
 * <pre>{@code insertLogical(ActionRequired.forFinding($f, "RECTIFY").withinDays($f.rectifyDays()).from($f.foundOn())
 *         .atLeastDays($f.minimumDays()).detail("…", "…"));}</pre>
 *
 * @param venueId     the venue
 * @param code        action code
 * @param findingId   the finding it is about, empty for the whole venue
 * @param days        days from {@code from}, {@code null} for the action table's default
 * @param notAfter    latest date, {@code null} for none
 * @param detail      specifics for the person doing it, {@link Text#EMPTY} for none
 * @param from        the day periods count from, {@code null} for the assessment date
 * @param atLeastDays the least days (from {@code from}) the work needs, {@code null} for no floor
 * @param fixedOn     a deadline already set, kept as it is; {@code null} for none
 */
public record ActionRequired(String venueId, String code, String findingId, Integer days, LocalDate notAfter,
        Text detail, LocalDate from, Integer atLeastDays, LocalDate fixedOn) {

    public ActionRequired {
        if (days != null && days < 0) {
            throw new IllegalArgumentException("ActionRequired.days must be >= 0 (was " + days + ")");
        }
        if (atLeastDays != null && atLeastDays < 0) {
            throw new IllegalArgumentException("ActionRequired.atLeastDays must be >= 0 (was " + atLeastDays + ")");
        }
        findingId = findingId == null ? "" : findingId;
        detail = detail == null ? Text.EMPTY : detail;
    }

    public static ActionRequired forVenue(VenueProfile venue, String code) {
        return forVenue(venue.venueId(), code);
    }

    public static ActionRequired forVenue(String venueId, String code) {
        return new ActionRequired(venueId, code, "", null, null, Text.EMPTY, null, null, null);
    }

    public static ActionRequired forFinding(HazardFinding finding, String code) {
        return new ActionRequired(finding.venueId(), code, finding.findingId(), null, null, Text.EMPTY, null, null,
                null);
    }

    public ActionRequired withinDays(int d) {
        return new ActionRequired(venueId, code, findingId, d, notAfter, detail, from, atLeastDays, fixedOn);
    }

    public ActionRequired notAfter(LocalDate date) {
        return new ActionRequired(venueId, code, findingId, days, date, detail, from, atLeastDays, fixedOn);
    }

    public ActionRequired detail(String zh, String en) {
        return detail(Text.of(zh, en));
    }

    public ActionRequired detail(Text text) {
        return new ActionRequired(venueId, code, findingId, days, notAfter, text, from, atLeastDays, fixedOn);
    }

    /** Periods count from this day (the day a hazard was found) rather than the assessment date. */
    public ActionRequired from(LocalDate start) {
        return new ActionRequired(venueId, code, findingId, days, notAfter, detail, start, atLeastDays, fixedOn);
    }

    /** The work needs at least this many days from {@code from}: no shorter period or cap goes below it. */
    public ActionRequired atLeastDays(int d) {
        return new ActionRequired(venueId, code, findingId, days, notAfter, detail, from, d, fixedOn);
    }

    /** The deadline already set for this work; kept as it is, and once passed it stays passed. */
    public ActionRequired fixedOn(LocalDate deadline) {
        return new ActionRequired(venueId, code, findingId, days, notAfter, detail, from, atLeastDays, deadline);
    }

    public boolean aboutFinding() {
        return !findingId.isEmpty();
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
