package io.firerisk.server.dashboard;

import io.firerisk.ledger.Ledger;
import io.firerisk.server.DeskProperties;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the dashboard of the date the desk opens on once, in the background, as soon as the desk is up: on a
 * past date that is a replay of the log and a grade for every venue (a minute at district scale), which the first
 * person to open the desk would otherwise wait for, with everyone after them waiting on the same build. What it
 * leaves behind (the date's replay and grades, the trend, the dashboard) is what those pages read.
 */
@Component
class OpeningDayWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(OpeningDayWarmUp.class);

    private final DashboardService dashboards;
    private final Ledger ledger;
    private final DeskProperties properties;

    OpeningDayWarmUp(DashboardService dashboards, Ledger ledger, DeskProperties properties) {
        this.dashboards = dashboards;
        this.ledger = ledger;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        Thread t = new Thread(this::build, "desk-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private void build() {
        LocalDate today = ledger.today();
        LocalDate date = properties.asOf().filter(d -> !d.isAfter(today)).orElse(today);
        long t0 = System.nanoTime();
        try {
            dashboards.dashboard(date, new Viewer("desk-warm-up", "", DeskRole.STAFF, Optional.empty(), Optional.empty()),
                    Locale.SIMPLIFIED_CHINESE);
            LOG.info("dashboard as of {} ready in {} ms", date, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // The first page to ask builds it again and shows the error the way pages do.
            LOG.warn("dashboard as of {} not built ahead: {}", date, e.toString());
        }
    }
}
