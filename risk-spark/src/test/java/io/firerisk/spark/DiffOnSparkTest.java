package io.firerisk.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's diff of two campaigns over the same venues is {@code firerisk diff}'s, venue by venue. */
class DiffOnSparkTest {

    static final Path BUNDLED = Path.of("..", "risk-rules", "src", "main", "resources", "campaigns",
            "wanzhou-2023-winter").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSampleUnderTheBundledCampaignAndACopyWithALowerRedBandChangesAsFireriskDiffSays() throws Exception {
        // Given the bundled sample, and a copy of the campaign whose red band starts at 16 instead of 20
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        Path next = copy(BUNDLED, dir.resolve("next-winter"));
        Path yaml = next.resolve("campaign.yaml");
        String text = Files.readString(yaml);
        assertThat(text).contains("bands: {RED: 20, ");
        Files.writeString(yaml, text.replace("bands: {RED: 20, ", "bands: {RED: 16, "));

        // When the program and the job compare them
        OnSpark.Run cli = OnSpark.firerisk(dir, "diff", "--campaign", "wanzhou-2023-winter", "--campaign",
                next.toString(), venues.toString(), "--json");
        OnSpark.Run job = OnSpark.job("diff", "--campaign", "wanzhou-2023-winter", "--campaign", next.toString(),
                venues.toString(), "-f", "jsonl", "-o", dir.resolve("spark").toString(), "--tasks-per-file", "2");

        // Then the job lists exactly the program's changes, each as the program writes it
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(job.code()).as(job.err()).isZero();
        JsonNode report = JSON.readTree(cli.out());
        List<JsonNode> expected = new ArrayList<>();
        report.get("changes").forEach(expected::add);
        assertThat(expected).isNotEmpty();
        List<JsonNode> actual = new ArrayList<>();
        for (String line : OnSpark.lines(dir.resolve("spark/outcome=changed"))) {
            actual.add(JSON.readTree(line));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(job.out()).startsWith("200 records: 200 compared, " + report.get("changed").asInt() + " changed (grade "
                + report.get("counts").get("grade").asInt() + ", ");

        // And as Parquet, each changed venue's grades under A and B are columns
        OnSpark.Run parquet = OnSpark.job("diff", "--campaign", "wanzhou-2023-winter", "--campaign", next.toString(),
                venues.toString(), "-o", dir.resolve("parquet").toString());
        assertThat(parquet.code()).as(parquet.err()).isZero();
        List<Row> rows = OnSpark.spark().read().parquet(dir.resolve("parquet").toString())
                .where("outcome = 'changed'").collectAsList();
        assertThat(rows).hasSize(expected.size());
        for (Row r : rows) {
            JsonNode change = JSON.readTree(r.<String>getAs("json"));
            assertThat(r.<String>getAs("venueId")).isEqualTo(change.get("venue").asText());
            assertThat(r.<String>getAs("gradeA")).isEqualTo(change.get("a").get("grade").asText());
            assertThat(r.<String>getAs("gradeB")).isEqualTo(change.get("b").get("grade").asText());
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
