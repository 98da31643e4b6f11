package io.firerisk.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.firerisk.server.DeskTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, clicked through in headless Chromium from the demo campaign: 报告 → the weekly report
 * (its chart drawn with the numbers {@code /api/reports/periodic} gives) → the final summary → unit
 * accountability → the hazard list → its Excel download (as many rows as the list counts) → a hazard's venue →
 * its notice. Each report, the Excel export and the notice are two clicks from the page before. Screenshots go
 * to {@code target/screenshots/walkthrough-*.png} (the README shows copies under docs/screenshots/).
 */
@DeskTest
class ReportWalkthroughBrowserTest extends DeskInBrowser {

    Path downloads;

    @BeforeEach
    void downloadFolder() throws Exception {
        downloads = Files.createTempDirectory("firerisk-walkthrough-");
    }

    @AfterEach
    void deleteDownloads() throws Exception {
        quitBrowser(); // first, so that nothing is still being written into the folder
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(downloads);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    private void click(By by) {
        waiting().until(d -> !d.findElements(by).isEmpty());
        browser.findElement(by).click();
    }

    @Test
    void eachReportTheExcelLedgerAndANoticeAreTwoClicksAwayInTheDemoCampaign() throws Exception {
        browser = Browser.start(1280, 900);
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString(), "eventsEnabled", true));
        logIn("test-staff");

        // 报告 → 定期分析研判: the week to the desk's date, its chart drawn with the API's numbers
        click(By.id("nav-reports"));
        shot("walkthrough-0-reports.png");
        click(By.id("report-periodic"));
        waiting().until(d -> "true".equals(d.findElement(By.id("chart-periodic-street")).getAttribute("data-rendered"))
                && "true".equals(d.findElement(By.id("chart-periodic-category")).getAttribute("data-rendered")));
        assertThat(browser.findElement(By.id("period")).getText()).contains("2024-01-30 至 2024-02-05");
        JsonNode weekly = api("/api/reports/periodic?asOf=2024-02-05");
        String[][] series = {{"current", "found"}, {"previous", "found"}, {"current", "closed"}, {"previous", "closed"}};
        for (int by = 0; by < 2; by++) {
            String chart = by == 0 ? "chart-periodic-street" : "chart-periodic-category";
            JsonNode lines = weekly.get("breakdowns").get(by == 0 ? 0 : 2).get("lines");
            for (int i = 0; i < series.length; i++) {
                List<Long> expected = new ArrayList<>();
                for (JsonNode l : lines) {
                    expected.add(l.get(series[i][0]).get(series[i][1]).asLong());
                }
                assertThat(seriesValues(chart, i)).as("%s %s %s", chart, series[i][0], series[i][1]).isEqualTo(expected);
            }
        }
        List<WebElement> totals = browser.findElements(By.cssSelector("#totals tbody tr:first-child td"));
        JsonNode now = weekly.at("/totals/current");
        assertThat(totals).extracting(WebElement::getText).containsExactly(now.get("found").asText(),
                now.get("closed").asText(), now.get("reopened").asText(), now.get("openAtEnd").asText(),
                now.get("overdueAtEnd").asText());
        assertThat(browser.findElements(By.cssSelector("#totals td a"))).hasSize(10);
        shot("walkthrough-1-weekly.png");

        // 报告 → 工作总结: each task of the plan with its figures, each figure a link
        click(By.id("nav-reports"));
        click(By.id("report-summary"));
        waiting().until(d -> !d.findElements(By.xpath("//h2[text()='重点任务']")).isEmpty());
        WebElement tasks = browser.findElement(By.xpath("//h2[text()='重点任务']/following-sibling::div[1]//table"));
        int taskRows = tasks.findElements(By.cssSelector("tbody tr")).size();
        assertThat(taskRows).isEqualTo(ledger.policy().reports().tasks().size());
        // five hazard figures a task, and its 相关检查 where the task counts inspections of some kind
        long countingInspections = io.firerisk.ledger.report.Reports.of(ledger)
                .finalSummary(java.time.LocalDate.of(2024, 2, 5)).tasks().stream()
                .filter(t -> !t.inspectionKinds().isEmpty()).count();
        assertThat(tasks.findElements(By.cssSelector("tbody td a"))).hasSize(5 * taskRows + (int) countingInspections);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.xpath("//h2[text()='总体情况']")));
        shot("walkthrough-2-summary.png");

        // 报告 → 单位督导问效: the ranking
        click(By.id("nav-reports"));
        click(By.id("report-accountability"));
        waiting().until(d -> !d.findElements(By.id("ranking")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).isNotEmpty();
        shot("walkthrough-3-accountability.png");

        // 隐患台账 → 导出 Excel: the workbook holds as many hazards as the list counts
        click(By.cssSelector("header nav a[href^='/hazards']"));
        waiting().until(d -> !d.findElements(By.id("hazard-count")).isEmpty());
        Matcher count = Pattern.compile("共 (\\d+) 条").matcher(browser.findElement(By.id("hazard-count")).getText());
        assertThat(count.find()).isTrue();
        shot("walkthrough-4-hazards.png");
        click(By.id("export-xlsx"));
        Path workbook = waiting().until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("隐患台账");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).as("rows below the header").isEqualTo(Integer.parseInt(count.group(1)));
        }

        // the venue of a hazard still to be rectified (overdue, not verified awaiting 销号) → 整改通知书; a venue
        // with nothing left to rectify offers no notice
        By stillToRectify = By.xpath("//table/tbody/tr[td[10][normalize-space(.)!='—'] and not(td[6][contains(., '销号')])]"
                + "/td[2]/a");
        waiting().until(d -> !d.findElements(stillToRectify).isEmpty());
        String venueName = browser.findElement(stillToRectify).getText();
        click(stillToRectify);
        click(By.id("notice-venue"));
        waiting().until(d -> d.findElements(By.tagName("h1")).size() == 1
                && !d.findElements(By.cssSelector("p.closing")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("火灾隐患整改通知书");
        assertThat(browser.findElement(By.cssSelector(".to")).getText()).contains(venueName);
        String closing = browser.findElement(By.cssSelector("p.closing")).getText();
        assertThat(closing).startsWith("依据：万州城管发〔2023〕114号 二(一)");
        assertThat(closing.split("万州城管发〔2023〕114号", -1)).hasSize(2);
        shot("walkthrough-5-notice.png");
        assertThat(problems()).isEmpty();
    }
}
