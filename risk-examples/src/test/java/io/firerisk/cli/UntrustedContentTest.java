package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input files are untrusted: whatever a venue's id, name, street or a finding's location holds
 * (markup, script, quotes, ampersands, control characters, direction overrides, very long text,
 * spreadsheet formulas) is shown as text in every output. The HTML report gains no element or
 * attribute from it, and with its Content-Security-Policy removed no injected script runs in
 * Chromium; the terminal gets no escape sequence; CSV cells cannot run as formulas; JSON Lines
 * carry the values exactly.
 */
class UntrustedContentTest {

    /** Each payload, if it ever ran, would mark the page's body. */
    static final String SCRIPT = "<script>document.body.setAttribute('data-pwned','script')</script>";
    static final String IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">";
    static final String BREAKOUT = "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">";
    static final String CLOSE = "</td></tr></table></section><iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','iframe')</script>\">";
    static final String CONTROL = "\u0000\u0007\u001b[2J\u001b]0;title\u0007\u0008\r";
    static final String BIDI = "\u202Egnp.exe\u202C \u2066x\u2069 \u200F";
    static final String AMP = "A & B \"quoted\" 'single' &amp; &lt;";

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Venues whose every shown value is hostile; the findings make them suspended, with actions, so every list shows them. */
    Path hostileVenues() throws IOException {
        String[][] venues = {
                {"X<script>&'\"1", SCRIPT + CONTROL, IMG, CLOSE},
                {"X2\"><b>", IMG + BIDI + "长".repeat(1_500), BREAKOUT + AMP, SCRIPT + BIDI},
                {"=HYPERLINK(\"http://evil\")", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3" + CONTROL},
                {"@SUM(1)", "\t=1+1", " =1+1", "@" + AMP},
                {"<b>" + "i".repeat(io.firerisk.Venue.MAX_ID_LENGTH - 3), "长".repeat(io.firerisk.Venue.MAX_TEXT_LENGTH),
                        "街".repeat(io.firerisk.Venue.MAX_TEXT_LENGTH), CLOSE.repeat(io.firerisk.Venue.MAX_TEXT_LENGTH / CLOSE.length())},
        };
        StringBuilder lines = new StringBuilder();
        for (String[] v : venues) {
            ObjectNode venue = JSON.createObjectNode().put("id", v[0]).put("name", v[1]).put("kind", "ENTERTAINMENT")
                    .put("street", v[2]).put("occupants", 400).put("date", "2024-02-12");
            venue.putArray("findings").addObject().put("id", "F1").put("code", "EXIT_LOCKED_OR_BLOCKED")
                    .put("location", v[3]);
            lines.append(venue).append('\n');
        }
        Path input = dir.resolve("hostile.jsonl");
        Files.writeString(input, lines.toString(), StandardCharsets.UTF_8);
        return input;
    }

    Cli.Run assess(Path input, String format, Path out) {
        return Cli.run("assess", input.toString(), "-f", format, "-o", out.toString(), "--rejects",
                dir.resolve("rejects.csv").toString(), "--no-progress");
    }

    @Test
    void theHtmlReportShowsHostileValuesAsTextAndGainsNoElementOrAttributeFromThem() throws IOException {
        // Given the report of ordinary venues, whose tags are the report's own, and the report of hostile ones
        Path clean = dir.resolve("clean.html");
        assertThat(assess(Cli.fixture("twelve-venues.jsonl"), "html", clean).exit()).isZero();
        Path report = dir.resolve("report.html");
        Cli.Run run = assess(hostileVenues(), "html", report);
        String html = Files.readString(report);

        // Then every venue was reported
        assertThat(run.exit()).isZero();
        assertThat(html).contains("data-count=\"assessed\">5<");
        // and the hostile report uses no tag the clean one does not, one script (the page's own), no event handler
        assertThat(tags(html)).isSubsetOf(tags(Files.readString(clean)));
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(attributes(html)).as("attributes").isSubsetOf(attributes(Files.readString(clean)))
                .noneMatch(a -> a.startsWith("on"));
        assertThat(html).doesNotContain("<iframe").doesNotContain("<img").doesNotContain("<svg onload");
        // and no control or direction-changing character reaches the page; they are shown as escapes
        assertThat(html.chars().filter(c -> (Character.isISOControl(c) && c != '\n') || isDirectional(c)).count())
                .as("control and direction characters in the page").isZero();
        assertThat(html).contains("\\u001b[2J").contains("\\u202egnp.exe");
        // and the values are there, escaped
        assertThat(html).contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;script&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=&quot;").contains("A &amp; B &quot;quoted&quot; &#39;single&#39; &amp;amp; &amp;lt;")
                .contains("X&lt;script&gt;&amp;&#39;&quot;1");
    }

    @Test
    void withoutItsContentSecurityPolicyTheHostileReportStillRunsNoInjectedScriptInChromium() throws Exception {
        Path browser = Chromium.required();
        // Given the hostile report with its Content-Security-Policy taken out, so only the escaping stands
        Path report = dir.resolve("report.html");
        assess(hostileVenues(), "html", report);
        String html = Files.readString(report);
        String unprotected = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>\\n", "");
        assertThat(unprotected).isNotEqualTo(html).doesNotContain("Content-Security-Policy");
        Files.writeString(report, unprotected);

        // When Chromium loads it and runs scripts for five seconds of virtual time
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000",
                "--dump-dom", report.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(dir.resolve("dom.html").toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("chromium finished within two minutes").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));

        // Then the page's own script ran, and nothing injected did: the body carries no mark and no element came in
        Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
        assertThat(body.find()).isTrue();
        assertThat(body.group()).contains("data-ready=\"yes\"").doesNotContain("data-pwned");
        assertThat(dom).doesNotContain("data-script-error=\"");
    }

    @Test
    void theTerminalTableAndStderrGetNoEscapeSequenceOrDirectionOverrideFromTheInput() throws IOException {
        // Given hostile venues, and a record whose unknown field's name is an escape sequence
        Path input = hostileVenues();
        Files.writeString(input, Files.readString(input)
                + "{\"id\":\"BAD\",\"kind\":\"OFFICE\",\"\\u001b[2J\\u202Eevil\":1}\n");

        // When the table goes to the terminal
        Cli.Run run = Cli.run("assess", input.toString(), "--rejects", dir.resolve("rejects.csv").toString());

        // Then neither stdout nor stderr carries a control character (other than line ends) or a direction override
        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        for (String stream : List.of(run.out(), run.err())) {
            assertThat(stream.chars().filter(c -> (Character.isISOControl(c) && c != '\n' && c != '\r')
                    || isDirectional(c)).count()).as(stream).isZero();
        }
        assertThat(run.out()).contains("X<script>&");
        assertThat(run.err()).contains(":6: venue 'BAD': \\u001b[2J\\u202eevil: unknown field '\\u001b[2J\\u202eevil'");
    }

    @Test
    void noCellOfTheCsvResultsOrTheRejectsFileCanRunAsASpreadsheetFormula() throws IOException {
        // Given hostile venues as JSON Lines, and a CSV table whose rejected rows start with formulas
        Path out = dir.resolve("results.csv");
        assertThat(assess(hostileVenues(), "csv", out).exit()).isZero();
        Path venues = dir.resolve("venues.csv");
        Files.writeString(venues, "id,kind,name\n=1+2,NO_SUCH_KIND,x\n@cmd,OFFICE,+bad\n\"-1+1\",NO_SUCH_KIND,\"=2+3\"\n");
        Path rejects = dir.resolve("rejects.csv");
        Cli.Run run = Cli.run("assess", venues.toString(), "-f", "csv", "-o", dir.resolve("other.csv").toString(),
                "--rejects", rejects.toString(), "--date", "2024-01-10");
        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);

        // Then every cell a spreadsheet would take for a formula starts with an apostrophe instead
        List<Map<String, String>> rows = new ArrayList<>(Csv.read(out));
        rows.addAll(Csv.read(rejects));
        rows.addAll(Csv.read(dir.resolve("other.csv")));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        for (Map<String, String> row : rows) {
            for (String cell : row.values()) {
                String head = cell.stripLeading();
                boolean formula = !head.isEmpty() && "=+-@".indexOf(head.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?");
                assertThat(formula || (!cell.isEmpty() && (cell.charAt(0) == '\t' || cell.charAt(0) == '\r')))
                        .as("cell %s", cell).isFalse();
            }
        }
        assertThat(Csv.read(out)).extracting(r -> r.get("venueId")).contains("'=HYPERLINK(\"http://evil\")", "'@SUM(1)");
        assertThat(Csv.read(out)).extracting(r -> r.get("name")).contains("'=cmd|' /C calc'!A0", "'=1+1");
        assertThat(Csv.read(out)).extracting(r -> r.get("street")).contains("'+SUM(1,2)", "'=1+1");
        assertThat(Csv.read(rejects)).extracting(r -> r.get("record")).contains("'=1+2,NO_SUCH_KIND,x");
    }

    @Test
    void jsonLinesCarryTheValuesExactlyAndExplainPrintsThemEscaped() throws IOException {
        Path out = dir.resolve("results.jsonl");
        Path input = hostileVenues();
        assertThat(assess(input, "jsonl", out).exit()).isZero();

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l.chars().filter(Character::isISOControl).count())
                .as("raw control characters in %s", l).isZero());
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("venueId").asText()).isEqualTo("X<script>&'\"1");
        assertThat(first.get("name").asText()).isEqualTo((SCRIPT + CONTROL).strip());

        Cli.Run explain = Cli.run("explain", "X2\"><b>", input.toString());
        assertThat(explain.exit()).isZero();
        assertThat(explain.out().chars().filter(c -> (Character.isISOControl(c) && c != '\n') || isDirectional(c))
                .mapToObj(c -> String.format("U+%04X", c)).toList()).as(explain.out()).isEmpty();
        assertThat(explain.out()).contains("\\u202egnp.exe");
    }

    private static boolean isDirectional(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** The names of the attributes in a page's tags, values skipped whatever they hold. */
    private static Set<String> attributes(String html) {
        Set<String> names = new TreeSet<>();
        Matcher tag = Pattern.compile("<[a-zA-Z][a-zA-Z0-9-]*").matcher(html);
        Pattern attribute = Pattern.compile("\\G\\s+([^\\s=>/]+)(\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
        while (tag.find()) {
            Matcher a = attribute.matcher(html);
            int at = tag.end();
            while (a.find(at) && a.start() == at) {
                names.add(a.group(1).toLowerCase(java.util.Locale.ROOT));
                at = a.end();
            }
        }
        return names;
    }

    /** The names of the elements a page's markup opens. */
    private static Set<String> tags(String html) {
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)").matcher(html);
        while (m.find()) {
            tags.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return tags;
    }
}
