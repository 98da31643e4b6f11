package io.firerisk.ledger;

import io.firerisk.RiskGrade;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections against the log: a rebuild gives the tables the writer kept, the ledger as it
 * stands (SQL over the projections) equals the replay of the whole log as of today, and lists,
 * counts, trends and changes agree with each other — on a demo ledger that holds every state.
 */
class ProjectionTest {

    @Nested
    class OnH2 extends ProjectionSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ProjectionSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class ProjectionSpec {

    TestDatabase db;
    Ledger ledger;
    DemoLedger.Summary summary;

    abstract TestDatabase database();

    @BeforeEach
    void demo() {
        db = database();
        ledger = World.open(db);
        summary = DemoLedger.generate(ledger, Samples.venues(60, 11), 11);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ledger.close();
        db.close();
    }

    private static HazardQuery.Builder all() {
        return HazardQuery.builder().page(0, HazardQuery.MAX_LIMIT);
    }

    @Test
    void theDemoHoldsEveryStateAndEveryPath() {
        Set<HazardState> states = ledger.hazards(all().build()).items().stream().map(HazardRow::state)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HazardState.class)));
        assertThat(states).containsExactlyInAnyOrder(HazardState.values());
        assertThat(summary.paths().keySet()).hasSize(DemoLedger.Path.values().length);
        assertThat(summary.inspections().keySet()).containsExactlyInAnyOrder(InspectionKind.values());
        assertThat(summary.recorded()).isEqualTo(summary.events());
    }

    @Test
    void generatingTheSameDemoAgainRecordsNothing() {
        DemoLedger.Summary again = DemoLedger.generate(ledger, Samples.venues(60, 11), 11);
        assertThat(again.recorded()).isZero();
        assertThat(again.events()).isEqualTo(summary.events());
    }

    @Test
    void aRebuildGivesTheTablesTheWriterKeptAndEqualsTheReplay() {
        List<HazardRow> kept = ledger.hazards(all().sort(HazardQuery.Sort.HAZARD_ID, true).build()).items();
        Directory directory = ledger.directory();
        RebuildReport report = ledger.rebuildProjections();
        assertThat(report.events()).isEqualTo(ledger.eventCount());
        assertThat(report.hazards()).isEqualTo(kept.size());
        List<HazardRow> rebuilt = ledger.hazards(all().sort(HazardQuery.Sort.HAZARD_ID, true).build()).items();
        assertThat(rebuilt).isEqualTo(kept);
        assertThat(ledger.directory()).isEqualTo(directory);
        List<HazardRow> replayed = ledger.hazards(all().asOf(ledger.today()).sort(HazardQuery.Sort.HAZARD_ID, true)
                .build()).items();
        assertThat(replayed).isEqualTo(kept);
    }

    @Test
    void listsSortedAndPagedAgreeBetweenProjectionAndReplay() {
        LocalDate today = ledger.today();
        for (HazardQuery.Sort sort : HazardQuery.Sort.values()) {
            for (boolean asc : new boolean[] {true, false}) {
                HazardQuery now = HazardQuery.builder().sort(sort, asc).page(7, 25).build();
                HazardQuery replayed = now.toBuilder().asOf(today).build();
                assertThat(ledger.hazards(now)).as("%s %s", sort, asc ? "asc" : "desc")
                        .isEqualTo(ledger.hazards(replayed));
            }
        }
        HazardQuery overdue = HazardQuery.builder().overdue(true).minEscalation(2).sort(HazardQuery.Sort.DAYS_OVERDUE,
                false).page(0, 1000).build();
        Page<HazardRow> page = ledger.hazards(overdue);
        assertThat(page.items()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.overdue()).isTrue();
            assertThat(r.escalationLevel()).isGreaterThanOrEqualTo(2);
        });
        assertThat(page).isEqualTo(ledger.hazards(overdue.toBuilder().asOf(today).build()));
    }

    @Test
    void countsAgreeBetweenProjectionAndReplayAndAddUp() {
        LocalDate today = ledger.today();
        List<Dimension[]> combos = List.of(new Dimension[] {Dimension.STREET, Dimension.STATE, Dimension.GRADE},
                new Dimension[] {Dimension.UNIT, Dimension.CATEGORY}, new Dimension[] {Dimension.OVERDUE,
                        Dimension.ESCALATION, Dimension.SUPERVISED}, new Dimension[] {Dimension.GRID, Dimension.HAZARD_CODE,
                        Dimension.COMMUNITY});
        long total = ledger.hazards(HazardQuery.all()).total();
        for (Dimension[] by : combos) {
            List<Count> now = ledger.counts(HazardQuery.all(), by);
            assertThat(now).as(List.of(by).toString()).isEqualTo(ledger.counts(HazardQuery.builder().asOf(today).build(), by));
            assertThat(now.stream().mapToLong(Count::hazards).sum()).isEqualTo(total);
        }
        HazardQuery red = HazardQuery.builder().grades(RiskGrade.RED, RiskGrade.ORANGE).build();
        assertThat(ledger.counts(red, Dimension.STATE)).isEqualTo(ledger.counts(red.toBuilder().asOf(today).build(),
                Dimension.STATE));
    }

    @Test
    void pastDatesReplayTheCampaignAsItStood() {
        LocalDate mid = LocalDate.of(2024, 2, 10);
        List<HazardRow> then = ledger.hazards(all().asOf(mid).build()).items();
        assertThat(then).isNotEmpty().allSatisfy(r -> assertThat(r.foundOn()).isBeforeOrEqualTo(mid));
        assertThat(then).anySatisfy(r -> assertThat(r.overdue()).isTrue());
        for (HazardRow r : then.subList(0, Math.min(20, then.size()))) {
            HazardView h = ledger.hazard(r.hazardId(), mid).orElseThrow();
            assertThat(h.state()).isEqualTo(r.state());
            assertThat(h.deadline()).isEqualTo(r.deadline());
            assertThat(h.daysOverdue()).isEqualTo(r.daysOverdue());
            VenueView v = ledger.venue(r.venueId(), mid).orElseThrow();
            assertThat(r.grade()).contains(v.assessment().grade());
        }
    }

    @Test
    void inspectionsInAPeriodAreEveryVenuesInspectionsOfThatPeriod() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 1, 31);
        List<InspectionView> listed = ledger.inspections(from, to);
        List<InspectionView> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            ledger.venue(String.format("V-%04d", i), to).ifPresent(v -> v.inspections().stream()
                    .filter(x -> !x.date().isBefore(from)).forEach(expected::add));
        }
        assertThat(listed).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).extracting(InspectionView::date).isSorted();
        List<WeekCounts> weeks = ledger.trend(from, to, HazardQuery.all());
        assertThat(weeks.stream().mapToInt(WeekCounts::inspections).sum()).isEqualTo(listed.size());
    }

    @Test
    void theWeeklyTrendAddsUpToTheLog() {
        LocalDate from = ledger.campaign().calendar().start();
        LocalDate to = ledger.campaign().calendar().end();
        List<WeekCounts> weeks = ledger.trend(from, to, HazardQuery.all());
        assertThat(weeks.get(0).from()).isEqualTo(from);
        assertThat(weeks.get(weeks.size() - 1).to()).isEqualTo(to);
        long found = ledger.hazards(HazardQuery.all()).total();
        assertThat(weeks.stream().mapToInt(WeekCounts::found).sum()).isEqualTo((int) found);
        long openAtEnd = ledger.hazards(all().asOf(to).build()).items().stream().filter(r -> r.state().isOpen()).count();
        assertThat(weeks.get(weeks.size() - 1).openAtEnd()).isEqualTo((int) openAtEnd);
        long overdueAtEnd = ledger.hazards(all().asOf(to).overdue(true).build()).total();
        assertThat(weeks.get(weeks.size() - 1).overdueAtEnd()).isEqualTo((int) overdueAtEnd);
        assertThat(weeks.stream().mapToInt(WeekCounts::closed).sum()).isPositive();
        assertThat(weeks.stream().mapToInt(WeekCounts::reopened).sum()).isPositive();
    }

    @Test
    void changesBetweenTwoDatesListEveryHazardThatMoved() {
        LocalDate from = LocalDate.of(2024, 1, 15);
        LocalDate to = LocalDate.of(2024, 2, 15);
        List<HazardChange> changes = ledger.changes(from, to);
        assertThat(changes).isNotEmpty();
        for (HazardChange c : changes) {
            HazardView after = ledger.hazard(c.hazardId(), to).orElseThrow();
            assertThat(c.after()).isEqualTo(after.state());
            assertThat(c.before()).isEqualTo(ledger.hazard(c.hazardId(), from).map(HazardView::state));
            assertThat(c.events()).allSatisfy(e -> assertThat(e.happenedAt())
                    .isAfterOrEqualTo(Replay.endOf(from, World.ZONE)).isBefore(Replay.endOf(to, World.ZONE)));
        }
        List<HazardRow> then = ledger.hazards(all().asOf(to).build()).items();
        for (HazardRow r : then) {
            boolean moved = changes.stream().anyMatch(c -> c.hazardId().equals(r.hazardId()));
            HazardView before = ledger.hazard(r.hazardId(), from).orElse(null);
            if (before == null || before.version() != r.version() || before.overdue() != r.overdue()) {
                assertThat(moved).as(r.hazardId()).isTrue();
            }
        }
    }
}
