package io.firerisk.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.Ledger;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every browser test of the desk starts from: the desk on its random port, the {@link TestAccounts}, the
 * screenshot folder {@code target/screenshots/}, and a {@link #browser} the test starts with {@link Browser#start}
 * (at the window size it needs; in CI a missing Chromium fails it, never skips it) and this class quits after it.
 * The helpers sign in through the login form, take screenshots, read what the browser reported and fetch the
 * desk's JSON as the signed-in user. Each test class still wears {@code @DeskTest}.
 */
abstract class DeskInBrowser {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    DeskAccounts accounts;
    @Autowired
    Ledger ledger;

    ChromeDriver browser;

    @BeforeEach
    final void accountsAndScreenshotFolder() throws Exception {
        TestAccounts.ensure(accounts, ledger);
        Files.createDirectories(SHOTS);
    }

    /** Quits the browser (once: a test class's own {@code @AfterEach} may call it first, then clean up). */
    @AfterEach
    final void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form with the test accounts' password; waits for the dashboard. */
    void logIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> d.findElements(By.id("total-hazards")).size() == 1);
    }

    void shot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the browser reported: a blocked script or style (CSP) or a script error is a failure. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                    && !e.getMessage().contains("favicon.ico")) {
                out.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return out;
    }

    /** The desk's JSON at the path, fetched by the page as the signed-in user. */
    JsonNode api(String path) throws Exception {
        Object text = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);", path);
        return new ObjectMapper().readTree((String) text);
    }

    /** The values of one series of the ECharts chart drawn in the element with the id. */
    @SuppressWarnings("unchecked")
    List<Long> seriesValues(String id, int series) {
        Object v = ((JavascriptExecutor) browser).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c.getOption().series[arguments[1]].data.map(function (d) { return d.value; });", id,
                series);
        return ((List<Number>) v).stream().map(Number::longValue).toList();
    }
}
