package io.firerisk.campaign;

import io.firerisk.Text;

import java.time.LocalDate;

/**
 * A key period (元旦, 春节 …) during which the fire-prevention level is raised. The raised level
 * runs from {@code from - marginDays} to {@code to + marginDays}; the early warning (预警) runs for
 * {@code leadDays} before that.
 *
 * @param code       the period's code, such as {@code SPRING_FESTIVAL}
 * @param label      its name
 * @param from       first day, inclusive, before any margin
 * @param to         last day, inclusive, before any margin
 * @param alertLevel the level in force while it is raised
 * @param leadDays   days of early warning before the raised level begins
 * @param marginDays days the raised level extends either side of {@code from} and {@code to}
 * @param clause     the clause that raises the level
 * @param source     the clause its dates come from (a holiday notice, a session calendar), empty when none
 */
public record KeyPeriod(String code, Text label, LocalDate from, LocalDate to, String alertLevel, int leadDays,
        int marginDays, String clause, String source) {

    public KeyPeriod {
        source = source == null ? "" : source;
    }

    /** A key period whose dates cite no source of their own. */
    public KeyPeriod(String code, Text label, LocalDate from, LocalDate to, String alertLevel, int leadDays,
            int marginDays, String clause) {
        this(code, label, from, to, alertLevel, leadDays, marginDays, clause, "");
    }

    public LocalDate raisedFrom() {
        return from.minusDays(marginDays);
    }

    public LocalDate raisedTo() {
        return to.plusDays(marginDays);
    }

    /** First day of the early-warning lead-up; the lead-up ends the day before {@link #raisedFrom()}. */
    public LocalDate warningFrom() {
        return raisedFrom().minusDays(leadDays);
    }

    /** The eve of the raised level: the last day of the lead-up. */
    public LocalDate eve() {
        return raisedFrom().minusDays(1);
    }

    public boolean raisedOn(LocalDate date) {
        return !date.isBefore(raisedFrom()) && !date.isAfter(raisedTo());
    }

    public boolean inLeadUp(LocalDate date) {
        return leadDays > 0 && !date.isBefore(warningFrom()) && date.isBefore(raisedFrom());
    }
}
