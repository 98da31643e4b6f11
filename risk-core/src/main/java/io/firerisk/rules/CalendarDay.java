package io.firerisk.rules;

import java.time.LocalDate;

/**
 * The assessment date as rules see it: which phase, key period and alert level are in force. Rules
 * never read the wall clock; this is their only notion of "today". One per assessment.
 *
 * @param date            the assessment date
 * @param campaignInForce the date lies inside one of the campaign's phases
 * @param phase           the phase code, empty outside the campaign
 * @param keyPeriod       the key period in force, empty when none
 * @param alertLevel      the alert level in force
 * @param upcomingPeriod  the key period whose early-warning lead-up this is, empty when none
 * @param upcomingStart   the first day of the upcoming period's raised level, {@code null} when none
 * @param keyPeriodEnd    the last day of the key period in force, {@code null} when none
 * @param campaignStart   the first day of the campaign
 * @param campaignEnd     the last day of the campaign
 */
public record CalendarDay(
        LocalDate date,
        boolean campaignInForce,
        String phase,
        String keyPeriod,
        String alertLevel,
        String upcomingPeriod,
        LocalDate upcomingStart,
        LocalDate keyPeriodEnd,
        LocalDate campaignStart,
        LocalDate campaignEnd) {

    public boolean inKeyPeriod() {
        return !keyPeriod.isEmpty();
    }

    public boolean inLeadUp() {
        return !upcomingPeriod.isEmpty();
    }

    /** The date {@code days} after the assessment date. */
    public LocalDate plusDays(long days) {
        return date.plusDays(days);
    }

    @Override
    public String toString() {
        return "date " + date + (phase.isEmpty() ? "" : " (" + phase + ")")
                + (keyPeriod.isEmpty() ? "" : " in " + keyPeriod)
                + (upcomingPeriod.isEmpty() ? "" : " before " + upcomingPeriod);
    }
}
