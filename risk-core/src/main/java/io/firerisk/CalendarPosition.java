package io.firerisk;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where an assessment date falls in the campaign's calendar.
 *
 * @param date            the assessment date
 * @param campaignInForce the date lies inside one of the campaign's phases
 * @param phase           the phase in force, if any
 * @param keyPeriod       the key period (元旦, 春节 …) in force, if any
 * @param upcomingPeriod  the key period whose early-warning lead-up the date is in, if any
 * @param upcomingStart   the first day of that upcoming period
 * @param alertLevel      the fire-prevention level in force
 */
public record CalendarPosition(
        LocalDate date,
        boolean campaignInForce,
        Optional<Label> phase,
        Optional<Label> keyPeriod,
        Optional<Label> upcomingPeriod,
        Optional<LocalDate> upcomingStart,
        Label alertLevel) {

    public CalendarPosition {
        Checks.notNull("CalendarPosition", "date", date);
        Checks.notNull("CalendarPosition", "alertLevel", alertLevel);
    }
}
