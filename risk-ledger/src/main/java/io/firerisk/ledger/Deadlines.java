package io.firerisk.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for a rectification deadline (限期) a person sets: on a finding, in a 五落实 plan, in an
 * extension request and its approval, at a reopening. The ledger refuses an entry that breaks it, and
 * the desk's forms and API ask the same rule first so that each breach is shown beside its field in
 * the person's language; nothing else decides whether a deadline is acceptable.
 *
 * <p>{@code day} is the day the event happens (the form's or the call's date, not the page's as-of
 * date nor the server's today): a deadline is never set to a day already past on the day it is set,
 * with one exception that keeps an overdue hazard workable: a plan may keep the deadline in force even
 * when it has passed (the order stands; only an approved extension moves it later).
 */
public final class Deadlines {
    private Deadlines() {}

    /** What is wrong with a deadline; {@code limit} the date it must respect, {@code args} what a message needs. */
    public enum Kind {
        /** Before the day the hazard was found (or last reopened). args: that day. */
        BEFORE_FOUND,
        /** Before the day it is set: a deadline already past when it is given. args: that day. */
        BEFORE_DAY,
        /** A plan moving the deadline later than the one in force (that takes an approved extension). args: the deadline in force. */
        AFTER_DEADLINE_IN_FORCE,
        /** An extension to a day not after the deadline in force. args: the deadline in force. */
        NOT_AFTER_DEADLINE_IN_FORCE,
        /** An extension further than the campaign allows at once (ledger.yaml extensions.maxDaysEach). args: the furthest day, the days. */
        BEYOND_MAX_DAYS,
        /** An approval later than the day requested. args: the day requested. */
        BEYOND_REQUESTED
    }

    /**
     * A deadline that breaks the rule.
     *
     * @param kind what rule it breaks
     * @param args the dates (and numbers) the message names, in the order {@link Kind} lists them
     * @param what the reason in English, for the ledger's refusal and its log
     */
    public record Breach(Kind kind, List<Object> args, String what) {
        public Breach {
            args = List.copyOf(args);
        }
    }

    /** A hazard's deadline given when it is found (or reopened) on {@code day}. */
    public static Optional<Breach> onFinding(LocalDate day, LocalDate deadline) {
        if (deadline != null && day != null && deadline.isBefore(day)) {
            return breach(Kind.BEFORE_FOUND, deadline + " is before the day the hazard was found (" + day + ")", day);
        }
        return Optional.empty();
    }

    /**
     * A 五落实 plan's deadline set on {@code day}: between the day the hazard was found and the deadline in
     * force; bringing it forward, not to a day already past.
     */
    public static Optional<Breach> onPlan(LocalDate day, LocalDate foundOn, LocalDate inForce, LocalDate deadline) {
        if (deadline == null) {
            return Optional.empty();
        }
        if (inForce != null && deadline.isAfter(inForce)) {
            return breach(Kind.AFTER_DEADLINE_IN_FORCE, "may bring the deadline (" + inForce + ") forward, not push it back to "
                    + deadline + ": that takes an approved extension", inForce);
        }
        if (foundOn != null && deadline.isBefore(foundOn)) {
            return breach(Kind.BEFORE_FOUND, deadline + " is before the hazard was found (" + foundOn + ")", foundOn);
        }
        if (day != null && deadline.isBefore(day) && !deadline.equals(inForce)) {
            return breach(Kind.BEFORE_DAY, deadline + " is before the day the plan is set (" + day
                    + "): a plan may keep the deadline in force, not bring it forward to a day already past", day);
        }
        return Optional.empty();
    }

    /** The day an extension requested on {@code day} asks for: after the deadline in force and the day, within the campaign's days. */
    public static Optional<Breach> onExtensionRequest(LocalDate day, LocalDate inForce, int maxDaysEach, LocalDate until) {
        if (until == null) {
            return Optional.empty();
        }
        if (inForce != null && !until.isAfter(inForce)) {
            return breach(Kind.NOT_AFTER_DEADLINE_IN_FORCE, "must be after the deadline in force (" + inForce + "), was "
                    + until, inForce);
        }
        if (day != null && until.isBefore(day)) {
            return breach(Kind.BEFORE_DAY, until + " is before the day of the request (" + day + "): an extension to a "
                    + "day already past gives no time", day);
        }
        if (inForce != null && until.isAfter(inForce.plusDays(maxDaysEach))) {
            LocalDate furthest = inForce.plusDays(maxDaysEach);
            return breach(Kind.BEYOND_MAX_DAYS, "may move the deadline " + inForce + " by at most " + maxDaysEach
                    + " days, to " + furthest + " (ledger.yaml extensions.maxDaysEach), was " + until, furthest, maxDaysEach);
        }
        return Optional.empty();
    }

    /** The day an extension is granted to on {@code day}: after the deadline in force and the day, no later than requested. */
    public static Optional<Breach> onExtensionApproval(LocalDate day, LocalDate inForce, LocalDate requested,
            LocalDate until) {
        if (until == null) {
            return Optional.empty();
        }
        if (inForce != null && !until.isAfter(inForce)) {
            return breach(Kind.NOT_AFTER_DEADLINE_IN_FORCE, "must be after the deadline in force (" + inForce + "), was "
                    + until, inForce);
        }
        if (requested != null && until.isAfter(requested)) {
            return breach(Kind.BEYOND_REQUESTED, "may be no later than requested (" + requested + "), was " + until,
                    requested);
        }
        if (day != null && until.isBefore(day)) {
            return breach(Kind.BEFORE_DAY, until + " is before the day of the decision (" + day + "): an extension to a "
                    + "day already past gives no time", day);
        }
        return Optional.empty();
    }

    /** The new deadline of a hazard reopened on {@code day} (回头看). */
    public static Optional<Breach> onReopening(LocalDate day, LocalDate deadline) {
        if (deadline != null && day != null && deadline.isBefore(day)) {
            return breach(Kind.BEFORE_DAY, deadline + " is before the reopening (" + day + ")", day);
        }
        return Optional.empty();
    }

    private static Optional<Breach> breach(Kind kind, String what, Object... args) {
        return Optional.of(new Breach(kind, List.of(args), what));
    }
}
