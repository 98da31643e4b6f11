package io.firerisk.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.firerisk.RiskGrade;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.server.DeskTest;
import io.firerisk.server.HostileVenue;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.venues.VenueService;
import io.firerisk.server.venues.WhatIf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk in a real browser (headless Chromium): logging in through the form, the dashboard's charts
 * drawn with the numbers {@code /api/dashboard} gives, the venue page, a phone's width (375 px), and
 * no script blocked or failing. Screenshots go to {@code target/screenshots/}.
 */
@DeskTest
class DeskBrowserTest extends DeskInBrowser {

    @Autowired
    VenueService venues;

    @SuppressWarnings("unchecked")
    private List<Long> chartValues(String id) {
        Object v = ((JavascriptExecutor) browser).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c.getOption().series[0].data.map(function (d) { return d.value; });", id);
        return ((List<Number>) v).stream().map(Number::longValue).toList();
    }

    @Test
    void theDashboardsChartsShowTheNumbersTheApiGives() throws Exception {
        browser = Browser.start(1280, 1600);
        logIn("test-staff");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                "true".equals(d.findElement(By.id("chart-state")).getAttribute("data-rendered"))
                        && "true".equals(d.findElement(By.id("chart-grade")).getAttribute("data-rendered"))
                        && "true".equals(d.findElement(By.id("chart-trend")).getAttribute("data-rendered")));
        JsonNode d = api("/api/dashboard?asOf=2024-02-05");
        List<Long> states = new ArrayList<>();
        d.get("byState").forEach(b -> states.add(b.get("count").asLong()));
        assertThat(chartValues("chart-state")).isEqualTo(states);
        List<Long> grades = new ArrayList<>();
        d.get("byGrade").forEach(b -> {
            if (!b.get("key").asText().equals("NONE") || b.get("count").asLong() > 0) {
                grades.add(b.get("count").asLong());
            }
        });
        assertThat(chartValues("chart-grade")).isEqualTo(grades);
        assertThat(browser.findElement(By.cssSelector("#total-hazards strong")).getText())
                .isEqualTo(d.at("/totals/hazards").asText());
        // The charts draw on a canvas that is not blank
        assertThat(browser.findElements(By.cssSelector("#chart-state canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#street-map rect"))).hasSize(d.get("byStreet").size()
                - (int) java.util.stream.StreamSupport.stream(d.get("byStreet").spliterator(), false)
                .filter(a -> a.get("key").asText().isEmpty()).count());
        shot("dashboard.png");
        assertThat(problems()).isEmpty();
    }

    @Test
    void theWeeklyReportTwoClicksFromTheDashboardChartsTheNumbersItsJsonGives() throws Exception {
        browser = Browser.start(1280, 2400);
        logIn("test-staff");
        browser.findElement(By.id("nav-reports")).click();
        browser.findElement(By.id("report-periodic")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                "true".equals(d.findElement(By.id("chart-periodic-street")).getAttribute("data-rendered"))
                        && "true".equals(d.findElement(By.id("chart-periodic-category")).getAttribute("data-rendered")));
        assertThat(browser.findElement(By.id("period")).getText()).contains("2024-01-30 至 2024-02-05");
        JsonNode d = api("/api/reports/periodic?asOf=2024-02-05");
        assertThat(d.get("from").asText()).isEqualTo("2024-01-30");
        JsonNode streets = d.get("breakdowns").get(0);
        String[][] fields = {{"current", "found"}, {"previous", "found"}, {"current", "closed"}, {"previous", "closed"}};
        for (int i = 0; i < fields.length; i++) {
            List<Long> expected = new ArrayList<>();
            for (JsonNode l : streets.get("lines")) {
                expected.add(l.get(fields[i][0]).get(fields[i][1]).asLong());
            }
            assertThat(seriesValues("chart-periodic-street", i)).as("series %s %s", fields[i][0], fields[i][1])
                    .isEqualTo(expected);
        }
        assertThat(browser.findElement(By.cssSelector("#totals tbody tr td a")).getText())
                .isEqualTo(d.at("/totals/current/found").asText());
        shot("weekly-report.png");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aVenuesNoticeOpensFromItsPageAsAnA4Page() throws Exception {
        browser = Browser.start(900, 1300);
        logIn("test-staff");
        String venue = ledger.hazards(io.firerisk.ledger.HazardQuery.builder().asOf(java.time.LocalDate.of(2024, 2, 5))
                .overdue(true).build()).items().get(0).venueId();
        browser.get(url("/venues/" + venue + "?asOf=2024-02-05"));
        browser.findElement(By.id("notice-venue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.tagName("h1")).size() == 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("火灾隐患整改通知书");
        assertThat(browser.findElement(By.cssSelector(".to")).getText())
                .contains(ledger.venue(venue, java.time.LocalDate.of(2024, 2, 5)).orElseThrow().venue().name());
        assertThat(browser.findElement(By.cssSelector("nav.desk a[href^='/notice.pdf']")).getText()).isEqualTo("下载 PDF");
        // and it is styled as its A4 page (the style sheet is served as a file: no inline style under the desk's CSP)
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("text-align")).isEqualTo("center");
        shot("notice.png");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aClickOnABarOpensTheListItCounts() {
        browser = Browser.start(1280, 1600);
        logIn("test-staff");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                "true".equals(d.findElement(By.id("chart-state")).getAttribute("data-rendered")));
        browser.findElement(By.id("total-overdue")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/hazards"));
        long overdue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5)).overdue(true).build()).total();
        assertThat(browser.findElement(By.id("hazard-count")).getText()).isEqualTo("共 " + overdue + " 条");
    }

    @Test
    void onAPhonesWidthTheVenuePageAndTheListFitTheScreen() throws Exception {
        browser = Browser.start(375, 812);
        logIn("test-officer");
        String venue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5))
                .units(TestAccounts.officerUnits(ledger)[0]).build()).items().stream().map(HazardRow::venueId)
                .findFirst().orElseThrow();
        for (String[] page : new String[][] {{"/venues/" + venue + "?asOf=2024-02-05", "venue-375.png"},
                {"/hazards?asOf=2024-02-05", "hazards-375.png"}, {"/?asOf=2024-02-05", "dashboard-375.png"}}) {
            browser.get(url(page[0]));
            Number inner = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
            Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;");
            assertThat(inner.intValue()).isEqualTo(375);
            assertThat(scroll.intValue()).as(page[0] + " is no wider than the screen").isLessThanOrEqualTo(375);
            shot(page[1]);
            if (page[0].startsWith("/venues/")) {
                assertThat(browser.findElement(By.id("venue-grade")).getText()).isNotBlank();
            }
        }
        assertThat(problems()).isEmpty();
    }

    @Test
    void aHostileVenueNameIsShownAsTextAndRunsNothing() throws Exception {
        HostileVenue.ensure(ledger);
        browser = Browser.start(1280, 1200);
        logIn("test-staff");
        browser.get(url("/venues/" + HostileVenue.ID + "?asOf=2024-02-05"));
        // An alert would have opened: the next command would fail with an unhandled alert
        assertThat(browser.findElement(By.id("venue-name")).getText()).startsWith(HostileVenue.NAME);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        shot("venue-hostile.png");
        assertThat(problems()).isEmpty();
    }

    @Test
    void theVenuePageShowsTheAssessmentAndWhatWouldLowerIt() throws Exception {
        String red = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5)).grades(RiskGrade.RED)
                .overdue(true).build()).items().get(0).venueId();
        browser = Browser.start(1280, 1600);
        logIn("test-staff");
        browser.get(url("/venues/" + red + "?asOf=2024-02-05"));
        assertThat(browser.findElement(By.id("venue-grade")).getText()).isEqualTo("重大风险");
        assertThat(browser.findElement(By.id("timeline")).findElements(By.tagName("li"))).isNotEmpty();
        // 如何降低风险等级 is worked out when opened (htmx): opening it shows the engine's answer
        assertThat(browser.findElements(By.id("what-if"))).isEmpty();
        browser.findElement(By.cssSelector("#what-if-section summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("what-if")).isEmpty());
        WhatIf w = venues.whatIf(ledger.venue(red, LocalDate.of(2024, 2, 5)).orElseThrow(), Locale.SIMPLIFIED_CHINESE);
        String shown = browser.findElement(By.id("what-if")).getText();
        if (w.lowering().isEmpty() && w.ifAllRectified() == w.current()) {
            assertThat(shown).isEqualTo("整改现有未销号隐患不会降低该场所的风险等级。");
        } else {
            assertThat(shown).contains("全部未销号隐患整改并复查通过后，等级为：" + w.ifAllRectified().label().zh());
            assertThat(browser.findElements(By.cssSelector("#what-if li"))).hasSize(w.lowering().size() + 1);
            w.lowering().forEach(l -> assertThat(shown).contains("整改并复查通过 " + l.hazardId() + "（"));
        }
        shot("venue.png");
        assertThat(problems()).isEmpty();
    }

}
