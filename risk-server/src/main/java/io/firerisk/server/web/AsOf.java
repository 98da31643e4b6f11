package io.firerisk.server.web;

import java.time.LocalDate;

/**
 * The date a page shows the campaign as of: the address's {@code ?asOf=YYYY-MM-DD}, else the desk's
 * setting ({@code firerisk.desk.as-of}), else today. A controller method takes it as a parameter.
 */
public record AsOf(LocalDate date, boolean fromAddress) {

    /**
     * When something recorded on this page happened: now on today's page; on a past day's page (the
     * demo's, inside the 2023–24 campaign), noon of that day in the campaign's time zone.
     */
    public java.time.Instant when(LocalDate today, java.time.ZoneId zone, java.time.Clock clock) {
        return date.isBefore(today) ? date.atTime(java.time.LocalTime.NOON).atZone(zone).toInstant() : clock.instant();
    }

    /** The query-string value, {@code asOf=2024-02-05}. */
    public String param() {
        return "asOf=" + date;
    }
}
