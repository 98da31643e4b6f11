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
     * Records {@code steps} pieces of work drawn from {@code seed} (hazards found, the loop's steps, a venue moved to
     * another street; mostly today, some dated earlier this week, in an earlier week or, when asked, tomorrow) and
     * after each compares today's reads with a replay from scratch. Work the ledger refuses is left out.
     */
    static void recordAndCompare(Ledger ledger, World world, long seed, int steps, boolean withTomorrow) {
        Random r = new Random(seed);
        List<String> hazards = new ArrayList<>();
        boolean restaurantMoved = false;
        for (int i = 0; i < steps; i++) {
            Instant when = switch (r.nextInt(10)) {
                case 0 -> at("2024-05-20", 10 + r.nextInt(6));
                case 1 -> at("2024-05-29", 10 + r.nextInt(6));
                case 2 -> withTomorrow ? at("2024-06-02", 1) : at("2024-06-01", 1 + r.nextInt(7));
                default -> at("2024-06-01", 1 + r.nextInt(7));
            };
            LocalDate date = LocalDate.ofInstant(when, World.ZONE);
            String hazard = hazards.isEmpty() ? null : hazards.get(r.nextInt(hazards.size()));
            int action = hazard == null ? 0 : r.nextInt(10);
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
                default -> {
                    // the restaurant moves between two streets, so its hazards count under another street
                    Venue restaurant = World.restaurant();
                    restaurantMoved = !restaurantMoved;
                    entries.add(world.entry(STAFF, when, new Event.VenueChanged(restaurant, "ENT-LAOZHANG",
                            restaurantMoved ? "CM-CJB-1" : "GR-LD-1-01")));
                }
            }
            try {
                ledger.record(entries);
                if (found != null) {
                    hazards.add(found);
                }
            } catch (RefusedException e) {
                // not a step the loop allows from where the hazard is, or dated before its last one: left out
                if (action == 9) {
                    restaurantMoved = !restaurantMoved;
                }
            }
            compare(ledger, "step " + i + " of seed " + seed);
        }
    }

    /** Today's counts, pages in several orders and trends (all, one street) against a replay from scratch. */
    static void compare(Ledger ledger, String when) {
        Replay replay = ledger.replayFromScratch();
        HazardQuery all = HazardQuery.builder().asOf(TODAY).build();
        assertThat(ledger.counts(all, DASHBOARD)).as(when).isEqualTo(replay.snapshot(TODAY).counts(all, List.of(DASHBOARD)));
        for (HazardQuery.Sort sort : List.of(HazardQuery.Sort.DEADLINE, HazardQuery.Sort.GRADE,
                HazardQuery.Sort.DAYS_OVERDUE, HazardQuery.Sort.LAST_CHANGE, HazardQuery.Sort.STREET)) {
            for (HazardQuery q : List.of(HazardQuery.builder().asOf(TODAY).sort(sort, false).build(),
                    HazardQuery.builder().asOf(TODAY).sort(sort, true).overdue(true).page(0, 3).build())) {
                Page<HazardRow> read = ledger.hazards(q);
                Page<HazardRow> replayed = replay.snapshot(TODAY).page(q);
                assertThat(read.items()).as(when + ", " + sort).isEqualTo(replayed.items());
                assertThat(read.total()).as(when + ", " + sort).isEqualTo(replayed.total());
            }
        }
        for (HazardQuery filter : List.of(HazardQuery.all(), HazardQuery.builder().streets("ST-LD").build())) {
            assertThat(ledger.trend(START, TODAY, filter)).as(when + ", trend")
                    .isEqualTo(replay.trend(START, TODAY, filter));
        }
    }

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
