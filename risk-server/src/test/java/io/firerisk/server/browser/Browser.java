package io.firerisk.server.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Debian's chromedriver ({@code /usr/bin/chromedriver}), through
 * Selenium: nothing is downloaded. In CI ({@code CI=true}, which {@code .ci/run} sets and where it
 * installs {@code chromium} and {@code chromium-driver}) a missing browser fails the test; on a
 * developer's machine without it the test is skipped, saying how to install it.
 */
final class Browser {
    private Browser() {}

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** A headless browser at the given window size; the caller quits it. */
    static ChromeDriver start(int width, int height) {
        for (Path p : new Path[] {CHROMIUM, DRIVER}) {
            if (!Files.isExecutable(p)) {
                String message = p + " is missing: install Debian's chromium and chromium-driver packages (.ci/run does)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(message + " (CI=true: a browser test never skips in CI)");
                }
                Assumptions.abort(message);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--lang=zh-CN",
                "--force-device-scale-factor=1");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // The viewport exactly as asked, whatever the smallest window the browser allows: a phone at 375 px.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 500));
        return driver;
    }
}
