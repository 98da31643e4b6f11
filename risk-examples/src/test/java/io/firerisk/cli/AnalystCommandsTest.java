package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's commands end to end: validate, test, diff and new-campaign, on the bundled campaign
 * and on copies of it made with new-campaign.
 */
class AnalystCommandsTest {

    static final String BUNDLED = "wanzhou-2023-winter";

    @TempDir
    static Path shared;
    /** A copy of the bundled campaign, made once with new-campaign and never changed. */
    static Path copy;

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run firerisk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Firerisk.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    @BeforeAll
    static void copyTheBundledCampaign() {
        copy = shared.resolve("copy");
        Run run = firerisk("new-campaign", "--from", BUNDLED, "--id", "copy", "--out", copy.toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    /** Another copy, for a test that changes it. */
    Path copyInto(String name) {
        Path folder = temp.resolve(name);
        assertThat(firerisk("new-campaign", "--from", copy.toString(), "--id", name, "--out", folder.toString()).exit()).isZero();
        return folder;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static final String TYPO_RULE = """
            package rules.local;

            import io.firerisk.rules.*;

            rule "商店出口不足须整改（代码拼错）"
                @clause("GB 35181-2017 6.5")
                @zh("{$f.label}须整改")
                @en("{$f.label} must be rectified")
            when
                $f : HazardFinding(code == "EXITS_TOO_FEWW", open)
            then
                insertLogical(ActionRequired.forFinding($f, "RECTIFY"));
            end
            """;

    @Nested
    class Validate {

        @Test
        void bundledCampaignHasNoErrors() {
            Run run = firerisk("validate", BUNDLED);

            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out()).startsWith("Validating wanzhou-2023-winter 1.0.0 (classpath:campaigns/wanzhou-2023-winter): ");
            assertThat(run.lastLine()).matches("0 errors, \\d+ warnings?");
        }

        @Test
        void ruleNamingAnUnknownCodeIsReportedWithFileLineAndColumnAndExitsOne() throws IOException {
            Path folder = copyInto("typo");
            write(folder.resolve("rules/local/typo.drl"), TYPO_RULE);

            Run run = firerisk("validate", folder.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("rules/local/typo.drl:10:32: error: rule \"商店出口不足须整改（代码拼错）\" names "
                    + "hazard code 'EXITS_TOO_FEWW', which is not in the hazard catalogue (hazards.csv, hazards/*.csv), so "
                    + "the rule can never match it (did you mean 'EXITS_TOO_FEW'?) [unknown-reference]\n");
            assertThat(run.lastLine()).matches("1 error, \\d+ warnings?");
        }

        @Test
        void jsonReportIsForTools() throws IOException {
            Path folder = copyInto("typo-json");
            write(folder.resolve("rules/local/typo.drl"), TYPO_RULE);

            Run run = firerisk("validate", folder.toString(), "--json");
            JsonNode json = new ObjectMapper().readTree(run.out());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(json.path("campaign").path("id").asText()).isEqualTo("typo-json");
            assertThat(json.path("passed").asBoolean()).isFalse();
            assertThat(json.path("errors").asInt()).isEqualTo(1);
            JsonNode error = json.path("diagnostics").findParents("severity").stream()
                    .filter(d -> d.path("severity").asText().equals("error")).findFirst().orElseThrow();
            assertThat(error.path("check").asText()).isEqualTo("unknown-reference");
            assertThat(error.path("file").asText()).isEqualTo("rules/local/typo.drl");
            assertThat(error.path("line").asInt()).isEqualTo(10);
            assertThat(error.path("column").asInt()).isEqualTo(32);
        }

        @Test
        void strictFailsOnWarnings() throws IOException {
            Path folder = copyInto("strict");
            Path actions = folder.resolve("actions.csv");
            write(actions, Files.readString(actions) + "NOTIFY_POLICE,通报公安,notify the police,HIGH,1,VENUE,N\n");

            Run lenient = firerisk("validate", folder.toString());
            Run strict = firerisk("validate", folder.toString(), "--strict");

            assertThat(lenient.exit()).isZero();
            assertThat(lenient.out()).contains("actions.csv:").contains("warning: action 'NOTIFY_POLICE' is required by no rule");
            assertThat(strict.exit()).isEqualTo(1);
        }
    }

    @Nested
    class Test_ {

        @Test
        void passingScenariosEndWithTheCount() {
            Run run = firerisk("test", copy.toString());

            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out()).startsWith("Testing copy 2.0.0 (");
            assertThat(run.out()).doesNotContain("FAIL ");
            assertThat(run.lastLine()).matches("\\d+ passed, 0 failed");
        }

        @Test
        void failingScenarioShowsExpectedAgainstActualAndTheRulesThatFired() throws IOException {
            Path folder = copyInto("failing");
            write(folder.resolve("scenarios/wrong.csv"), """
                    id,description,date,kind,name,occupants,findings,expect_grade,expect_verdict
                    W-1,歌舞厅出口不足却期望蓝色,2024-01-10,ENTERTAINMENT,星光KTV,100,EXITS_TOO_FEW,BLUE,NONE
                    """);

            Run run = firerisk("test", folder.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL scenarios/wrong.csv:2 (W-1) 歌舞厅出口不足却期望蓝色\n"
                    + "       grade: expected BLUE, got RED\n"
                    + "       verdict: expected NONE, got SUSPECTED_MAJOR\n"
                    + "       rules fired: ");
            assertThat(run.out()).contains("6.5 公共娱乐场所、商店、地下人员密集场所的安全出口数量不足");
            assertThat(run.lastLine()).matches("\\d+ passed, 1 failed");
        }

        @Test
        void coverageIsPrintedAndWrittenToAFile() throws IOException {
            Path file = temp.resolve("coverage.md");

            Run run = firerisk("test", copy.toString(), "--coverage", "--coverage-file", file.toString());

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("# Scenario coverage: copy 2.0.0\n", "## Rules never fired (",
                    "## Hazard codes in no scenario (", "## Grades no scenario reaches (", "## Hazard category × grade\n",
                    "| category | BLUE | YELLOW | ORANGE | RED |\n", "coverage written to " + file + "\n");
            assertThat(run.lastLine()).matches("\\d+ passed, 0 failed");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("# Scenario coverage: copy 2.0.0\n")
                    .contains("| EVACUATION |");
        }

        @Test
        void jsonResultsCarryEachScenarioAndTheCoverage() throws IOException {
            Run run = firerisk("test", BUNDLED, "--json", "--coverage", "--coverage-file", temp.resolve("c.md").toString());
            JsonNode json = new ObjectMapper().readTree(run.out());

            assertThat(run.exit()).isZero();
            assertThat(json.path("failed").asInt()).isZero();
            assertThat(json.path("results").size()).isEqualTo(json.path("passed").asInt()).isPositive();
            assertThat(json.path("results").get(0).path("firedRules").size()).isPositive();
            assertThat(json.path("coverage").path("rules").asInt()).isPositive();
            assertThat(json.path("coverage").path("matrix").has("EVACUATION")).isTrue();
        }
    }

    @Nested
    class Diff {

        static final String VENUES = """
                {"id":"SHOP-80","name":"宽度80商店","kind":"SHOP","occupants":100,"date":"2024-01-10","findings":[{"id":"F1","code":"EXIT_WIDTH_SHORT","ratio":0.80}]}
                {"id":"SHOP-86","name":"宽度86商店","kind":"SHOP","occupants":100,"date":"2024-01-10","findings":[{"id":"F1","code":"EXIT_WIDTH_SHORT","ratio":0.86}]}
                {"id":"SHOP-OK","name":"无隐患商店","kind":"SHOP","occupants":100,"date":"2024-01-10"}
                """;

        @Test
        void changedThresholdChangesExactlyTheVenuesItNowCatches() throws IOException {
            Path folder = copyInto("wider");
            Path yaml = folder.resolve("campaign.yaml");
            write(yaml, Files.readString(yaml).replace("\nparameters:\n",
                    "\nparameters:\n  gb35181.6.5.exit-width-ratio-below: 0.85\n"));
            Path venues = temp.resolve("venues.jsonl");
            write(venues, VENUES);

            Run run = firerisk("diff", "--campaign", BUNDLED, "--campaign", folder.toString(), venues.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("A = wanzhou-2023-winter 1.0.0\nB = wider 3.0.0\n\nSHOP-80 宽度80商店\n")
                    .contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                    .containsPattern("\n  only under B: (.*; )?6\\.5 公共娱乐场所、商店、地下人员密集场所的安全出口总净宽度小于规定值的80%")
                    .doesNotContain("SHOP-86").doesNotContain("SHOP-OK");
            assertThat(run.lastLine()).startsWith("3 venues compared, 1 changed: ");
        }

        @Test
        void badVenueRecordIsReportedAndTheRestAreCompared() throws IOException {
            Path venues = temp.resolve("venues.jsonl");
            write(venues, VENUES + "{\"id\":\"BAD\",\"kind\":\"SHOP\",\"occupants\":-1}\n");

            Run run = firerisk("diff", "--campaign", BUNDLED, "--campaign", copy.toString(), venues.toString());

            assertThat(run.exit()).isEqualTo(3);
            // the same file:line: venue: field form as assess, the field as the input names it
            assertThat(run.err()).contains(venues + ":4: venue 'BAD': occupants: ").contains("(was -1)");
            assertThat(run.lastLine()).isEqualTo("3 venues compared, 0 changed: grade 0, verdict 0, suspension 0, actions 0, refused 0");
        }

        @Test
        void scenarioTableServesAsTheVenueList() {
            Run run = firerisk("diff", "--campaign", BUNDLED, "--campaign", copy.toString(),
                    copy.resolve("scenarios/tasks.csv").toString(), "--json");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"changed\" : 0");
        }

        @Test
        void oneCampaignIsAUsageError() {
            Run run = firerisk("diff", "--campaign", BUNDLED, "venues.jsonl");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("give --campaign exactly twice, A then B (got 1)");
        }
    }

    @Nested
    class NewCampaign {

        @Test
        void createsTheFolderWithItsChecklist() throws IOException {
            Path folder = temp.resolve("wanzhou-2024-winter");

            Run run = firerisk("new-campaign", "--from", BUNDLED, "--id", "wanzhou-2024-winter", "--out", folder.toString());

            assertThat(run.exit()).isZero();
            assertThat(run.out()).startsWith("Created wanzhou-2024-winter 2.0.0 in " + folder + " from wanzhou-2023-winter 1.0.0.\n")
                    .contains("still describe the old plan; see " + folder.resolve("CHECKLIST.md") + ":\n  The plan: 6\n  Dates: ");
            assertThat(Files.readString(folder.resolve("CHECKLIST.md"), StandardCharsets.UTF_8))
                    .contains("document: the new plan's document number (now: 万州城管发〔2023〕114号)");
            assertThat(firerisk("validate", folder.toString()).exit()).isZero();
        }

        @Test
        void refusesAFolderThatIsNotEmpty() {
            Run run = firerisk("new-campaign", "--from", BUNDLED, "--id", "again", "--out", copy.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("already exists and is not empty");
        }
    }
}
