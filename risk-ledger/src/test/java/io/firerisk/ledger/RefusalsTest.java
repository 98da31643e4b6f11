package io.firerisk.ledger;

import io.firerisk.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.INSPECTOR_2;
import static io.firerisk.ledger.World.LEADER;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.OTHER_OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.STAFF;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.day;
import static io.firerisk.ledger.World.photo;
import static io.firerisk.ledger.World.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the ledger refuses: each refusal names the event and the field, and leaves the log and the
 * projections exactly as they were.
 */
class RefusalsTest {

    @Nested
    class OnH2 extends RefusalsSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends RefusalsSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class RefusalsSpec extends LedgerTestBase {

    static final String HAZARD = "WZ-0002/F1";

    @BeforeEach
    void aHazardIsOpen() {
        world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR,
                Finding.builder(HAZARD, "GAS_ALARM_NOT_INSTALLED").location("后厨").build());
    }

    /** Records the entries, expects a refusal naming {@code field}, and checks nothing changed. */
    private RefusedException refused(String field, Entry... entries) {
        long events = ledger.eventCount();
        List<HazardRow> rows = ledger.hazards(HazardQuery.all()).items();
        Directory directory = ledger.directory();
        RefusedException e = catchThrowableOfType(RefusedException.class, () -> ledger.record(List.of(entries)));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(field).contains(e.eventId());
        assertThat(ledger.eventCount()).as("events after the refusal").isEqualTo(events);
        assertThat(ledger.hazards(HazardQuery.all()).items()).as("hazards after the refusal").isEqualTo(rows);
        assertThat(ledger.directory()).isEqualTo(directory);
        return e;
    }

    private Entry on(String actor, String date, Event event) {
        return world.entry(actor, at(date, 15), event);
    }

    @Test
    void closingAHazardNobodyReinspectedIsAnIllegalTransitionNamingHazardStateAndEvent() {
        RefusedException e = refused("event", on(STAFF, "2023-12-12", new Event.HazardClosed(HAZARD, "")));
        assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
            assertThat(t.hazardId()).isEqualTo(HAZARD);
            assertThat(t.state()).isEqualTo(HazardState.OPEN);
            assertThat(t.event()).isEqualTo(EventType.HAZARD_CLOSED);
        });
        assertThat(e.getMessage()).contains(HAZARD, "OPEN", "HAZARD_CLOSED", "待整改");
    }

    @Test
    void reopeningAnOpenHazardIsAnIllegalTransition() {
        refused("event", on(INSPECTOR, "2023-12-12", new Event.HazardReopened(HAZARD, "I-1", "又发现", day("2023-12-20"),
                List.of())));
    }

    @Test
    void anUnknownVenueIsRefused() {
        refused("event.venueId", on(INSPECTOR, "2023-12-12", new Event.InspectionRecorded("I-9", "WZ-9999",
                InspectionKind.SPOT_CHECK, day("2023-12-12"), List.of(INSPECTOR), "")));
    }

    @Test
    void anUnknownHazardIsRefused() {
        refused("event.hazardId", on(OFFICER, "2023-12-12", new Event.RectificationReported("NO-SUCH", "", List.of())));
    }

    @Test
    void anUnknownActorIsRefused() {
        refused("actor", on("nobody", "2023-12-12", new Event.RectificationReported(HAZARD, "", List.of())));
    }

    @Test
    void anInspectionDatedBeforeTheVenueExistedIsRefused() {
        refused("happenedAt", on(INSPECTOR, "2023-11-20", new Event.InspectionRecorded("I-9", CANTEEN,
                InspectionKind.SPOT_CHECK, day("2023-11-20"), List.of(INSPECTOR), "")));
    }

    @Test
    void anEventInTheFarFutureIsRefused() {
        Instant future = World.CLOCK.instant().plus(Duration.ofDays(30));
        refused("happenedAt", world.entry(OFFICER, future, new Event.RectificationReported(HAZARD, "", List.of())));
    }

    @Test
    void anEventBeforeTheHazardsLastEventIsRefused() {
        refused("happenedAt", on(OFFICER, "2023-12-10", new Event.RectificationReported(HAZARD, "", List.of())));
    }

    @Test
    void aVenueChangeDatedBeforeTheVenuesLastChangeIsRefusedNamingBothTimes() {
        // Given the restaurant moved to 陈家坝 on 2023-12-12
        ledger.record(List.of(on(STAFF, "2023-12-12", new Event.VenueChanged(World.restaurant(), "ENT-LAOZHANG",
                "CM-CJB-1"))));
        // When a move back dated 2023-12-05 is recorded after it
        RefusedException e = refused("happenedAt", on(STAFF, "2023-12-05", new Event.VenueChanged(World.restaurant(),
                "ENT-LAOZHANG", "GR-LD-1-01")));
        // Then it is refused, naming when it happened and when the venue last changed: a replay (date order) and
        // the projections (recording order) would otherwise put the venue in different streets
        assertThat(e.getMessage()).contains("before the venue's last change", at("2023-12-05", 15).toString(),
                at("2023-12-12", 15).toString());
        assertThat(ledger.venue(RESTAURANT, day("2023-12-20")).orElseThrow().area()).isEqualTo("CM-CJB-1");
    }

    @Test
    void aPersonChangeDatedBeforeThePersonsLastChangeIsRefusedNamingThePersonAndBothTimes() {
        // Given the inspector renamed on 2023-12-12
        ledger.record(List.of(world.entry("admin", at("2023-12-12", 15), new Event.PersonChanged(INSPECTOR,
                "赵检查员（组长）", "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR)))));
        // When a change dated 2023-12-05 is recorded after it
        RefusedException e = refused("happenedAt", world.entry("admin", at("2023-12-05", 15),
                new Event.PersonChanged(INSPECTOR, "赵检查员", "SUB-SANITATION", java.util.Set.of(Role.INSPECTOR))));
        // Then it is refused naming the person and both times, as a venue's change is: the directory (recording
        // order) and a replay (date order) would otherwise disagree on the inspector's unit
        assertThat(e.getMessage()).contains(INSPECTOR, "赵检查员（组长）", "a person's changes are recorded in the order",
                at("2023-12-05", 15).toString(), at("2023-12-12", 15).toString());
        assertThat(ledger.directory().people().get(INSPECTOR).unitId()).isEqualTo("BUREAU-SAFETY");
    }

    @Test
    void aPersonChangeDatedBeforeThePersonWasRegisteredIsRefused() {
        RefusedException e = refused("happenedAt", world.entry("admin", at("2023-11-01", 9),
                new Event.PersonChanged(INSPECTOR, "赵检查员", "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR))));
        assertThat(e.getMessage()).contains(INSPECTOR, at("2023-11-30", 9).toString());
    }

    @Test
    void anOversizedEvidenceReferenceIsRefusedNamingTheField() {
        Evidence huge = new Evidence(Evidence.Kind.PHOTO, "https://desk.example/" + "x".repeat(5_000), "a".repeat(64), 10,
                "image/jpeg", "");
        RefusedException e = refused("event.evidence[1].uri", on(OFFICER, "2023-12-12",
                new Event.RectificationReported(HAZARD, "", List.of(photo("ok.jpg"), huge))));
        assertThat(e.getMessage()).contains("at most 1024 characters");
    }

    @Test
    void evidenceWithABadChecksumATooLargeFileOrAScriptUriIsRefused() {
        Evidence badSum = new Evidence(Evidence.Kind.PHOTO, "attachment:a.jpg", "xyz", 10, "image/jpeg", "");
        refused("event.evidence[0].sha256", on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "",
                List.of(badSum))));
        Evidence tooLarge = new Evidence(Evidence.Kind.PHOTO, "attachment:a.jpg", "a".repeat(64), Evidence.MAX_BYTES + 1,
                "image/jpeg", "");
        refused("event.evidence[0].bytes", on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "",
                List.of(tooLarge))));
        Evidence script = new Evidence(Evidence.Kind.PHOTO, "javascript:alert(1)", "a".repeat(64), 10, "image/jpeg", "");
        refused("event.evidence[0].uri", on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "",
                List.of(script))));
        Evidence pdfAsPhoto = new Evidence(Evidence.Kind.PHOTO, "attachment:a.pdf", "a".repeat(64), 10,
                "application/pdf", "");
        refused("event.evidence[0].mediaType", on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "",
                List.of(pdfAsPhoto))));
    }

    @Test
    void anUnknownHazardCodeIsRefused() {
        refused("event.finding.hazardCode", on(INSPECTOR, "2023-12-11", new Event.HazardFound(RESTAURANT, "I-1",
                Finding.of("WZ-0002/F9", "NOT_A_CODE"), false, day("2023-12-20"), List.of())));
    }

    @Test
    void whoReportedTheRectificationMayNotPassItsReinspectionNorCloseIt() {
        // a unit's safety officer who is also one of its inspectors and reviewers (自查自改)
        String both = "officer-inspector-zheng";
        ledger.record(on("admin", "2023-12-01", new Event.PersonRegistered(both, "郑安全员", "ENT-LAOZHANG",
                java.util.EnumSet.of(Role.UNIT_OFFICER, Role.INSPECTOR, Role.REVIEWER))));
        ledger.record(on(both, "2023-12-12", new Event.RectificationReported(HAZARD, "自行整改", List.of())));
        refused("actor", on(both, "2023-12-13", new Event.ReinspectionPassed(HAZARD, null, "", List.of())));
        ledger.record(on(INSPECTOR_2, "2023-12-13", new Event.ReinspectionPassed(HAZARD, null, "", List.of())));
        assertThat(ledger.hazard(HAZARD).orElseThrow().state()).isEqualTo(HazardState.VERIFIED);
        refused("actor", on(both, "2023-12-14", new Event.HazardClosed(HAZARD, "")));
        ledger.record(on(STAFF, "2023-12-14", new Event.HazardClosed(HAZARD, "")));
        assertThat(ledger.hazard(HAZARD).orElseThrow().state()).isEqualTo(HazardState.CLOSED);
    }

    @Test
    void aUnitOfficerActsOnlyOnTheirOwnUnitsVenues() {
        refused("actor", on(OTHER_OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "", List.of())));
    }

    @Test
    void aPlanMayNotPushTheDeadlineBack() {
        refused("event.plan.deadline", on(OFFICER, "2023-12-12", new Event.PlanSet(HAZARD, plan("2024-01-31"))));
    }

    @Test
    void aDeadlineIsNeverSetToADayAlreadyPastOnTheDayItIsSetButAnOverduePlanMayKeepTheOneInForce() {
        // Given the hazard found on 2023-12-11 with the deadline the engine gave it
        java.time.LocalDate inForce = ledger.hazard(HAZARD).orElseThrow().deadline();
        String dayAfterFound = "2023-12-12";
        // When a plan set two days after the deadline brings it forward to a day already past
        RefusedException past = refused("event.plan.deadline", on(OFFICER, inForce.plusDays(2).toString(),
                new Event.PlanSet(HAZARD, plan(dayAfterFound))));
        // Then it is refused, saying why
        assertThat(past.getMessage()).contains("a day already past");
        // And a plan that keeps the deadline in force, overdue as it is, is recorded
        ledger.record(on(OFFICER, inForce.plusDays(2).toString(), new Event.PlanSet(HAZARD, plan(inForce.toString()))));
        assertThat(ledger.hazard(HAZARD).orElseThrow().deadline()).isEqualTo(inForce);
        // When the unit asks three days after the deadline for an extension to the day after it
        refused("event.until", on(OFFICER, inForce.plusDays(3).toString(), new Event.ExtensionRequested(HAZARD,
                inForce.plusDays(1), "材料未到")));
        // Then refused; to a day still ahead it is recorded, and a grant on a later day than that is refused too
        ledger.record(on(OFFICER, inForce.plusDays(3).toString(), new Event.ExtensionRequested(HAZARD,
                inForce.plusDays(5), "材料未到")));
        RefusedException grant = refused("event.until", on(STAFF, inForce.plusDays(6).toString(),
                new Event.ExtensionApproved(HAZARD, inForce.plusDays(5), "")));
        assertThat(grant.getMessage()).contains("before the day of the decision");
        assertThat(ledger.hazard(HAZARD).orElseThrow().deadline()).isEqualTo(inForce);
    }

    @Test
    void extensionsNeedAnAllowedApproverAndAreCappedByTheCampaign() {
        LedgerPolicy.Extensions rules = ledger.policy().extensions();
        assertThat(rules.maxPerHazard()).isEqualTo(2);
        refused("event", on(LEADER, "2023-12-12", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "")));
        ledger.record(on(OFFICER, "2023-12-12", new Event.ExtensionRequested(HAZARD, day("2023-12-25"), "报警器缺货")));
        refused("actor", on(OFFICER, "2023-12-13", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "")));
        refused("event.until", on(STAFF, "2023-12-13", new Event.ExtensionApproved(HAZARD, day("2023-12-30"), "")));
        ledger.record(on(STAFF, "2023-12-13", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "同意")));
        assertThat(ledger.hazard(HAZARD).orElseThrow().deadline()).isEqualTo(day("2023-12-25"));
        refused("event.until", on(OFFICER, "2023-12-14", new Event.ExtensionRequested(HAZARD, day("2024-02-28"), "")));
        ledger.record(on(OFFICER, "2023-12-14", new Event.ExtensionRequested(HAZARD, day("2024-01-05"), "安装队排期")));
        ledger.record(on(LEADER, "2023-12-15", new Event.ExtensionApproved(HAZARD, day("2024-01-05"), "")));
        RefusedException capped = refused("event", on(OFFICER, "2023-12-16", new Event.ExtensionRequested(HAZARD,
                day("2024-01-10"), "再延期")));
        assertThat(capped.getMessage()).contains("allows 2", "maxPerHazard");
        HazardView h = ledger.hazard(HAZARD).orElseThrow();
        assertThat(h.extensionsApproved()).isEqualTo(2);
        assertThat(h.deadline()).isEqualTo(day("2024-01-05"));
    }

    @Test
    void aSupervisedHazardsExtensionTakesALeader() {
        ledger.record(on(LEADER, "2023-12-12", new Event.SupervisionListed(HAZARD, "BUREAU", "万州城管督〔2023〕1号")));
        ledger.record(on(OFFICER, "2023-12-12", new Event.ExtensionRequested(HAZARD, day("2023-12-25"), "报警器缺货")));
        refused("actor", on(STAFF, "2023-12-13", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "")));
        ledger.record(on(LEADER, "2023-12-13", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "")));
    }

    @Test
    void liftingASupervisionTakesAListingADocumentAndAReasonAndEndsTheLeadersHoldOnExtensions() {
        refused("event", on(LEADER, "2023-12-12", new Event.SupervisionLifted(HAZARD, "万州城管督〔2023〕2号", "复核")));
        ledger.record(on(LEADER, "2023-12-12", new Event.SupervisionListed(HAZARD, "BUREAU", "万州城管督〔2023〕1号")));
        refused("event.reason", on(LEADER, "2023-12-13", new Event.SupervisionLifted(HAZARD, "万州城管督〔2023〕2号", "")));
        refused("actor", on(STAFF, "2023-12-13", new Event.SupervisionLifted(HAZARD, "万州城管督〔2023〕2号", "复核")));
        ledger.record(on(LEADER, "2023-12-13", new Event.SupervisionLifted(HAZARD, "万州城管督〔2023〕2号",
                "复核后不属于重大火灾隐患")));
        assertThat(ledger.hazard(HAZARD).orElseThrow().supervision()).isEmpty();
        assertThat(ledger.hazard(HAZARD).orElseThrow().state()).isEqualTo(HazardState.OPEN);
        // no longer supervised: bureau staff may decide its extension again
        ledger.record(on(OFFICER, "2023-12-13", new Event.ExtensionRequested(HAZARD, day("2023-12-25"), "报警器缺货")));
        ledger.record(on(STAFF, "2023-12-14", new Event.ExtensionApproved(HAZARD, day("2023-12-25"), "")));
    }

    @Test
    void reopeningNeedsAReinspectionOfTheSameVenue() {
        ledger.record(on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "", List.of())));
        ledger.record(on(INSPECTOR, "2023-12-13", new Event.ReinspectionPassed(HAZARD, null, "", List.of())));
        ledger.record(on(STAFF, "2023-12-14", new Event.HazardClosed(HAZARD, "")));
        ledger.record(on(INSPECTOR, "2024-03-01", new Event.InspectionRecorded("I-3", RESTAURANT,
                InspectionKind.SPOT_CHECK, day("2024-03-01"), List.of(INSPECTOR), "")));
        refused("event.inspectionId", on(INSPECTOR, "2024-03-01", new Event.HazardReopened(HAZARD, "I-3", "反弹",
                day("2024-03-10"), List.of())));
    }

    @Test
    void aSubmissionIsRecordedWholeOrNotAtAll() {
        Entry good = on(INSPECTOR, "2023-12-12", new Event.InspectionRecorded("I-2", CANTEEN, InspectionKind.SPOT_CHECK,
                day("2023-12-12"), List.of(INSPECTOR), ""));
        Entry bad = on(INSPECTOR, "2023-12-12", new Event.HazardFound(CANTEEN, "I-2", Finding.of("WZ-0100/F1",
                "NOT_A_CODE"), false, day("2023-12-20"), List.of()));
        refused("event.finding.hazardCode", good, bad);
        assertThat(ledger.timeline(CANTEEN)).extracting(RecordedEvent::type).containsExactly(EventType.VENUE_REGISTERED);
    }

    @Test
    void aRetriedSubmissionIsRecordedOnce() {
        Entry report = on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "已整改", List.of()));
        Receipt first = ledger.record(report);
        Receipt again = ledger.record(report);
        assertThat(first.recorded()).hasSize(1);
        assertThat(again.recorded()).isEmpty();
        assertThat(again.alreadyRecorded()).containsExactlyElementsOf(first.recorded());
        assertThat(ledger.hazard(HAZARD).orElseThrow().rectifications()).hasSize(1);
    }

    @Test
    void anEventIdUsedForADifferentEventIsRefused() {
        Entry report = on(OFFICER, "2023-12-12", new Event.RectificationReported(HAZARD, "已整改", List.of()));
        ledger.record(report);
        RefusedException e = refused("eventId", new Entry(report.eventId(), OFFICER, at("2023-12-12", 16),
                new Event.RectificationReported(HAZARD, "另一次", List.of()), java.util.OptionalInt.empty()));
        assertThat(e.getMessage()).contains("already used for a different event");
    }

    @Test
    void aStaleVersionIsAConflictNamingWhatChanged() {
        int seen = ledger.hazard(HAZARD).orElseThrow().version();
        ledger.record(on(OFFICER, "2023-12-12", new Event.PlanSet(HAZARD, plan("2023-12-17"))));
        long events = ledger.eventCount();
        Entry stale = on(STAFF, "2023-12-13", new Event.HazardCancelled(HAZARD, "重复录入")).expecting(seen);
        assertThatThrownBy(() -> ledger.record(stale)).isInstanceOfSatisfying(ConflictException.class, c -> {
            assertThat(c.stream()).isEqualTo("hazard:" + HAZARD);
            assertThat(c.expected()).isEqualTo(seen);
            assertThat(c.actual()).isEqualTo(seen + 1);
            assertThat(c.since()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EventType.PLAN_SET);
                assertThat(e.actor()).isEqualTo(OFFICER);
            });
            assertThat(c.getMessage()).contains("PLAN_SET by " + OFFICER);
        });
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(HAZARD).orElseThrow().state()).isEqualTo(HazardState.RECTIFYING);
        ledger.record(on(STAFF, "2023-12-13", new Event.HazardCancelled(HAZARD, "重复录入")).expecting(seen + 1));
        assertThat(ledger.hazard(HAZARD).orElseThrow().state()).isEqualTo(HazardState.CANCELLED);
    }
    @Test
    void aFindingWithoutTheRatioItsHazardCodeIsJudgedByIsRefusedEvenWithAnExplicitDeadline() {
        // Given an inspection of the canteen, when a finding of a ratio criterion (exit width short) comes
        // without its ratio but with a deadline, so that the engine is not asked for one
        Entry inspection = on(INSPECTOR, "2023-12-12", new Event.InspectionRecorded("I-R", CANTEEN,
                InspectionKind.SPOT_CHECK, day("2023-12-12"), List.of(INSPECTOR), ""));
        Entry found = on(INSPECTOR, "2023-12-12", new Event.HazardFound(CANTEEN, "I-R",
                Finding.builder("WZ-0100/F9", "EXIT_WIDTH_SHORT").location("东侧出口").build(), false,
                day("2023-12-20"), List.of()));
        // Then the ledger refuses the whole submission, naming the hazard code and the missing measurement
        RefusedException e = refused("event.finding.ratio", inspection, found);
        assertThat(e.getMessage()).contains("EXIT_WIDTH_SHORT", "ratio", "the finding has none");
        // And with its ratio the same finding is recorded, the deadline as given
        ledger.record(List.of(inspection, on(INSPECTOR, "2023-12-12", new Event.HazardFound(CANTEEN, "I-R",
                Finding.builder("WZ-0100/F9", "EXIT_WIDTH_SHORT").location("东侧出口").ratio(0.6).build(), false,
                day("2023-12-20"), List.of()))));
        assertThat(ledger.hazard("WZ-0100/F9").orElseThrow().deadline()).isEqualTo(day("2023-12-20"));
    }

    @Test
    void anEnforcementStepNamesWhoDecidedItAndOnWhatGround() {
        // Given an open hazard, an order to correct without the person who decided it or without its ground is refused
        refused("event.decidedBy", on(INSPECTOR, "2023-12-12", new Event.EnforcementRecorded(HAZARD,
                io.firerisk.Enforcement.ORDERED_TO_CORRECT, "万州城管责改〔2023〕1号", null, "消防法第六十条")));
        refused("event.decidedBy", on(INSPECTOR, "2023-12-12", new Event.EnforcementRecorded(HAZARD,
                io.firerisk.Enforcement.ORDERED_TO_CORRECT, "万州城管责改〔2023〕1号", "nobody", "消防法第六十条")));
        refused("event.ground", on(INSPECTOR, "2023-12-12", new Event.EnforcementRecorded(HAZARD,
                io.firerisk.Enforcement.ORDERED_TO_CORRECT, "万州城管责改〔2023〕1号", STAFF, " ")));
        // When an inspector records the order bureau staff decided, on its ground
        ledger.record(on(INSPECTOR, "2023-12-12", new Event.EnforcementRecorded(HAZARD,
                io.firerisk.Enforcement.ORDERED_TO_CORRECT, "万州城管责改〔2023〕1号", STAFF, "消防法第六十条")));
        // Then the hazard's enforcement is the order, and the log keeps who recorded, who decided and why
        assertThat(ledger.hazard(HAZARD).orElseThrow().enforcement()).isEqualTo(io.firerisk.Enforcement.ORDERED_TO_CORRECT);
        RecordedEvent recorded = ledger.timeline(RESTAURANT).stream()
                .filter(x -> x.type() == EventType.ENFORCEMENT_RECORDED).findFirst().orElseThrow();
        assertThat(recorded.actor()).isEqualTo(INSPECTOR);
        assertThat((Event.EnforcementRecorded) recorded.event()).satisfies(x -> {
            assertThat(x.decidedBy()).isEqualTo(STAFF);
            assertThat(x.ground()).isEqualTo("消防法第六十条");
        });
    }
}
