package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.Venue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.INSPECTOR_2;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.REVIEWER;
import static io.firerisk.ledger.World.STAFF;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.day;
import static io.firerisk.ledger.World.photo;
import static io.firerisk.ledger.World.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger as of today is read from the projections (kept with every event, grades of today) and the trend's
 * last week is folded again over the week's events alone: after any series of recordings (today, earlier this
 * week, in an earlier week, a day ahead), lists, counts and the trend of today are what a replay of the whole
 * log from scratch gives.
 */
class TodayFromProjectionsTest {

    /** Today by the world's clock (2024-06-01 08:00 in the campaign's zone), a Saturday. */
    static final LocalDate TODAY = day("2024-06-01");
    static final LocalDate START = day("2023-12-01");
    private static final String[] CODES = {"GAS_ALARM_NOT_INSTALLED", "EVACUATION_ROUTE_BLOCKED",
            "FIRE_EXTINGUISHER_INVALID", "EXIT_WIDTH_SHORT"};
    private static final Dimension[] DASHBOARD = {Dimension.STREET, Dimension.UNIT, Dimension.STATE, Dimension.GRADE,
            Dimension.CATEGORY, Dimension.OVERDUE, Dimension.CLOSED_BY_DEADLINE};

    @Property(tries = 12)
    void todaysListsCountsAndTrendAreWhatAReplayGivesAfterEveryRecording(@ForAll long seed,
            @ForAll @IntRange(min = 4, max = 24) int steps) {
        try (TestDatabase db = TestDatabase.h2(); Ledger ledger = World.open(db)) {
            World world = new World();
            world.setUp(ledger);
            recordAndCompare(ledger, world, seed, steps, false);
        }
    }

    @Nested
    class OnH2 extends TodaySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends TodaySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }

    /**
     * Records {@code steps} pieces of work drawn from {@code seed} (hazards found, the loop's steps, a reopening at
     * 回头看, a venue moved to another street or unit; mostly today, some dated earlier this week, in an earlier week
     * or, when asked, tomorrow) and after each compares today's reads with a replay from scratch. Work the ledger
     * refuses is left out.
     */
    static void recordAndCompare(Ledger ledger, World world, long seed, int steps, boolean withTomorrow) {
        Recorder recorder = new Recorder(ledger, world, seed);
        for (int i = 0; i < steps; i++) {
            recorder.step(TODAY, withTomorrow);
            compare(ledger, "step " + i + " of seed " + seed);
        }
    }

    /** Draws and records pieces of work, one at a time, each dated around the day it is given as today. */
    static final class Recorder {
        final Random random;
        private final Ledger ledger;
        private final World world;
        private final long seed;
        private final List<String> hazards = new ArrayList<>();
        private int steps;

        Recorder(Ledger ledger, World world, long seed) {
            this.ledger = ledger;
            this.world = world;
            this.seed = seed;
            this.random = new Random(seed);
        }

        void step(LocalDate today, boolean withTomorrow) {
            Random r = random;
            int i = steps++;
            String day = today.toString();
            Instant when = switch (r.nextInt(10)) {
                case 0 -> at("2024-05-20", 10 + r.nextInt(6));
                case 1 -> at("2024-05-29", 10 + r.nextInt(6));
                case 2 -> withTomorrow ? at(today.plusDays(1).toString(), 1) : at(day, 1 + r.nextInt(7));
                default -> at(day, 1 + r.nextInt(7));
            };
            LocalDate date = LocalDate.ofInstant(when, World.ZONE);
            String hazard = hazards.isEmpty() ? null : hazards.get(r.nextInt(hazards.size()));
            int action = hazard == null ? 0 : r.nextInt(12);
            List<Entry> entries = new ArrayList<>();
            String found = null;
            switch (action) {
                case 0, 1 -> {
                    String venue = r.nextBoolean() ? RESTAURANT : CANTEEN;
                    String inspection = "I-" + seed + "-" + i;
                    Finding f = Finding.builder(venue + "/P" + i, CODES[r.nextInt(CODES.length)]).location("后厨").build();
                    entries.add(world.entry(INSPECTOR, when, new Event.InspectionRecorded(inspection, venue,
                            InspectionKind.SPOT_CHECK, date, List.of(INSPECTOR), "")));
                    entries.add(world.entry(INSPECTOR, when, new Event.HazardFound(venue, inspection, f, false, null,
                            List.of())));
                    found = f.id();
                }
                case 2 -> entries.add(world.entry(OFFICER, when, new Event.PlanSet(hazard,
                        plan(List.of("2024-05-25", "2024-06-05", "2024-06-20").get(r.nextInt(3))))));
                case 3 -> entries.add(world.entry(OFFICER, when, new Event.RectificationReported(hazard, "已整改",
                        List.of(photo("done.jpg")))));
                case 4 -> entries.add(world.entry(INSPECTOR_2, when, new Event.ReinspectionPassed(hazard, null, "复查合格",
                        List.of(photo("ok.jpg")))));
                case 5 -> entries.add(world.entry(INSPECTOR, when, new Event.ReinspectionFailed(hazard, null, "未整改到位",
                        List.of())));
                case 6, 7 -> entries.add(world.entry(STAFF, when, new Event.HazardClosed(hazard, "销号")));
                case 8 -> entries.add(world.entry(STAFF, when, new Event.HazardCancelled(hazard, "重复录入")));
                case 9 -> {
                    // 回头看 finds a closed hazard back (refused unless it is closed)
                    String venue = hazard.substring(0, hazard.indexOf('/'));
                    String inspection = "R-" + seed + "-" + i;
                    entries.add(world.entry(REVIEWER, when, new Event.InspectionRecorded(inspection, venue,
                            InspectionKind.REINSPECTION, date, List.of(REVIEWER), "回头看")));
                    entries.add(world.entry(REVIEWER, when, new Event.HazardReopened(hazard, inspection, "反弹", null,
                            List.of(photo("again.jpg")))));
                }
                default ->
                    // the restaurant moves between two streets and two units, so its hazards count elsewhere
                    entries.add(world.entry(STAFF, when, new Event.VenueChanged(World.restaurant(),
                            r.nextBoolean() ? "ENT-LAOZHANG" : "SUB-SANITATION",
                            r.nextBoolean() ? "CM-CJB-1" : "GR-LD-1-01")));
            }
            try {
                ledger.record(entries);
                if (found != null) {
                    hazards.add(found);
                }
            } catch (RefusedException e) {
                // not a step the loop allows from where the hazard is, or dated before its last one: left out
            }
        }
    }

    /** Today's reads against a replay from scratch: see {@link #compare(Ledger, LocalDate, String)}. */
    static void compare(Ledger ledger, String when) {
        compare(ledger, TODAY, when);
    }

    /** Today's reads against a replay from scratch, the trend of all and of one street: see the next. */
    static void compare(Ledger ledger, LocalDate today, String when) {
        compare(ledger, today, when, HazardQuery.builder().streets("ST-LD").build());
    }

    /**
     * Today's counts (all, one unit, one street's overdue; by the dashboard's dimensions and by fewer; as of today and,
     * while the projections are today's, as they stand), pages in several orders and trends (all, and a scope: two,
     * as many as the ledger keeps the state of) against a replay from scratch.
     */
    static void compare(Ledger ledger, LocalDate today, String when, HazardQuery scope) {
        Replay replay = ledger.replayFromScratch();
        HazardQuery all = HazardQuery.builder().asOf(today).build();
        List<HazardQuery> filters = List.of(all,
                HazardQuery.builder().asOf(today).units("ENT-LAOZHANG").states(COUNTED).build(),
                HazardQuery.builder().asOf(today).streets("ST-LD").overdue(true).build());
        List<Dimension[]> byWhat = List.of(DASHBOARD, new Dimension[] {Dimension.STATE, Dimension.GRADE},
                new Dimension[] {Dimension.UNIT});
        // as it stands (no date): the projections, whatever day their grades are of; compared once they are today's
        List<Count> standing = ledger.counts(HazardQuery.builder().build(), DASHBOARD);
        assertThat(standing).as(when + ", as it stands, against SQL")
                .isEqualTo(ledger.countsInSql(HazardQuery.builder().build(), DASHBOARD));
        if (ledger.readsTodayFromProjections()) {
            assertThat(standing).as(when + ", as it stands").isEqualTo(replay.snapshot(today).counts(all,
                    List.of(DASHBOARD)));
        }
        for (HazardQuery q : filters) {
            for (Dimension[] by : byWhat) {
                assertThat(ledger.counts(q, by)).as(when + ", " + q + " by " + List.of(by))
                        .isEqualTo(replay.snapshot(today).counts(q, List.of(by)));
            }
        }
        for (HazardQuery.Sort sort : List.of(HazardQuery.Sort.DEADLINE, HazardQuery.Sort.GRADE,
                HazardQuery.Sort.DAYS_OVERDUE, HazardQuery.Sort.LAST_CHANGE, HazardQuery.Sort.STREET)) {
            for (HazardQuery q : List.of(HazardQuery.builder().asOf(today).sort(sort, false).build(),
                    HazardQuery.builder().asOf(today).sort(sort, true).overdue(true).page(0, 3).build(),
                    HazardQuery.builder().asOf(today).units("SUB-SANITATION").sort(sort, true).page(0, 4).build())) {
                Page<HazardRow> read = ledger.hazards(q);
                Page<HazardRow> replayed = replay.snapshot(today).page(q);
                assertThat(read.items()).as(when + ", " + sort).isEqualTo(replayed.items());
                assertThat(read.total()).as(when + ", " + sort).isEqualTo(replayed.total());
            }
        }
        // The trend of all and of units is a sum over the one fold kept per unit; each must be what a fold of the
        // log for that filter alone gives (the oracle), kept or replayed afresh
        for (HazardQuery filter : List.of(HazardQuery.all(), scope, ONE_UNIT, OTHER_UNIT, BOTH_UNITS)) {
            List<WeekCounts> folded = replay.trend(START, today, filter, true);
            assertThat(ledger.trend(START, today, filter)).as(when + ", trend " + filter).isEqualTo(folded);
            assertThat(replay.trend(START, today, filter)).as(when + ", replayed trend " + filter).isEqualTo(folded);
        }
    }

    /** States the dashboard counts: all but cancelled. */
    static final java.util.Set<HazardState> COUNTED = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(HazardState.CANCELLED));

    @Property(tries = 8)
    void keptCountsAndTrendFollowEveryRecordingAcrossMidnight(@ForAll long seed,
            @ForAll @IntRange(min = 4, max = 14) int steps) {
        MovableClock clock = new MovableClock(World.CLOCK.instant(), World.ZONE);
        try (TestDatabase db = TestDatabase.h2();
                Ledger ledger = db.configure(Ledger.builder()).campaign(World.engine()).clock(clock).build()) {
            World world = new World();
            world.setUp(ledger);
            // Given a day of recording, compared after each piece
            Recorder recorder = new Recorder(ledger, world, seed);
            for (int i = 0; i < steps; i++) {
                recorder.step(TODAY, false);
                compare(ledger, TODAY, "day 1, step " + i + " of seed " + seed, ONE_UNIT);
            }
            // When the clock passes midnight in Shanghai, while UTC's date is still yesterday's (16:30Z is 00:30
            // CST: a UTC date or LocalDate.now() slip shows here): grades kept are of yesterday until assessed for
            // today, at some point; half way through the day the clock moves to 08:00 CST (UTC's date is today's)
            LocalDate next = TODAY.plusDays(1);
            clock.set(Instant.parse("2024-06-01T16:30:00Z"));
            assertThat(ledger.today()).isEqualTo(next);
            compare(ledger, next, "just past midnight in Shanghai, seed " + seed, ONE_UNIT);
            boolean assessed = false;
            for (int i = 0; i < steps; i++) {
                if (i == steps / 2) {
                    clock.set(Instant.parse("2024-06-02T00:00:00Z"));
                    compare(ledger, next, "next morning, seed " + seed, ONE_UNIT);
                }
                if (!assessed && recorder.random.nextInt(3) == 0) {
                    ledger.assessForToday();
                    assessed = true;
                }
                recorder.step(next, false);
                compare(ledger, next, "day 2, step " + i + " of seed " + seed, ONE_UNIT);
            }
            ledger.assessForToday();
            compare(ledger, next, "day 2 assessed, seed " + seed, ONE_UNIT);
            // and one more finding recorded once the grades are today's (the steps drawn may all have been refused)
            long caughtUp = ledger.todayCounts().catchUps;
            Finding last = Finding.builder(CANTEEN + "/LAST", "GAS_ALARM_NOT_INSTALLED").location("后厨").build();
            ledger.record(List.of(
                    world.entry(INSPECTOR, at(next.toString(), 7), new Event.InspectionRecorded("I-LAST", CANTEEN,
                            InspectionKind.SPOT_CHECK, next, List.of(INSPECTOR), "")),
                    world.entry(INSPECTOR, at(next.toString(), 7), new Event.HazardFound(CANTEEN, "I-LAST", last, false,
                            null, List.of()))));
            // Then every read equals a replay, and today's counts were moved by that recording, not counted afresh
            compare(ledger, next, "day 2, after the last finding, seed " + seed, ONE_UNIT);
            assertThat(ledger.readsTodayFromProjections()).isTrue();
            assertThat(ledger.todayCounts().catchUps).isGreaterThan(caughtUp);
        }
    }

    @Test
    void theTrendsOfUnitsStayRightWhileTrendsOfOtherFiltersPushTheirFoldedStateOut() {
        // Given random days of recording, and after most recordings the trends of three filters that are not units
        // read too (each a folded state of its own: the per-unit fold's state is dropped and must be folded again)
        List<HazardQuery> units = List.of(HazardQuery.all(), ONE_UNIT, OTHER_UNIT, BOTH_UNITS,
                HazardQuery.builder().units("ENT-LAOZHANG").states(COUNTED).asOf(TODAY).build());
        List<HazardQuery> others = List.of(HazardQuery.builder().streets("ST-LD").build(),
                HazardQuery.builder().streets("ST-CJB").build(), HazardQuery.builder().codes(CODES[0]).build());
        for (long seed = 1; seed <= 6; seed++) {
            try (TestDatabase db = TestDatabase.h2(); Ledger ledger = World.open(db)) {
                World world = new World();
                world.setUp(ledger);
                Recorder recorder = new Recorder(ledger, world, seed);
                for (int i = 0; i < 16; i++) {
                    recorder.step(TODAY, false);
                    // Then every unit scope's trend is what a fold of the log for that filter alone gives
                    for (HazardQuery q : units) {
                        assertThat(ledger.trend(START, TODAY, q)).as("seed " + seed + ", step " + i + ", " + q)
                                .isEqualTo(ledger.replayFromScratch().trend(START, TODAY, q, true));
                    }
                    if (i % 3 != 2) {
                        others.forEach(q -> ledger.trend(START, TODAY, q));
                    }
                }
            }
        }
    }

    /** The restaurant's unit (until it is moved to another): a unit officer's scope. */
    static final HazardQuery ONE_UNIT = HazardQuery.builder().units("ENT-LAOZHANG").build();
    /** The canteen's unit (and the restaurant's while moved there). */
    static final HazardQuery OTHER_UNIT = HazardQuery.builder().units("SUB-SANITATION").build();
    static final HazardQuery BOTH_UNITS = HazardQuery.builder().units("ENT-LAOZHANG", "SUB-SANITATION").build();

    @Test
    void gradesOfAnotherDaySendTodaysReadsToTheReplayUntilEveryVenueIsAssessedForToday() {
        try (TestDatabase db = TestDatabase.h2()) {
            // Given a day's work recorded on 2024-06-01
            try (Ledger first = World.open(db)) {
                World world = new World();
                world.setUp(first);
                recordAndCompare(first, world, 17, 8, false);
                assertThat(first.readsTodayFromProjections()).isTrue();
            }
            // When the desk opens the next morning: the grades kept are of yesterday
            Clock nextDay = Clock.fixed(Instant.parse("2024-06-02T00:00:00Z"), World.ZONE);
            try (Ledger ledger = db.configure(Ledger.builder()).campaign(World.engine()).clock(nextDay).build()) {
                LocalDate today = day("2024-06-02");
                HazardQuery all = HazardQuery.builder().asOf(today).build();
                // Then today's reads are the replay's until every venue is assessed for today, and the same after
                assertThat(ledger.readsTodayFromProjections()).isFalse();
                List<Count> replayed = ledger.counts(all, DASHBOARD);
                assertThat(replayed).isEqualTo(ledger.replayFromScratch().snapshot(today).counts(all, List.of(DASHBOARD)));
                assertThat(ledger.assessForToday()).isEqualTo(2);
                assertThat(ledger.readsTodayFromProjections()).isTrue();
                assertThat(ledger.counts(all, DASHBOARD)).isEqualTo(replayed);
                assertThat(ledger.assessForToday()).isZero();
            }
        }
    }
}

abstract class TodaySpec extends LedgerTestBase {

    @Test
    void aDayOfRecordingReadsTodayFromTheProjectionsAndMatchesTheReplay() {
        // Given the district, when a day's work is recorded (some of it dated earlier), then after each piece
        // today's reads equal a replay from scratch, and they came from the projections
        TodayFromProjectionsTest.recordAndCompare(ledger, world, 2026, 30, false);
        assertThat(ledger.readsTodayFromProjections()).isTrue();
        // moved by what was recorded, not counted or folded afresh each time
        assertThat(ledger.todayCounts().catchUps).isPositive();
        assertThat(ledger.trendAdvances()).isPositive();
        long version = ledger.version(TodayFromProjectionsTest.TODAY);
        world.inspect(ledger, "I-LAST", CANTEEN, InspectionKind.SPOT_CHECK, "2024-06-01", INSPECTOR,
                Finding.builder(CANTEEN + "/LAST", "GAS_ALARM_NOT_INSTALLED").location("后厨").build());
        assertThat(ledger.version(TodayFromProjectionsTest.TODAY)).isNotEqualTo(version);
    }

    @Test
    void workDatedTomorrowSendsTodaysReadsBackToTheReplay() {
        // Given a day's work, some of it dated tomorrow (the ledger takes events up to a day ahead of its clock)
        TodayFromProjectionsTest.recordAndCompare(ledger, world, 7, 30, true);
        ledger.record(world.entry("admin", at("2024-06-02", 1), new Event.PersonRegistered("inspector-late", "晚班检查员",
                "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR))));
        // Then today is replayed: the projections hold tomorrow's events, a replay to the end of today does not
        assertThat(ledger.readsTodayFromProjections()).isFalse();
        TodayFromProjectionsTest.compare(ledger, "after an event dated tomorrow");
    }

    @Test
    void aVenueChangeDatedBeforeTheVenuesLastChangeIsRefused() {
        // Given the restaurant moved on 2024-05-30
        ledger.record(world.entry(STAFF, at("2024-05-30", 9), new Event.VenueChanged(World.restaurant(), "ENT-LAOZHANG",
                "CM-CJB-1")));
        // When a move dated 2024-05-20 is recorded after it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.record(world.entry(STAFF, at("2024-05-20", 9),
                        new Event.VenueChanged(World.restaurant(), "ENT-LAOZHANG", "GR-LD-1-01"))))
                // Then it is refused, naming the date: today's pages (recording order) and a replay (date order)
                // would otherwise put the venue in different streets
                .isInstanceOf(RefusedException.class).hasMessageContaining("happenedAt")
                .hasMessageContaining("before the venue's last change");
        assertThat(ledger.venue(RESTAURANT, TodayFromProjectionsTest.TODAY).orElseThrow().area()).isEqualTo("CM-CJB-1");
    }

    @Test
    void aPersonRegisteredAfterTheDirectoryWasReadIsInItTheNextTime() {
        // Given the directory read once
        assertThat(ledger.directory().people()).doesNotContainKey("inspector-new");
        world.inspect(ledger, "I-D", CANTEEN, InspectionKind.SPOT_CHECK, "2024-05-30", INSPECTOR);
        assertThat(ledger.directory().people()).doesNotContainKey("inspector-new");
        // When a person is registered and another renamed
        ledger.record(List.of(world.entry("admin", at("2024-05-31", 9), new Event.PersonRegistered("inspector-new",
                        "新检查员", "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR))),
                world.entry("admin", at("2024-05-31", 9), new Event.PersonChanged(INSPECTOR, "赵检查员（组长）",
                        "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR)))));
        // Then the next read has both
        Directory d = ledger.directory();
        assertThat(d.people().get("inspector-new").name()).isEqualTo("新检查员");
        assertThat(d.people().get(INSPECTOR).name()).isEqualTo("赵检查员（组长）");
    }
}
