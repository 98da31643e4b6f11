package io.firerisk.scenario;

import io.firerisk.RiskEngine;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which scenario tables run with a campaign, and the edition a row expects its result to name. */
class ScenarioScopeTest {

    @TempDir
    Path temp;

    @Test
    void aStandardsTableUnderACampaignsIdRunsWithThatCampaignOnlyAndItsOtherTablesWithEveryCampaign() {
        String written = "standards/gb35181-2017/scenarios/wanzhou-2023-winter/gb35181.csv";

        assertThat(ScenarioSuite.runsWith(written, "wanzhou-2023-winter")).isTrue();
        assertThat(ScenarioSuite.runsWith(written, "national-standing")).isFalse();
        assertThat(ScenarioSuite.isTable(written)).isTrue();
        assertThat(ScenarioSuite.runsWith("standards/gb35181-2025/scenarios/gb35181-2025.csv", "national-standing")).isTrue();
        assertThat(ScenarioSuite.runsWith("scenarios/local.csv", "national-standing")).isTrue();
        assertThat(ScenarioSuite.runsWith("standards/gb35181-2025/elements.csv", "national-standing")).isFalse();
    }

    @Test
    void aTableOfAStandardWrittenForAnotherCampaignIsNotRunAndOneForThisCampaignIs() {
        // Given the dated campaign's standard test-2024 with a table for this campaign and one for another
        String row = "id,date,kind,name,occupants,findings,expect_verdict\n%s,2024-02-01,HALL,礼堂,50,EXITS_TOO_FEW,GENERAL\n";
        CampaignFixture fixture = CampaignFixture.copyOf("dated", temp)
                .write("standards/test-2024/scenarios/dated/mine.csv", String.format(row, "MINE-1"))
                .write("standards/test-2024/scenarios/elsewhere/theirs.csv", String.format(row, "THEIRS-1"));

        // When its scenarios are read
        ScenarioSuite suite = ScenarioSuite.fromFolder(fixture.folder());

        // Then the table for this campaign is among them and the other is not
        assertThat(suite.scenarios()).extracting(Scenario::id).contains("MINE-1").doesNotContain("THEIRS-1");
    }

    @Test
    void aRowExpectingAnEditionFailsWhenTheResultNamesAnotherAndADashExpectsNone() {
        // Given rows dated on each side of the change of edition, and one before the first edition
        CampaignFixture fixture = CampaignFixture.copyOf("dated", temp).write("scenarios/editions.csv",
                "id,date,kind,name,occupants,findings,expect_standard\n"
                + "E-1,2024-01-15,HALL,礼堂,50,EXITS_TOO_FEW,TEST 1-2023\n"
                + "E-2,2024-01-16,HALL,礼堂,50,EXITS_TOO_FEW,TEST 1-2023\n"
                + "E-3,2022-06-01,HALL,礼堂,50,EXITS_TOO_FEW,-\n");

        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
            ScenarioReport report = ScenarioSuite.fromFolder(fixture.folder()).run(engine);

            // Then only the row dated in the later edition's time fails, saying which edition it got
            assertThat(report.results()).filteredOn(r -> r.scenario().id().startsWith("E-"))
                    .extracting(r -> r.scenario().id() + " " + r.mismatches())
                    .containsExactly("E-1 []", "E-2 [standard: expected TEST 1-2023, got TEST 1-2024]", "E-3 []");
        }
    }
}
