package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.Finding;
import io.firerisk.Label;
import io.firerisk.Outcome;
import io.firerisk.Reason;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.RiskEngine;
import io.firerisk.analysis.ValidationReport;
import io.firerisk.analysis.Validator;
import io.firerisk.RiskGrade;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.RuleInfo;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 万州城管发〔2023〕114号 二(八): at 元旦, 春节, 元宵节 and 全国两会 the fire-prevention level is raised,
 * warnings go out in advance and crowded places are inspected jointly. Effect sizes are the
 * campaign's key-periods.* parameters: a 1-day warning, hazards due on the eve, 3 days during the
 * period, a one-step raise of the likelihood L and a joint inspection within 3 days.
 */
class KeyPeriodsTest {

    private static final String KEY_PERIODS = Wanzhou.PLAN + "二(八)";
    private static final Set<String> KEY_PERIOD_ACTIONS = Set.of("EARLY_WARNING_NOTICE", "JOINT_INSPECTION");

    /**
     * A restaurant (a crowded place by 消防法 第七十三条) for 80 with expired extinguishers: an isolated defect
     * (L2) in a place of consequence class S3, yellow at L2 × S3 = 6, 7 days to rectify.
     */
    static VenueFacts restaurantWithExpiredExtinguishers(String id, LocalDate date) {
        Venue venue = Venue.builder(id, "RESTAURANT").name("江南饭店").occupantCapacity(80).build();
        return VenueFacts.of(venue, List.of(Finding.builder("F1", "FIRE_EXTINGUISHER_INVALID").location("后厨").build()), date);
    }

    /** A 300-seat KTV with too few exits: suspected major (GB 35181 6.5) and, in the campaign, to be suspended (二(二)). */
    static VenueFacts ktvWithTooFewExits(String id, LocalDate date) {
        Venue venue = Venue.builder(id, "ENTERTAINMENT").name("星光歌舞娱乐城").occupantCapacity(300).build();
        return VenueFacts.of(venue, List.of(Finding.builder("F1", "EXITS_TOO_FEW").location("二楼包房区").build()), date);
    }

    static Assessment assess(VenueFacts facts) {
        return Wanzhou.ENGINE.assess(facts);
    }

    static Optional<LocalDate> due(Assessment a, String code) {
        return a.action(code).flatMap(RequiredAction::due);
    }

    @Nested
    class AroundSpringFestival {

        @Test
        void crowdedPlaceOnTheEveOnTheFirstDayAndTheDayAfterGetsDifferentActionsAndDeadlines() {
            // Given a restaurant with expired extinguishers in its kitchen
            // When it is assessed on 除夕 (the eve), on the first day of the holiday and the day after it
            Assessment eve = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 9)));
            Assessment firstDay = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 10)));
            Assessment dayAfter = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 18)));

            // Then on the eve it is warned and the hazard is due that day, before the holiday starts
            assertThat(eve.calendar().upcomingPeriod()).map(Label::code).contains("SPRING_FESTIVAL");
            assertThat(eve.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(due(eve, "EARLY_WARNING_NOTICE")).contains(LocalDate.of(2024, 2, 9));
            assertThat(due(eve, "RECTIFY")).contains(LocalDate.of(2024, 2, 9));
            assertThat(eve.actionCodes()).doesNotContain("JOINT_INSPECTION");

            // and on the first day its likelihood goes up one step, it is inspected jointly and the hazard is due in 3 days
            assertThat(firstDay.calendar().keyPeriod()).map(Label::code).contains("SPRING_FESTIVAL");
            assertThat(firstDay.calendar().alertLevel().code()).isEqualTo("RAISED");
            assertThat(firstDay.grading().formula()).isEqualTo("L3 × S3 = 9");
            assertThat(firstDay.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(firstDay.grading().raises()).singleElement().satisfies(b -> {
                assertThat(b.raise()).isEqualTo(1);
                assertThat(b.clause().id()).isEqualTo(KEY_PERIODS);
            });
            assertThat(due(firstDay, "JOINT_INSPECTION")).contains(LocalDate.of(2024, 2, 13));
            assertThat(due(firstDay, "RECTIFY")).contains(LocalDate.of(2024, 2, 13));
            assertThat(firstDay.actionCodes()).doesNotContain("EARLY_WARNING_NOTICE");

            // and the day after, the holiday is over: back to yellow, warned for the Lantern Festival on 2-24
            assertThat(dayAfter.calendar().keyPeriod()).isEmpty();
            assertThat(dayAfter.calendar().upcomingPeriod()).map(Label::code).contains("LANTERN_FESTIVAL");
            assertThat(dayAfter.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(due(dayAfter, "EARLY_WARNING_NOTICE")).contains(LocalDate.of(2024, 2, 19));
            assertThat(due(dayAfter, "RECTIFY")).contains(LocalDate.of(2024, 2, 23));
            assertThat(dayAfter.actionCodes()).doesNotContain("JOINT_INSPECTION");
        }

        @Test
        void earlyWarningOnTheFirstDayOfTheLeadUpIsDueTheNextDayAndTheHazardOnTheEve() {
            Assessment a = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 3)));

            assertThat(a.action("EARLY_WARNING_NOTICE")).get().satisfies(w -> {
                assertThat(w.due()).contains(LocalDate.of(2024, 2, 4));
                assertThat(w.clauses()).extracting(ClauseRef::id).containsExactly(KEY_PERIODS);
                assertThat(w.details()).extracting(t -> t.zh()).containsExactly("春节自2024-02-10起提高火灾防范等级");
            });
            assertThat(a.action("RECTIFY")).get().satisfies(r -> {
                assertThat(r.due()).contains(LocalDate.of(2024, 2, 9));
                assertThat(r.findingIds()).containsExactly("F1");
            });
        }

        @Test
        void lastDayOfSpringFestivalIsAlsoTheFirstDayOfTheLanternFestivalsWarning() {
            Assessment a = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 17)));

            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(due(a, "JOINT_INSPECTION")).as("never after the period ends").contains(LocalDate.of(2024, 2, 17));
            assertThat(due(a, "RECTIFY")).contains(LocalDate.of(2024, 2, 20));
            assertThat(a.action("EARLY_WARNING_NOTICE")).get().satisfies(w -> {
                assertThat(w.due()).contains(LocalDate.of(2024, 2, 18));
                assertThat(w.details()).extracting(t -> t.zh()).containsExactly("元宵节自2024-02-24起提高火灾防范等级");
            });
        }

        @Test
        void raisedGradeIsExplainedNamingThePeriodAndCitingTheKeyPeriodClause() {
            Assessment a = assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 10)));

            assertThat(a.reasons()).filteredOn(r -> r.rule().equals("重要节点期间人员密集场所存在未整改火灾隐患的，提高风险等级"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.clause().id()).isEqualTo(KEY_PERIODS);
                        assertThat(r.clause().verified()).isTrue();
                        assertThat(r.concern()).isEqualTo("rules.campaign");
                        assertThat(r.sentence().zh()).isEqualTo("春节期间（2024-02-10至2024-02-17）提高火灾防范等级："
                                + "江南饭店为人员密集场所且有火灾隐患尚未整改，可能性提高1级（不超过L4）");
                        assertThat(r.sentence().en()).startsWith("The fire-prevention level is raised during Spring Festival (2024-02-10 to 2024-02-17)");
                    });
        }
    }

    @Nested
    class WhoIsAffected {

        @Test
        void placeThatIsNotCrowdedIsWarnedButNeitherRaisedNorHurriedNorInspected() {
            Venue warehouse = Venue.builder("W1", "WAREHOUSE").name("城东仓库").occupantCapacity(5).build();
            Finding wiring = Finding.of("F1", "WIRING_MESSY");

            Assessment leadUp = assess(VenueFacts.of(warehouse, List.of(wiring), LocalDate.of(2024, 2, 9)));
            Assessment during = assess(VenueFacts.of(warehouse, List.of(wiring), LocalDate.of(2024, 2, 10)));

            assertThat(leadUp.actionCodes()).contains("EARLY_WARNING_NOTICE");
            assertThat(due(leadUp, "RECTIFY")).contains(LocalDate.of(2024, 2, 24));
            assertThat(during.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(during.actionCodes()).doesNotContainAnyElementsOf(KEY_PERIOD_ACTIONS);
            assertThat(due(during, "RECTIFY")).contains(LocalDate.of(2024, 2, 25));
        }

        @Test
        void crowdedPlaceWhoseHazardWasCorrectedOnTheSpotIsNeitherRaisedNorInspected() {
            Venue restaurant = Venue.builder("R2", "RESTAURANT").name("江北饭店").occupantCapacity(80).build();
            Finding fixed = Finding.builder("F1", "EVACUATION_ROUTE_BLOCKED").status(RectificationStatus.CORRECTED_ON_SPOT).build();

            Assessment a = assess(VenueFacts.of(restaurant, List.of(fixed), LocalDate.of(2024, 3, 4)));

            assertThat(a.calendar().keyPeriod()).map(Label::code).contains("TWO_SESSIONS");
            assertThat(a.grading().formula()).isEqualTo("L2 × S3 = 6");
            assertThat(a.grading().raises()).isEmpty();
            assertThat(a.actionCodes()).doesNotContainAnyElementsOf(KEY_PERIOD_ACTIONS);
        }

        @Test
        void officeIsACrowdedPlaceDuringTheCampaignSoItsGradeIsRaisedAtNewYear() {
            Venue office = Venue.builder("O1", "OFFICE").name("城管局机关办公楼").occupantCapacity(120).build();

            Assessment a = assess(VenueFacts.of(office, List.of(Finding.of("F1", "WIRING_MESSY")), LocalDate.of(2023, 12, 30)));

            assertThat(a.placeClasses()).anySatisfy(c -> assertThat(c.placeClass().code()).isEqualTo("CROWDED"));
            // messy wiring is already a determination element (L4): the raise cannot lift it past the cap
            assertThat(a.grading().formula()).isEqualTo("L4 × S3 = 12");
            assertThat(a.grading().raises()).singleElement().satisfies(r -> assertThat(r.level()).isEqualTo(4));
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(due(a, "JOINT_INSPECTION")).contains(LocalDate.of(2024, 1, 1));
            assertThat(due(a, "RECTIFY")).contains(LocalDate.of(2024, 1, 2));
        }

        @Test
        void suspectedMajorHazardStaysRedAndKeepsItsEarlierDeadlinesDuringThePeriod() {
            Assessment a = assess(ktvWithTooFewExits("K1", LocalDate.of(2024, 2, 24)));

            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(due(a, "SUSPEND_USE")).contains(LocalDate.of(2024, 2, 24));
            assertThat(due(a, "FIVE_IN_PLACE")).contains(LocalDate.of(2024, 2, 27));
            // Its whole use stops today (第二十二条(一)), so, like a closed venue, it is not also inspected jointly for the
            // festival: the stop is the control (issue-law2, WZ-0170)
            assertThat(a.actionCodes()).doesNotContain("JOINT_INSPECTION", "EARLY_WARNING_NOTICE");
        }
    }

    @Nested
    class OutsideTheCampaign {

        @Test
        void beforeDeploymentAndAfterReviewTheVenueIsGradedOnStandingRulesOnly() {
            Map<String, RuleInfo> rules = Wanzhou.ENGINE.campaign().rules().stream()
                    .collect(Collectors.toMap(RuleInfo::name, r -> r));
            for (LocalDate date : List.of(LocalDate.of(2023, 11, 30), LocalDate.of(2024, 4, 1))) {
                // Given a KTV with too few exits, assessed on a date the plan does not cover
                Assessment a = assess(ktvWithTooFewExits("K1", date));

                // Then the assessment says the campaign is not in force
                assertThat(a.calendar().campaignInForce()).as("%s", date).isFalse();
                assertThat(a.calendar().phase()).isEmpty();
                assertThat(a.calendar().keyPeriod()).isEmpty();
                assertThat(a.calendar().alertLevel().code()).isEqualTo("NORMAL");
                // and GB 35181 still finds a suspected major hazard, graded red, to be decided collectively
                assertThat(a.verdict()).isEqualTo(io.firerisk.HazardVerdict.SUSPECTED_MAJOR);
                assertThat(a.grade()).isEqualTo(RiskGrade.RED);
                assertThat(a.actionCodes()).contains("COLLECTIVE_DETERMINATION", "RECTIFY");
                // and the law still stops use where it gives a ground (消防法 第五十四条; 第二十二条(一)), plan or no plan
                assertThat(a.suspension().parts()).singleElement()
                        .satisfies(p -> assertThat(p.ground().code()).isEqualTo("NO_SAFE_EVACUATION"));
                // but nothing the plan alone requires: no 五落实 (二(一)), no key-period action
                assertThat(a.actionCodes()).doesNotContain("FIVE_IN_PLACE").doesNotContainAnyElementsOf(KEY_PERIOD_ACTIONS);
                assertThat(a.firedRules()).isNotEmpty().allSatisfy(name ->
                        assertThat(rules.get(name).campaignOnly()).as("rule %s fired on %s", name, date).isFalse());
                assertThat(a.reasons()).extracting(Reason::clause).extracting(ClauseRef::id)
                        .noneMatch(id -> Wanzhou.ENGINE.campaign().clause(id).orElseThrow().campaignOnly());
            }
        }

        @Test
        void onTheFirstDayOfDeploymentTheSameVenueGetsTheCampaignsActions() {
            Assessment a = assess(ktvWithTooFewExits("K1", LocalDate.of(2023, 12, 1)));

            assertThat(a.calendar().campaignInForce()).isTrue();
            assertThat(a.calendar().phase()).map(Label::code).contains("DEPLOYMENT");
            assertThat(a.suspensionRequired()).isTrue();
            assertThat(a.actionCodes()).contains("SUSPEND_USE", "FIVE_IN_PLACE");
        }

        @Test
        void officeIsNotACrowdedPlaceOutsideTheCampaignSoNoKeyPeriodOfANextWinterAppliesEither() {
            Venue office = Venue.builder("O1", "OFFICE").name("城管局机关办公楼").occupantCapacity(120).build();

            Assessment a = assess(VenueFacts.of(office, List.of(Finding.of("F1", "WIRING_MESSY")), LocalDate.of(2024, 12, 30)));

            assertThat(a.calendar().campaignInForce()).isFalse();
            assertThat(a.placeClasses()).noneSatisfy(c -> assertThat(c.placeClass().code()).isEqualTo("CROWDED"));
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(a.actionCodes()).containsExactly("RECTIFY");
            assertThat(due(a, "RECTIFY")).contains(LocalDate.of(2025, 1, 14));
        }
    }

    @Nested
    class Batches {

        @Test
        void batchWithMixedDatesGivesEachVenueItsOwnDatesResult() {
            // Given the same restaurant on five dates, and one undated record, in one batch
            List<LocalDate> dates = List.of(LocalDate.of(2023, 11, 30), LocalDate.of(2024, 2, 9),
                    LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 18), LocalDate.of(2024, 4, 1));
            List<VenueFacts> batch = new java.util.ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                batch.add(restaurantWithExpiredExtinguishers("R" + i, dates.get(i)));
            }
            batch.add(VenueFacts.of(Venue.builder("R-undated", "RESTAURANT").name("江南饭店").occupantCapacity(80).build(),
                    Finding.builder("F1", "FIRE_EXTINGUISHER_INVALID").location("后厨").build()));
            Clock twoSessions = Clock.fixed(Instant.parse("2024-03-04T01:00:00Z"), ZoneId.of("UTC"));

            // When the batch is assessed in one go, by an engine whose clock says 2024-03-04
            List<Outcome> outcomes;
            try (RiskEngine engine = RiskEngine.builder().campaign(Wanzhou.ID).clock(twoSessions).build()) {
                outcomes = engine.assessAll(batch);
            }

            // Then every venue got the result of its own date, the same as when assessed alone
            assertThat(outcomes).hasSize(6).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Assessed.class));
            List<Assessment> results = outcomes.stream().map(o -> ((Outcome.Assessed) o).assessment()).toList();
            assertThat(results).extracting(Assessment::assessedOn).containsExactly(dates.get(0), dates.get(1),
                    dates.get(2), dates.get(3), dates.get(4), LocalDate.of(2024, 3, 4));
            assertThat(results).extracting(Assessment::grade).containsExactly(RiskGrade.YELLOW, RiskGrade.YELLOW,
                    RiskGrade.ORANGE, RiskGrade.YELLOW, RiskGrade.YELLOW, RiskGrade.ORANGE);
            assertThat(results).extracting(a -> a.calendar().keyPeriod().map(Label::code).orElse("-"))
                    .containsExactly("-", "-", "SPRING_FESTIVAL", "-", "-", "TWO_SESSIONS");
            assertThat(results).extracting(a -> due(a, "RECTIFY").orElseThrow()).containsExactly(
                    LocalDate.of(2023, 12, 7), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 13),
                    LocalDate.of(2024, 2, 23), LocalDate.of(2024, 4, 8), LocalDate.of(2024, 3, 7));
            assertThat(results).extracting(a -> a.actionCodes().stream().filter(KEY_PERIOD_ACTIONS::contains).toList())
                    .containsExactly(List.of(), List.of("EARLY_WARNING_NOTICE"), List.of("JOINT_INSPECTION"),
                            List.of("EARLY_WARNING_NOTICE"), List.of(), List.of("JOINT_INSPECTION"));
            for (int i = 0; i < dates.size(); i++) {
                Assessment alone = assess(batch.get(i));
                assertThat(results.get(i).grade()).isEqualTo(alone.grade());
                assertThat(results.get(i).actions()).isEqualTo(alone.actions());
                assertThat(results.get(i).calendar()).isEqualTo(alone.calendar());
            }
        }
    }

    @Nested
    class EffectSizesAreCampaignData {

        @TempDir
        Path temp;

        @Test
        void changingTheKeyPeriodParametersChangesTheEffectsWithoutTouchingARule() {
            // Given the campaign with a three-step raise, hazards due two days before a period, and one day within it
            Path folder = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                    .replace("campaign.yaml", "key-periods.likelihood-raise-steps: 1", "key-periods.likelihood-raise-steps: 3")
                    .replace("campaign.yaml", "key-periods.rectify-days-before-start: 1", "key-periods.rectify-days-before-start: 2")
                    .replace("campaign.yaml", "key-periods.in-period-rectify-within-days: 3", "key-periods.in-period-rectify-within-days: 1")
                    .folder();
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
                // When the restaurant is assessed on the eve and on the first day of the Spring Festival
                Assessment eve = engine.assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 7)));
                Assessment firstDay = engine.assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 10)));

                // Then the new sizes apply, and the raise stops at the cap for raises (L4), short of red
                assertThat(due(eve, "RECTIFY")).contains(LocalDate.of(2024, 2, 8));
                assertThat(firstDay.grading().formula()).isEqualTo("L4 × S3 = 12");
                assertThat(firstDay.grade()).isEqualTo(RiskGrade.ORANGE);
                assertThat(due(firstDay, "RECTIFY")).contains(LocalDate.of(2024, 2, 11));
            }
        }

        @Test
        void aRaiseOfZeroStepsTurnsTheRaiseOff() {
            Path folder = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                    .replace("campaign.yaml", "key-periods.likelihood-raise-steps: 1", "key-periods.likelihood-raise-steps: 0")
                    .folder();
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
                Assessment a = engine.assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 10)));

                assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
                assertThat(a.actionCodes()).contains("JOINT_INSPECTION");
            }
        }

        @Test
        void longerLeadAndAMarginAroundTheTwoSessionsMoveTheWarningAndTheRaisedLevel() {
            // Given a 3-day security margin around the Two Sessions and a 10-day warning before them
            Path folder = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                    .replace("campaign.yaml", "level: RAISED, source: 全国两会 2024年会期}",
                            "level: RAISED, source: 全国两会 2024年会期, leadDays: 10, marginDays: 3}")
                    .folder();
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
                Campaign campaign = engine.campaign();

                // Then the raised level runs 2024-03-01 to 03-14 and the warning from 02-20 (the Lantern
                // Festival's, being nearer, is the one announced until 02-24)
                assertThat(campaign.calendar().position(LocalDate.of(2024, 2, 29)).alertLevel().code()).isEqualTo("WARNING");
                assertThat(campaign.calendar().position(LocalDate.of(2024, 3, 1)).keyPeriod()).map(Label::code).contains("TWO_SESSIONS");
                assertThat(campaign.calendar().position(LocalDate.of(2024, 3, 14)).alertLevel().code()).isEqualTo("RAISED");
                assertThat(campaign.calendar().position(LocalDate.of(2024, 3, 15)).alertLevel().code()).isEqualTo("NORMAL");
                Assessment a = engine.assess(restaurantWithExpiredExtinguishers("R1", LocalDate.of(2024, 2, 25)));
                assertThat(a.calendar().upcomingPeriod()).map(Label::code).contains("TWO_SESSIONS");
                assertThat(due(a, "RECTIFY")).contains(LocalDate.of(2024, 2, 29));
                assertThat(due(a, "EARLY_WARNING_NOTICE")).contains(LocalDate.of(2024, 2, 26));
            }
        }
    }

    @Test
    void keyPeriodRulesCompileWithoutDroolsWarnings() {
        ValidationReport report = Validator.validate(Wanzhou.folder());

        assertThat(report.diagnostics()).filteredOn(d -> d.file().contains("key-periods")).isEmpty();
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(Wanzhou.folder()).build()) {
            assertThat(engine.campaign().rules()).filteredOn(r -> r.file().equals("rules/campaign/key-periods.drl"))
                .hasSize(5).allSatisfy(r -> {
                    assertThat(r.clause()).isEqualTo(KEY_PERIODS);
                    assertThat(r.campaignOnly()).isTrue();
                });
        }
    }
}
