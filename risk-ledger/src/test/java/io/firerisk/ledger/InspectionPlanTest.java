package io.firerisk.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 双随机、一公开 in the ledger: a plan drawn from the ledger as it stood, recorded with everything its
 * draw depends on, drawn again to the same visits, published, and its results read back — on H2 and on
 * PostgreSQL, over the demo campaign.
 */
class InspectionPlanTest {

    @Nested
    class OnH2 extends InspectionPlanSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends InspectionPlanSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class InspectionPlanSpec {

    static final LocalDate DAY = LocalDate.of(2024, 1, 15);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    TestDatabase db;
    Ledger ledger;

    abstract TestDatabase database();

    @BeforeEach
    void demo() {
        db = database();
        ledger = World.open(db);
        DemoLedger.generate(ledger, Samples.venues(60, 11), 11);
    }

    @AfterEach
    void close() {
        ledger.close();
        db.close();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private Event.InspectionPlanDrawn draw(String id, long seed) {
        return ledger.drawPlan(id, DAY, seed, 8, null, 2, null);
    }

    @Test
    void aPlanDrawnAndRecordedIsDrawnAgainToTheSameVisitsFromWhatItRecorded() {
        Event.InspectionPlanDrawn drawn = draw("PLAN-1", 20240115L);
        ledger.record(Entry.of("e-plan-1", "P-STAFF-1", at(DAY, 10), drawn));

        PlanView plan = ledger.plan("PLAN-1").orElseThrow();
        assertThat(plan.seed()).isEqualTo(20240115L);
        assertThat(plan.count()).isEqualTo(8);
        assertThat(plan.drawnBy()).isEqualTo("P-STAFF-1");
        assertThat(plan.published()).isFalse();
        assertThat(plan.visits()).isEqualTo(drawn.visits());
        long random = plan.visits().stream().filter(v -> !v.reinspection()).count();
        assertThat(random).isEqualTo(Math.min(8, plan.candidates()));
        // Every visit gets two different registered inspectors.
        assertThat(plan.visits()).allSatisfy(v -> {
            assertThat(v.inspectors()).hasSize(2).doesNotHaveDuplicates().allMatch(p -> p.startsWith("P-INSP-"));
        });
        // Recorded later the same day: a hazard found does not change the re-draw (it reads the day before).
        assertThat(ledger.redraw("PLAN-1")).contains(drawn);
        // The same seed draws the same plan; another seed another one.
        assertThat(draw("PLAN-1", 20240115L)).isEqualTo(drawn);
        assertThat(draw("PLAN-1", 7L).visits()).isNotEqualTo(drawn.visits());
    }

    @Test
    void theNextPlanSendsNoInspectorBackToAVenueTheyInspectedInThePreviousOne() {
        ledger.record(Entry.of("e-plan-1", "P-STAFF-1", at(DAY, 10), draw("PLAN-1", 1L)));
        Event.InspectionPlanDrawn next = ledger.drawPlan("PLAN-2", DAY.plusDays(7), 1L, 8, null, 2, "PLAN-1");
        PlanView first = ledger.plan("PLAN-1").orElseThrow();
        for (Event.PlannedVisit v : next.visits()) {
            first.visits().stream().filter(f -> f.venueId().equals(v.venueId())).findFirst()
                    .ifPresent(f -> assertThat(v.inspectors()).doesNotContainAnyElementsOf(f.inspectors()));
        }
        assertThat(next.previousPlanId()).isEqualTo("PLAN-1");
    }

    @Test
    void aPublishedPlanIsListedPubliclyWithTheResultOfItsInspections() {
        Event.InspectionPlanDrawn drawn = draw("PLAN-1", 99L);
        ledger.record(Entry.of("e-plan-1", "P-STAFF-1", at(DAY, 10), drawn));
        assertThat(ledger.publishedPlans()).isEmpty();
        ledger.record(Entry.of("e-pub-1", "P-LEADER", at(DAY, 11), new Event.InspectionPlanPublished("PLAN-1", "第一批")));

        Event.PlannedVisit visit = drawn.visits().stream().filter(v -> !v.reinspection()).findFirst().orElseThrow();
        LocalDate inspected = DAY.plusDays(2);
        ledger.record(Entry.of("e-insp", visit.inspectors().get(0), at(inspected, 9), new Event.InspectionRecorded(
                "I-PLAN-1", visit.venueId(), InspectionKind.DOUBLE_RANDOM, inspected, visit.inspectors(), "")));

        assertThat(ledger.publishedPlans()).extracting(PlanView::planId).containsExactly("PLAN-1");
        PlanView plan = ledger.publishedPlans().get(0);
        assertThat(plan.publishedBy()).contains("P-LEADER");
        assertThat(plan.note()).isEqualTo("第一批");
        List<PlanView.Result> results = ledger.results(plan);
        assertThat(results).hasSize(drawn.visits().size());
        PlanView.Result done = results.stream().filter(r -> r.visit().equals(visit)).findFirst().orElseThrow();
        assertThat(done.inspection()).hasValueSatisfying(i -> {
            assertThat(i.inspectionId()).isEqualTo("I-PLAN-1");
            assertThat(i.date()).isEqualTo(inspected);
        });
        assertThat(done.venueName()).isNotBlank();
        // The rebuild gives the same row the writer kept.
        ledger.rebuildProjections();
        assertThat(ledger.plan("PLAN-1")).contains(plan);
    }

    @Test
    void onlyTheBureauDrawsAndPublishesAndAPlanIsPublishedOnce() {
        Event.InspectionPlanDrawn drawn = draw("PLAN-1", 5L);
        assertThatThrownBy(() -> ledger.record(Entry.of("e-1", "P-INSP-1", at(DAY, 10), drawn)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("actor"));
        ledger.record(Entry.of("e-2", "P-STAFF-1", at(DAY, 10), drawn));
        ledger.record(Entry.of("e-3", "P-STAFF-2", at(DAY, 11), new Event.InspectionPlanPublished("PLAN-1", null)));
        assertThatThrownBy(() -> ledger.record(Entry.of("e-4", "P-STAFF-2", at(DAY, 12),
                new Event.InspectionPlanPublished("PLAN-1", null))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("event.planId"))
                .hasMessageContaining("already published");
    }

    @Test
    void aPlanNamingSomeoneWhoIsNotAnInspectorOrAVenueTwiceIsRefusedAtTheField() {
        Event.InspectionPlanDrawn drawn = draw("PLAN-1", 5L);
        Event.PlannedVisit first = drawn.visits().get(0);
        List<Event.PlannedVisit> wrongPerson = new java.util.ArrayList<>(drawn.visits());
        wrongPerson.set(0, new Event.PlannedVisit(first.venueId(), first.reinspection(), List.of("P-STAFF-2")));
        assertThatThrownBy(() -> ledger.record(Entry.of("e-1", "P-STAFF-1", at(DAY, 10), new Event.InspectionPlanDrawn(
                "PLAN-1", DAY, 5L, 8, null, 2, null, drawn.candidates(), wrongPerson))))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("event.visits[0].inspectors[0]"));
        List<Event.PlannedVisit> twice = new java.util.ArrayList<>(drawn.visits());
        twice.add(first);
        assertThatThrownBy(() -> ledger.record(Entry.of("e-2", "P-STAFF-1", at(DAY, 10), new Event.InspectionPlanDrawn(
                "PLAN-1", DAY, 5L, 8, null, 2, null, drawn.candidates(), twice))))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("event.visits[" + drawn.visits().size() + "].venueId"));
        assertThat(ledger.plans()).isEmpty();
    }

    @Test
    void aStreetsPlanDrawsOnlyThatStreetsVenues() {
        String street = ledger.directory().areas().values().stream().filter(a -> a.level() == AreaLevel.STREET)
                .map(Directory.Area::code).sorted().findFirst().orElseThrow();
        Event.InspectionPlanDrawn drawn = ledger.drawPlan("PLAN-S", DAY, 3L, 5, street, 1, null);
        ledger.record(Entry.of("e-s", "P-STAFF-1", at(DAY, 10), drawn));
        Set<String> streets = ledger.results(ledger.plan("PLAN-S").orElseThrow()).stream().map(PlanView.Result::street)
                .collect(Collectors.toSet());
        assertThat(streets).containsExactly(street);
    }
    @Test
    void bureauStaffSendOtherInspectorsToADrawnVisitWithTheReasonAndTheDrawStaysReproducible() {
        // Given a drawn plan and one of its visits
        Event.InspectionPlanDrawn drawn = draw("PLAN-1", 7L);
        ledger.record(Entry.of("e-plan", "P-STAFF-1", at(DAY, 10), drawn));
        Event.PlannedVisit visit = drawn.visits().get(0);
        List<String> others = java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(n -> "P-INSP-" + n)
                .filter(p -> !visit.inspectors().contains(p)).limit(2).toList();
        // When an inspector (not the bureau), or with no reason, or naming no inspector: refused at the field
        assertThatThrownBy(() -> ledger.record(Entry.of("e-r1", "P-INSP-1", at(DAY, 11),
                new Event.InspectorsReassigned("PLAN-1", visit.venueId(), others, "回避"))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("actor"));
        assertThatThrownBy(() -> ledger.record(Entry.of("e-r2", "P-STAFF-1", at(DAY, 11),
                new Event.InspectorsReassigned("PLAN-1", visit.venueId(), others, " "))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("event.reason"));
        assertThatThrownBy(() -> ledger.record(Entry.of("e-r3", "P-STAFF-1", at(DAY, 11),
                new Event.InspectorsReassigned("PLAN-1", visit.venueId(), List.of(others.get(0), "P-STAFF-2"), "回避"))))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("event.inspectors[1]"));
        assertThatThrownBy(() -> ledger.record(Entry.of("e-r4", "P-STAFF-1", at(DAY, 11),
                new Event.InspectorsReassigned("PLAN-1", "NOT-IN-PLAN", others, "回避"))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("event.venueId"));
        // When bureau staff send two other inspectors, with the reason
        ledger.record(Entry.of("e-r5", "P-STAFF-2", at(DAY, 11),
                new Event.InspectorsReassigned("PLAN-1", visit.venueId(), others, "原检查人员与该单位有利害关系，回避")));
        // Then the visit goes to them, the change names who made it, from whom and why
        PlanView plan = ledger.plan("PLAN-1").orElseThrow();
        assertThat(plan.assigned().get(0).inspectors()).isEqualTo(others);
        assertThat(plan.visits()).isEqualTo(drawn.visits());
        assertThat(plan.reassignments()).singleElement().satisfies(r -> {
            assertThat(r.venueId()).isEqualTo(visit.venueId());
            assertThat(r.from()).isEqualTo(visit.inspectors());
            assertThat(r.to()).isEqualTo(others);
            assertThat(r.by()).isEqualTo("P-STAFF-2");
            assertThat(r.reason()).isEqualTo("原检查人员与该单位有利害关系，回避");
        });
        assertThat(ledger.results(plan).get(0).visit().inspectors()).isEqualTo(others);
        // And the draw, drawn again, still gives what was recorded; sending the same inspectors again is refused
        assertThat(ledger.redraw("PLAN-1").orElseThrow().visits()).isEqualTo(plan.visits());
        assertThatThrownBy(() -> ledger.record(Entry.of("e-r6", "P-STAFF-2", at(DAY, 12),
                new Event.InspectorsReassigned("PLAN-1", visit.venueId(), others, "再次调整"))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("event.inspectors"));
        // The rebuild gives the same plan
        ledger.rebuildProjections();
        assertThat(ledger.plan("PLAN-1")).contains(plan);
    }
}
