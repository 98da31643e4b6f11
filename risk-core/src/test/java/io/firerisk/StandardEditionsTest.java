package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Standards as shared, effective-dated folders: the campaign src/test/resources/campaigns/dated applies
 * two editions of a test standard (standards/test-2023 up to 2024-01-15, standards/test-2024 from
 * 2024-01-16, both on the test class path), and every assessment applies the edition in force on its date.
 */
class StandardEditionsTest {

    static final LocalDate LAST_DAY_OF_2023_EDITION = LocalDate.of(2024, 1, 15);
    static final LocalDate FIRST_DAY_OF_2024_EDITION = LocalDate.of(2024, 1, 16);

    @TempDir
    Path temp;

    static Venue hall() {
        return Venue.builder("HALL-1", "HALL").name("礼堂").occupantCapacity(50).build();
    }

    static Venue shed() {
        return Venue.builder("SHED-1", "SHED").name("棚屋").occupantCapacity(5).build();
    }

    @Nested
    class InForceByDate {

        RiskEngine engine;

        @BeforeEach
        void load() {
            engine = RiskEngine.builder().campaignDirectory(CampaignFixture.copyOf("dated", temp).folder()).build();
        }

        @AfterEach
        void close() {
            engine.close();
        }

        Assessment assess(Venue venue, LocalDate date, Finding... findings) {
            return engine.assess(VenueFacts.of(venue, List.of(findings), date));
        }

        @Test
        void tooFewExitsIsDirectUnderTheOldEditionOnItsLastDayAndComprehensiveUnderTheNewOnItsFirst() {
            // Given a hall with too few exits, a direct element of test-2023 and a comprehensive one of test-2024
            Finding exits = Finding.of("F1", "EXITS_TOO_FEW");

            // When it is assessed on the last day of the old edition and the first day of the new
            Assessment before = assess(hall(), LAST_DAY_OF_2023_EDITION, exits);
            Assessment after = assess(hall(), FIRST_DAY_OF_2024_EDITION, exits);

            // Then each date applies its own edition, and the result names it
            assertThat(before.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(before.determination().standard()).isEqualTo("TEST 1-2023");
            assertThat(before.determination().directElements()).containsExactly("D.1");
            assertThat(before.determination().reminder().zh()).contains("TEST 1-2023");
            assertThat(before.firedRules()).contains("2023 D.1 出口不足").noneMatch(r -> r.startsWith("2024 "));

            assertThat(after.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(after.determination().standard()).isEqualTo("TEST 1-2024");
            assertThat(after.determination().directElements()).isEmpty();
            assertThat(after.determination().comprehensiveElements()).containsExactly("E.1");
            assertThat(after.determination().reminder()).isEqualTo(Text.EMPTY);
            assertThat(after.firedRules()).noneMatch(r -> r.startsWith("2023 "));
        }

        @Test
        void aFindingIsEvidenceOnlyOfTheElementsOfTheEditionInForce() {
            Finding signs = Finding.of("F1", "SIGNS_DAMAGED");

            assertThat(assess(shed(), LAST_DAY_OF_2023_EDITION, signs).findings().get(0).elements()).containsExactly("C.1");
            assertThat(assess(shed(), FIRST_DAY_OF_2024_EDITION, signs).findings().get(0).elements()).containsExactly("E.2");
        }

        @Test
        void theNewEditionsOwnDirectElementAppliesOnlyFromItsFirstDay() {
            Finding locked = Finding.of("F1", "EXITS_LOCKED");

            assertThat(assess(shed(), LAST_DAY_OF_2023_EDITION, locked).verdict()).isEqualTo(HazardVerdict.GENERAL);
            Assessment after = assess(shed(), FIRST_DAY_OF_2024_EDITION, locked);
            assertThat(after.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(after.determination().directElements()).containsExactly("F.1");
        }

        @Test
        void eachEditionCountsWithItsOwnRowsAndOneElementFoundTwiceCountsOnce() {
            // Signs and lights are two elements under test-2023 but one (E.2) under test-2024
            Finding signs = Finding.of("F1", "SIGNS_DAMAGED");
            Finding lights = Finding.of("F2", "LIGHTS_DAMAGED");

            Assessment crowdedBefore = assess(hall(), LAST_DAY_OF_2023_EDITION, signs, lights);
            assertThat(crowdedBefore.determination().thresholds()).extracting(ThresholdCheck::row).containsExactly("CROWDED_TWO");
            assertThat(crowdedBefore.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);

            Assessment crowdedAfter = assess(hall(), FIRST_DAY_OF_2024_EDITION, signs, lights);
            assertThat(crowdedAfter.determination().thresholds()).singleElement().satisfies(t -> {
                assertThat(t.row()).isEqualTo("ANY_TWO");
                assertThat(t.count()).isEqualTo(1);
            });
            assertThat(crowdedAfter.verdict()).isEqualTo(HazardVerdict.GENERAL);

            Assessment withWiring = assess(hall(), FIRST_DAY_OF_2024_EDITION, signs, lights, Finding.of("F3", "OLD_WIRING"));
            assertThat(withWiring.determination().comprehensiveElements()).containsExactly("E.2", "E.3");
            assertThat(withWiring.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void anExclusionIsLabelledInTheWordsOfTheEditionInForce() {
            Venue closed = Venue.builder("HALL-2", "HALL").name("停用礼堂").occupantCapacity(50)
                    .operatingStatus(OperatingStatus.CLOSED).build();

            assertThat(assess(closed, LAST_DAY_OF_2023_EDITION, Finding.of("F1", "EXITS_TOO_FEW")).determination()
                    .exclusions()).extracting(l -> l.text().zh()).containsExactly("停止使用");
            assertThat(assess(closed, FIRST_DAY_OF_2024_EDITION, Finding.of("F1", "EXITS_LOCKED")).determination()
                    .exclusions()).extracting(l -> l.text().zh()).containsExactly("停止使用且无现实火灾风险");
        }

        @Test
        void beforeTheFirstEditionTheCampaignAppliesNoStandardAndSaysSo() {
            Assessment a = assess(hall(), LocalDate.of(2022, 12, 31), Finding.of("F1", "EXITS_TOO_FEW"));

            assertThat(a.determination().standard()).isEmpty();
            assertThat(a.determination().directElements()).isEmpty();
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
        }

        @Test
        void theCampaignListsItsEditionsWithTheirDates() {
            assertThat(engine.campaign().standards()).extracting(s -> s.id() + " " + s.from() + " " + s.to())
                    .containsExactly("test-2023 2023-01-01 2024-01-15", "test-2024 2024-01-16 +999999999-12-31");
            assertThat(engine.campaign().standard()).isEqualTo("TEST 1-2023, TEST 1-2024");
        }
    }

    @Nested
    class TwoEditionsSideBySide {

        @Test
        void theSameVenuesUnderTwoEditionsListEveryVerdictThatChangesWithTheElementsResponsible() {
            // Given the dated campaign applying test-2023 on every date (A) and test-2024 on every date (B)
            Path folder = CampaignFixture.copyOf("dated", temp).folder();
            List<VenueFacts> venues = List.of(
                    VenueFacts.of(hall(), List.of(Finding.of("F1", "EXITS_TOO_FEW")), LAST_DAY_OF_2023_EDITION),
                    VenueFacts.of(shed(), List.of(Finding.of("F1", "EXITS_LOCKED")), LAST_DAY_OF_2023_EDITION),
                    VenueFacts.of(Venue.builder("SHED-2", "SHED").name("旧棚屋").occupantCapacity(5).build(),
                            List.of(Finding.of("F1", "CLUTTER")), LAST_DAY_OF_2023_EDITION));

            io.firerisk.analysis.DiffReport diff;
            try (RiskEngine a = RiskEngine.builder().campaignDirectory(folder).onlyStandard("test-2023").build();
                 RiskEngine b = RiskEngine.builder().campaignDirectory(folder).onlyStandard("test-2024").build()) {
                // Every date is judged under the chosen edition, whatever the campaign's dates say
                assertThat(b.campaign().standards()).extracting(io.firerisk.campaign.Standard::id).containsExactly("test-2024");
                diff = io.firerisk.analysis.CampaignDiff.compare(a, b, venues);
            }

            // Then the two venues whose verdict changes are listed, each with the elements on either side
            assertThat(diff.changes()).extracting(io.firerisk.analysis.VenueChange::venueId).containsExactly("HALL-1", "SHED-1");
            assertThat(diff.describe())
                    .contains("HALL-1 礼堂\n  grade")
                    .contains("  verdict     SUSPECTED_MAJOR → GENERAL\n")
                    .contains("  elements    TEST 1-2023 direct D.1 → TEST 1-2024 comprehensive E.1\n")
                    .contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                    .contains("  elements    TEST 1-2023 none → TEST 1-2024 direct F.1\n");
        }

        @Test
        void aCampaignWithItsOwnDeterminationHasNoEditionToChoose() {
            CampaignException e = catchThrowableOfType(CampaignException.class, () -> RiskEngine.builder()
                    .campaignDirectory(CampaignFixture.copyOf("tiny", temp).folder()).onlyStandard("test-2024").build());

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .contains("the campaign names no standards (standards:)"));
        }
    }

    @Nested
    class NewCampaignFromAStartDate {

        String standardsOf(Path folder) throws java.io.IOException {
            return java.nio.file.Files.readString(folder.resolve("campaign.yaml")).lines()
                    .filter(l -> l.startsWith("standards:") || l.startsWith("  - {id: test-")).reduce("", (a, b) -> a + b + "\n");
        }

        @Test
        void aCampaignStartingAfterTheNewEditionNamesOnlyTheNewEditionAndCopiesNoStandard() throws java.io.IOException {
            Path old = CampaignFixture.copyOf("dated", temp).folder();
            Path next = temp.resolve("next");

            io.firerisk.analysis.NewCampaign.fromFolder(old, "next", next, LocalDate.of(2024, 2, 1));

            assertThat(standardsOf(next)).isEqualTo("standards:\n  - {id: test-2024, from: 2024-01-16}\n");
            assertThat(next.resolve("standards")).doesNotExist();
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(next).build()) {
                assertThat(engine.campaign().standards()).extracting(io.firerisk.campaign.Standard::id).containsExactly("test-2024");
            }
        }

        @Test
        void aCampaignStartingBeforeTheNewEditionNamesTheOneInForceThenTheBundledSuccessor() throws java.io.IOException {
            // Given an old campaign that knows only test-2023 (open-ended)
            CampaignFixture old = CampaignFixture.copyOf("dated", temp)
                    .replace("campaign.yaml", "  - {id: test-2023, from: 2023-01-01, to: 2024-01-15}\n  - {id: test-2024, from: 2024-01-16}\n",
                            "  - {id: test-2023, from: 2023-01-01}\n");
            Path next = temp.resolve("next");

            // When a campaign starting 2023-12-01 is made from it
            io.firerisk.analysis.NewCampaign.Result result =
                    io.firerisk.analysis.NewCampaign.fromFolder(old.folder(), "next", next, LocalDate.of(2023, 12, 1));

            // Then it names test-2023 up to the day before test-2024, found among the bundled standards, came into force
            assertThat(standardsOf(next)).isEqualTo("standards:\n  - {id: test-2023, from: 2023-01-01, to: 2024-01-15}\n"
                    + "  - {id: test-2024, from: 2024-01-16}\n");
            assertThat(result.checklist()).extracting(Object::toString).anySatisfy(i -> assertThat(i)
                    .contains("from the start date 2023-12-01 it applies test-2023 from 2023-01-01 to 2024-01-15, test-2024 from 2024-01-16"));
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(next).build()) {
                assertThat(engine.assess(VenueFacts.of(hall(), List.of(Finding.of("F1", "EXITS_TOO_FEW")),
                        FIRST_DAY_OF_2024_EDITION)).determination().standard()).isEqualTo("TEST 1-2024");
            }
        }
    }

    @Nested
    class DecisionReminder {

        @Test
        void anEditionThatStatesNoProcedureTakesTheCampaignsReminderCitingItsOwnClauseAndTheOtherKeepsItsOwn() {
            // Given the campaign's own setting for what must happen before a suspected major hazard is final
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp).replace("campaign.yaml", "placeClasses:\n",
                    "decisionReminder: {zh: 须集体研究确定, en: decided collectively, clause: T-HAZARD}\nplaceClasses:\n");

            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
                // When the same venue is assessed under the edition with a procedure and the one without
                Finding exits = Finding.of("F1", "EXITS_TOO_FEW");
                Assessment before = engine.assess(VenueFacts.of(hall(), List.of(exits), LAST_DAY_OF_2023_EDITION));
                Assessment after = engine.assess(VenueFacts.of(hall(), List.of(exits), FIRST_DAY_OF_2024_EDITION));

                // Then the edition that states one keeps it; the other gives the campaign's, naming its clause
                assertThat(before.determination().reminder().zh()).contains("TEST 1-2023").doesNotContain("T-HAZARD");
                assertThat(after.determination().reminder()).isEqualTo(Text.of("须集体研究确定（T-HAZARD）",
                        "decided collectively (T-HAZARD)"));
                assertThat(engine.campaign().determinationReminders()).hasSize(2);
            }
        }

        @Test
        void aReminderOnAClauseTheCampaignDoesNotHaveIsRefusedAtItsLine() {
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp).replace("campaign.yaml", "placeClasses:\n",
                    "decisionReminder: {zh: 须集体研究确定, clause: T-NOWHERE}\nplaceClasses:\n");

            CampaignException e = catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:13:").contains("'T-NOWHERE' is not a clause of clauses.csv"));
        }

        @Test
        void aReminderWithoutItsClauseIsRefused() {
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp).replace("campaign.yaml", "placeClasses:\n",
                    "decisionReminder: {zh: 须集体研究确定}\nplaceClasses:\n");

            CampaignException e = catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:13:").contains("clause"));
        }
    }

    @Nested
    class LoadErrors {

        CampaignException load(String from, String to) {
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp).replace("campaign.yaml", from, to);
            return catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        }

        @Test
        void anUnknownStandardIsRefusedAtItsLineOfCampaignYaml() {
            CampaignException e = load("{id: test-2024, from", "{id: test-2042, from");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:12:").contains("unknown standard 'test-2042'"));
        }

        @Test
        void overlappingEditionsOfOneStandardAreRefusedAtTheLaterOnesLine() {
            CampaignException e = load("to: 2024-01-15}", "to: 2024-01-20}");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:12:").contains("test-2024 (from 2024-01-16) overlaps test-2023"));
        }

        @Test
        void anOpenEndedEditionFollowedByAnotherOverlapsIt() {
            CampaignException e = load(", to: 2024-01-15}", "}");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:12:").contains("overlaps test-2023").contains("open-ended"));
        }

        @Test
        void aGapBetweenEditionsIsRefused() {
            CampaignException e = load("to: 2024-01-15}", "to: 2024-01-10}");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:12:").contains("no edition of TEST 1 applies from 2024-01-11 to 2024-01-15"));
        }

        @Test
        void anEditionAppliedBeforeItCameIntoForceIsRefused() {
            CampaignException e = load("{id: test-2023, from: 2023-01-01", "{id: test-2023, from: 2022-06-01");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:11:").contains("before it came into force on 2023-01-01"));
        }

        @Test
        void aStandardsRuleThatDoesNotJoinItsEditionIsRefusedWithFileAndLine() {
            // Given the campaign carrying its own copy of test-2024 with one rule not gated by its edition
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp);
            Path standard = Path.of("src/test/resources/standards/test-2024").toAbsolutePath();
            for (String file : List.of("standard.yaml", "clauses.csv", "elements.csv", "evidence.csv",
                    "rules/test_2024/determination.drl")) {
                fixture.write("standards/test-2024/" + file, read(standard.resolve(file)));
            }
            fixture.replace("standards/test-2024/rules/test_2024/determination.drl",
                    "when\n    InForce(standard == \"test-2024\")\n    $f : HazardFinding(elements contains \"F.1\"",
                    "when\n    $f : HazardFinding(elements contains \"F.1\"");

            CampaignException e = catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2024/rules/test_2024/determination.drl:7:")
                    .contains("must join its edition: write InForce(standard == \"test-2024\")"));
        }

        /** The campaign carrying its own copy of test-2023, with {@code from} replaced by {@code to} in {@code file}. */
        CampaignException withOwn2023(String file, String from, String to) {
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp);
            Path standard = Path.of("src/test/resources/standards/test-2023").toAbsolutePath();
            for (String f : List.of("standard.yaml", "clauses.csv", "elements.csv", "evidence.csv",
                    "rules/test_2023/determination.drl")) {
                fixture.write("standards/test-2023/" + f, read(standard.resolve(f)));
            }
            fixture.replace("standards/test-2023/" + file, from, to);
            return catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        }

        @Test
        void anElementListNamingAnElementTheStandardDoesNotHaveIsRefusedAtItsLineOfStandardYaml() {
            // Given test-2023's list of comprehensive elements naming C.9, which its elements.csv does not define
            CampaignException e = withOwn2023("standard.yaml", "comprehensive: [C.1, C.2, C.3]", "comprehensive: [C.1, C.9, C.3]");

            // Then loading fails at the list's line, naming the element and the standard
            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2023/standard.yaml:16:")
                    .contains("list 'test-2023.comprehensive': 'C.9' is not an element of test-2023"));
        }

        @Test
        void anElementListNamingAnElementTwiceIsRefused() {
            CampaignException e = withOwn2023("standard.yaml", "comprehensive: [C.1, C.2, C.3]", "comprehensive: [C.1, C.2, C.1]");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2023/standard.yaml:16:").contains("names element C.1 twice"));
        }

        @Test
        void anElementListNotNamedAfterItsStandardIsRefused() {
            CampaignException e = withOwn2023("standard.yaml", "  test-2023.comprehensive:", "  comprehensive:");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2023/standard.yaml:16:")
                    .contains("list 'comprehensive' must be named test-2023.<name>"));
        }

        @Test
        void aRuleReadingAnElementListNoStandardDefinesIsRefusedWithFileAndLine() {
            CampaignException e = withOwn2023("rules/test_2023/determination.drl",
                    "campaign.elements(\"test-2023.comprehensive\")", "campaign.elements(\"test-2023.comprehensiv\")");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2023/rules/test_2023/determination.drl:")
                    .contains("'test-2023.comprehensiv' is not an element list (elementLists: in the standard.yaml"));
        }

        @Test
        void aCampaignNamingStandardsCannotAlsoCarryItsOwnDetermination() {
            CampaignException e = load("standards:\n", "standard: TEST-STANDARD\nstandards:\n");

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("campaign.yaml:10:").contains("takes 'standard' from them"));
        }

        /** The dated campaign carrying its own copies of both editions, each defining the code BATTERY_STORE. */
        CampaignFixture withSharedCode(String category2024) {
            CampaignFixture fixture = CampaignFixture.copyOf("dated", temp);
            for (String edition : List.of("test-2023", "test-2024")) {
                Path standard = Path.of("src/test/resources/standards/" + edition).toAbsolutePath();
                String pkg = "rules/" + edition.replace('-', '_') + "/determination.drl";
                for (String file : List.of("standard.yaml", "clauses.csv", "elements.csv", "evidence.csv", pkg)) {
                    fixture.write("standards/" + edition + "/" + file, read(standard.resolve(file)));
                }
            }
            String header = "code,zh,en,category,element,clause,applies_to,correctable,rectify_days,measure,verified,min_days,likelihood,grounds\n";
            fixture.write("standards/test-2023/hazards/battery.csv", header
                    + "BATTERY_STORE,电池储存场所未分隔,battery store not separated,EVACUATION,C.3,TEST 1-2023 7,,N,30,,U,7,HAZARD,\n");
            fixture.write("standards/test-2024/hazards/battery.csv", header
                    + "BATTERY_STORE,电池储存场所未分隔,battery store not separated," + category2024 + ",E.3,TEST 1-2024 6,,N,30,,V,7,HAZARD,\n");
            return fixture;
        }

        @Test
        void twoEditionsMayEachDefineACodeTheyShareAndEachDateReadsItsOwnElement() {
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(withSharedCode("EVACUATION").folder()).build()) {
                Finding battery = Finding.of("F1", "BATTERY_STORE");
                assertThat(engine.campaign().hazards().get("BATTERY_STORE").elements()).containsExactly("C.3", "E.3");
                assertThat(engine.assess(VenueFacts.of(shed(), List.of(battery), LAST_DAY_OF_2023_EDITION)).findings()
                        .get(0).elements()).containsExactly("C.3");
                assertThat(engine.assess(VenueFacts.of(shed(), List.of(battery), FIRST_DAY_OF_2024_EDITION)).findings()
                        .get(0).elements()).containsExactly("E.3");
            }
        }

        @Test
        void twoEditionsDefiningOneCodeDifferentlyAreRefusedAtTheLaterRow() {
            CampaignFixture fixture = withSharedCode("WIRING");

            CampaignException e = catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

            assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                    .startsWith("standards/test-2024/hazards/battery.csv:2:")
                    .contains("also defined at standards/test-2023/hazards/battery.csv:2 with other category"));
        }

        private static String read(Path file) {
            try {
                return java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
