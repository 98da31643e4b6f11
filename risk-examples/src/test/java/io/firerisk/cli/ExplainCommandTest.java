package io.firerisk.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firerisk explain}: one venue in full, and the smallest set of findings whose rectification lowers the grade. */
class ExplainCommandTest {

    private static final String TWELVE = Cli.fixture("twelve-venues.jsonl").toString();
    private static final String EXPLAIN = Cli.fixture("explain.jsonl").toString();

    @Test
    void explainsTheGradeTheDeterminationEachFiredRuleAndTheEstimateBehindASuspension() {
        // Given a 300-person entertainment venue with too few exits
        // When explaining it
        Cli.Run run = Cli.run("explain", "WZ-0002", TWELVE);

        // Then the grade and its basis
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WZ-0002 星光歌舞娱乐城（公共娱乐场所，钟鼓楼街道）")
                .contains("风险等级：红（重大风险）")
                .contains("不低于 红（重大风险）：星光歌舞娱乐城疑似存在重大火灾隐患");
        // the determination, with the reminder that people decide it
        assertThat(run.out()).contains("重大火灾隐患判定：疑似重大火灾隐患（待集体讨论确定）").contains("直接判定要素：6.5")
                .contains("须经集体讨论");
        // each fired rule with its clause and the facts it matched
        assertThat(run.out()).contains("6.5 公共娱乐场所、商店、地下人员密集场所的安全出口数量不足  [GB 35181-2017 6.5]")
                .contains("匹配：finding F1 (EXITS_TOO_FEW)");
        // the potential-accident estimate behind the suspension
        assertThat(run.out()).contains("二楼包房区（F1 安全出口数量不足） → 较大事故")
                .contains("潜在事故估算：300 × 0.02 (EVACUATION) = 6 deaths, 18 serious injuries → LARGE");
        // the dated actions
        assertThat(run.out()).contains("2024-01-10  立即  立即停用该部位");
        // and what would lower the grade
        assertThat(run.out()).contains("至少须整改 1 项").contains("降为 蓝（低风险）").contains("F1 EXITS_TOO_FEW（二楼包房区）");
    }

    @Test
    void theSmallestSetIsBothDirectElementsAndNotTheGeneralHazard() {
        // Given a hotel with two direct elements (no sprinklers, no alarm) and messy wiring
        // When explaining it
        Cli.Run run = Cli.run("explain", "EX-TWO", EXPLAIN, "--lang", "en");

        // Then rectifying one direct element is not enough, both are; the wiring is not needed to leave RED
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Grade: RED (major risk)")
                .contains("rectify at least 2 finding(s)")
                .contains("from RED (major risk) to YELLOW (general risk)")
                .contains("F1 SPRINKLER_NOT_INSTALLED (客房层), F2 FIRE_ALARM_NOT_INSTALLED (客房层)")
                .contains("with all 3 open findings rectified: BLUE (low risk)")
                .doesNotContain("may not be the smallest");
    }

    @Test
    void whenTheBudgetRunsOutTheSetIsOneThatCannotLoseAFindingAndSaysSo() {
        Cli.Run run = Cli.run("explain", "EX-TWO", EXPLAIN, "--lang", "en", "--budget", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("F1 SPRINKLER_NOT_INSTALLED (客房层), F2 FIRE_ALARM_NOT_INSTALLED (客房层)")
                .contains("may not be the smallest");
    }

    @Test
    void aVenueWithNoOpenFindingsHasNothingToRectify() {
        Cli.Run run = Cli.run("explain", "EX-NONE", EXPLAIN, "--lang", "en");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Grade: BLUE (low risk)").contains("no rule raised it")
                .contains("no open findings: the grade does not rest on rectification.");
    }

    @Test
    void anotherDateChangesTheCalendarInTheExplanation() {
        Cli.Run run = Cli.run("explain", "WZ-0002", TWELVE, "--date", "2024-02-12");

        assertThat(run.out()).contains("评估日期：2024-02-12").contains("重点时段 春节").contains("防范等级 提高火灾防范等级");
    }

    @Test
    void aVenueNotInTheInputExitsOneAndARejectedOneExitsThree() {
        Cli.Run missing = Cli.run("explain", "NOPE", EXPLAIN);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("venue 'NOPE' is not in " + EXPLAIN);

        Cli.Run rejected = Cli.run("explain", "EX-BAD", EXPLAIN);
        assertThat(rejected.exit()).isEqualTo(3);
        assertThat(rejected.err()).contains(EXPLAIN + ":3: venue 'EX-BAD': findings[0].code: ")
                .contains("'NOT_A_HAZARD' is not in the hazard catalogue");
    }

    @Test
    void explainsAVenueOfTheBundledSampleByDefault() {
        Cli.Run run = Cli.run("explain", "WZ-0001");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("WZ-0001 ").contains("来源：sample:wanzhou-venues.jsonl:1");
    }
}
