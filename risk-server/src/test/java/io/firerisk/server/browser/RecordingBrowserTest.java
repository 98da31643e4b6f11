package io.firerisk.server.browser;

import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in a real browser (headless Chromium), on a desktop's width and on a phone's (375
 * px): the unit's officer logs in, records an inspection with a finding (a second finding row added
 * with htmx and left empty), sets its 五落实 plan and reports it rectified with a photo; a reviewer, a
 * second person, re-inspects and closes it; the officer's dashboard counts it as found and then as
 * closed. Recorded today (the desk's pages opened with today's as-of date), so the demo's 2024 pages
 * are untouched. Screenshots go to {@code target/screenshots/}.
 */
@DeskTest
class RecordingBrowserTest extends DeskInBrowser {

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void anOfficerRecordsAFindingPlansAndRectifiesItWithAPhotoAndAReviewerClosesItAndTheDashboardCountsIt(int width)
            throws Exception {
        String today = ledger.today().toString();
        String unit = TestAccounts.officerUnits(ledger)[0];
        String venue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5)).units(unit).build()).items()
                .get(0).venueId();
        VenueView v = ledger.venue(venue, ledger.today()).orElseThrow();
        HazardType type = ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(v.venue().kind()))
                .filter(t -> t.measure().isEmpty() && !t.correctableOnSpot()).sorted(java.util.Comparator.comparing(HazardType::code))
                .findFirst().orElseThrow();
        String location = "浏览器测试配电间-" + width;
        Path photo = SHOTS.resolve("evidence-" + width + ".jpg").toAbsolutePath();
        byte[] jpeg = new byte[4_096];
        Arrays.fill(jpeg, (byte) 0x33);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        Files.write(photo, jpeg);

        browser = Browser.start(width, 1400);
        // Given the officer's dashboard as of today
        logIn("test-officer");
        long[] before = counts(today);

        // When they record an inspection with one finding (a second row added, left empty)
        browser.get(url("/venues/" + venue + "?asOf=" + today));
        browser.findElement(By.id("record-inspection-link")).click();
        waitFor(By.id("inspection-form"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("SELF_INSPECTION");
        // (choosing a hazard judged by a ratio, the line under the fields says what the ratio is; then theirs)
        new Select(browser.findElement(By.id("finding-0-code"))).selectByValue("FIRE_COMPARTMENT_OVERSIZED");
        assertThat(browser.findElement(By.id("finding-0-measure")).getText()).startsWith("所选隐患按比例判定：比例 = ")
                .contains(ledger.campaign().hazard("FIRE_COMPARTMENT_OVERSIZED").orElseThrow().measureMeaning()
                        .orElseThrow().zh());
        new Select(browser.findElement(By.id("finding-0-code"))).selectByValue(type.code());
        assertThat(browser.findElement(By.id("finding-0-measure")).getText()).isEqualTo("所选隐患不按比例或数量判定：比例、数量留空。");
        browser.findElement(By.id("finding-0-location")).sendKeys(location);
        // (the 2023-24 campaign has ended: it sets no deadline today, so the inspector gives one)
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.name("findings[0].deadline")), ledger.today().plusDays(10).toString());
        browser.findElement(By.id("add-finding")).click();
        waitFor(By.id("finding-1"));
        fitsTheScreen(width, "the inspection form");
        shot("inspection-" + width + ".png");
        browser.findElement(By.id("record-inspection")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/venues/" + venue + "?"));
        } catch (org.openqa.selenium.TimeoutException e) {
            Files.writeString(SHOTS.resolve("inspection-failed-" + width + ".html"), browser.getPageSource());
            throw e;
        }
        HazardView h = ledger.hazards(HazardQuery.builder().units(unit).build()).items().stream()
                .map(r -> ledger.hazard(r.hazardId()).orElseThrow()).filter(x -> location.equals(x.location()))
                .findFirst().orElseGet(() -> found(venue, location));
        assertThat(h.state()).isEqualTo(HazardState.OPEN);
        // Then their dashboard counts one more hazard, open
        long[] found = counts(today);
        assertThat(found[0]).isEqualTo(before[0] + 1);
        assertThat(found[1]).isEqualTo(before[1] + 1);

        // The 五落实 plan, from the hazard's page
        browser.get(url("/hazard?id=" + java.net.URLEncoder.encode(h.hazardId(), java.nio.charset.StandardCharsets.UTF_8)
                + "&asOf=" + today));
        assertThat(browser.findElement(By.id("hazard-state")).getText()).isEqualTo("待整改");
        browser.findElement(By.id("plan-responsible")).sendKeys("王经理");
        browser.findElement(By.id("plan-measures")).sendKeys("更换老化线路并穿管保护");
        browser.findElement(By.id("plan-funds")).sendKeys("3000元");
        browser.findElement(By.id("plan-contingency")).sendKeys("整改期间专人值守");
        browser.findElement(By.id("plan-submit")).click();
        waitForText(By.id("hazard-state"), "整改中");
        assertThat(browser.findElement(By.id("hazard-plan")).getText()).contains("王经理").contains("3000元");

        // The rectification with a photo (the phone's camera on a phone: capture="environment")
        WebElement file = browser.findElement(By.id("rectification-photos"));
        assertThat(file.getAttribute("accept")).isEqualTo("image/*");
        assertThat(file.getAttribute("capture")).isEqualTo("environment");
        browser.findElement(By.id("rectification-note")).sendKeys("线路已更换");
        file.sendKeys(photo.toString());
        fitsTheScreen(width, "the hazard's page");
        browser.findElement(By.id("rectification-submit")).click();
        waitForText(By.id("hazard-state"), "待复查");
        assertThat(browser.findElements(By.cssSelector("#hazard-evidence a[href^='/attachments/']"))).hasSize(1);
        shot("hazard-" + width + ".png");
        logOut();

        // A reviewer, a second person, re-inspects and closes it
        logIn("test-reviewer");
        browser.get(url("/hazard?id=" + java.net.URLEncoder.encode(h.hazardId(), java.nio.charset.StandardCharsets.UTF_8)
                + "&asOf=" + today));
        browser.findElement(By.id("outcome-closed")).click();
        browser.findElement(By.id("reinspection-note")).sendKeys("复查合格");
        browser.findElement(By.id("reinspection-submit")).click();
        waitForText(By.id("hazard-state"), "已销号");
        assertThat(ledger.hazard(h.hazardId()).orElseThrow().state()).isEqualTo(HazardState.CLOSED);
        logOut();

        // The officer's dashboard: the same hazards, one fewer open, one more closed than after finding it
        logIn("test-officer");
        long[] closed = counts(today);
        assertThat(closed[0]).isEqualTo(found[0]);
        assertThat(closed[1]).isEqualTo(found[1] - 1);
        assertThat(closed[2]).isEqualTo(found[2] + 1);
        shot("dashboard-after-" + width + ".png");
        assertThat(problems()).isEmpty();
    }

    private HazardView found(String venue, String location) {
        return ledger.venue(venue, ledger.today()).orElseThrow().hazards().stream()
                .filter(x -> location.equals(x.location())).findFirst().orElseThrow();
    }

    /** The dashboard's hazards, open and closed as of the date, as the page shows them. */
    private long[] counts(String asOf) {
        browser.get(url("/?asOf=" + asOf));
        return new long[] {number("total-hazards"), number("total-open"), number("total-closed")};
    }

    private long number(String id) {
        return Long.parseLong(browser.findElement(By.cssSelector("#" + id + " strong")).getText().replace(",", ""));
    }

    private void fitsTheScreen(int width, String what) {
        Number scroll = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        assertThat(scroll.intValue()).as(what + " is no wider than the screen").isLessThanOrEqualTo(width);
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
    }

    private void waitFor(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(by).isEmpty());
    }

    private void waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(by).isEmpty()
                && d.findElement(by).getText().equals(text));
    }

}
