package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The engine end to end on the tiny test campaign (src/test/resources/campaigns/tiny). */
class RiskEngineTest {

    static final LocalDate IN_PHASE_ONE = LocalDate.of(2024, 1, 15);

    @TempDir
    Path temp;
    RiskEngine engine;
    CampaignFixture fixture;

    @BeforeEach
    void load() {
        fixture = CampaignFixture.copyOf("tiny", temp);
        engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static Venue hall(int occupants) {
        return Venue.builder("HALL-1", "HALL").name("礼堂").occupantCapacity(occupants).build();
    }

    static Venue shed() {
        return Venue.builder("SHED-1", "SHED").name("棚屋").occupantCapacity(5).build();
    }

    Assessment assess(Venue venue, LocalDate date, Finding... findings) {
        return engine.assess(VenueFacts.of(venue, List.of(findings), date));
    }

    @Nested
    class Determination {

        @Test
        void directElementAloneMakesASuspectedMajorHazardGradedRed() {
            Assessment a = assess(hall(50), IN_PHASE_ONE, Finding.of("F1", "EXITS_TOO_FEW"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().directElements()).containsExactly("D.1");
            assertThat(a.determination().needsCollectiveDecision()).isTrue();
            assertThat(a.determination().reminder().zh()).isEqualTo("须集体讨论");
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(a.action("REVIEW")).get().satisfies(r -> {
                assertThat(r.due()).contains(IN_PHASE_ONE.plusDays(7));
                assertThat(r.clauses()).extracting(ClauseRef::id).containsExactly("T-DIRECT");
            });
            assertThat(a.reasons()).anySatisfy(r -> {
                assertThat(r.rule()).isEqualTo("D.1 出口不足");
                assertThat(r.clause().id()).isEqualTo("T-DIRECT");
                assertThat(r.sentence().zh()).isEqualTo("安全出口数量不足构成直接要素D.1");
                assertThat(r.sentence().en()).isEqualTo("too few exits: direct element D.1");
                assertThat(r.facts()).containsExactly("finding F1 (EXITS_TOO_FEW)");
            });
        }

        @Test
        void exitWidthJustBelowTheParameterIsADirectElementAndAtItIsNot() {
            Assessment below = assess(hall(50), IN_PHASE_ONE, Finding.builder("F1", "EXIT_WIDTH_SHORT").ratio(0.79).build());
            Assessment at = assess(hall(50), IN_PHASE_ONE, Finding.builder("F1", "EXIT_WIDTH_SHORT").ratio(0.80).build());

            assertThat(below.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(below.reasons()).anySatisfy(r ->
                    assertThat(r.sentence().zh()).isEqualTo("出口宽度为规定值的79%，构成直接要素D.1"));
            assertThat(at.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(at.determination().directElements()).isEmpty();
        }

        @Test
        void crowdedPlaceWithTwoComprehensiveElementsReachesItsThreshold() {
            Assessment a = assess(hall(50), IN_PHASE_ONE, Finding.of("F1", "SIGNS_DAMAGED"), Finding.of("F2", "OLD_WIRING"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().comprehensiveElements()).containsExactly("C.1", "C.3");
            assertThat(a.determination().thresholds()).singleElement().satisfies(t -> {
                assertThat(t.row()).isEqualTo("CROWDED_TWO");
                assertThat(t.count()).isEqualTo(2);
                assertThat(t.threshold()).isEqualTo(2);
                assertThat(t.reached()).isTrue();
                assertThat(t.placeClass().code()).isEqualTo("CROWDED");
            });
        }

        @Test
        void crowdedPlaceWithOneComprehensiveElementIsOnlyAGeneralHazard() {
            Assessment a = assess(hall(50), IN_PHASE_ONE, Finding.of("F1", "SIGNS_DAMAGED"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.grading().formula()).isEqualTo("L2 × S3 = 6");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(a.determination().thresholds()).singleElement()
                    .satisfies(t -> assertThat(t.reached()).isFalse());
        }

        @Test
        void otherPlaceNeedsThreeComprehensiveElements() {
            Assessment two = assess(shed(), IN_PHASE_ONE, Finding.of("F1", "SIGNS_DAMAGED"), Finding.of("F2", "OLD_WIRING"));
            Assessment three = assess(shed(), IN_PHASE_ONE, Finding.of("F1", "SIGNS_DAMAGED"),
                    Finding.of("F2", "OLD_WIRING"), Finding.of("F3", "LIGHTS_DAMAGED"));

            assertThat(two.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(three.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(three.placeClasses()).isEmpty();
            assertThat(three.determination().thresholds()).extracting(ThresholdCheck::row).containsExactly("OTHER_THREE");
        }

        @Test
        void findingCorrectedOnTheSpotDoesNotCount() {
            Assessment a = assess(hall(50), IN_PHASE_ONE,
                    Finding.builder("F1", "EXITS_TOO_FEW").status(RectificationStatus.CORRECTED_ON_SPOT).build());

            assertThat(a.verdict()).isEqualTo(HazardVerdict.NONE);
            assertThat(a.grade()).isEqualTo(RiskGrade.BLUE);
            assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.counted()).isFalse());
        }

        @Test
        void rulesSeeEachPlaceClassificationWithItsSourceAndClause() {
            Assessment hall = assess(hall(50), IN_PHASE_ONE);
            Assessment shed = assess(shed(), IN_PHASE_ONE);

            assertThat(hall.reasons()).filteredOn(r -> r.rule().equals("场所类别")).singleElement().satisfies(r -> {
                assertThat(r.sentence().zh()).isEqualTo("礼堂属人员密集场所（STATUTE，依据T-CLASS）");
                assertThat(r.facts()).contains("place class CROWDED (STATUTE, T-CLASS)");
            });
            assertThat(shed.firedRules()).doesNotContain("场所类别");
        }

        @Test
        void aPlaceClassRowForEveryKindHoldsOnTheVenueFactItNames() {
            // Given a campaign whose statute makes every place where people sleep a crowded place
            fixture.write("place-classes.csv", "kind,place_class,source,clause,when\n"
                    + "HALL,CROWDED,STATUTE,T-CLASS,\n*,CROWDED,STATUTE,T-CLASS,sleeping\n");
            try (RiskEngine withRow = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
                Venue sleepingShed = shed().toBuilder().sleepingOnSite(true).build();
                Venue sleepingHall = hall(50).toBuilder().sleepingOnSite(true).build();

                Assessment shedWithBeds = withRow.assess(VenueFacts.of(sleepingShed, List.of(), IN_PHASE_ONE));
                Assessment shed = withRow.assess(VenueFacts.of(shed(), List.of(), IN_PHASE_ONE));
                Assessment hallWithBeds = withRow.assess(VenueFacts.of(sleepingHall, List.of(), IN_PHASE_ONE));

                assertThat(shedWithBeds.placeClasses()).extracting(c -> c.placeClass().code()).containsExactly("CROWDED");
                assertThat(shedWithBeds.determination().thresholds()).extracting(ThresholdCheck::row).containsExactly("CROWDED_TWO");
                assertThat(shed.placeClasses()).isEmpty();
                // the kind row and the fact row give the same classification on the same authority: listed once
                assertThat(hallWithBeds.placeClasses()).hasSize(1);
            }
        }

        @Test
        void venueOutOfUseIsExcludedFromAMajorVerdict() {
            Venue closed = hall(50).toBuilder().operatingStatus(OperatingStatus.CLOSED).build();
            Assessment a = assess(closed, IN_PHASE_ONE, Finding.of("F1", "EXITS_TOO_FEW"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().directElements()).containsExactly("D.1");
            assertThat(a.determination().exclusions()).extracting(Label::code).containsExactly("OUT_OF_USE");
            assertThat(a.actionCodes()).doesNotContain("REVIEW");
            assertThat(a.firedRules()).doesNotContain("直接判定");
        }
    }

    @Nested
    class Suspension {

        @Test
        void aPartWithNoUsableExitStopsOnItsGroundWithWhoActsAndWhenUseResumes() {
            Assessment a = assess(hall(30), IN_PHASE_ONE, Finding.builder("F1", "OLD_WIRING").location("配电间").build(),
                    Finding.builder("F2", "EXITS_LOCKED").location("北门").area("二楼").build());

            assertThat(a.suspensionRequired()).isTrue();
            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.area()).isEqualTo("二楼");
                assertThat(p.wholeVenue()).isFalse();
                assertThat(p.ground().code()).isEqualTo("NO_EXIT");
                assertThat(p.clauses()).extracting(ClauseRef::id).containsExactly("T-SUSPEND", "T-RESUME");
                assertThat(p.actor().zh()).isEqualTo("提请有权机关查封");
                assertThat(p.resumesWhen().zh()).isEqualTo("检查合格后恢复使用");
                assertThat(p.findingIds()).containsExactly("F2");
            });
            assertThat(a.action("SUSPEND_USE")).get().satisfies(s -> {
                assertThat(s.due()).contains(IN_PHASE_ONE);
                assertThat(s.priority()).isEqualTo(Priority.IMMEDIATE);
                assertThat(s.findingIds()).containsExactly("F2");
            });
        }

        @Test
        void theAuthoritysOwnVenueIsStoppedByTheAuthorityItself() {
            Venue own = hall(30).toBuilder().ownedByAuthority(true).build();

            Assessment a = assess(own, IN_PHASE_ONE, Finding.of("F1", "EXITS_LOCKED"));

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.wholeVenue()).isTrue();
                assertThat(p.actor().zh()).isEqualTo("本局停止使用");
            });
        }

        @Test
        void aVenueOutOfUseIsNeverSuspended() {
            Venue closed = hall(30).toBuilder().operatingStatus(OperatingStatus.CLOSED).build();

            Assessment a = assess(closed, IN_PHASE_ONE, Finding.of("F1", "EXITS_LOCKED"));

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.actionCodes()).doesNotContain("SUSPEND_USE");
            assertThat(a.grading().severity()).isEqualTo(1);
        }

        @Test
        void aLockedExitCorrectedOnTheSpotStopsNothing() {
            Assessment a = assess(hall(30), IN_PHASE_ONE,
                    Finding.builder("F1", "EXITS_LOCKED").status(RectificationStatus.CORRECTED_ON_SPOT).build());

            assertThat(a.suspensionRequired()).isFalse();
        }

        @Test
        void campaignOnlySuspensionDoesNotApplyOutsideTheCampaign() {
            Assessment a = assess(hall(300), LocalDate.of(2023, 12, 15), Finding.of("F1", "EXITS_TOO_FEW"),
                    Finding.of("F2", "EXITS_LOCKED"));

            assertThat(a.calendar().campaignInForce()).isFalse();
            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
        }
    }

    @Nested
    class Calendar {

        @Test
        void keyPeriodRaisesTheLikelihoodAndCapsTheDeadlineAtThePeriodsEnd() {
            Assessment during = assess(hall(20), LocalDate.of(2024, 2, 10), Finding.of("F1", "OLD_WIRING"));
            Assessment before = assess(hall(20), LocalDate.of(2024, 2, 9), Finding.of("F1", "OLD_WIRING"));

            assertThat(during.calendar().keyPeriod()).map(Label::code).contains("FEST");
            assertThat(during.calendar().alertLevel().code()).isEqualTo("RAISED");
            assertThat(during.grading().formula()).isEqualTo("L3 × S3 = 9");
            assertThat(during.grade()).isEqualTo(RiskGrade.RED);
            assertThat(during.grading().raises()).singleElement().satisfies(b -> {
                assertThat(b.raise()).isEqualTo(1);
                assertThat(b.level()).isEqualTo(3);
                assertThat(b.rule()).isEqualTo("节日提级");
            });
            assertThat(during.action("RECTIFY")).get().satisfies(r -> {
                assertThat(r.due()).contains(LocalDate.of(2024, 2, 12));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.CAP);
            });

            assertThat(before.calendar().upcomingPeriod()).map(Label::code).contains("FEST");
            assertThat(before.calendar().alertLevel().code()).isEqualTo("WARNING");
            assertThat(before.grading().formula()).isEqualTo("L2 × S3 = 6");
            assertThat(before.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(before.action("RECTIFY")).get().satisfies(r -> {
                assertThat(r.due()).contains(LocalDate.of(2024, 2, 9).plusDays(15));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.GRADE_PERIOD);
            });
        }

        @Test
        void campaignSummaryIsReachableFromTheEngineAndListsEverySpanInDateOrder() {
            List<io.firerisk.campaign.CalendarEntry> february = engine.campaign().calendar()
                    .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));

            assertThat(february).extracting(e -> e.type() + " " + e.code() + " " + e.from() + ".." + e.to() + " "
                    + e.alertLevel().code()).containsExactly(
                    "PHASE TWO 2024-02-01..2024-02-29 NORMAL",
                    "EARLY_WARNING FEST 2024-02-07..2024-02-09 WARNING",
                    "KEY_PERIOD FEST 2024-02-10..2024-02-12 RAISED");
        }

        @Test
        void summaryShowsTheMarginInTheRaisedSpanAndNoWarningWithoutALead() {
            fixture.replace("campaign.yaml", "level: RAISED}", "level: RAISED, leadDays: 0, marginDays: 1}");
            try (RiskEngine changed = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
                io.firerisk.campaign.CampaignCalendar calendar = changed.campaign().calendar();

                assertThat(calendar.between(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 8))).extracting(
                        e -> e.type() + " " + e.from() + ".." + e.to()).containsExactly("PHASE 2024-02-01..2024-02-29");
                assertThat(calendar.between(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 9))).extracting(
                        e -> e.type() + " " + e.from() + ".." + e.to()).containsExactly("PHASE 2024-02-01..2024-02-29",
                        "KEY_PERIOD 2024-02-09..2024-02-13");
                assertThat(calendar.position(LocalDate.of(2024, 2, 8)).alertLevel().code()).isEqualTo("NORMAL");
                assertThat(calendar.position(LocalDate.of(2024, 2, 13)).alertLevel().code()).isEqualTo("RAISED");
                assertThat(calendar.keyPeriod("FEST")).get().satisfies(k -> assertThat(k.source()).isEmpty());
            }
        }

        @Test
        void factsWithoutADateAreAssessedAsOfTheEnginesClock() {
            Clock clock = Clock.fixed(Instant.parse("2024-02-10T16:30:00Z"), ZoneId.of("UTC"));
            try (RiskEngine clocked = RiskEngine.builder().campaignDirectory(fixture.folder()).clock(clock).build()) {
                Assessment a = clocked.assess(VenueFacts.of(hall(20), Finding.of("F1", "OLD_WIRING")));
                assertThat(a.assessedOn()).isEqualTo(LocalDate.of(2024, 2, 10));
                assertThat(a.calendar().keyPeriod()).isPresent();
            }
        }
    }

    @Nested
    class BadInput {

        @Test
        void unknownHazardCodeIsRejectedNamingTheCodeAndTheCampaign() {
            AssessmentException e = catchThrowableOfType(AssessmentException.class,
                    () -> assess(hall(20), IN_PHASE_ONE, Finding.of("F1", "OLD_WIRING"), Finding.of("F2", "NO_SUCH_CODE")));

            assertThat(e.kind()).isEqualTo(AssessmentException.Kind.INVALID_FACTS);
            assertThat(e.field()).isEqualTo("findings[1].hazardCode");
            assertThat(e.venueId()).isEqualTo("HALL-1");
            assertThat(e).hasMessage("campaign tiny, venue 'HALL-1': findings[1].hazardCode: finding 'F2': hazard code "
                    + "'NO_SUCH_CODE' is not in the hazard catalogue of campaign tiny");
        }

        @Test
        void quantitativeHazardWithoutItsRatioIsRejected() {
            assertThatThrownBy(() -> assess(hall(20), IN_PHASE_ONE, Finding.of("F1", "EXIT_WIDTH_SHORT")))
                    .isInstanceOf(AssessmentException.class)
                    .hasMessageContaining("findings[0].ratio: finding 'F1' (EXIT_WIDTH_SHORT) needs a ratio between 0 and 1");
        }

        @Test
        void unknownVenueKindIsRejected() {
            assertThatThrownBy(() -> assess(Venue.builder("X", "CASTLE").build(), IN_PHASE_ONE))
                    .isInstanceOf(AssessmentException.class)
                    .hasMessageContaining("venue.kind: venue kind 'CASTLE' is not defined by the campaign (known kinds: FLATS, HALL, SHED)");
        }

        @Test
        void batchKeepsGoingPastBadRecordsAndLosesNone() {
            List<VenueFacts> batch = new ArrayList<>();
            batch.add(VenueFacts.of(hall(20), List.of(Finding.of("F1", "OLD_WIRING")), IN_PHASE_ONE));
            batch.add(VenueFacts.of(shed(), List.of(Finding.of("F1", "NOPE")), IN_PHASE_ONE));
            batch.add(null);
            batch.add(VenueFacts.of(shed(), List.of(), IN_PHASE_ONE));

            List<Outcome> outcomes = engine.assessAll(batch);

            assertThat(outcomes).hasSize(4);
            assertThat(outcomes).extracting(Outcome::index).containsExactly(0L, 1L, 2L, 3L);
            assertThat(outcomes.get(0)).isInstanceOf(Outcome.Assessed.class);
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
                assertThat(r.venueId()).isEqualTo("SHED-1");
                assertThat(r.error().field()).isEqualTo("findings[0].hazardCode");
            });
            assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.error()).hasMessageContaining("record 2 is null"));
            assertThat(outcomes.get(3)).isInstanceOfSatisfying(Outcome.Assessed.class,
                    r -> assertThat(r.assessment().grade()).isEqualTo(RiskGrade.BLUE));
        }

        @Test
        void streamedBatchKeepsInputOrder() {
            List<String> ids = engine.assessAll(IntStream.range(0, 50).mapToObj(i ->
                            VenueFacts.of(Venue.builder("V" + i, "SHED").build(), List.of(), IN_PHASE_ONE)))
                    .map(Outcome::venueId).toList();
            assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "V" + i).toList());
        }
    }

    @Nested
    class Settings {

        @Test
        void builderWithoutACampaignSaysHowToChooseOne() {
            assertThatThrownBy(() -> RiskEngine.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("no campaign chosen: call campaign(id)");
        }

        @Test
        void builderWithTwoCampaignsIsRefused() {
            assertThatThrownBy(() -> RiskEngine.builder().campaign("x").campaignDirectory(temp).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("an engine assesses against one");
        }

        @Test
        void nonsensicalLimitsAreRefusedAtOnce() {
            assertThatThrownBy(() -> RiskEngine.builder().maxRuleFirings(0))
                    .hasMessage("maxRuleFirings must be >= 1 (was 0)");
            assertThatThrownBy(() -> RiskEngine.builder().sessionPoolSize(-1))
                    .hasMessage("sessionPoolSize must be >= 1 (was -1)");
        }

        @Test
        void withoutExplanationsTheConclusionsAndTheirClausesStay() {
            try (RiskEngine quiet = RiskEngine.builder().campaignDirectory(fixture.folder()).explanations(false).build()) {
                Assessment a = quiet.assess(VenueFacts.of(hall(50), List.of(Finding.of("F1", "EXITS_TOO_FEW")), IN_PHASE_ONE));
                assertThat(a.reasons()).isEmpty();
                assertThat(a.grade()).isEqualTo(RiskGrade.RED);
                assertThat(a.action("REVIEW")).get().satisfies(r ->
                        assertThat(r.clauses()).extracting(ClauseRef::id).containsExactly("T-DIRECT"));
            }
        }
    }

    @Nested
    class Robustness {

        @Test
        void oneEngineUsedFromEightThreadsGivesTheSameResultsAsOneThread() throws Exception {
            List<VenueFacts> inputs = mixedInputs(400);
            List<Assessment> sequential = inputs.stream().map(engine::assess).toList();

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Assessment>> futures = new ArrayList<>();
                for (VenueFacts facts : inputs) {
                    futures.add(pool.submit(() -> engine.assess(facts)));
                }
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void runawayRuleFailsThatAssessmentNamingTheRuleAndTheEngineGoesOn() {
            CampaignFixture runaway = CampaignFixture.broken("runaway-rule", temp.resolve("runaway"));
            try (RiskEngine looping = RiskEngine.builder().campaignDirectory(runaway.folder()).maxRuleFirings(500).build()) {
                AssessmentException e = catchThrowableOfType(AssessmentException.class, () -> looping.assess(
                        VenueFacts.of(shed(), List.of(Finding.of("F1", "CLUTTER")), IN_PHASE_ONE)));
                assertThat(e.kind()).isEqualTo(AssessmentException.Kind.RULE_LOOP);
                assertThat(e).hasMessageContaining("limit of 500 firings").hasMessageContaining("a rule that feeds itself");

                Assessment next = looping.assess(VenueFacts.of(hall(20), List.of(Finding.of("F1", "OLD_WIRING")), IN_PHASE_ONE));
                assertThat(next.grade()).isEqualTo(RiskGrade.ORANGE);
            }
        }

        @Test
        void failedReloadKeepsServingTheLastGoodCampaign() {
            fixture.write("rules/core/broken.drl", "package rules.core;\nrule \"x\" when then");

            CampaignException e = catchThrowableOfType(CampaignException.class, engine::reload);

            assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("rules/core/broken.drl"));
            assertThat(engine.campaign().version()).isEqualTo("0.1.0");
            assertThat(assess(hall(50), IN_PHASE_ONE, Finding.of("F1", "EXITS_TOO_FEW")).grade()).isEqualTo(RiskGrade.RED);
        }

        @Test
        void successfulReloadServesTheNewVersion() {
            fixture.replace("campaign.yaml", "version: 0.1.0", "version: 0.2.0")
                    .replace("campaign.yaml", "RED: 9,", "RED: 10,");

            engine.reload();

            Assessment a = assess(hall(50), IN_PHASE_ONE, Finding.of("F1", "EXITS_TOO_FEW"));
            assertThat(a.campaignVersion()).isEqualTo("0.2.0");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
        }
    }

    static List<VenueFacts> mixedInputs(int n) {
        String[] codes = {"EXITS_TOO_FEW", "SIGNS_DAMAGED", "LIGHTS_DAMAGED", "OLD_WIRING", "CLUTTER"};
        String[] kinds = {"HALL", "SHED", "FLATS"};
        LocalDate[] dates = {IN_PHASE_ONE, LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 11), LocalDate.of(2023, 11, 1)};
        List<VenueFacts> out = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            Venue v = Venue.builder("V" + i, kinds[i % kinds.length]).occupantCapacity(random.nextInt(400)).build();
            List<Finding> findings = Stream.iterate(0, k -> k + 1).limit(random.nextInt(4))
                    .map(k -> Finding.builder("F" + k, codes[random.nextInt(codes.length)])
                            .status(random.nextInt(5) == 0 ? RectificationStatus.CORRECTED_ON_SPOT : RectificationStatus.OPEN)
                            .build())
                    .toList();
            out.add(VenueFacts.of(v, findings, dates[i % dates.length]));
        }
        return out;
    }
}
