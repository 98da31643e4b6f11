package io.firerisk.ledger;

import io.firerisk.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.firerisk.ledger.TodayFromProjectionsTest.COUNTED;
import static io.firerisk.ledger.TodayFromProjectionsTest.TODAY;
import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledgers (two desk instances) on one PostgreSQL database, each keeping today's counts and trend in memory:
 * what one records, or the grades one writes for a new day, the other counts at its next read, equal to a replay.
 */
class TwoLedgersOneDatabaseTest {

    private static final Dimension[] DASHBOARD = {Dimension.STREET, Dimension.UNIT, Dimension.STATE, Dimension.GRADE,
            Dimension.CATEGORY, Dimension.OVERDUE, Dimension.CLOSED_BY_DEADLINE};

    private TestDatabase.Postgres db;
    private final MovableClock clock = new MovableClock(World.CLOCK.instant(), World.ZONE);
    private Ledger first;
    private Ledger second;
    private final World world = new World();

    @BeforeEach
    void open() {
        db = (TestDatabase.Postgres) TestDatabase.postgres();
        first = db.configure(Ledger.builder()).campaign(World.engine()).clock(clock).build();
        world.setUp(first);
        second = db.configure(Ledger.builder()).campaign(World.engine()).clock(clock).build();
    }

    @AfterEach
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {first, second, db}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aFindingRecordedThroughOneLedgerIsCountedByTheOtherAtOnce() {
        // Given the second ledger has counted today and folded the trend
        HazardQuery today = HazardQuery.builder().asOf(TODAY).states(COUNTED).build();
        long before = total(second.counts(today, DASHBOARD));
        int foundBefore = lastWeek(second).found();
        // When an inspection with a finding is recorded through the first
        world.inspect(first, "I-OTHER", CANTEEN, InspectionKind.SPOT_CHECK, TODAY.toString(), INSPECTOR,
                Finding.builder(CANTEEN + "/OTHER", "GAS_ALARM_NOT_INSTALLED").location("后厨").build());
        // Then the second counts it at its next read, in the counts and in this week's trend
        assertThat(total(second.counts(today, DASHBOARD))).isEqualTo(before + 1);
        assertThat(lastWeek(second).found()).isEqualTo(foundBefore + 1);
        TodayFromProjectionsTest.compare(second, TODAY, "the second ledger, after the first recorded");
    }

    @Test
    void workRecordedThroughBothIsWhatAReplayGivesInEach() {
        // Given both ledgers recording in turn, each comparing after every piece of work
        TodayFromProjectionsTest.Recorder one = new TodayFromProjectionsTest.Recorder(first, world, 41);
        TodayFromProjectionsTest.Recorder two = new TodayFromProjectionsTest.Recorder(second, world, 42);
        for (int i = 0; i < 12; i++) {
            (i % 2 == 0 ? one : two).step(TODAY, false);
            TodayFromProjectionsTest.compare(first, TODAY, "first, step " + i);
            TodayFromProjectionsTest.compare(second, TODAY, "second, step " + i, TodayFromProjectionsTest.ONE_UNIT);
        }
        assertThat(second.todayCounts().catchUps).isPositive();
    }

    @Test
    void gradesWrittenByTheOtherLedgerWithoutAnEventAreCountedAtOnce() throws SQLException {
        // Given a day of work, and the projections' grades waiting for re-assessment (as a new day or an import
        // leaves them), which the second ledger has counted as they stand
        TodayFromProjectionsTest.recordAndCompare(first, world, 5, 10, false);
        try (Connection c = DriverManager.getConnection(TestDatabase.Postgres.URL, TestDatabase.Postgres.USER,
                TestDatabase.Postgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute("set search_path to " + db.schema);
            s.execute("update ledger_hazard set grade = null");
            s.execute("update ledger_venue set grade = null, assessed_on = null");
        }
        List<Count> ungraded = second.counts(HazardQuery.builder().build(), DASHBOARD);
        assertThat(ungraded).allSatisfy(n -> assertThat(n.key().get(3)).isEmpty());
        // When the first assesses every venue for today (grades written, no event recorded)
        assertThat(first.assessForToday()).isEqualTo(2);
        // Then the second's counts have the grades at once, as a replay has them
        HazardQuery all = HazardQuery.builder().asOf(TODAY).build();
        List<Count> replayed = second.replayFromScratch().snapshot(TODAY).counts(all, List.of(DASHBOARD));
        assertThat(replayed).anySatisfy(n -> assertThat(n.key().get(3)).isNotEmpty());
        assertThat(second.counts(HazardQuery.builder().build(), DASHBOARD)).isEqualTo(replayed);
        assertThat(second.counts(all, DASHBOARD)).isEqualTo(replayed);
    }

    @Test
    void aListsTotalFollowsGradesTheOtherLedgerWritesWithoutAnEvent() throws SQLException {
        // Given a day of work, and the second ledger having paged today's list of one grade (its total kept)
        TodayFromProjectionsTest.recordAndCompare(first, world, 5, 10, false);
        first.assessForToday();
        io.firerisk.RiskGrade grade = second.hazards(HazardQuery.builder().asOf(TODAY).build()).items().stream()
                .map(HazardRow::grade).flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        HazardQuery ofGrade = HazardQuery.builder().asOf(TODAY).grades(grade).build();
        assertThat(second.hazards(ofGrade).total()).isPositive();
        // When another desk (a newer campaign) re-grades every hazard without recording an event, moving the stamp
        // in the same transaction as Store.bumpStamp does
        io.firerisk.RiskGrade other = grade == io.firerisk.RiskGrade.RED ? io.firerisk.RiskGrade.BLUE
                : io.firerisk.RiskGrade.RED;
        try (Connection c = DriverManager.getConnection(TestDatabase.Postgres.URL, TestDatabase.Postgres.USER,
                TestDatabase.Postgres.PASSWORD); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set search_path to " + db.schema);
            s.execute("update ledger_hazard set grade = '" + other.name() + "'");
            s.execute("update ledger_venue set grade = '" + other.name() + "'");
            s.execute("update ledger_meta set meta_value = cast(cast(meta_value as bigint) + 1 as varchar(400)) "
                    + "where meta_key = 'projection_stamp'");
            c.commit();
        }
        // Then the second ledger's total of that grade is counted again: what its rows are
        Page<HazardRow> page = second.hazards(ofGrade);
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void aCallerWhoseViewBeganBeforeTheKeptMarkIsNotAnsweredWithNewerCounts() {
        // Given the second ledger has counted today, and a caller's REPEATABLE READ view begun at that mark
        HazardQuery today = HazardQuery.builder().asOf(TODAY).states(COUNTED).build();
        List<Dimension> dims = List.of(DASHBOARD);
        long before = total(second.counts(today, DASHBOARD));
        try (org.jdbi.v3.core.Handle h = second.store().jdbi.open()) {
            h.setTransactionIsolationLevel(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ);
            h.begin();
            long mark = second.store().mark(h);
            // When a finding is recorded through the first, and another caller of the second catches up first
            world.inspect(first, "I-RACE", CANTEEN, InspectionKind.SPOT_CHECK, TODAY.toString(), INSPECTOR,
                    Finding.builder(CANTEEN + "/RACE", "GAS_ALARM_NOT_INSTALLED").location("后厨").build());
            assertThat(total(second.counts(today, DASHBOARD))).isEqualTo(before + 1);
            // Then the older view is not answered from the newer kept counts (its caller counts in SQL, as it sees)
            assertThat(second.store().mark(h)).isEqualTo(mark);
            assertThat(second.todayCounts().counts(h, today, dims, TODAY)).isEmpty();
            assertThat(total(Reads.counts(h, today, dims, TODAY, second.policy()))).isEqualTo(before);
            h.rollback();
        }
    }

    @Test
    void aPersonRegisteredIsCaughtUpNotCountedAfresh() {
        // Given the second ledger has counted today
        HazardQuery today = HazardQuery.builder().asOf(TODAY).states(COUNTED).build();
        List<Count> before = second.counts(today, DASHBOARD);
        long fullCounts = second.todayCounts().fullCounts;
        // When a person is registered through the first (hazard rows hold no person)
        first.record(List.of(world.entry("admin", World.at(TODAY.toString(), 9),
                new Event.PersonRegistered("P-NEW", "郑检查员", "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR)))));
        // Then the second's counts are the same, caught up without counting every row again
        assertThat(second.counts(today, DASHBOARD)).isEqualTo(before);
        assertThat(second.todayCounts().fullCounts).isEqualTo(fullCounts);
    }

    @Test
    void theNextMorningBothCountWithTodaysOverdueOnceAssessed() {
        // Given a day of work through the first, counted by the second
        TodayFromProjectionsTest.recordAndCompare(first, world, 9, 10, false);
        second.counts(HazardQuery.builder().asOf(TODAY).build(), DASHBOARD);
        // When the clock passes midnight and the first assesses for the new day
        clock.set(Instant.parse("2024-06-02T00:00:00Z"));
        LocalDate next = TODAY.plusDays(1);
        first.assessForToday();
        // Then the second counts as a replay of the new day does
        TodayFromProjectionsTest.compare(second, next, "the second ledger, next morning");
        assertThat(second.readsTodayFromProjections()).isTrue();
    }

    private static long total(List<Count> counts) {
        return counts.stream().mapToLong(Count::hazards).sum();
    }

    private static WeekCounts lastWeek(Ledger ledger) {
        List<WeekCounts> weeks = ledger.trend(TodayFromProjectionsTest.START, TODAY, HazardQuery.all());
        return weeks.get(weeks.size() - 1);
    }
}
