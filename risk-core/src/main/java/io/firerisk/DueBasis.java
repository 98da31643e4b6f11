package io.firerisk;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why an action is due when it is: which of the periods and limits that applied set the date.
 *
 * @param kind what set the date
 * @param days the period in days, when a period set it
 * @param from the day the period counts from (the day the hazard was found, or the assessment date)
 * @param rule the rule whose request or limit set it; empty for the action table's default
 */
public record DueBasis(Kind kind, OptionalInt days, Optional<LocalDate> from, String rule) {

    /** What set a deadline. */
    public enum Kind {
        /** The action table's default period. */
        ACTION_TABLE,
        /** A period or latest date a rule asked for (the hazard catalogue's period, the campaign's end …). */
        RULE,
        /** The deadline already set for the finding (the unit's plan or the rectification notice); kept, never extended. */
        RECORDED,
        /** The grade's rectification period, shorter than the period asked for. */
        GRADE_PERIOD,
        /** A limit such as a key period's eve, earlier than the period asked for. */
        CAP,
        /** What the work needs at least: a shorter period or limit was not applied below it. */
        WORK_MINIMUM,
        /** The period had already run out on the assessment date, so the action is due that day. */
        TODAY
    }

    public DueBasis {
        Checks.notNull("DueBasis", "kind", kind);
        days = days == null ? OptionalInt.empty() : days;
        from = from == null ? Optional.empty() : from;
        rule = rule == null ? "" : rule;
    }
}
