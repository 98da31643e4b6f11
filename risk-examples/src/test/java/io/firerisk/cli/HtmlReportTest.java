package io.firerisk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report's content: sections, counts, language, and escaping of everything from the input. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private String report(String input, String... more) throws IOException {
        Path out = dir.resolve("report.html");
        String[] args = new String[6 + more.length];
        args[0] = "assess";
        args[1] = input;
        args[2] = "-f";
        args[3] = "html";
        args[4] = "-o";
        args[5] = out.toString();
        System.arraycopy(more, 0, args, 6, more.length);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--rejects";
        all[args.length + 1] = dir.resolve("rejects.csv").toString();
        Cli.run(all);
        return Files.readString(out);
    }

    @Test
    void theReportIsOneSelfContainedPageWithTotalsChartsListsAndTheCalendar() throws IOException {
        // Given the hand-written fixture: 4 RED, 3 ORANGE, 4 YELLOW, 1 BLUE; 6 suspected major, 1 part to stop
        String html = report(Cli.fixture("twelve-venues.jsonl").toString());

        // Then it is Chinese by default, and loads nothing from anywhere
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">").contains("消防安全风险评估报告")
                .contains("default-src 'none'").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link").doesNotContain("src=\"");
        // the totals
        assertThat(html).contains("data-count=\"assessed\">12<").contains("data-count=\"grade-RED\">4<")
                .contains("data-count=\"grade-ORANGE\">3<").contains("data-count=\"grade-YELLOW\">4<")
                .contains("data-count=\"grade-BLUE\">1<")
                .contains("data-count=\"suspected-major\">6<").contains("data-count=\"suspensions\">1<")
                .contains("data-count=\"rejected\">0<");
        // charts by grade, venue kind and street, as inline SVG
        assertThat(html).contains("<svg id=\"chart-grade\"").contains("<svg id=\"chart-kind\"").contains("<svg id=\"chart-street\"")
                .contains("<g data-label=\"红（重大风险）\" data-total=\"4\">")
                .contains("<g data-label=\"公共娱乐场所\" data-total=\"1\">")
                .contains("<g data-label=\"钟鼓楼街道\" data-total=\"1\">");
        // the parts that stop, each with its legal ground, who acts and the articles; the suspected major
        // hazards with the reminder; the dated plan
        assertThat(html).contains("<tr data-venue=\"WZ-0002\"><td><strong>星光歌舞娱乐城</strong>")
                .contains("<td>二楼营业区</td><td>安全出口数量不足</td><td>疏散通道、安全出口数量不足或者严重堵塞，已不具备安全疏散条件</td>"
                        + "<td>督促单位立即停止使用该部位，并提请消防救援机构依法临时查封</td>"
                        + "<td>消防法 第五十四条; 消防监督检查规定 第二十二条(一); 消防法 第七十条</td>")
                .contains("疑似重大火灾隐患须经集体讨论").contains("data-count=\"suspected-list\">6<")
                .contains("<table id=\"action-table\">").contains("<td>2024-01-10</td><td>立即</td>");
        // and the campaign calendar with its key periods
        assertThat(html).contains("<svg id=\"calendar-chart\"").contains("<tr data-entry=\"KEY_PERIOD\"><td>重点时段（提高防范等级）</td><td>春节</td><td>2024-02-10</td><td>2024-02-17</td>")
                .contains("<tr data-entry=\"PHASE\"><td>工作阶段</td><td>组织实施</td><td>2023-12-06</td><td>2024-03-25</td>")
                .contains("<tr data-entry=\"EARLY_WARNING\">");
    }

    @Test
    void langEnWritesTheReportInEnglish() throws IOException {
        String html = report(Cli.fixture("twelve-venues.jsonl").toString(), "--lang", "en");

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").contains("Fire risk assessment report")
                .contains("Suspected major fire hazards").contains("Action plan (by deadline)")
                .contains("Campaign calendar and key periods").contains("Spring Festival")
                .contains("<g data-label=\"RED (major risk)\" data-total=\"4\">");
    }

    @Test
    void everyValueFromTheInputIsEscaped() throws IOException {
        // Given a venue whose name, street, id and finding location try to inject markup and script
        Path input = dir.resolve("evil.jsonl");
        Files.writeString(input, "{\"id\": \"X&<b>1\", \"name\": \"<script>alert('name')</script>\", \"kind\": \"ENTERTAINMENT\","
                + " \"street\": \"\\\"><img src=x onerror=alert(1)>\", \"occupants\": 300, \"date\": \"2024-01-10\","
                + " \"findings\": [{\"id\": \"F1\", \"code\": \"EXITS_TOO_FEW\", \"location\": \"</td><svg onload=alert(2)>\\u202e\"}]}\n");

        // When it is reported
        String html = report(input.toString());

        // Then none of it arrives as markup, only as text
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg onload")
                .doesNotContain("X&<b>1").doesNotContain("\u202e");
        assertThat(html).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;/td&gt;&lt;svg onload=alert(2)&gt;\\u202e")
                .contains("data-venue=\"X&amp;&lt;b&gt;1\"");
        // and the one script in the page is the page's own, allowed by its hash
        assertThat(html.split("<script>", -1)).hasSize(2);
    }

    @Test
    void rejectedRecordsAreCountedInTheReportAndNotInTheTotals() throws IOException {
        String html = report(Cli.fixture("bad-records.jsonl").toString());

        assertThat(html).contains("data-count=\"assessed\">3<").contains("data-count=\"rejected\">4<")
                .contains("4 条记录未能评估，未计入以上统计");
    }

    @Test
    void longListsAreCutAtTheReportLimitButTheCountsCoverEveryVenue() throws IOException {
        String html = report(Cli.fixture("twelve-venues.jsonl").toString(), "--report-limit", "2");

        assertThat(html).contains("data-count=\"suspected-list\">6<").contains("另有 4 条未列出");
        // one part to stop, two of the six suspected major hazards, two of the actions
        assertThat(html.split("<tr data-venue=", -1).length - 1).isEqualTo(1 + 2 + 2);
    }
}
