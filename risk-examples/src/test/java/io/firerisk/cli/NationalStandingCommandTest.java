package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user without a local plan picks the bundled {@code national-standing} campaign on the command line. */
class NationalStandingCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The same KTV with too few exits, inspected on 2024-05-01 and on 2026-01-15. */
    private Path venues() throws IOException {
        Path file = dir.resolve("venues.jsonl");
        String ktv = "{\"id\": \"%s\", \"name\": \"星光KTV\", \"kind\": \"ENTERTAINMENT\", \"heightMeters\": 12.0, \"floors\": 3,"
                + " \"occupants\": 200, \"date\": \"%s\", \"findings\": [{\"id\": \"F1\", \"code\": \"EXITS_TOO_FEW\","
                + " \"location\": \"二楼\", \"area\": \"二楼\"}]}";
        Files.writeString(file, String.format(ktv, "KTV-2024", "2024-05-01") + "\n" + String.format(ktv, "KTV-2026", "2026-01-15") + "\n");
        return file;
    }

    @Test
    void assessingWithTheNationalStandingCampaignAppliesTheEditionInForceOnEachVenuesDateAndNamesIt() throws IOException {
        Path out = dir.resolve("out.jsonl");

        Cli.Run run = Cli.run("assess", venues().toString(), "--campaign", "national-standing", "-f", "jsonl", "-o", out.toString());

        assertThat(run.exit()).isZero();
        List<JsonNode> lines = Files.readAllLines(out).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.get("campaign").asText()).containsOnly("national-standing 1.0.0");
        JsonNode then = lines.get(0);
        JsonNode now = lines.get(1);
        assertThat(then.get("standard").asText()).isEqualTo("GB 35181-2017");
        assertThat(then.get("directElements").get(0).asText()).isEqualTo("6.5");
        assertThat(now.get("standard").asText()).isEqualTo("GB 35181-2025");
        assertThat(now.get("directElements").get(0).asText()).isEqualTo("5.2.c");
        assertThat(now.get("verdict").asText()).isEqualTo("SUSPECTED_MAJOR");
    }

    @Test
    void explainNamesTheEditionAndThatTheVerdictIsACandidateForTheCollectiveDecision() throws IOException {
        Cli.Run run = Cli.run("explain", "KTV-2026", venues().toString(), "--campaign", "national-standing");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("判定标准：GB 35181-2025").contains("集体研究确定").contains("消防监督检查规定 第二十一条")
                .contains("提请消防救援机构依法决定是否临时查封");
    }

    @Test
    void theHelpNamesTheBundledCampaigns() {
        Cli.Run run = Cli.run("assess", "--help");

        assertThat(run.out()).contains("national-standing").contains("wanzhou-2023-winter");
    }
}
