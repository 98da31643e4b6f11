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
    void overlappingPhasesAreRefusedNamingFileAndField() {
        CampaignException e = loadBroken("overlapping-phases");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("campaign.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("calendar.phases[1].from: phase TWO starts on 2024-01-20, which overlaps phase ONE");
        });
    }

    @Test
    void keyPeriodOutsideTheCampaignIsRefused() {
        CampaignException e = loadBroken("key-period-outside-campaign");
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("calendar.keyPeriods[0].from: key period FEST (2024-03-10 to 2024-03-12 with its margin) lies outside the campaign (2024-01-01 to 2024-02-29)"));
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

    @Test
    void misspeltYamlKeyIsNotSilentlyIgnored() {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp).replace("campaign.yaml", "leadDays: 3", "leadDay: 3");
        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());
        assertThat(e.problems()).extracting(Problem::message).contains(
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
