package io.firerisk.campaign;

import io.firerisk.Text;

import java.time.LocalDate;

/**
 * A key period (元旦, 春节 …) during which the fire-prevention level is raised. The raised level
 * runs from {@code from - marginDays} to {@code to + marginDays}; the early warning (预警) runs for
 * {@code leadDays} before that.
 */
public record KeyPeriod(String code, Text label, LocalDate from, LocalDate to, String alertLevel, int leadDays,
        int marginDays, String clause) {

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

    public boolean raisedOn(LocalDate date) {
        return !date.isBefore(raisedFrom()) && !date.isAfter(raisedTo());
    }

    public boolean inLeadUp(LocalDate date) {
        return leadDays > 0 && !date.isBefore(warningFrom()) && date.isBefore(raisedFrom());
    }
}
