package io.firerisk.analysis;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.RiskEngine;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each finding of the validator on the tiny campaign with one defect laid over it
 * (src/test/resources/broken/&lt;defect&gt;/). The tiny campaign itself validates clean, so each
 * fixture's report holds exactly its own defect.
 */
class ValidatorTest {

    @TempDir
    Path temp;

    private ValidationReport validateBroken(String defect) {
        return Validator.validate(CampaignFixture.broken(defect, temp).folder());
    }

    @Test
    void theTinyCampaignValidatesWithoutErrorsOrWarnings() {
        ValidationReport report = Validator.validate(CampaignFixture.copyOf("tiny", temp).folder());

        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("0 errors, 0 warnings");
        assertThat(report.campaignId()).isEqualTo("tiny");
        assertThat(report.campaignVersion()).isEqualTo("0.1.0");
        assertThat(report.rules()).isEqualTo(17);
        assertThat(report.scenarios()).isEqualTo(4);
    }

    @Nested
    class WhatLoadingRefuses {

        private int lineOf(CampaignFixture fixture, String text) {
            List<String> lines = fixture.read("campaign.yaml").lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(text);
        }

        @Test
        void aTabInCampaignYamlIsItsOneErrorAtTheLineAndColumnOfTheTab() {
            // Given campaign.yaml with a key indented by a tab, as an editor may leave it
            CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp)
                    .replace("campaign.yaml", "  rectifyWithinDays:", "\trectifyWithinDays:");
            int line = lineOf(fixture, "\trectifyWithinDays");

            // When it is validated
            ValidationReport report = Validator.validate(fixture.folder());

            // Then the syntax error is reported where the tab is, and nothing that only follows from the file
            // not being read (missing keys, categories and place classes the tables name) is reported after it
            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly("campaign.yaml:" + line
                    + ":1: error: YAML syntax: a tab cannot indent YAML or start a value: use spaces [data]");
        }

        @Test
        void aKeyGivenTwiceInOneMappingOfCampaignYamlIsAnErrorAtItsSecondPlace() {
            CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp)
                    .replace("campaign.yaml", "  leadDays: 3\n", "  leadDays: 3\n  leadDays: 30\n");
            int first = lineOf(fixture, "leadDays: 3");

            ValidationReport report = Validator.validate(fixture.folder());

            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly("campaign.yaml:"
                    + (first + 1) + ":3: error: calendar.leadDays: key 'leadDays' is given twice in one mapping (first on"
                    + " line " + first + "): which value counts is not clear; give it once [calendar]");
        }

        @Test
        void aNumberInCampaignYamlIsDigitsWithASignAndADecimalPointNothingElse() {
            CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp)
                    .replace("campaign.yaml", "width-ratio-below: 0.8", "width-ratio-below: 0.8d");

            ValidationReport report = Validator.validate(fixture.folder());

            assertThat(report.errors()).singleElement().satisfies(d ->
                    assertThat(d.message()).endsWith("'0.8d' is not a number"));
        }

        @Test
        void drlSyntaxErrorIsAnErrorWithFileLineAndColumn() {
            ValidationReport report = validateBroken("drl-syntax-error");

            assertThat(report.passed()).isFalse();
            assertThat(report.errors()).allSatisfy(d -> {
                assertThat(d.check()).isEqualTo(Check.RULES);
                assertThat(d.file()).isEqualTo("rules/core/broken.drl");
            });
            assertThat(report.errors()).anySatisfy(d -> {
                assertThat(d.line()).isEqualTo(11);
                assertThat(d.column()).isEqualTo(1);
                assertThat(d.message()).contains("mismatched input 'then'");
            });
        }

        @Test
        void dataErrorIsAnErrorWithFileRowAndColumn() {
            ValidationReport report = validateBroken("catalogue-row-with-bad-days");

            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                    "hazards/extra.csv:3:9: error: column 'rectify_days': 'ten' is not a whole number [data]");
        }

        @Test
        void brokenDataDoesNotHideRuleSyntaxErrors() {
            CampaignFixture fixture = CampaignFixture.broken("drl-syntax-error", temp)
                    .replace("venue-kinds.csv", "HALL,礼堂,hall,PUBLIC", "HALL,礼堂,hall,");

            ValidationReport report = Validator.validate(fixture.folder());

            assertThat(report.errors()).extracting(Diagnostic::check).contains(Check.DATA, Check.RULES);
            assertThat(report.errors()).anySatisfy(d -> assertThat(d.file()).isEqualTo("rules/core/broken.drl"));
            assertThat(report.errors()).anySatisfy(d -> assertThat(d.toString())
                    .isEqualTo("venue-kinds.csv:2:4: error: column 'building': is required [data]"));
        }

        @Test
        void ruleWithoutClauseIsAnError() {
            ValidationReport report = validateBroken("rule-without-clause");

            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                    "rules/core/unclaused.drl:5: error: rule \"a rule that cites nothing\" has no @clause: every rule "
                            + "cites the clause it implements [rules]");
        }

        @Test
        void ruleWithoutExplanationIsAnError() {
            ValidationReport report = validateBroken("rule-without-explanation");

            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                    "rules/core/silent.drl:5: error: rule \"a rule that does not explain itself in English\" has no "
                            + "@en(\"…\") sentence: every rule explains itself in Chinese (@zh) and English (@en) [rules]");
        }

        @Test
        void missingFolderIsAnErrorNotAnException() {
            ValidationReport report = Validator.validate(temp.resolve("no-such-folder"));

            assertThat(report.passed()).isFalse();
            assertThat(report.errors()).singleElement()
                    .satisfies(d -> assertThat(d.message()).startsWith("not a campaign folder"));
        }
    }

    @Nested
    class RulesNamingWhatTheCampaignDoesNotDefine {

        @Test
        void unknownHazardCodeIsAnErrorAtTheLiteralWithASuggestion() {
            assertThat(validateBroken("rule-naming-unknown-hazard-code").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("rules/core/typo.drl:10:32: error: rule \"出口不足须整改（代码拼错）\" names hazard "
                            + "code 'EXITS_TOO_FEWW', which is not in the hazard catalogue (hazards.csv, hazards/*.csv), so "
                            + "the rule can never match it (did you mean 'EXITS_TOO_FEW'?) [unknown-reference]");
        }

        @Test
        void unknownVenueKindInAListIsAnError() {
            assertThat(validateBroken("rule-naming-unknown-venue-kind").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("rules/core/kind.drl:10:40: error: rule \"礼堂的隐患限期整改（场所类型拼错）\" names venue "
                            + "kind 'HAL', which is not in venue-kinds.csv, so the rule can never match it (did you mean "
                            + "'HALL'?) [unknown-reference]");
        }

        @Test
        void unknownPlaceClassIsAnError() {
            assertThat(validateBroken("rule-naming-unknown-place-class").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("rules/core/place.drl:10:45: error: rule \"人员密集场所须集体讨论（场所类别拼错）\" names "
                            + "place class 'CROWED', which is not one of placeClasses: in campaign.yaml, so the rule can "
                            + "never match it (did you mean 'CROWDED'?) [unknown-reference]");
        }

        @Test
        void unknownAlertLevelIsAnError() {
            assertThat(validateBroken("rule-naming-unknown-alert-level").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("rules/core/level.drl:10:36: error: rule \"提级期间人员密集场所须集体讨论（等级不存在）\" "
                            + "names alert level 'HIGH', which is not one of alertLevels: in campaign.yaml, so the rule "
                            + "can never match it [unknown-reference]");
        }

        @Test
        void unknownActionIsAnErrorBecauseEveryAssessmentItFiresInWouldFail() {
            assertThat(validateBroken("rule-requiring-unknown-action").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("rules/core/action.drl:12:49: error: rule \"线路老化立即断电（动作不存在）\" names action "
                            + "'CUT_POWER', which is not in actions.csv, so every assessment the rule fires in would fail "
                            + "[unknown-reference]");
        }
    }

    @Test
    void catalogueRowForAnUnknownVenueKindIsAWarning() {
        assertThat(validateBroken("catalogue-row-for-unknown-venue-kind").diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("hazards/tiny.csv:7:7: warning: column 'applies_to': hazard code 'CLUTTER' "
                        + "applies to 'HAL', which is neither a venue kind of venue-kinds.csv nor one of placeClasses: in "
                        + "campaign.yaml (did you mean 'HALL'?) [unknown-reference]");
    }

    @Nested
    class WhatNothingUses {

        @Test
        void catalogueCodeNoRuleNamesOrSelectsIsAWarning() {
            ValidationReport report = validateBroken("catalogue-code-no-rule-uses");

            assertThat(report.passed()).isTrue();
            assertThat(report.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                    "hazards/unused.csv:2:1: warning: hazard code 'EXTINGUISHER_EXPIRED' is named by no rule, and no "
                            + "rule selects it by category: a finding of it gets only the rules that apply to every hazard; "
                            + "write the rule that uses it, or remove the row [unused]");
        }

        @Test
        void codeARuleSelectsByItsElementIsUsed() {
            CampaignFixture fixture = CampaignFixture.broken("catalogue-code-no-rule-uses", temp)
                    .replace("hazards/unused.csv", "EVACUATION,,T-HAZARD", "EVACUATION,C.2,T-HAZARD")
                    .write("rules/core/by-element.drl", """
                            package rules.core;

                            import io.firerisk.rules.*;

                            rule "应急照明类隐患构成综合要素C.2"
                                @clause("T-COMPREHENSIVE")
                                @zh("{$f.label}构成综合要素C.2")
                                @en("{$f.label}: comprehensive element C.2")
                            when
                                $f : HazardFinding(elements contains "C.2", open, !correctableOnSpot)
                            then
                                insertLogical(ElementPresent.comprehensive($f, "C.2"));
                            end
                            """);

            assertThat(Validator.validate(fixture.folder()).diagnostics()).isEmpty();
        }

        @Test
        void actionNoRuleRequiresIsAWarning() {
            assertThat(validateBroken("action-no-rule-requires").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("actions.csv:5:1: warning: action 'NOTIFY_POLICE' is required by no rule: write the "
                            + "rule that requires it, or remove the row [unused]");
        }

        @Test
        void parameterNoRuleReadsIsAWarning() {
            assertThat(validateBroken("parameter-no-rule-reads").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(d.check()).isEqualTo(Check.UNUSED);
                assertThat(d.file()).isEqualTo("campaign.yaml");
                assertThat(d.line()).isEqualTo(60);
                assertThat(d.message()).isEqualTo("parameter 'signs-ratio-above' is read by no rule "
                        + "(campaign.number(\"signs-ratio-above\") or campaign.whole(\"signs-ratio-above\")): use it in a "
                        + "rule, or remove it");
            });
        }

        @Test
        void placeClassNoVenueKindBelongsToIsAWarning() {
            assertThat(validateBroken("place-class-no-venue-can-be-in").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.check()).isEqualTo(Check.UNUSED);
                assertThat(d.line()).isEqualTo(20);
                assertThat(d.message()).isEqualTo("place class 'IMPORTANT' has no venue kind in place-classes.csv, "
                        + "is not placeClassWhenNone and has no clause a venue could declare it on: no venue can ever be "
                        + "in it");
            });
        }

        @Test
        void placeClassAVenueMayDeclareOnItsClauseIsNotUnusedThoughNoVenueKindBelongsToIt() {
            // Given the same class with no venue kind, but with the clause a venue declares it on
            CampaignFixture fixture = CampaignFixture.broken("place-class-no-venue-can-be-in", temp)
                    .replace("campaign.yaml", "IMPORTANT: {zh: 重要场所, en: important place}",
                            "IMPORTANT: {zh: 重要场所, en: important place, clause: T-COUNT}");

            // When it is validated, then nothing is said about the class
            assertThat(Validator.validate(fixture.folder()).diagnostics()).extracting(Diagnostic::message)
                    .noneMatch(m -> m.contains("IMPORTANT"));
        }

        @Test
        void likelihoodRowNoRuleUsesIsAWarning() {
            assertThat(validateBroken("likelihood-row-no-rule-uses").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("campaign.yaml:31:199: warning: likelihood row 'OVERDUE' is set by no rule "
                            + "(campaign.likelihood(…, \"OVERDUE\")) and by no catalogue row (column likelihood), and is "
                            + "not the default: use it, or remove it [unused]");
        }

        @Test
        void exclusionNoRuleConcludesIsAWarning() {
            assertThat(validateBroken("exclusion-no-rule-concludes").diagnostics()).extracting(Diagnostic::message)
                    .containsExactly("exclusion 'JUDGED_NOT_MAJOR' is concluded by no rule (new Exclusion(…, "
                            + "\"JUDGED_NOT_MAJOR\")): write the rule, or remove it");
        }

        @Test
        void alertLevelNeverInForceIsAWarning() {
            assertThat(validateBroken("alert-level-never-in-force").diagnostics()).extracting(Diagnostic::message)
                    .containsExactly("alert level 'HIGHEST' is never in force: it is not calendar.normalLevel, "
                            + "calendar.warningLevel or the level of any key period");
        }

        @Test
        void clauseNobodyCitesIsAWarning() {
            assertThat(validateBroken("clause-nobody-cites").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("clauses.csv:12:1: warning: clause 'T-UNUSED' is cited by no rule and no table: "
                            + "cite it where it applies, or remove the row [uncited-clause]");
        }
    }

    @Nested
    class Scenarios {

        @Test
        void scenarioTheRunnerWouldRefuseIsAnError() {
            assertThat(validateBroken("scenario-with-malformed-date").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("scenarios/bad-date.csv:2:3: error: column 'date': '2024-13-01' is not a date "
                            + "(YYYY-MM-DD) [scenario]");
        }

        @Test
        void scenarioNamingAnUnknownHazardCodeIsAnError() {
            assertThat(validateBroken("scenario-naming-unknown-hazard-code").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("scenarios/typo.csv:2:5: error: column 'findings': scenario B-1: hazard code "
                            + "'OLD_WIRNG' is not in the hazard catalogue (hazards.csv, hazards/*.csv) (did you mean "
                            + "'OLD_WIRING'?) [scenario]");
        }
    }

    @Nested
    class CalendarAndGrades {

        /**
         * The loader is the one judge of a calendar's consistency: for every calendar it refuses, the
         * validator reports that refusal, in the loader's words and at the field it names, as a
         * calendar error, and nothing else.
         */
        @ParameterizedTest
        @ValueSource(strings = {"phases-out-of-order", "overlapping-phases", "gap-between-phases",
                "phase-ending-before-it-starts", "key-period-ending-before-it-starts", "overlapping-key-periods",
                "key-periods-overlapping-by-their-margins", "key-period-at-the-normal-level", "unknown-alert-level",
                "duplicate-key-period-code", "key-period-source-not-a-clause", "key-period-outside-campaign",
                "margin-beyond-campaign-end", "lead-up-before-campaign-start"})
        void calendarTheLoaderRefusesIsOneCalendarErrorInTheLoadersWords(String defect) {
            CampaignFixture fixture = CampaignFixture.broken(defect, temp);
            CampaignException refused = catchThrowableOfType(CampaignException.class,
                    () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

            ValidationReport report = Validator.validate(fixture.folder());

            assertThat(refused).as("the %s fixture must be refused by the loader", defect).isNotNull();
            assertThat(report.passed()).isFalse();
            assertThat(report.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.check()).isEqualTo(Check.CALENDAR);
                // the loader's problem, in its words and place, once: not re-worded, not re-parsed
                Problem loaded = refused.problems().get(0);
                assertThat(loaded.category()).isEqualTo(Problem.Category.CALENDAR);
                assertThat(List.of(d.severity(), d.file(), d.line(), d.column(), d.message()))
                        .isEqualTo(List.of(loaded.severity(), loaded.file(), loaded.line(), loaded.column(), loaded.text()));
            });
        }

        @Test
        void gapBetweenPhasesIsACalendarErrorNamingTheField() {
            assertThat(validateBroken("gap-between-phases").diagnostics()).extracting(Diagnostic::toString)
                    .containsExactly("campaign.yaml:45:50: error: calendar.phases[1].from: phase TWO starts on 2024-02-05 "
                            + "but phase ONE ends on 2024-01-31: 2024-02-01 to 2024-02-04 would belong to no phase (each "
                            + "phase starts the day after the one before it ends) [calendar]");
        }

        @Test
        void earlyWarningThatWouldStartBeforeTheCampaignIsACalendarErrorNamingTheLead() {
            assertThat(validateBroken("lead-up-before-campaign-start").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(d.check()).isEqualTo(Check.CALENDAR);
                assertThat(d.message()).isEqualTo("calendar.leadDays: an early warning of 3 days before key period "
                        + "NEWYEAR (from 2024-01-02) would start on 2023-12-30, before the campaign (2024-01-01 to "
                        + "2024-02-29) starts: shorten the lead for this period (keyPeriods[].leadDays)");
            });
        }

        @Test
        void keyPeriodAtTheNormalLevelIsACalendarErrorNamingItsLevel() {
            assertThat(validateBroken("key-period-at-the-normal-level").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(d.check()).isEqualTo(Check.CALENDAR);
                assertThat(d.line()).isEqualTo(47);
                assertThat(d.message()).isEqualTo("calendar.keyPeriods[0].level: key period FEST is at the normal "
                        + "level NORMAL: a key period raises the level (calendar.normalLevel is NORMAL)");
            });
        }

        @Test
        void planIssuedAfterItsLastDayIsAWarning() {
            assertThat(validateBroken("plan-issued-after-it-ends").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.check()).isEqualTo(Check.CALENDAR);
                assertThat(d.line()).isEqualTo(7);
                assertThat(d.message()).isEqualTo("the plan is dated 2024-03-05, after its last day (2024-02-29): "
                        + "check issued and the phase dates");
            });
        }

        @Test
        void worseGradeAllowedLongerToRectifyIsAWarning() {
            assertThat(validateBroken("rectification-longer-for-worse-grade").diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.check()).isEqualTo(Check.GRADES);
                assertThat(d.line()).isEqualTo(33);
                assertThat(d.message()).isEqualTo("grades.rectifyWithinDays allows RED 20 days but ORANGE only 15: a "
                        + "worse grade should never allow longer to rectify");
            });
        }
    }
}
