package io.firerisk.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firerisk explain}: one venue in full, and the smallest set of findings whose rectification lowers the grade. */
class ExplainCommandTest {

    private static final String TWELVE = Cli.fixture("twelve-venues.jsonl").toString();
    private static final String EXPLAIN = Cli.fixture("explain.jsonl").toString();

    @Test
    void explainsTheGradeItsRowsTheDeterminationEachFiredRuleAndTheGroundBehindASuspension() {
        // Given a 300-person entertainment venue with too few exits on its second floor
        // When explaining it
        Cli.Run run = Cli.run("explain", "WZ-0002", TWELVE);

        // Then the grade as L × S, with the rows that set each
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WZ-0002 星光歌舞娱乐城（公共娱乐场所，钟鼓楼街道）")
                .contains("风险等级：红（重大风险）（风险值 R = 可能性 L5 × 后果 S4 = 20，本等级自 20 起）")
                .contains("* 存在依法应当停止使用的情形（LEGAL_GROUND = 5）")
                .contains("* 较大规模的公众聚集场所或住宿类人员密集场所（LARGE_GATHERING = 4）：星光歌舞娱乐城为公众聚集场所，容纳300人，达到100人以上");
        // the determination, with the reminder that people decide it
        assertThat(run.out()).contains("重大火灾隐患判定：疑似重大火灾隐患（待集体讨论确定）").contains("直接判定要素：6.5")
                .contains("须经集体讨论");
        // each fired rule with its clause and the facts it matched
        assertThat(run.out()).contains("6.5 公共娱乐场所、商店、地下人员密集场所的安全出口数量不足  [GB 35181-2017 6.5]")
                .contains("匹配：finding F1 (EXITS_TOO_FEW)");
        // the part that stops, on which ground and article, who acts and when use resumes
        assertThat(run.out()).contains("""
                停用：须停止使用以下部位
                  - 二楼营业区（疏散通道、安全出口数量不足或者严重堵塞，已不具备安全疏散条件）
                    依据：消防法 第五十四条；消防监督检查规定 第二十二条(一)；消防法 第七十条
                    由谁执行：督促单位立即停止使用该部位，并提请消防救援机构依法临时查封
                    恢复使用：整改完毕并经作出决定的机关或机构检查合格后，方可恢复使用（消防法第七十条）
                """);
        // the dated actions, each with what set its deadline and its details
        assertThat(run.out()).contains("2024-01-10  立即  停止使用该部位")
                .contains("期限依据：事项表要求当日办理")
                .contains("缺整改资金：落实整改经费来源")
                .contains("2024-03-10  中  限期整改火灾隐患（F1）")
                .contains("期限依据：整改所需至少60日自2024-01-10起，不再缩短");
        // and what would lower the grade
        assertThat(run.out()).contains("至少须整改 1 项").contains("降为 黄（一般风险）").contains("F1 EXITS_TOO_FEW（二楼包房区）");
    }

    @Test
    void theSmallestSetIsBothDirectElementsAndNotTheGeneralHazard() {
        // Given a hotel for 120 with two direct elements (no sprinklers, no alarm) and messy wiring
        // When explaining it
        Cli.Run run = Cli.run("explain", "EX-TWO", EXPLAIN, "--lang", "en");

        // Then rectifying one direct element is not enough, both are; the wiring is not needed to leave RED
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Grade: RED (major risk) (R = likelihood L5 × severity S4 = 20; this band starts at 20)")
                .contains("rectify at least 2 finding(s)")
                .contains("from RED (major risk) to ORANGE (considerable risk)")
                .contains("F1 SPRINKLER_NOT_INSTALLED (客房层), F2 FIRE_ALARM_NOT_INSTALLED (客房层)")
                .contains("with all 3 open findings rectified: YELLOW (general risk)")
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
        assertThat(run.out()).contains("Grade: BLUE (low risk) (R = likelihood L1 × severity S3 = 3; this band starts at 1)")
                .contains("* no findings (NO_OPEN_FINDING = 1): no rule put the venue in another row: the default row")
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
    void aClosedRestaurantIsNotWarnedForTheHolidayAndNothingPrintsEmptyBrackets() {
        // Given the bundled sample's 三峡杂酱面大排档, closed, inspected on 2023-12-29 in the lead-up to New Year
        // When explaining it
        Cli.Run run = Cli.run("explain", "WZ-0002");

        // Then the calendar says where the date falls, but a venue out of use is not told to raise its alert (二(八)
        // is for units in use): it has nothing to do
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WZ-0002 三峡杂酱面大排档").contains("预警：元旦")
                .contains("须办事项：\n  无\n").doesNotContain("预警提示").doesNotContain("提高火灾防范等级：");
        // and the counting rows with nothing counted read as sentences, not as empty brackets
        assertThat(run.out()).contains("存在0项规定的综合判定要素，判定标准为3项以上")
                .contains("count 0 of row CROWDED_EVACUATION (none; 3 needed)")
                .doesNotContain("（）").doesNotContain("()").doesNotContain("[]")
                .doesNotContainPattern("匹配：collected\\s*\\n");
    }

    @Test
    void aHazardToBeCorrectedOnTheSpotIsDueAtOnceNotWithinZeroDays() {
        // Given the bundled sample's 天城小区10栋, whose stairwell clutter can be cleared on the spot
        // When explaining it
        Cli.Run run = Cli.run("explain", "WZ-0003");

        // Then its deadline is today, said as such, by the rule for a hazard removed at once (消防法 第五十四条)
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("""
                  - 2024-02-11  中  限期整改火灾隐患（F2）  [消防法 第五十四条]
                      期限依据：规则要求当日办理（发现火灾隐患的，通知立即采取措施消除隐患：发现当日消除）
                """).doesNotContain("期限依据：期限自2024-02-11起0日");
        // and its explanation says "at once, on the day found", never "within 0 days … not below the 0 days needed"
        assertThat(run.out()).contains("结论：楼道、楼梯间堆放可燃杂物（楼道）应立即采取措施消除，于发现当日（2024-02-11）整改完毕")
                .doesNotContain("起0日内整改").doesNotContain("不少于整改所需的0日");
    }

    @Test
    void aMeasuredHazardReadsInWordsWithItsFigureNotWithTheRecordersRatioNote() {
        // Given the bundled sample's 锦绣农贸市场, whose sales-floor travel distance is 39% over the permitted one
        // When explaining it
        Cli.Run run = Cli.run("explain", "WZ-0034");

        // Then the hazard is named as a notice would name it, and the figure is said in Chinese with its unit
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("商店营业厅内的疏散距离超过规定值（二层营业厅）")
                .contains("疏散距离超出规定值39%，大于25%，构成综合判定要素7.3.5")
                .doesNotContain("ratio=").doesNotContain("（ratio");
    }

    @Test
    void explainsAVenueOfTheBundledSampleByDefault() {
        Cli.Run run = Cli.run("explain", "WZ-0001");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("WZ-0001 ").contains("来源：sample:wanzhou-venues.jsonl:1");
    }
}
