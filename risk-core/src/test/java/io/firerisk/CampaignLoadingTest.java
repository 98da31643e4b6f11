package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CampaignLoadingTest {

    @TempDir
    Path temp;

    private CampaignException loadBroken(String defect) {
        CampaignFixture fixture = CampaignFixture.broken(defect, temp);
        return catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
    }

    @Test
    void theTinyCampaignLoadsWithItsRulesAndMetadata() {
        try (RiskEngine engine = RiskEngine.builder()
                .campaignDirectory(CampaignFixture.copyOf("tiny", temp).folder()).build()) {
            assertThat(engine.campaign().id()).isEqualTo("tiny");
            assertThat(engine.campaign().version()).isEqualTo("0.1.0");
            assertThat(engine.campaign().rules()).extracting(r -> r.name()).contains("D.1 出口不足", "综合判定");
            assertThat(engine.campaign().rules()).filteredOn(r -> r.name().equals("节日提级"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.campaignOnly()).isTrue();
                        assertThat(r.file()).isEqualTo("rules/core/tiny.drl");
                        assertThat(r.concern()).isEqualTo("rules.core");
                    });
        }
    }

    @Test
    void drlSyntaxErrorIsReportedWithFileAndLine() {
        CampaignException e = loadBroken("drl-syntax-error");
        assertThat(e.summary()).startsWith("campaign tiny cannot be loaded: ");
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/core/broken.drl");
            assertThat(p.line()).isBetween(10, 12);
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
        });
        assertThat(e.getMessage()).contains("rules/core/broken.drl:");
    }

    @Test
    void catalogueRowWithBadDaysIsReportedWithFileLineAndColumn() {
        CampaignException e = loadBroken("catalogue-row-with-bad-days");
        assertThat(e.problems()).extracting(Problem::toString)
                .contains("hazards/extra.csv:3:9: error: column 'rectify_days': 'ten' is not a whole number");
    }

    @Test
    void ruleWithoutClauseIsRefused() {
        CampaignException e = loadBroken("rule-without-clause");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "rules/core/unclaused.drl:5: error: rule \"a rule that cites nothing\" has no @clause: every rule cites the clause it implements");
    }

    @Test
    void aRuleLateInItsFileCitingAnUnknownClauseIsRefusedAtItsOwnLine() {
        // Given the tiny campaign's one rules file, its second-last rule (line 183 of 202) citing a clause nobody defined
        CampaignException e = loadTinyWith("rules/core/tiny.drl", "@clause(\"T-CLASS\")", "@clause(\"T-NO-SUCH\")");

        // Then loading fails naming that rule's line, not the first rule's or the file's start
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "rules/core/tiny.drl:183: error: rule \"场所类别\" cites @clause(\"T-NO-SUCH\"), which is not in clauses.csv");
    }

    @Test
    void aRuleNamedLikeARuleOfAnotherFileIsRefusedAtItsOwnLine() {
        // Given a second rules file whose second rule (line 15) has the name of a rule of tiny.drl
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp).write("rules/extra/extra.drl", String.join("\n",
                "package rules.extra;", "", "import io.firerisk.rules.*;", "",
                "rule \"another rule\"", "    @clause(\"T-HAZARD\")", "    @zh(\"{$v.name}\")", "    @en(\"{$v.name}\")",
                "when", "    $v : VenueProfile()", "then", "    // concludes nothing", "end", "",
                "rule \"场所类别\"", "    @clause(\"T-CLASS\")", "    @zh(\"{$v.name}\")", "    @en(\"{$v.name}\")",
                "when", "    $v : VenueProfile()", "then", "    // concludes nothing", "end", ""));

        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

        // Then loading fails at that rule's line in the second file, naming the first
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "rules/extra/extra.drl:15: error: rule \"场所类别\" has the same name as a rule in rules/core/tiny.drl: "
                        + "rule names must be unique across the campaign");
    }

    @Test
    void ruleCitingUnknownClauseIsRefused() {
        CampaignException e = loadBroken("rule-citing-unknown-clause");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "rules/core/unknown.drl:5: error: rule \"a rule citing a clause nobody defined\" cites @clause(\"NO-SUCH-CLAUSE 9.9\"), which is not in clauses.csv");
    }

    @Test
    void drlPackageNotMatchingFolderIsRefused() {
        CampaignException e = loadBroken("drl-package-not-matching-folder");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "rules/core/elsewhere.drl:1:9: error: package rules.somewhere.else does not match the folder: a file in rules/core/ declares 'package rules.core;'");
    }

    @Test
    void placeClassRowForEveryKindWithoutAConditionIsRefused() {
        CampaignException e = loadBroken("place-class-row-for-every-kind-without-condition");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "place-classes.csv:3:5: error: column 'when': is required when kind is * (a row for every kind holds on a fact of the venue: dangerous_goods, underground, sleeping)");
    }

    @Test
    void placeClassRowWithAnUnknownConditionIsRefused() {
        CampaignException e = loadBroken("place-class-row-with-unknown-condition");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "place-classes.csv:3:5: error: column 'when': 'on_fire' must be empty or one of dangerous_goods, underground, sleeping");
    }

    @Test
    void ruleReadingUndefinedParameterIsRefused() {
        CampaignException e = loadBroken("rule-reading-undefined-parameter");
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "rules/core/parameter.drl:12:77: error: parameter 'no-such-parameter' is not defined under parameters: in campaign.yaml");
    }

    @Test
    void ratioComparedWithoutMeasuredIsRefused() {
        CampaignException e = loadBroken("ratio-compared-without-measured");
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "rules/core/unguarded.drl:14:24: error: a pattern comparing ratio must also say measured "
                        + "(HazardFinding(…, measured, ratio < x)): an unreported ratio is NaN, and compiled "
                        + "constraints compare NaN differently from interpreted ones");
    }

    @Test
    void heightComparedWithoutHeightKnownIsRefused() {
        CampaignException e = loadBroken("height-compared-without-height-known");
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "rules/core/tall.drl:13:25: error: a pattern comparing heightMeters must also say heightKnown "
                        + "(VenueProfile(…, heightKnown, heightMeters < x)): an unreported heightMeters is NaN, and "
                        + "compiled constraints compare NaN differently from interpreted ones");
    }

    @Test
    void overlappingPhasesAreRefusedNamingFileAndField() {
        CampaignException e = loadBroken("overlapping-phases");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("campaign.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.category()).isEqualTo(Problem.Category.CALENDAR);
            assertThat(p.field()).isEqualTo("calendar.phases[1].from");
            assertThat(p.message()).startsWith("phase TWO starts on 2024-01-20, which overlaps phase ONE");
            assertThat(p.text()).startsWith("calendar.phases[1].from: phase TWO starts on 2024-01-20");
        });
    }

    @Test
    void keyPeriodOutsideTheCampaignIsRefused() {
        CampaignException e = loadBroken("key-period-outside-campaign");
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.text()).startsWith("calendar.keyPeriods[0].from: key period FEST (2024-03-10 to 2024-03-12 with its margin) lies outside the campaign (2024-01-01 to 2024-02-29)"));
    }

    @Test
    void phasesOutOfOrderAreRefusedNamingTheLaterListedPhasesStart() {
        assertCalendarRefused("phases-out-of-order", "code: ONE",
                "calendar.phases[1].from: phase ONE starts on 2024-01-01, before phase TWO (2024-02-01 to 2024-02-29) "
                        + "listed above it: list the phases in date order");
    }

    @Test
    void phaseEndingBeforeItStartsIsRefused() {
        assertCalendarRefused("phase-ending-before-it-starts", "code: TWO",
                "calendar.phases[1].to: phase TWO ends (2024-01-29) before it starts (2024-02-01)");
    }

    @Test
    void gapBetweenPhasesIsRefusedBecauseThoseDaysWouldBelongToNoPhase() {
        assertCalendarRefused("gap-between-phases", "code: TWO",
                "calendar.phases[1].from: phase TWO starts on 2024-02-05 but phase ONE ends on 2024-01-31: "
                        + "2024-02-01 to 2024-02-04 would belong to no phase (each phase starts the day after the one "
                        + "before it ends)");
    }

    @Test
    void keyPeriodEndingBeforeItStartsIsRefused() {
        assertCalendarRefused("key-period-ending-before-it-starts", "code: FEST",
                "calendar.keyPeriods[0].to: key period FEST ends (2024-02-08) before it starts (2024-02-10)");
    }

    @Test
    void overlappingKeyPeriodsAreRefused() {
        assertCalendarRefused("overlapping-key-periods", "code: EVE",
                "calendar.keyPeriods[1].from: key period EVE overlaps key period FEST (2024-02-10 to 2024-02-12)");
    }

    @Test
    void keyPeriodsOverlappingOnlyOnceTheirMarginsAreAddedAreRefusedNamingTheMargin() {
        assertCalendarRefused("key-periods-overlapping-by-their-margins", "code: EVE",
                "calendar.keyPeriods[1].marginDays: key period EVE overlaps key period FEST (2024-02-10 to 2024-02-12) "
                        + "once their margins are added: shorten the margin");
    }

    @Test
    void keyPeriodAtAnUnknownAlertLevelIsRefused() {
        assertCalendarRefused("unknown-alert-level", "code: FEST",
                "calendar.keyPeriods[0].level: 'EXTREME' is not one of alertLevels (NORMAL, WARNING, RAISED)");
    }

    @Test
    void keyPeriodAtTheNormalLevelIsRefusedBecauseItRaisesNothing() {
        assertCalendarRefused("key-period-at-the-normal-level", "code: FEST",
                "calendar.keyPeriods[0].level: key period FEST is at the normal level NORMAL: a key period raises the "
                        + "level (calendar.normalLevel is NORMAL)");
    }

    @Test
    void earlyWarningStartingBeforeTheCampaignIsRefusedNamingTheLead() {
        assertCalendarRefused("lead-up-before-campaign-start", "leadDays: 3",
                "calendar.leadDays: an early warning of 3 days before key period NEWYEAR (from 2024-01-02) would start "
                        + "on 2023-12-30, before the campaign (2024-01-01 to 2024-02-29) starts: shorten the lead for "
                        + "this period (keyPeriods[].leadDays)");
    }

    @Test
    void marginRunningPastTheCampaignIsRefusedNamingTheMargin() {
        assertCalendarRefused("margin-beyond-campaign-end", "code: FEST",
                "calendar.keyPeriods[0].marginDays: a margin of 20 days makes key period FEST (2024-02-10 to "
                        + "2024-02-12) run from 2024-01-21 to 2024-03-03, outside the campaign (2024-01-01 to "
                        + "2024-02-29): shorten the margin");
    }

    @Test
    void twoKeyPeriodsWithOneCodeAreRefused() {
        assertCalendarRefused("duplicate-key-period-code", "zh: 节日二",
                "calendar.keyPeriods[1].code: 'FEST' is already the code of the key period at calendar.keyPeriods[0]: "
                        + "each phase and key period needs its own code");
    }

    @Test
    void keyPeriodCitingADateSourceThatIsNotAClauseIsRefused() {
        assertCalendarRefused("key-period-source-not-a-clause", "code: FEST",
                "calendar.keyPeriods[0].source: 'NO-SUCH-NOTICE' is not a clause of clauses.csv");
    }

    /** The defect's fixture is refused with exactly one problem, on the line of {@code lineWith}, naming the field. */
    private void assertCalendarRefused(String defect, String lineWith, String message) {
        CampaignFixture fixture = CampaignFixture.broken(defect, temp);
        java.util.List<String> lines = fixture.read("campaign.yaml").lines().toList();
        int line = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(lineWith))
                .findFirst().orElseThrow() + 1;
        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        assertThat(e).as("the %s fixture must be refused", defect).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("campaign.yaml");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.text()).isEqualTo(message);
        });
        assertThat(e.getMessage()).contains("campaign.yaml:" + line + ":");
    }

    @Test
    void missingFolderIsAClearError() {
        assertThatThrownBy(() -> RiskEngine.builder().campaignDirectory(temp.resolve("nope")).build())
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("not a campaign folder");
    }

    @Test
    void unknownBundledCampaignIsAClearError() {
        assertThatThrownBy(() -> RiskEngine.builder().campaign("no-such-campaign").build())
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("no campaign 'no-such-campaign' on the classpath");
    }

    /** The line of the tiny campaign's hazard list in its campaign.yaml (or of a list written before it). */
    private static final int LIST_LINE = 62;

    CampaignException loadTinyWith(String file, String from, String to) {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp).replace(file, from, to);
        return catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
    }

    @Test
    void aHazardListNamingACodeTheCatalogueDoesNotHaveIsRefusedAtItsLine() {
        // Given the list of codes the comprehensive rule reads, with one code misspelt
        CampaignException e = loadTinyWith("campaign.yaml", "[SIGNS_DAMAGED, LIGHTS_DAMAGED, OLD_WIRING]",
                "[SIGNS_DAMAGED, LIGHTS_DAMAGD, OLD_WIRING]");

        // Then loading fails at the list's line in campaign.yaml, naming the list and the code
        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("campaign.yaml:" + LIST_LINE + ":")
                .contains("hazardLists.comprehensive: 'LIGHTS_DAMAGD' is not in the hazard catalogue"));
    }

    @Test
    void aHazardListNamingACodeTwiceIsRefused() {
        CampaignException e = loadTinyWith("campaign.yaml", "[SIGNS_DAMAGED, LIGHTS_DAMAGED, OLD_WIRING]",
                "[SIGNS_DAMAGED, LIGHTS_DAMAGED, SIGNS_DAMAGED]");

        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("campaign.yaml:" + LIST_LINE + ":").contains("hazardLists.comprehensive names 'SIGNS_DAMAGED' twice"));
    }

    @Test
    void aVenueKindListNamingAnUnknownKindIsRefusedAtItsLine() {
        CampaignException e = loadTinyWith("campaign.yaml", "hazardLists:\n", "kindLists:\n  halls: [HALL, HAL]\nhazardLists:\n");

        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("campaign.yaml:" + LIST_LINE + ":").contains("kindLists.halls: 'HAL' is not a venue kind (venue-kinds.csv)"));
    }

    @Test
    void aRuleReadingAHazardListCampaignYamlDoesNotDefineIsRefusedWithFileAndLine() {
        CampaignException e = loadTinyWith("rules/core/tiny.drl", "campaign.codes(\"comprehensive\")",
                "campaign.codes(\"comprehensiv\")");

        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("rules/core/tiny.drl:36:")
                .contains("'comprehensiv' is not a hazard list (hazardLists: in campaign.yaml)"));
    }

    @Test
    void misspeltYamlKeyIsNotSilentlyIgnored() {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp).replace("campaign.yaml", "leadDays: 3", "leadDay: 3");
        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        assertThat(e.problems()).extracting(Problem::text).contains(
                "calendar.leadDay: unknown key 'leadDay' (expected one of clause, normalLevel, warningLevel, leadDays, marginDays, phases, keyPeriods)",
                "calendar: missing required key 'leadDays'");
    }

    @Test
    void everyProblemIsReportedAtOnceNotJustTheFirst() {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp)
                .replace("venue-kinds.csv", "HALL,礼堂,hall,PUBLIC", "HALL,礼堂,hall,")
                .replace("actions.csv", "RECTIFY,限期整改,rectify,NORMAL", "RECTIFY,限期整改,rectify,SOMETIME");
        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        assertThat(e.problems()).extracting(Problem::toString).contains(
                "venue-kinds.csv:2:4: error: column 'building': is required",
                "actions.csv:2:4: error: column 'priority': 'SOMETIME' must be IMMEDIATE, HIGH, NORMAL or LOW");
    }
}
