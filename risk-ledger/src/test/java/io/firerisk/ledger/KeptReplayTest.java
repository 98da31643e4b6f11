package io.firerisk.ledger;

import io.firerisk.Finding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger as of a past date is replayed once and kept while what is recorded happened later (today's
 * work on a page about a past day), and replayed again as soon as something recorded happened by then:
 * lists, counts, the trend and {@link Ledger#version} move together.
 */
class KeptReplayTest {

    @Nested
    class OnH2 extends KeptReplaySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends KeptReplaySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class KeptReplaySpec extends LedgerTestBase {

    static final LocalDate PAST = day("2023-12-20");
    static final LocalDate START = day("2023-12-01");

    private static Finding finding(String venueId, int n) {
        return Finding.builder(venueId + "/F" + n, "GAS_ALARM_NOT_INSTALLED").location("后厨").build();
    }

    private long hazardsAsOfPast() {
        return ledger.hazards(HazardQuery.builder().asOf(PAST).build()).total();
    }

    private int foundInTrend() {
        return ledger.trend(START, PAST, HazardQuery.all()).stream().mapToInt(WeekCounts::found).sum();
    }

    @Test
    void aPastDayIsKeptWhileLaterWorkIsRecordedAndReplayedAgainWhenWorkDatedByThenIsRecorded() {
        // Given a hazard found on 2023-12-11, and the ledger as of 2023-12-20 read once
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, finding(RESTAURANT, 1));
        long version = ledger.version(PAST);
        assertThat(hazardsAsOfPast()).isEqualTo(1);
        assertThat(foundInTrend()).isEqualTo(1);

        // When an inspection that happened later (2024-05-01) is recorded
        world.inspect(ledger, "I-2", CANTEEN, InspectionKind.SPOT_CHECK, "2024-05-01", INSPECTOR, finding(CANTEEN, 1));
        // Then the past day's version stays and it shows what it showed
        assertThat(ledger.version(PAST)).isEqualTo(version);
        assertThat(hazardsAsOfPast()).isEqualTo(1);
        assertThat(foundInTrend()).isEqualTo(1);
        assertThat(ledger.hazards(HazardQuery.builder().asOf(day("2024-05-01")).build()).total()).isEqualTo(2);

        // When an inspection that happened by then (2023-12-15) is recorded afterwards
        world.inspect(ledger, "I-3", CANTEEN, InspectionKind.SPOT_CHECK, "2023-12-15", INSPECTOR, finding(CANTEEN, 2));
        // Then the version moves, and the list, the counts and the trend of the past day all show it
        assertThat(ledger.version(PAST)).isNotEqualTo(version);
        assertThat(hazardsAsOfPast()).isEqualTo(2);
        assertThat(ledger.counts(HazardQuery.builder().asOf(PAST).build(), Dimension.STATE))
                .extracting(Count::hazards).containsExactly(2L);
        assertThat(foundInTrend()).isEqualTo(2);
        assertThat(ledger.hazards(HazardQuery.builder().asOf(PAST).build()).items()).extracting(HazardRow::venueId)
                .containsExactlyInAnyOrderElementsOf(List.of(RESTAURANT, CANTEEN));
    }

    @Test
    void theBureauAndEveryUnitOfficerReadTheTrendFromOneFoldOfTheLog() {
        // Given a hazard found in the restaurant (its enterprise's unit) and two in the canteen (a subordinate unit's)
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, finding(RESTAURANT, 1));
        world.inspect(ledger, "I-2", CANTEEN, InspectionKind.SPOT_CHECK, "2023-12-15", INSPECTOR, finding(CANTEEN, 1),
                finding(CANTEEN, 2));
        // When the bureau, each unit's officer and someone over both read the trend to the same day
        int all = found(HazardQuery.all());
        int restaurantsUnit = found(HazardQuery.builder().units("ENT-LAOZHANG").build());
        int canteensUnit = found(HazardQuery.builder().units("SUB-SANITATION").build());
        int both = found(HazardQuery.builder().units("ENT-LAOZHANG", "SUB-SANITATION").build());
        int aUnitWithoutVenues = found(HazardQuery.builder().units("BUREAU-SAFETY").build());
        // Then each scope has its own figures, and the log was folded once for all of them
        assertThat(List.of(all, restaurantsUnit, canteensUnit, both, aUnitWithoutVenues)).containsExactly(3, 1, 2, 3, 0);
        assertThat(ledger.trendFolds()).isEqualTo(1);
        // And a street, which is not kept per unit, folds for itself
        assertThat(found(HazardQuery.builder().streets("ST-CJB").build())).isEqualTo(2);
        assertThat(ledger.trendFolds()).isEqualTo(2);
    }

    @Test
    void readingTheTrendAsOfPastDatesKeepsTheStateBehindTodaysTrendThatRecordingsMove() {
        // Given a hazard found in an earlier week, today's trend read, then the trend as of two past dates: three
        // folded states, one more than are kept
        LocalDate today = ledger.today();
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2024-05-20", INSPECTOR, finding(RESTAURANT, 1));
        ledger.trend(START, today, HazardQuery.all());
        ledger.trend(START, PAST, HazardQuery.all());
        ledger.trend(START, day("2024-01-10"), HazardQuery.all());
        assertThat(ledger.trendFolds()).isEqualTo(3);
        long advances = ledger.trendAdvances();
        // When an inspection with a finding is recorded today
        world.inspect(ledger, "I-2", CANTEEN, InspectionKind.SPOT_CHECK, today.toString(), INSPECTOR, finding(CANTEEN, 1));
        // Then today's trend is moved by it rather than folded from the whole log again (a past date's state went)
        List<WeekCounts> weeks = ledger.trend(START, today, HazardQuery.all());
        assertThat(ledger.trendFolds()).isEqualTo(3);
        assertThat(ledger.trendAdvances()).isEqualTo(advances + 1);
        assertThat(weeks.get(weeks.size() - 1).found()).isEqualTo(1);
        assertThat(weeks.get(weeks.size() - 1).inspections()).isEqualTo(1);
        assertThat(weeks).isEqualTo(ledger.replayFromScratch().trend(START, today, HazardQuery.all(), true));
    }

    private int found(HazardQuery filter) {
        return ledger.trend(START, PAST, filter).stream().mapToInt(WeekCounts::found).sum();
    }

    @Test
    void aVenueReadAgainIsKeptUntilSomethingAboutItByThatDateIsRecorded() {
        // Given the restaurant with a hazard found on 2023-12-11, read as of 2023-12-20
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, finding(RESTAURANT, 1));
        VenueView first = ledger.venue(RESTAURANT, PAST).orElseThrow();
        // Then its timeline is the venue's events up to then, read with it, and the engine was told its facts
        assertThat(first.timeline()).isEqualTo(ledger.timeline(RESTAURANT));
        assertThat(first.facts().findings()).extracting(Finding::id).containsExactly(RESTAURANT + "/F1");
        assertThat(ledger.engine().assess(first.facts()).grade()).isEqualTo(first.assessment().grade());

        // When another venue's work and the restaurant's later work (2024-05-01) are recorded
        world.inspect(ledger, "I-2", CANTEEN, InspectionKind.SPOT_CHECK, "2023-12-12", INSPECTOR, finding(CANTEEN, 1));
        world.inspect(ledger, "I-3", RESTAURANT, InspectionKind.SPOT_CHECK, "2024-05-01", INSPECTOR, finding(RESTAURANT, 2));
        // Then the restaurant as of the past day is the view kept, not folded and assessed again
        assertThat(ledger.venue(RESTAURANT, PAST).orElseThrow()).isSameAs(first);

        // When work at the restaurant dated by then (2023-12-15) is recorded after that
        world.inspect(ledger, "I-4", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-15", INSPECTOR, finding(RESTAURANT, 3));
        VenueView again = ledger.venue(RESTAURANT, PAST).orElseThrow();
        // Then the view shows it, with its timeline up to that date, in the order things happened
        assertThat(again.hazards()).extracting(HazardView::hazardId)
                .containsExactlyInAnyOrder(RESTAURANT + "/F1", RESTAURANT + "/F3");
        assertThat(again.timeline()).isEqualTo(ledger.timeline(RESTAURANT).stream()
                .filter(e -> e.happenedAt().isBefore(Replay.endOf(PAST, ledger.campaign().timeZone()))).toList());
        assertThat(again.timeline()).extracting(e -> e.event() instanceof Event.InspectionRecorded i ? i.inspectionId() : "")
                .contains("I-1", "I-4").doesNotContain("I-3");
        assertThat(again.facts().findings()).extracting(Finding::id)
                .containsExactlyInAnyOrder(RESTAURANT + "/F1", RESTAURANT + "/F3");
        assertThat(again.assessment().findings()).hasSize(2);
        // And the later day's view holds everything
        assertThat(ledger.venue(RESTAURANT, day("2024-05-01")).orElseThrow().hazards()).hasSize(3);
    }

    @Test
    void readingOneVenueAsOfManyPastDatesDoesNotEvictTheOtherVenuesKeptViews() {
        // Given the restaurant and the canteen with hazards, the restaurant read as of the desk's day
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, finding(RESTAURANT, 1));
        world.inspect(ledger, "I-2", CANTEEN, InspectionKind.SPOT_CHECK, "2023-12-12", INSPECTOR, finding(CANTEEN, 1));
        LocalDate desk = day("2024-05-01");
        VenueView restaurant = ledger.venue(RESTAURANT, desk).orElseThrow();

        // When the canteen is read as of more past dates than there are views kept (a user or a crawler paging its history)
        LocalDate date = START;
        for (int i = 0; i <= Replay.VENUES_KEPT; i++, date = date.plusDays(1)) {
            assertThat(ledger.venue(CANTEEN, date)).isPresent();
        }

        // Then the restaurant as of the desk's day is still the view kept, not folded and assessed again
        assertThat(ledger.venue(RESTAURANT, desk).orElseThrow()).isSameAs(restaurant);
        // And the canteen keeps one view, the last date read, which a read of an earlier date replaces
        LocalDate lastRead = date.minusDays(1);
        VenueView canteen = ledger.venue(CANTEEN, lastRead).orElseThrow();
        assertThat(ledger.venue(CANTEEN, lastRead).orElseThrow()).isSameAs(canteen);
        assertThat(ledger.venue(CANTEEN, START).orElseThrow().asOf()).isEqualTo(START);
        assertThat(ledger.venue(CANTEEN, lastRead).orElseThrow()).isNotSameAs(canteen)
                .extracting(VenueView::hazards).isEqualTo(canteen.hazards());
    }

    @Test
    void twoStreetsAndOneStreetWhoseNamePrintsLikeBothAreCountedEachOnItsOwn() {
        // Given a hazard on 龙都街道 (ST-LD), the projections of today, and the list of two streets counted
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2024-05-30", INSPECTOR, finding(RESTAURANT, 1));
        ledger.assessForToday();
        LocalDate today = day("2024-06-01");
        Page<HazardRow> two = ledger.hazards(HazardQuery.builder().asOf(today).streets("ST-LD", "ST-CJB").build());
        assertThat(two.total()).isEqualTo(1);
        // When one street whose name is both codes, as a list of them prints, is asked for (either order)
        for (String one : List.of("ST-LD, ST-CJB", "ST-CJB, ST-LD")) {
            Page<HazardRow> page = ledger.hazards(HazardQuery.builder().asOf(today).streets(one).build());
            // Then its total is its own (none), not the two streets' total kept at the same mark
            assertThat(page.items()).as(one).isEmpty();
            assertThat(page.total()).as(one).isZero();
        }
        // And the two streets' total is still theirs
        assertThat(ledger.hazards(HazardQuery.builder().asOf(today).streets("ST-LD", "ST-CJB").build()).total())
                .isEqualTo(1);
    }
}
