package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code firerisk diff --standard gb35181-2017 --standard gb35181-2025}: the same venues under each edition of
 * GB 35181 on every date, every verdict that changes, and the elements behind it on each side, numbered as the
 * standard writes them.
 */
class DiffEditionsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path venues;

    @BeforeEach
    void editionsTable() throws IOException {
        // The Wanzhou campaign's table of venues dated 2025-10-31 and 2025-11-01
        venues = dir.resolve("gb35181-editions.csv");
        try (InputStream in = getClass().getResourceAsStream("/campaigns/wanzhou-2023-winter/scenarios/gb35181-editions.csv")) {
            Files.write(venues, in.readAllBytes());
        }
    }

    private Cli.Run diff(String... more) {
        List<String> args = new ArrayList<>(List.of("diff", "--campaign", "wanzhou-2023-winter",
                "--standard", "gb35181-2017", "--standard", "gb35181-2025", venues.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The lines printed for one venue, from its id to the next venue's. */
    private static String block(String out, String venueId) {
        int start = out.indexOf("\n" + venueId + " ");
        assertThat(start).as("%s is listed", venueId).isNotNegative();
        int end = out.indexOf("\nE-", start + 1);
        return out.substring(start + 1, end < 0 ? out.length() : end);
    }

    @Test
    void everyVerdictThatChangesIsListedWithTheElementsResponsibleUnderEachEdition() {
        Cli.Run run = diff();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("A = wanzhou-2023-winter 1.0.0 with GB 35181-2017 on every date\n"
                + "B = wanzhou-2023-winter 1.0.0 with GB 35181-2025 on every date\n");
        // A cold store: nothing under 2017, direct element 5.1 h) under 2025
        assertThat(block(run.out(), "E-cold-store-1101")).contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                .contains("  elements    GB 35181-2017 none → GB 35181-2025 direct 5.1 h)\n");
        // An exit locked but correctable on the spot: excluded by 2017 5.1.2, an element of 2025 (4.2 c: not fixed)
        assertThat(block(run.out(), "E-ktv-locked-1031")).contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                .contains("  elements    GB 35181-2017 none → GB 35181-2025 direct 5.2 c)\n");
        // An underground station with four comprehensive elements: enough for an important place under 2017 8.2 c,
        // not under 2025's six of any
        assertThat(block(run.out(), "E-station-four-1101")).contains("  verdict     SUSPECTED_MAJOR → GENERAL\n")
                .contains("  elements    GB 35181-2017 comprehensive 7.1.4, 7.3.12, 7.4.1, 7.4.2 → GB 35181-2025"
                        + " comprehensive 6.4.1, 6.4.2, 6.4.6\n");
        // Six 2025 comprehensive elements in an office: three of them are 2017 elements, short of 2017's six
        assertThat(block(run.out(), "E-office-six-1031")).contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                .contains("  elements    GB 35181-2017 comprehensive 7.6.1, 7.6.2, 7.8.2 → GB 35181-2025 comprehensive"
                        + " 6.5.1, 6.5.2, 6.5.5, 6.5.6, 6.6.1, 6.6.2\n");
        assertThat(run.out()).doesNotContain("5.1.h").doesNotContain("5.2.c");
        assertThat(run.out().strip()).endsWith("12 venues compared, 10 changed: grade 8, verdict 10, suspension 0,"
                + " actions 10, refused 0");
    }

    @Test
    void theJsonNamesTheEditionOnEachSideAndTheElementsAsTheStandardWritesThem() throws IOException {
        Cli.Run run = diff("--json");

        assertThat(run.exit()).isZero();
        JsonNode root = JSON.readTree(run.out());
        Map<String, JsonNode> changed = new TreeMap<>();
        root.get("changes").forEach(c -> changed.put(c.get("venue").asText(), c));
        Map<String, String> verdicts = new TreeMap<>();
        changed.forEach((id, c) -> {
            if (c.get("aspects").toString().contains("verdict")) {
                verdicts.put(id, c.get("a").get("verdict").asText() + " → " + c.get("b").get("verdict").asText());
            }
        });
        assertThat(verdicts).containsOnlyKeys("E-ktv-locked-1031", "E-ktv-locked-1101", "E-ktv-stopped-1031",
                "E-ktv-stopped-1101", "E-station-four-1031", "E-station-four-1101", "E-office-six-1031", "E-office-six-1101",
                "E-cold-store-1031", "E-cold-store-1101");
        assertThat(verdicts.get("E-station-four-1031")).isEqualTo("SUSPECTED_MAJOR → GENERAL");
        assertThat(verdicts.get("E-cold-store-1031")).isEqualTo("GENERAL → SUSPECTED_MAJOR");
        changed.values().forEach(c -> {
            assertThat(c.get("a").get("standard").asText()).isEqualTo("GB 35181-2017");
            assertThat(c.get("b").get("standard").asText()).isEqualTo("GB 35181-2025");
        });
        JsonNode cold = changed.get("E-cold-store-1101");
        assertThat(cold.get("a").get("directElements")).isEmpty();
        assertThat(cold.get("b").get("directElements")).extracting(JsonNode::asText).containsExactly("5.1 h)");
        JsonNode station = changed.get("E-station-four-1101");
        assertThat(station.get("a").get("comprehensiveElements")).extracting(JsonNode::asText)
                .containsExactly("7.1.4", "7.3.12", "7.4.1", "7.4.2");
        assertThat(station.get("b").get("comprehensiveElements")).extracting(JsonNode::asText)
                .containsExactly("6.4.1", "6.4.2", "6.4.6");
        assertThat(root.get("a").asText()).isEqualTo("wanzhou-2023-winter 1.0.0 with GB 35181-2017 on every date");
    }
}
