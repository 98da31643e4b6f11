package io.firerisk.server.web;

import java.time.LocalDate;

/**
 * The date a page shows the campaign as of: the address's {@code ?asOf=YYYY-MM-DD}, else the desk's
 * setting ({@code firerisk.desk.as-of}), else today. A controller method takes it as a parameter.
 */
public record AsOf(LocalDate date, boolean fromAddress) {

    /** The query-string value, {@code asOf=2024-02-05}. */
    public String param() {
        return "asOf=" + date;
    }
}
