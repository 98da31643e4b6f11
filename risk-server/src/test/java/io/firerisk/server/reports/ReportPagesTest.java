package io.firerisk.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.report.Digest;
import io.firerisk.ledger.report.Figures;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.ledger.report.Reports;
import io.firerisk.ledger.report.UnitAccountability;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.HostileVenue;
import io.firerisk.server.TableAlignment;
import io.firerisk.server.TestAccounts;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The reports in the desk: each page shows the ledger's report for its date (the figures the ledger's
 * ReportsTest pins on a hand-built ledger), each number opens a hazard list exactly that long, the same
 * report as of two dates gives each date's figures, the workbooks carry the same numbers, and a unit
 * officer gets their own unit's digest only.
 */
@DeskTest
class ReportPagesTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);
    static final Pattern LINKED_NUMBER = Pattern.compile("<a href=\"(/hazards\\?[^\"]*)\">(\\d+)</a>");

    private MockHttpServletResponse as(String username, String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private String page(String url) throws Exception {
        MockHttpServletResponse r = as("test-staff", url);
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String figures(Figures f) {
        return f.found() + "/" + f.closed() + "/" + f.reopened() + "/" + f.openAtEnd() + "/" + f.overdueAtEnd();
    }

    /** The figures of a table row as the page shows them (the cells of class n, links or not). */
    private static List<Integer> numbers(String rowHtml) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"n\">(?:<a href=\"[^\"]*\">)?(\\d+)").matcher(rowHtml);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static String row(String html, String tableId, String key) {
        int table = html.indexOf("id=\"" + tableId + "\"");
        int start = html.indexOf("<tr data-key=\"" + key + "\">", table);
        assertThat(start).as("row %s of %s", key, tableId).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void theWeeklyAnalysisShowsTheLedgersFiguresAsOfEachOfTwoDates() throws Exception {
        for (LocalDate day : List.of(LocalDate.of(2024, 1, 15), DEMO_DAY)) {
            PeriodicAnalysis expected = Reports.of(ledger).week(day);

            String html = page("/reports/periodic?asOf=" + day);

            assertThat(html).contains(expected.from() + " 至 " + day);
            String totals = html.substring(html.indexOf("id=\"totals\""), html.indexOf("</table>", html.indexOf("id=\"totals\"")));
            Figures now = expected.totals().current();
            Figures before = expected.totals().previous();
            assertThat(numbers(totals)).as("as of %s", day).containsExactly(now.found(), now.closed(), now.reopened(),
                    now.openAtEnd(), now.overdueAtEnd(), before.found(), before.closed(), before.reopened(),
                    before.openAtEnd(), before.overdueAtEnd());
            for (PeriodicAnalysis.Line l : expected.by(PeriodicAnalysis.By.STREET).lines()) {
                if (!l.key().isEmpty()) {
                    assertThat(numbers(row(html, "by-STREET", l.key()))).as("%s as of %s", l.key(), day).containsExactly(
                            l.current().found(), l.previous().found(), l.current().closed(), l.previous().closed(),
                            l.current().reopened(), l.current().openAtEnd(), l.current().overdueAtEnd());
                }
            }
        }
        // The two dates differ, so the test would notice a page stuck on one of them.
        assertThat(figures(Reports.of(ledger).week(LocalDate.of(2024, 1, 15)).totals().current()))
                .isNotEqualTo(figures(Reports.of(ledger).week(DEMO_DAY).totals().current()));
    }

    @Test
    void everyLinkedNumberOfTheWeeklyAnalysisOpensAHazardListThatLong() throws Exception {
        String html = page("/reports/periodic?asOf=" + DEMO_DAY);
        String totalsAndStreets = html.substring(html.indexOf("id=\"totals\""), html.indexOf("id=\"by-UNIT\""));
        Matcher m = LINKED_NUMBER.matcher(totalsAndStreets);
        int checked = 0;
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&");
            String list = page(url);
            assertThat(list).as(url).contains("<span id=\"hazard-count\">共 " + m.group(2) + " 条</span>");
            checked++;
        }
        assertThat(checked).as("linked numbers checked").isGreaterThan(20);
    }

    /** Each linked number in {@code html} between the two markers opens a list that long; how many were checked. */
    private int linkedNumbersOpenListsThatLong(String html, String from, String to) throws Exception {
        int start = html.indexOf(from);
        assertThat(start).as(from).isPositive();
        Matcher m = LINKED_NUMBER.matcher(html.substring(start, to == null ? html.length() : html.indexOf(to, start)));
        int checked = 0;
        while (m.find()) {
            // the link as the browser sends it: already encoded (a task's code is Chinese), not a template
            String url = m.group(1).replace("&amp;", "&");
            MockHttpServletResponse r = mvc.perform(get(java.net.URI.create(url))
                    .with(user(accounts.loadUserByUsername("test-staff")))).andReturn().getResponse();
            assertThat(r.getStatus()).as(url).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(url)
                    .contains("<span id=\"hazard-count\">共 " + m.group(2) + " 条</span>");
            checked++;
        }
        return checked;
    }

    @Test
    void theReopenedFiguresAndTheTopTypesOpenTheirLists() throws Exception {
        // The demo's 回头看 reopens hazards in March: the campaign's last five weeks hold them.
        LocalDate end = LocalDate.of(2024, 3, 31);
        PeriodicAnalysis p = Reports.of(ledger).periodic(LocalDate.of(2024, 2, 25), end);
        assertThat(p.totals().current().reopened()).as("reopenings in the period").isPositive();

        String html = page("/reports/periodic?from=2024-02-25&asOf=" + end);

        assertThat(html).contains("reopenedFrom=2024-02-25&amp;reopenedTo=" + end + "&amp;asOf=" + end + "\">"
                + p.totals().current().reopened() + "</a>");
        assertThat(linkedNumbersOpenListsThatLong(html, "id=\"totals\"", "</table>")).isEqualTo(10);
        assertThat(linkedNumbersOpenListsThatLong(html, "id=\"by-UNIT\"", "</table>")).isGreaterThan(10);
        assertThat(linkedNumbersOpenListsThatLong(html, "id=\"top-types\"", "</table>")).isEqualTo(
                2 * p.topHazardTypes().size());
    }

    @Test
    void theFinalSummarysTotalsAndPerTaskFiguresOpenListsThatLong() throws Exception {
        var s = Reports.of(ledger).finalSummary(DEMO_DAY);
        assertThat(s.tasks()).isNotEmpty();

        String html = page("/reports/summary?asOf=" + DEMO_DAY);

        assertThat(html).contains("task=");
        assertThat(linkedNumbersOpenListsThatLong(html, "<h2>总体情况</h2>", "</table>")).isEqualTo(10);
        assertThat(linkedNumbersOpenListsThatLong(html, "<h2>重点任务</h2>", "</table>"))
                .isEqualTo(5 * s.tasks().size());
        assertThat(linkedNumbersOpenListsThatLong(html, "<h2>工作日程</h2>", "</table>")).isPositive();
    }

    @Test
    void theChartsJsonGivesThePagesNumbers() throws Exception {
        PeriodicAnalysis expected = Reports.of(ledger).periodic(LocalDate.of(2024, 1, 1), DEMO_DAY);

        JsonNode json = new ObjectMapper().readTree(page("/api/reports/periodic?from=2024-01-01&asOf=" + DEMO_DAY));

        assertThat(json.get("from").asText()).isEqualTo("2024-01-01");
        assertThat(json.get("previousTo").asText()).isEqualTo("2023-12-31");
        assertThat(json.at("/totals/current/found").asInt()).isEqualTo(expected.totals().current().found());
        assertThat(json.at("/totals/previous/closed").asInt()).isEqualTo(expected.totals().previous().closed());
        JsonNode streets = json.get("breakdowns").get(0);
        assertThat(streets.get("by").asText()).isEqualTo("STREET");
        assertThat(streets.get("param").asText()).isEqualTo("street");
        assertThat(streets.get("lines").size()).isEqualTo(expected.by(PeriodicAnalysis.By.STREET).lines().size());
    }

    @Test
    void unitAccountabilityRanksTheUnitsAndListsThoseMeetingTheCriteriaWithTheClause() throws Exception {
        UnitAccountability expected = Reports.of(ledger).accountability(DEMO_DAY);

        String html = page("/reports/accountability?asOf=" + DEMO_DAY);

        assertThat(expected.criteria()).isPresent();
        assertThat(html).contains("依据：" + expected.criteria().get().clause());
        assertThat(html).contains("需督导问效的单位（" + expected.followUp().size() + " 家）");
        for (UnitAccountability.UnitRecord u : expected.units()) {
            int at = html.indexOf("data-unit=\"" + u.unitId() + "\"", html.indexOf("id=\"ranking\""));
            String row = html.substring(at, html.indexOf("</tr>", at));
            assertThat(row).contains("<td class=\"n\">" + u.rank() + "</td><td>" + u.unitName() + "</td>",
                    "<td class=\"n\">" + u.venues() + "</td>", "\">" + u.hazards() + "</a>",
                    "overdue=true&amp;asOf=" + DEMO_DAY + "\">" + u.overdue() + "</a>",
                    "\">" + u.overdueDays() + "</a></td><td class=\"n\"><a href=\"", "\">" + u.maxDaysOverdue()
                            + "</a></td>",
                    "(" + u.onTime() + "/" + u.due() + ")");
        }
        for (UnitAccountability.UnitRecord u : expected.followUp()) {
            assertThat(html).contains(u.followUpReasons().get(0));
        }
    }

    @Test
    void theWorkbooksCarryTheReportsNumbers() throws Exception {
        PeriodicAnalysis expected = Reports.of(ledger).week(DEMO_DAY);
        MockHttpServletResponse r = as("test-leader", "/reports/periodic.xlsx?asOf=" + DEMO_DAY);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            assertThat(book.getNumberOfSheets()).isGreaterThan(1);
            Sheet overall = book.getSheet("总体情况");
            assertThat(overall).isNotNull();
            boolean seen = false;
            for (var row : overall) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("全部")) {
                    assertThat((int) row.getCell(1).getNumericCellValue()).isEqualTo(expected.totals().current().found());
                    seen = true;
                }
            }
            assertThat(seen).as("the 全部 row with the found count").isTrue();
        }
        for (String url : List.of("/reports/summary.xlsx", "/reports/accountability.xlsx", "/reports/digest.xlsx",
                "/reports/inspection-sheet.xlsx")) {
            MockHttpServletResponse f = as("test-staff", url + "?asOf=" + DEMO_DAY);
            assertThat(f.getStatus()).as(url).isEqualTo(200);
            try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(f.getContentAsByteArray()))) {
                assertThat(book.getNumberOfSheets()).as(url).isPositive();
            }
        }
        // The hazard ledger exported as filtered: as many rows as the list counts.
        String unit = TestAccounts.officerUnits(ledger)[0];
        String list = page("/hazards?unit=" + unit + "&overdue=true&asOf=" + DEMO_DAY);
        Matcher count = Pattern.compile("共 (\\d+) 条").matcher(list);
        assertThat(count.find()).isTrue();
        MockHttpServletResponse x = as("test-staff", "/hazards.xlsx?unit=" + unit + "&overdue=true&asOf=" + DEMO_DAY);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(x.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("隐患台账");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).as("data rows below the header").isEqualTo(Integer.parseInt(count.group(1)));
        }
    }

    /**
     * A CSV of sections (ReportFiles.csv): the rows of the section named {@code table}, header first; a report
     * of one table is that table alone.
     */
    private static List<List<String>> csvSection(String csv, String table) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = List.of(csv.replace("\uFEFF", "").split("\r\n", -1));
        boolean in = !lines.contains(table);
        for (String line : lines) {
            List<String> cells = List.of(line.split(",", -1));
            if (!in) {
                in = line.equals(table);
            } else if (line.isEmpty()) {
                break;
            } else {
                rows.add(cells);
            }
        }
        assertThat(rows).as("section %s of the CSV", table).isNotEmpty();
        return rows;
    }

    /** The cells of each row of the HTML table under {@code <h2>name</h2>} (ReportFiles.html). */
    private static List<List<String>> htmlTable(String html, String name) {
        int at = html.indexOf("<h2>" + name + "</h2>");
        assertThat(at).as("table %s in the HTML file", name).isPositive();
        String table = html.substring(at, html.indexOf("</table>", at));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>").matcher(tr.group(1));
            while (td.find()) {
                cells.add(td.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> rowStarting(List<List<String>> rows, int column, String value) {
        return rows.stream().filter(r -> r.size() > column && r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + value + " in column " + column + ": " + rows));
    }

    private String download(String url, String type) throws Exception {
        MockHttpServletResponse r = as("test-staff", url);
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        assertThat(r.getContentType()).as(url).startsWith(type);
        assertThat(r.getHeader("Content-Disposition")).as(url).startsWith("attachment");
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachReportAsCsvAndAsAnHtmlFileCarriesTheNumbersOnItsPage() throws Exception {
        // The weekly analysis: the totals the page shows, this period's and the previous one's.
        String page = page("/reports/periodic?asOf=" + DEMO_DAY);
        List<Integer> shown = numbers(page.substring(page.indexOf("id=\"totals\""),
                page.indexOf("</table>", page.indexOf("id=\"totals\""))));
        String csv = download("/reports/periodic.csv?asOf=" + DEMO_DAY, "text/csv");
        String html = download("/reports/periodic.html?asOf=" + DEMO_DAY, "text/html");
        assertThat(page).contains("href=\"/reports/periodic.csv?", "href=\"/reports/periodic.html?");
        for (List<String> all : List.of(rowStarting(csvSection(csv, "总体情况"), 0, "全部"),
                rowStarting(htmlTable(html, "总体情况"), 0, "全部"))) {
            // file: 发现, 上期发现, 销号, 上期销号, 反弹, 上期反弹, 未销号, 上期未销号, 逾期, 上期逾期
            assertThat(List.of(all.get(1), all.get(3), all.get(5), all.get(7), all.get(9), all.get(2), all.get(4),
                    all.get(6), all.get(8), all.get(10))).isEqualTo(shown.stream().map(String::valueOf).toList());
        }
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\"").doesNotContain("<script");

        // Unit accountability: each unit's rank, hazards and overdue hazards.
        UnitAccountability expected = Reports.of(ledger).accountability(DEMO_DAY);
        page = page("/reports/accountability?asOf=" + DEMO_DAY);
        List<List<String>> csvRanks = csvSection(download("/reports/accountability.csv?asOf=" + DEMO_DAY, "text/csv"),
                "单位排名");
        List<List<String>> htmlRanks = htmlTable(download("/reports/accountability.html?asOf=" + DEMO_DAY, "text/html"),
                "单位排名");
        for (UnitAccountability.UnitRecord u : expected.units()) {
            int at = page.indexOf("data-unit=\"" + u.unitId() + "\"", page.indexOf("id=\"ranking\""));
            List<Integer> onPage = numbers(page.substring(at, page.indexOf("</tr>", at)));
            for (List<String> r : List.of(rowStarting(csvRanks, 1, u.unitId()), rowStarting(htmlRanks, 1, u.unitId()))) {
                assertThat(Integer.parseInt(r.get(0))).as(u.unitId()).isEqualTo(onPage.get(0)).isEqualTo(u.rank());
                assertThat(Integer.parseInt(r.get(4))).as(u.unitId()).isEqualTo(u.hazards());
                assertThat(Integer.parseInt(r.get(8))).as(u.unitId()).isEqualTo(u.overdue());
                assertThat(onPage).contains(u.hazards(), u.overdue());
            }
        }

        // The final summary: the page's per-task table is the file's, cell for cell.
        page = page("/reports/summary?asOf=" + DEMO_DAY);
        List<List<String>> pageTasks = htmlTable(page.replaceAll("<h2>重点任务</h2>\\s*<div class=\"scroll\">",
                "<h2>重点任务</h2>"), "重点任务").stream().map(r -> r.stream()
                .map(c -> c.replaceAll("<[^>]+>", "")).toList()).toList();
        List<List<String>> csvTasks = csvSection(download("/reports/summary.csv?asOf=" + DEMO_DAY, "text/csv"), "重点任务");
        List<List<String>> htmlTasks = htmlTable(download("/reports/summary.html?asOf=" + DEMO_DAY, "text/html"), "重点任务");
        assertThat(pageTasks).hasSize(Reports.of(ledger).finalSummary(DEMO_DAY).tasks().size() + 1);
        for (int i = 1; i < pageTasks.size(); i++) {
            List<String> numbersOnPage = pageTasks.get(i).subList(2, pageTasks.get(i).size());
            assertThat(csvTasks.get(i).subList(2, csvTasks.get(i).size())).as("task row %d", i).isEqualTo(numbersOnPage);
            assertThat(htmlTasks.get(i).subList(2, htmlTasks.get(i).size())).as("task row %d", i).isEqualTo(numbersOnPage);
            assertThat(csvTasks.get(i).get(0)).isEqualTo(pageTasks.get(i).get(0));
        }

        // The digest: each unit's overdue and due-soon counts.
        Digest digest = Reports.of(ledger).digest(DEMO_DAY);
        page = page("/reports/digest?asOf=" + DEMO_DAY);
        List<List<String>> csvUnits = csvSection(download("/reports/digest.csv?asOf=" + DEMO_DAY, "text/csv"), "各单位");
        List<List<String>> htmlUnits = htmlTable(download("/reports/digest.html?asOf=" + DEMO_DAY, "text/html"), "各单位");
        for (Digest.UnitDigest u : digest.units()) {
            if (!u.isEmpty()) {
                int at = page.indexOf("<section class=\"panel digest\" data-unit=\"" + u.unitId() + "\"");
                assertThat(page.substring(at, page.indexOf("</h2>", at))).as(u.unitId())
                        .contains("逾期 " + u.overdue().size() + " · 将到期 " + u.dueSoon().size() + " · 已升级 "
                                + u.escalated().size());
            }
            for (List<String> r : List.of(rowStarting(csvUnits, 0, u.unitId()), rowStarting(htmlUnits, 0, u.unitId()))) {
                assertThat(r.subList(2, 5)).as(u.unitId()).containsExactly(String.valueOf(u.dueSoon().size()),
                        String.valueOf(u.overdue().size()), String.valueOf(u.escalated().size()));
            }
        }
    }

    @Test
    void aUnitOfficerGetsTheirOwnUnitsDigestAsPageJsonAndFileAndIsRefusedAnothers() throws Exception {
        String[] units = TestAccounts.officerUnits(ledger);
        Digest expected = Reports.of(ledger).digest(DEMO_DAY);
        Digest.UnitDigest own = expected.unit(units[0]).orElseThrow();
        Digest.UnitDigest other = expected.unit(units[1]).orElseThrow();

        String html = as("test-officer", "/reports/digest?asOf=" + DEMO_DAY).getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-unit=\"" + units[0] + "\"", "逾期 " + own.overdue().size() + " · 将到期 "
                + own.dueSoon().size()).doesNotContain("data-unit=\"" + units[1] + "\"");
        for (Digest.Item i : own.overdue()) {
            assertThat(html).contains(i.hazardId());
        }
        JsonNode json = new ObjectMapper().readTree(as("test-officer", "/api/reports/digest?asOf=" + DEMO_DAY)
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(json.get("units").size()).isEqualTo(1);
        assertThat(json.at("/units/0/unitId").asText()).isEqualTo(units[0]);
        assertThat(json.at("/units/0/overdue").size()).isEqualTo(own.overdue().size());

        for (String url : List.of("/reports/digest?unit=", "/api/reports/digest?unit=", "/reports/digest.xlsx?unit=")) {
            MockHttpServletResponse r = as("test-officer", url + units[1] + "&asOf=" + DEMO_DAY);
            assertThat(r.getStatus()).as(url).isEqualTo(403);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(other.unitName());
        }
        for (String url : List.of("/reports/periodic", "/reports/summary", "/reports/accountability", "/api/reports/periodic")) {
            assertThat(as("test-officer", url + "?asOf=" + DEMO_DAY).getStatus()).as(url).isEqualTo(403);
        }
        // Staff see every unit, or the one they choose.
        String staff = page("/reports/digest?unit=" + units[1] + "&asOf=" + DEMO_DAY);
        assertThat(staff).contains("data-unit=\"" + units[1] + "\"").doesNotContain("<section class=\"panel digest\" data-unit=\""
                + units[0] + "\"");
    }

    @Test
    void theFinalSummaryShowsEachTaskAndWhatIsUnfinished() throws Exception {
        var expected = Reports.of(ledger).finalSummary(DEMO_DAY);

        String html = page("/reports/summary?asOf=" + DEMO_DAY);

        assertThat(html).contains("未完成事项（" + expected.unfinished().size() + " 家单位）");
        for (var t : expected.tasks()) {
            assertThat(html).contains(t.code());
        }
        var first = expected.unfinished().get(0);
        assertThat(html).contains(first.unitName());
    }

    static final Pattern LINKED_INSPECTIONS = Pattern.compile("<a href=\"(/inspections\\?[^\"]*)\">(\\d+)</a>");

    @Test
    void everyInspectionCountOfTheWeeklyAnalysisAndTheSummaryOpensAnInspectionListWithThatManyRows() throws Exception {
        // Given the weekly analysis and the final summary as of the demo day
        int checked = 0;
        int notZero = 0;
        for (String report : List.of("/reports/periodic?asOf=" + DEMO_DAY, "/reports/summary?asOf=" + DEMO_DAY)) {
            String html = page(report);
            Matcher m = LINKED_INSPECTIONS.matcher(html);
            while (m.find()) {
                // When a count of inspections is clicked
                String url = m.group(1).replace("&amp;", "&");
                int n = Integer.parseInt(m.group(2));
                // Then the list says that many and holds that many rows, page after page
                assertThat(page(url)).as("%s: %s", report, url).contains("<span id=\"inspection-count\">共 " + n + " 次检查</span>");
                assertThat(io.firerisk.server.inspections.InspectionListTest.rows(mvc, accounts, "test-staff", url))
                        .as("%s: %s", report, url).hasSize(n);
                checked++;
                notZero += n > 0 ? 1 : 0;
            }
        }
        int kinds = io.firerisk.ledger.InspectionKind.values().length;
        var s = Reports.of(ledger).finalSummary(DEMO_DAY);
        // the weekly analysis: this week's and last week's count of each kind; the summary: each kind, each task that
        // counts inspections, each stretch of the calendar begun by the day
        long tasks = s.tasks().stream().filter(t -> !t.inspectionKinds().isEmpty()).count();
        long begun = s.calendar().stream().filter(c -> !c.entry().from().isAfter(DEMO_DAY)).count();
        assertThat(checked).isEqualTo(2 * kinds + kinds + tasks + begun);
        assertThat(notZero).isGreaterThan(5);
    }

    @Test
    void theSummarysMajorHazardTableNamesTheResponsibleUnitsNotTheirIds() throws Exception {
        // Given the venues with a major hazard open on the demo day, and their units' names
        var s = Reports.of(ledger).finalSummary(DEMO_DAY);
        assertThat(s.majorHazards()).isNotEmpty();

        // When the summary page is shown
        String html = page("/reports/summary?asOf=" + DEMO_DAY);
        int start = html.indexOf("<h2>重大火灾隐患</h2>");
        String table = html.substring(start, html.indexOf("</table>", start));

        // Then each row's 责任单位 is the unit's name, the id nowhere in the table
        for (var m : s.majorHazards()) {
            var unit = ledger.directory().units().get(m.unitId());
            assertThat(m.unitName()).isEqualTo(unit.name());
            assertThat(table).contains(">" + unit.name() + "</td>").doesNotContain(">" + m.unitId() + "</td>");
        }
    }

    @Test
    void eachUnitsRepeatedHazardsInTheAccountabilityRankingOpenAHazardListThatLong() throws Exception {
        // Given the hostile venue's gas alarm found missing a second time, ten days after the first (the demo's 回头看
        // reopens a hazard rather than finding it anew, so it has no repeated hazard of its own)
        HostileVenue.ensure(ledger);
        if (ledger.hazard(HostileVenue.ID + "/F2", DEMO_DAY).isEmpty()) {
            var d = ledger.directory();
            String inspector = d.people().values().stream().filter(p -> p.roles().contains(io.firerisk.ledger.Role.INSPECTOR))
                    .min(java.util.Comparator.comparing(io.firerisk.ledger.Directory.Person::personId)).orElseThrow().personId();
            java.time.Instant at = java.time.Instant.parse("2024-01-20T02:00:00Z");
            ledger.record(List.of(
                    io.firerisk.ledger.Entry.of("repeat-inspection", inspector, at, new io.firerisk.ledger.Event.InspectionRecorded(
                            "HOSTILE-I-2", HostileVenue.ID, io.firerisk.ledger.InspectionKind.SPOT_CHECK,
                            LocalDate.of(2024, 1, 20), List.of(inspector), "")),
                    io.firerisk.ledger.Entry.of("repeat-hazard", inspector, at, new io.firerisk.ledger.Event.HazardFound(
                            HostileVenue.ID, "HOSTILE-I-2", io.firerisk.Finding.builder(HostileVenue.ID + "/F2",
                                    "GAS_ALARM_NOT_INSTALLED").location("后厨").build(), false, null, List.of()))));
        }
        // and the ranking as of the demo day
        UnitAccountability expected = Reports.of(ledger).accountability(DEMO_DAY);
        assertThat(expected.units()).anyMatch(u -> u.repeated() >= 2);

        String html = page("/reports/accountability?asOf=" + DEMO_DAY);

        // When each unit's 重复隐患 is clicked, then the list (that unit's repeated hazards) says that many
        for (UnitAccountability.UnitRecord u : expected.units()) {
            int at = html.indexOf("data-unit=\"" + u.unitId() + "\"", html.indexOf("id=\"ranking\""));
            String row = html.substring(at, html.indexOf("</tr>", at));
            Matcher m = Pattern.compile("<a href=\"(/hazards\\?[^\"]*repeated=true[^\"]*)\">(\\d+)</a>").matcher(row);
            assertThat(m.find()).as(u.unitId()).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as(u.unitId()).isEqualTo(u.repeated());
            String url = m.group(1).replace("&amp;", "&");
            assertThat(page(url)).as(url).contains("<span id=\"hazard-count\">共 " + u.repeated() + " 条</span>",
                    "id=\"repeated-filter\"");
        }
    }

    @Test
    void everyReportTablesHeadersAreAlignedAsTheirFigures() throws Exception {
        // Given each report page of the demo day, the weekly analysis's 合计 (totals) table first among them
        List<String> checked = new ArrayList<>();
        for (String report : List.of("periodic", "summary", "accountability", "digest")) {
            String html = page("/reports/" + report + "?asOf=" + DEMO_DAY);
            // When each table's header row is set against its first row of figures
            // Then each header cell has its column's alignment: right (class n) over figures, none over text
            checked.addAll(TableAlignment.assertHeadersAlignedAsTheirFigures(report, html));
        }
        assertThat(checked).hasSizeGreaterThan(4).anyMatch(t -> t.contains("id=\"totals\"")).anyMatch(t -> t.startsWith("summary"))
                .anyMatch(t -> t.contains("id=\"ranking\"")).anyMatch(t -> t.startsWith("digest"));
        assertThat(page("/css/desk.css")).contains("th.n, td.n { text-align: right;");
    }
}
