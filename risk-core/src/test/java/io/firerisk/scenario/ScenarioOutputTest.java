package io.firerisk.scenario;

import io.firerisk.RiskEngine;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst reads after running scenario tables: a line per scenario, failures in full, then the count. */
class ScenarioOutputTest {

    @TempDir
    Path temp;

    private ScenarioReport run(CampaignFixture fixture) {
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
            return ScenarioSuite.fromFolder(fixture.folder()).run(engine);
        }
    }

    @Test
    void passingScenariosPrintOneLineEachAndTheCount() {
        ScenarioReport report = run(CampaignFixture.copyOf("tiny", temp));

        assertThat(report.describe()).isEqualTo("""
                ok   scenarios/tiny.csv:2 (T-1) 礼堂安全出口不足是直接要素
                ok   scenarios/tiny.csv:3 (T-2) 棚屋两项综合要素不到三项
                ok   scenarios/tiny.csv:4 (T-3) 没有隐患的棚屋是蓝色
                ok   scenarios/tiny.csv:5 (T-4) 楼道杂物当场清理
                4 passed, 0 failed""");
    }

    @Test
    void failingScenarioShowsExpectedAgainstActualAndTheRulesThatFired() {
        ScenarioReport report = run(CampaignFixture.broken("scenario-expecting-the-wrong-grade", temp));

        assertThat(report.summary()).isEqualTo("4 passed, 1 failed");
        assertThat(report.failures()).singleElement().satisfies(f -> {
            String[] lines = f.describe().split("\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[0]).isEqualTo("FAIL scenarios/wrong.csv:2 (W-1) 礼堂出口不足却期望黄色");
            assertThat(lines[1]).isEqualTo("       grade: expected YELLOW, got RED");
            assertThat(lines[2]).isEqualTo("       verdict: expected GENERAL, got SUSPECTED_MAJOR");
            assertThat(lines[3]).startsWith("       rules fired: ");
            assertThat(lines[3].substring("       rules fired: ".length()).split("; "))
                    .containsExactlyInAnyOrder("D.1 出口不足", "直接判定", "综合计数", "一般隐患", "隐患可能性", "重大",
                            "人员密集", "有人", "场所类别");
        });
        assertThat(report.describe()).contains("ok   scenarios/tiny.csv:5 (T-4) 楼道杂物当场清理\nFAIL scenarios/wrong.csv:2")
                .endsWith("\n4 passed, 1 failed");
    }

    @Test
    void scenarioTheEngineRefusesSaysSoInsteadOfListingRules() {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp)
                .write("scenarios/refused.csv", "id,date,kind,findings,expect_grade\nR-1,2024-01-15,SHED,EXIT_WIDTH_SHORT,YELLOW\n");

        ScenarioReport report = run(fixture);

        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.describe())
                .startsWith("FAIL scenarios/refused.csv:2 (R-1)\n       the engine refused the facts: ")
                .contains("needs a ratio")
                .endsWith("\n       rules fired: none (the engine refused the facts)"));
    }
}
