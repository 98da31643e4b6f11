package io.firerisk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the HTML report in headless Chromium (Debian package {@code chromium}; {@code .ci/run}
 * installs it) and checks that the page renders, its script runs without errors, and the counts it
 * shows are those of the run. In CI a missing Chromium fails the test ({@link Chromium#required()}).
 */
class HtmlReportBrowserTest {

    private static final Pattern COUNT = Pattern.compile("data-count=\"([a-zA-Z-]+)\">(\\d+)<");

    @TempDir
    Path dir;

    @Test
    void theReportOfTheSampleRendersInChromiumWithoutScriptErrorsAndShowsTheRunsCounts() throws Exception {
        Path browser = Chromium.required();

        // Given the report of the bundled sample, and the same run as CSV to count from
        Path report = dir.resolve("report.html");
        Cli.Run run = Cli.run("assess", "-f", "html", "-o", report.toString(), "--rejects", dir.resolve("r.csv").toString());
        assertThat(run.exit()).isZero();
        Path csv = dir.resolve("run.csv");
        Cli.run("assess", "-f", "csv", "-o", csv.toString(), "--rejects", dir.resolve("r.csv").toString());
        List<Map<String, String>> rows = Csv.read(csv);

        // When Chromium loads it and runs its script
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString())
                .redirectError(log.toFile()).redirectOutput(dir.resolve("dom.html").toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("chromium finished within two minutes").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        String console = Files.readString(log);

        // Then the script ran to its end, and nothing went wrong on the way
        assertThat(dom).as("rendered DOM").contains("data-ready=\"yes\"").doesNotContain("data-script-error=\"");
        assertThat(console).as("browser console").doesNotContain("Uncaught").doesNotContain("Content Security Policy");
        // and the page shows the run's counts
        Map<String, Long> shown = new java.util.HashMap<>();
        Matcher m = COUNT.matcher(dom);
        while (m.find()) {
            shown.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertThat(shown.get("assessed")).isEqualTo(200L).isEqualTo(rows.size());
        for (String grade : List.of("RED", "ORANGE", "YELLOW", "BLUE")) {
            assertThat(shown.get("grade-" + grade)).as(grade)
                    .isEqualTo(rows.stream().filter(r -> r.get("grade").equals(grade)).count());
        }
        assertThat(shown.get("suspensions")).isEqualTo(rows.stream().filter(r -> r.get("suspend").equals("Y")).count());
        assertThat(shown.get("suspected-major"))
                .isEqualTo(rows.stream().filter(r -> r.get("verdict").equals("SUSPECTED_MAJOR")).count())
                .isEqualTo(shown.get("suspected-list"));
        assertThat(shown.get("rejected")).isZero();
        assertThat(dom).contains("<svg id=\"chart-street\"").contains("<svg id=\"calendar-chart\"");
    }

    @Test
    void theActionFilterRunsInTheBrowser() throws IOException, InterruptedException {
        Path browser = Chromium.required();
        // Given the report with a filter already filled in, as a browser restores it when a reader comes back
        Path report = dir.resolve("report.html");
        Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "html", "-o", report.toString(),
                "--rejects", dir.resolve("r.csv").toString());
        String html = Files.readString(report).replace("data-filter=\"action-table\" placeholder",
                "data-filter=\"action-table\" value=\"WZ-0002\" placeholder");
        Files.writeString(report, html);

        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000", "--dump-dom",
                report.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(dir.resolve("dom.html").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));

        // Then only the rows of that venue are shown
        assertThat(dom).contains("data-ready=\"yes\"").contains("data-shown-for=\"action-table\">6<");
    }
}
