package io.firerisk.spark;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled sample assessed on Spark is, record by record, what {@code firerisk assess} gives. */
class BundledSampleOnSparkTest {

    @TempDir
    Path dir;

    @Test
    void theSampleOnTwoCoresIsTheProgramsResultRecordByRecord() throws Exception {
        // Given the bundled sample, named alike for the program and the job
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl",
                "--rejects", "cli-rejects.csv");
        assertThat(cli.code()).as(cli.err()).isZero();

        // When the job assesses it on local[2], the file shared by two tasks
        OnSpark.Run job = OnSpark.job("assess", venues.toString(), "-f", "jsonl", "-o", dir.resolve("spark").toString(),
                "--tasks-per-file", "2");

        // Then every line is the program's, and every record is counted
        assertThat(job.code()).as(job.err()).isZero();
        List<String> expected = Files.readAllLines(dir.resolve("cli.jsonl"));
        assertThat(expected).hasSize(200);
        assertThat(OnSpark.sorted(OnSpark.lines(dir.resolve("spark/outcome=assessed"))))
                .containsExactlyElementsOf(OnSpark.sorted(expected));
        assertThat(OnSpark.lines(dir.resolve("spark/outcome=rejected"))).isEmpty();
        assertThat(job.out()).contains("200 records: 200 assessed, 0 rejected (2 tasks)");
    }

    @Test
    void parquetResultsCarryTheProgramsLineAndItsPartsAsColumns() throws Exception {
        // Given the sample and the program's results
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl",
                "--rejects", "cli-rejects.csv");
        assertThat(cli.code()).as(cli.err()).isZero();

        // When the job writes Parquet
        OnSpark.Run job = OnSpark.job("assess", venues.toString(), "-o", dir.resolve("spark").toString());
        assertThat(job.code()).as(job.err()).isZero();

        // Then each row holds the program's line, and its columns agree with it
        List<Row> rows = OnSpark.spark().read().parquet(dir.resolve("spark").toString())
                .where("outcome = 'assessed'").collectAsList();
        assertThat(rows.stream().map(r -> r.<String>getAs("json")).sorted().toList())
                .containsExactlyElementsOf(OnSpark.sorted(Files.readAllLines(dir.resolve("cli.jsonl"))));
        Map<String, Long> grades = rows.stream().collect(Collectors.groupingBy(r -> r.<String>getAs("grade"),
                Collectors.counting()));
        assertThat(grades).containsExactlyInAnyOrderEntriesOf(Map.of("BLUE", 31L, "YELLOW", 54L, "ORANGE", 92L, "RED", 23L));
        for (Row r : rows) {
            String json = r.getAs("json");
            assertThat(json).contains("\"grade\":\"" + r.getAs("grade") + "\"", "\"verdict\":\"" + r.getAs("verdict") + "\"",
                    "\"source\":\"" + venues + ":" + r.getAs("line") + "\"");
            assertThat(r.<String>getAs("campaignDigest")).matches("sha256:[0-9a-f]{64}");
            // the edition applied on the venue's own date, as its line names it
            assertThat(r.<String>getAs("standard")).isEqualTo("GB 35181-2017");
            assertThat(json).contains("\"standard\":\"" + r.getAs("standard") + "\"");
        }
        long suspended = rows.stream().filter(r -> r.<Boolean>getAs("suspend")).count();
        assertThat(suspended).isEqualTo(20);
        Row withParts = rows.stream().filter(r -> r.<Boolean>getAs("suspend")).findFirst().orElseThrow();
        Row part = withParts.<scala.collection.Seq<Row>>getAs("suspendedParts").head();
        assertThat(part.<String>getAs("ground")).isNotBlank();
        assertThat(part.<scala.collection.Seq<String>>getAs("clauses").isEmpty()).isFalse();
    }

    @Test
    void theEngineIsBuiltOncePerJvmForACampaignHoweverManyTasksAndRuns() throws Exception {
        // Given a campaign folder no other test uses (its own digest), and the sample
        Path campaign = DiffOnSparkTest.copy(DiffOnSparkTest.BUNDLED, dir.resolve("campaign"));
        Files.writeString(campaign.resolve("campaign.yaml"), "\n# a copy of its own: " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        int before = CampaignRef.builds();

        // When it is assessed twice, by four tasks each
        for (String run : List.of("a", "b")) {
            OnSpark.Run job = OnSpark.job("assess", venues.toString(), "--campaign-dir", campaign.toString(), "-f",
                    "jsonl", "-o", dir.resolve(run).toString(), "--tasks-per-file", "4");
            assertThat(job.code()).as(job.err()).isZero();
            assertThat(job.out()).startsWith("200 records: 200 assessed");
        }

        // Then this JVM (driver and local executor alike) compiled the campaign once for the eight tasks
        assertThat(CampaignRef.builds() - before).isEqualTo(1);
    }
}
