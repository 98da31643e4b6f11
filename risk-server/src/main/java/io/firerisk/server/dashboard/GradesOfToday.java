package io.firerisk.server.dashboard;

import io.firerisk.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the grades in the ledger's projections of today: when the desk starts, and every few minutes after (so
 * soon after each midnight), every venue not yet assessed as of today is assessed ({@link Ledger#assessForToday}).
 * Grades move with the calendar (a deadline passing, a key period beginning) even when nothing is recorded; while
 * any is of another day, pages of today are replayed from the log (a minute at district scale), and once every one
 * is of today they are read from the projections, which each recording keeps up to date.
 */
@Component
class GradesOfToday {

    private static final Logger LOG = LoggerFactory.getLogger(GradesOfToday.class);

    private final Ledger ledger;

    GradesOfToday(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT5M")
    void assess() {
        long t0 = System.nanoTime();
        int n = ledger.assessForToday();
        if (n > 0) {
            LOG.info("assessed {} venue(s) as of {} for today's pages in {} ms", n, ledger.today(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
