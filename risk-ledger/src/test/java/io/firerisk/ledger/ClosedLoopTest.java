package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The whole closed loop of one hazard — found, 五落实 plan, rectification reported, re-inspection
 * failed, reported again, passed, closed (销号), reopened at 回头看 — with the hazard's state and the
 * engine's assessment checked as of the date of every step, then all steps replayed again once the
 * later ones are in the log.
 */
class ClosedLoopTest {

    @Nested
    class OnH2 extends ClosedLoopSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ClosedLoopSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class ClosedLoopSpec extends LedgerTestBase {

    private static final String HAZARD = "WZ-0002/F1";
    private static final Finding NO_ALARM = Finding.builder(HAZARD, "GAS_ALARM_NOT_INSTALLED").location("后厨").build();

    /**
     * What a step's date must show: the hazard's state and days overdue, and the finding the engine
     * must have been handed (null: none) — the ledger's assessment must be the engine's own on it.
     */
    private record Expected(HazardState state, int daysOverdue, Finding handed) {}

    private final Map<LocalDate, Expected> steps = new LinkedHashMap<>();

    @Test
    void oneHazardGoesRoundTheWholeLoopAndEveryPastDateReplaysAsItWas() {
        // Given a restaurant registered on 2023-12-01, clean as of the day before its inspection
        VenueView before = ledger.venue(RESTAURANT, day("2023-12-10")).orElseThrow();
        assertThat(before.hazards()).isEmpty();
        assertThat(before.assessment().verdict()).isEqualTo(HazardVerdict.NONE);
        RiskGrade clean = before.assessment().grade();

        // When a spot check finds no gas alarm in the kitchen, recorded without a deadline
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, NO_ALARM);

        // Then the deadline is the engine's RECTIFY due date for it as of the inspection
        Assessment engineSays = World.engine().assess(VenueFacts.of(World.restaurant(),
                List.of(NO_ALARM.toBuilder().foundOn(day("2023-12-11")).build()), day("2023-12-11")));
        LocalDate ordered = engineSays.actions("RECTIFY").get(0).due().orElseThrow();
        HazardView found = ledger.hazard(HAZARD, day("2023-12-11")).orElseThrow();
        assertThat(found.deadline()).isEqualTo(ordered).isEqualTo(day("2023-12-18"));
        expect("2023-12-11", HazardState.OPEN, 0, handed(RectificationStatus.OPEN, orderOnly("2023-12-18"), 1));
        Assessment first = ledger.assess(RESTAURANT, day("2023-12-11")).orElseThrow();
        assertThat(first.verdict()).isEqualTo(HazardVerdict.GENERAL);
        assertThat(first.grade()).isNotEqualTo(RiskGrade.BLUE);

        // The unit sets its 五落实 plan, bringing the deadline forward to 12-17
        record(OFFICER, "2023-12-12", new Event.PlanSet(HAZARD, plan("2023-12-17")));
        assertThat(ledger.hazard(HAZARD, day("2023-12-12")).orElseThrow().deadline()).isEqualTo(day("2023-12-17"));
        expect("2023-12-12", HazardState.RECTIFYING, 0, handed(RectificationStatus.IN_PROGRESS, plan("2023-12-17"), 1));

        // reports it rectified on time, with a photo
        record(OFFICER, "2023-12-15", new Event.RectificationReported(HAZARD, "已安装报警器", List.of(photo("alarm.jpg"))));
        expect("2023-12-15", HazardState.AWAITING_VERIFICATION, 0,
                handed(RectificationStatus.RECTIFIED, plan("2023-12-17"), 1));
        assertThat(ledger.assess(RESTAURANT, day("2023-12-15")).orElseThrow().actionCodes()).contains("RE_INSPECT");

        // the re-inspection fails: the alarm is not connected; back to rectification, deadline kept
        record(INSPECTOR, "2023-12-18", new Event.ReinspectionFailed(HAZARD, null, "报警器未接电", List.of()));
        HazardView failed = ledger.hazard(HAZARD, day("2023-12-18")).orElseThrow();
        assertThat(failed.failedReinspections()).isEqualTo(1);
        assertThat(failed.deadline()).isEqualTo(day("2023-12-17"));
        expect("2023-12-18", HazardState.RECTIFYING, 1, handed(RectificationStatus.IN_PROGRESS, plan("2023-12-17"), 1));
        assertThat(ledger.assess(RESTAURANT, day("2023-12-18")).orElseThrow().findings().get(0).overdue()).isTrue();

        // still not done two days after the deadline: overdue, the unit reminded
        expect("2023-12-19", HazardState.RECTIFYING, 2, handed(RectificationStatus.IN_PROGRESS, plan("2023-12-17"), 1));
        assertThat(ledger.hazard(HAZARD, day("2023-12-19")).orElseThrow().escalation())
                .hasValueSatisfying(l -> assertThat(l.code()).isEqualTo("REMIND"));

        // reported again, late
        record(OFFICER, "2023-12-20", new Event.RectificationReported(HAZARD, "报警器已接电并联动切断阀",
                List.of(photo("alarm-2.jpg"))));
        HazardView again = ledger.hazard(HAZARD, day("2023-12-20")).orElseThrow();
        assertThat(again.rectifications()).extracting(HazardView.Rectification::onTime).containsExactly(true, false);
        expect("2023-12-20", HazardState.AWAITING_VERIFICATION, 0,
                handed(RectificationStatus.RECTIFIED, plan("2023-12-17"), 1));

        // a second person passes the re-inspection
        record(INSPECTOR_2, "2023-12-22", new Event.ReinspectionPassed(HAZARD, null, "复查合格", List.of(photo("ok.jpg"))));
        expect("2023-12-22", HazardState.VERIFIED, 0, handed(RectificationStatus.VERIFIED, plan("2023-12-17"), 1));
        Assessment verified = ledger.assess(RESTAURANT, day("2023-12-22")).orElseThrow();
        assertThat(verified.verdict()).isEqualTo(HazardVerdict.NONE);
        assertThat(verified.actionCodes()).contains("CLOSE_OUT");

        // and the bureau closes it (销号): the engine is told of it no more
        record(STAFF, "2023-12-23", new Event.HazardClosed(HAZARD, "销号"));
        assertThat(ledger.hazard(HAZARD, day("2023-12-23")).orElseThrow().closedOn()).contains(day("2023-12-23"));
        expect("2023-12-23", HazardState.CLOSED, 0, null);
        assertThat(ledger.assess(RESTAURANT, day("2023-12-23")).orElseThrow().grade()).isEqualTo(clean);

        // 回头看 in March finds it back: reopened, found a second time, with a new deadline
        ledger.record(List.of(
                world.entry(REVIEWER, at("2024-03-15", 10), new Event.InspectionRecorded("I-2", RESTAURANT,
                        InspectionKind.REINSPECTION, day("2024-03-15"), List.of(REVIEWER), "回头看")),
                world.entry(REVIEWER, at("2024-03-15", 10), new Event.HazardReopened(HAZARD, "I-2", "报警器被拆除",
                        day("2024-03-20"), List.of(photo("removed.jpg"))))));
        HazardView reopened = ledger.hazard(HAZARD, day("2024-03-15")).orElseThrow();
        assertThat(reopened.reopenings()).isEqualTo(1);
        assertThat(reopened.deadline()).isEqualTo(day("2024-03-20"));
        expect("2024-03-15", HazardState.REOPENED, 0, handed(RectificationStatus.OPEN, planBy("2024-03-20"), 2));
        Assessment repeated = ledger.assess(RESTAURANT, day("2024-03-15")).orElseThrow();
        assertThat(repeated.grade().compareTo(first.grade())).as("a repeated hazard grades no lower").isGreaterThanOrEqualTo(0);

        // Then every past date, replayed with the whole history in the log, shows what it showed then
        steps.forEach(this::check);
        assertThat(ledger.timeline(RESTAURANT)).extracting(RecordedEvent::type).containsSubsequence(
                EventType.VENUE_REGISTERED, EventType.INSPECTION_RECORDED, EventType.HAZARD_FOUND, EventType.PLAN_SET,
                EventType.RECTIFICATION_REPORTED, EventType.REINSPECTION_FAILED, EventType.RECTIFICATION_REPORTED,
                EventType.REINSPECTION_PASSED, EventType.HAZARD_CLOSED, EventType.INSPECTION_RECORDED,
                EventType.HAZARD_REOPENED);
        // and the projection holds the hazard as it stands now (the clock is after the campaign)
        HazardRow now = ledger.hazards(HazardQuery.builder().venues(RESTAURANT).build()).items().get(0);
        assertThat(now.state()).isEqualTo(HazardState.REOPENED);
        assertThat(now.reopenings()).isEqualTo(1);
        assertThat(now.failedReinspections()).isEqualTo(1);
        assertThat(now.daysOverdue()).isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(day("2024-03-20"),
                ledger.today()));
        assertThat(now.escalationLevel()).isEqualTo(3);
    }

    /** The order's deadline alone, as the ledger hands it before any plan is set. */
    private static RectificationPlan orderOnly(String deadline) {
        return new RectificationPlan(null, null, day(deadline), null, null);
    }

    /** The plan in force with the reopening's deadline as its 时限. */
    private static RectificationPlan planBy(String deadline) {
        RectificationPlan p = plan("2023-12-17");
        return new RectificationPlan(p.responsiblePerson(), p.measures(), day(deadline), p.funds(), p.contingencyPlan());
    }

    private static Finding handed(RectificationStatus status, RectificationPlan plan, int timesFound) {
        return NO_ALARM.toBuilder().foundOn(day("2023-12-11")).status(status).plan(plan).timesFound(timesFound).build();
    }

    private void record(String actor, String date, Event event) {
        ledger.record(world.entry(actor, at(date, 15), event));
    }

    private void expect(String date, HazardState state, int daysOverdue, Finding handed) {
        Expected e = new Expected(state, daysOverdue, handed);
        steps.put(day(date), e);
        check(day(date), e);
    }

    private void check(LocalDate date, Expected e) {
        VenueView v = ledger.venue(RESTAURANT, date).orElseThrow();
        HazardView h = v.hazard(HAZARD).orElseThrow();
        assertThat(h.state()).as("state on %s", date).isEqualTo(e.state());
        assertThat(h.daysOverdue()).as("days overdue on %s", date).isEqualTo(e.daysOverdue());
        assertThat(h.finding().orElse(null)).as("finding handed to the engine on %s", date).isEqualTo(e.handed());
        Assessment a = v.assessment();
        Assessment direct = World.engine().assess(VenueFacts.of(World.restaurant(),
                e.handed() == null ? List.of() : List.of(e.handed()), date));
        assertThat(a.assessedOn()).isEqualTo(date);
        assertThat(a.grade()).as("grade on %s", date).isEqualTo(direct.grade());
        assertThat(a.verdict()).as("verdict on %s", date).isEqualTo(direct.verdict());
        assertThat(a.suspensionRequired()).as("suspension on %s", date).isEqualTo(direct.suspensionRequired());
        assertThat(a.actions()).as("actions on %s", date).isEqualTo(direct.actions());
        assertThat(a.findings()).extracting(f -> f.status()).as("statuses on %s", date)
                .containsExactlyElementsOf(direct.findings().stream().map(f -> f.status()).toList());
        assertThat(ledger.hazard(HAZARD, date).orElseThrow()).usingRecursiveComparison().isEqualTo(h);
    }
}
