package io.firerisk.analysis;

import io.firerisk.HazardVerdict;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.scenario.ScenarioReport;
import io.firerisk.scenario.ScenarioSuite;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage figures on the tiny campaign, whose four scenarios (src/test/resources/campaigns/tiny/scenarios/tiny.csv)
 * leave known gaps: no festival, no closed venue, no exit-width or emergency-light finding, no legal ground for stopping use.
 */
class CoverageTest {

    @TempDir
    Path temp;
    CoverageReport coverage;

    @BeforeEach
    void measure() {
        Path folder = CampaignFixture.copyOf("tiny", temp).folder();
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
            ScenarioReport run = ScenarioSuite.fromFolder(folder).run(engine);
            coverage = Coverage.of(engine.campaign(), run);
        }
    }

    @Test
    void rulesNoScenarioFiresAreListed() {
        assertThat(coverage.rules()).hasSize(17);
        assertThat(coverage.rulesFired()).isEqualTo(11);
        assertThat(coverage.neverFired()).extracting(CoverageReport.RuleUse::rule)
                .containsExactly("D.1 出口宽度不足", "停止使用的不判定", "出口全部锁闭", "综合判定", "节日提级", "该停用要停用");
        assertThat(coverage.rules()).filteredOn(r -> r.rule().equals("一般隐患")).singleElement()
                .satisfies(r -> assertThat(r.scenarios()).isEqualTo(3));
        // Only the hall (T-1) is classed by place-classes.csv (a crowded place), so only it explains a class.
        assertThat(coverage.rules()).filteredOn(r -> r.rule().equals("场所类别")).singleElement()
                .satisfies(r -> assertThat(r.scenarios()).isEqualTo(1));
    }

    @Test
    void hazardCodesGradesAndActionsNoScenarioReachesAreListed() {
        assertThat(coverage.hazardCodesNeverUsed()).containsExactly("EXITS_LOCKED", "EXIT_WIDTH_SHORT", "LIGHTS_DAMAGED");
        assertThat(coverage.gradesNeverReached()).containsExactly(RiskGrade.ORANGE);
        assertThat(coverage.verdictsNeverReached()).isEmpty();
        assertThat(coverage.actionsNeverRequired()).containsExactly("SUSPEND_USE");
        assertThat(coverage.elementsNeverPresent()).containsExactly("C.2");
        assertThat(coverage.verdicts()).containsEntry(HazardVerdict.GENERAL, 2);
        assertThat(coverage.summary()).isEqualTo("rules 11/17 (65%), hazard codes 4/7, grades 3/4, verdicts 3/3");
    }

    @Test
    void categoryByGradeMatrixCountsScenariosPerCell() {
        assertThat(coverage.matrix()).containsOnlyKeys("EVACUATION", "WIRING", Coverage.NO_FINDINGS);
        assertThat(coverage.matrix().get("EVACUATION")).isEqualTo(Map.of(RiskGrade.BLUE, 0, RiskGrade.YELLOW, 2,
                RiskGrade.ORANGE, 0, RiskGrade.RED, 1));
        assertThat(coverage.matrix().get("WIRING")).isEqualTo(Map.of(RiskGrade.BLUE, 0, RiskGrade.YELLOW, 1,
                RiskGrade.ORANGE, 0, RiskGrade.RED, 0));
        assertThat(coverage.matrix().get(Coverage.NO_FINDINGS)).containsEntry(RiskGrade.BLUE, 1);
    }

    @Test
    void runWithoutExplanationsIsRefusedRatherThanReportedAsNothingFired() {
        Path folder = temp.resolve("tiny");
        try (RiskEngine quiet = RiskEngine.builder().campaignDirectory(folder).explanations(false).build()) {
            ScenarioReport run = ScenarioSuite.fromFolder(folder).run(quiet);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Coverage.of(quiet.campaign(), run))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the scenarios ran on an engine with explanations off");
        }
    }

    @Test
    void markdownReportHoldsTheGapsAndTheMatrix() {
        String md = coverage.toMarkdown();

        assertThat(md).startsWith("# Scenario coverage: tiny 0.1.0\n\n4 scenarios run, 4 assessed. Coverage: rules 11/17 (65%)");
        assertThat(md).contains("## Rules never fired (6 of 17)\n\n- rules/core/tiny.drl: D.1 出口宽度不足\n");
        assertThat(md).contains("## Grades no scenario reaches (1 of 4)\n\nORANGE\n");
        assertThat(md).contains("| category | BLUE | YELLOW | ORANGE | RED |\n|---|---:|---:|---:|---:|\n"
                + "| (no findings) | 1 | 0 | 0 | 0 |\n| EVACUATION | 0 | 2 | 0 | 1 |\n| WIRING | 0 | 1 | 0 | 0 |\n");
    }
}
