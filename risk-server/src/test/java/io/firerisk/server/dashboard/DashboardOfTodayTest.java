package io.firerisk.server.dashboard;

import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Ledger;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskAccounts;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A desk showing today: every recording moves today's figures, so the dashboard of today may be shown up to
 * {@code max-staleness} old, saying when it was counted; a past date's is always exact. A clock the test moves
 * stands for the time passing; recordings are cancellations of open hazards (one fewer hazard counted).
 */
@DeskTest
class DashboardOfTodayTest {

    private static final Viewer STAFF = new Viewer("test-dashboard-of-today", "", DeskRole.STAFF, Optional.empty(),
            Optional.empty());

    @Autowired
    Ledger ledger;
    @Autowired
    MessageSource messages;
    @Autowired
    MockMvc mvc;
    @Autowired
    DeskAccounts accounts;

    private final MovingClock clock = new MovingClock(Instant.now());

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accounts, ledger);
    }

    private DashboardService desk(Duration maxStaleness) {
        return new DashboardService(ledger, messages, clock, maxStaleness);
    }

    private Dashboard dashboard(DashboardService desk, LocalDate asOf) {
        return desk.dashboard(asOf, STAFF, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Records that a hazard open on the day was a mistake, at that instant: one open today too (so that no earlier
     * test's cancellation of it, today, comes after one dated on a past day).
     */
    private void cancelOneHazardOpenOn(LocalDate day, Instant at) {
        String hazardId = ledger.hazards(HazardQuery.builder().asOf(ledger.today()).states(HazardState.OPEN)
                        .page(0, 1).build())
                .items().get(0).hazardId();
        ledger.record(Entry.of("dashboard-of-today-" + UUID.randomUUID(), TestAccounts.STAFF_PERSON, at,
                new Event.HazardCancelled(hazardId, "recorded twice")));
    }

    @Test
    void aRecordingWithinTheBoundShowsTheKeptDashboardSayingWhenItWasCounted() {
        // Given today's dashboard, counted at 'then'
        DashboardService desk = desk(Duration.ofSeconds(10));
        LocalDate today = ledger.today();
        Instant then = clock.instant();
        Dashboard before = dashboard(desk, today);
        // When a hazard is cancelled and the dashboard asked for 3 s later
        cancelOneHazardOpenOn(today, Instant.now());
        clock.advance(Duration.ofSeconds(3));
        Dashboard shown = dashboard(desk, today);
        // Then it is the one counted at 'then', and it says so
        assertThat(shown.totals().hazards()).isEqualTo(before.totals().hazards());
        assertThat(shown.ofToday()).isTrue();
        ZoneId zone = ledger.campaign().timeZone();
        assertThat(shown.computedAt()).isEqualTo(LocalDateTime.ofInstant(then, zone));
        assertThat(shown.computedAtTime()).isEqualTo(LocalTime.ofInstant(then, zone)
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
    }

    @Test
    void afterTheBoundTheNextRequestCountsTheRecording() {
        // Given today's dashboard, and a hazard cancelled after it was counted
        DashboardService desk = desk(Duration.ofSeconds(10));
        LocalDate today = ledger.today();
        long before = dashboard(desk, today).totals().hazards();
        cancelOneHazardOpenOn(today, Instant.now());
        // When the dashboard is asked for 11 s later
        clock.advance(Duration.ofSeconds(11));
        Dashboard shown = dashboard(desk, today);
        // Then it counts one hazard fewer, counted now
        assertThat(shown.totals().hazards()).isEqualTo(before - 1);
        assertThat(shown.computedAt()).isEqualTo(LocalDateTime.ofInstant(clock.instant(), ledger.campaign().timeZone()));
    }

    @Test
    void aMaximumStalenessOfZeroCountsEveryRecordingAtOnce() {
        // Given a desk that never shows an older dashboard, and today's
        DashboardService desk = desk(Duration.ZERO);
        LocalDate today = ledger.today();
        long before = dashboard(desk, today).totals().hazards();
        // When a hazard is cancelled, and the dashboard asked for at the same instant
        cancelOneHazardOpenOn(today, Instant.now());
        // Then it counts one hazard fewer
        assertThat(dashboard(desk, today).totals().hazards()).isEqualTo(before - 1);
    }

    @Test
    void aPastDatesDashboardIsAlwaysExact() {
        // Given yesterday's dashboard on a desk that may show today's 10 s old
        DashboardService desk = desk(Duration.ofSeconds(10));
        LocalDate yesterday = ledger.today().minusDays(1);
        Dashboard before = dashboard(desk, yesterday);
        assertThat(before.ofToday()).isFalse();
        // When a hazard is cancelled as of yesterday noon, and yesterday's dashboard asked for at the same instant
        cancelOneHazardOpenOn(yesterday, yesterday.atTime(LocalTime.NOON).atZone(ledger.campaign().timeZone())
                .toInstant());
        // Then it counts one hazard fewer
        assertThat(dashboard(desk, yesterday).totals().hazards()).isEqualTo(before.totals().hazards() - 1);
    }

    @Test
    void todaysPageSaysWhenItsFiguresWereCountedAndAPastDaysDoesNot() throws Exception {
        var staff = user(accounts.loadUserByUsername("test-staff"));
        String today = mvc.perform(get("/?asOf=" + ledger.today()).with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(today).containsPattern("id=\"computed-at\">数据截至 \\d\\d:\\d\\d:\\d\\d</small>");
        String english = mvc.perform(get("/?lang=en&asOf=" + ledger.today()).with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).containsPattern("id=\"computed-at\">Figures as of \\d\\d:\\d\\d:\\d\\d</small>");
        String past = mvc.perform(get("/?asOf=2024-02-05").with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(past).doesNotContain("computed-at");
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
