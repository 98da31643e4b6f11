package io.firerisk.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Venues read from Parquet: the JSON Lines record's fields as columns (README, <i>Parquet input</i>), row N read
 * as line N of a JSON Lines file is, so the results are the program's on the same venues as JSON Lines, and a bad
 * row is the program's reject of the same line, with its row, venue, field and message.
 */
class ParquetInputOnSparkTest {

    @TempDir
    Path dir;

    @Test
    void theSampleAsParquetIsTheProgramsResultOnTheSampleRecordByRecord() throws Exception {
        // Given the sample as JSON Lines, and as one Parquet file (dates as DATE, findings a list of structs)
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        Path parquet = toParquet(venues, dir.resolve("venues-parquet"));
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl",
                "--rejects", "cli-rejects.csv");
        assertThat(cli.code()).as(cli.err()).isZero();

        // When the job assesses the Parquet folder on two tasks
        OnSpark.Run job = OnSpark.job("assess", parquet.getParent().toString(), "-f", "jsonl", "-o",
                dir.resolve("spark").toString(), "--tasks-per-file", "2");

        // Then every result is the program's for the same line, the row standing where the line stood
        assertThat(job.code()).as(job.err()).isZero();
        String rowsName = parquet.getParent() + "/" + parquet.getFileName();
        List<String> expected = Files.readAllLines(dir.resolve("cli.jsonl")).stream()
                .map(l -> l.replace("\"source\":\"" + venues + ":", "\"source\":\"" + rowsName + ":")).toList();
        assertThat(expected).hasSize(200);
        assertThat(OnSpark.sorted(OnSpark.lines(dir.resolve("spark/outcome=assessed"))))
                .containsExactlyElementsOf(OnSpark.sorted(expected));
        assertThat(OnSpark.lines(dir.resolve("spark/outcome=rejected"))).isEmpty();
        assertThat(job.out()).contains("200 records: 200 assessed, 0 rejected (2 tasks)");
    }

    @Test
    void badRowsAreTheProgramsRejectsOfTheSameLinesAndEveryRowIsCounted() throws Exception {
        // Given venues with what the program rejects among good ones, as JSON Lines and as Parquet
        String good = "{\"id\":\"%s\",\"kind\":\"%s\",\"occupants\":%d,\"date\":\"2024-01-10\","
                + "\"findings\":[{\"id\":\"F1\",\"code\":\"%s\"}]}\n";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(String.format(good, "P" + i, i % 2 == 0 ? "OFFICE" : "HOTEL", 10 + i,
                    i % 3 == 0 ? "EXITS_TOO_FEW" : "EXIT_LOCKED_OR_BLOCKED"));
        }
        lines.append(String.format(good, "P3", "OFFICE", 99, "EXITS_TOO_FEW"));                  // P3 again
        lines.append(String.format(good, "P40", "OFFICE", -5, "EXITS_TOO_FEW"));                 // out of range
        lines.append(String.format(good, "P41", "NO_SUCH_KIND", 20, "EXITS_TOO_FEW"));           // unknown kind
        lines.append(String.format(good, "P42", "OFFICE", 20, "NOT_A_CODE"));                    // unknown finding
        lines.append(String.format(good, "P43", "OFFICE", 20, "EXITS_TOO_FEW")
                .replace("\"date\"", "\"colour\":\"red\",\"date\""));                           // no such field
        Path venues = Files.writeString(dir.resolve("bad.jsonl"), lines);
        Path parquet = toParquet(venues, dir.resolve("bad-parquet"));
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl",
                "--rejects", "cli-rejects.csv");
        assertThat(cli.code()).as(cli.err()).isEqualTo(3);

        // When the job assesses the Parquet file, shared by three tasks
        OnSpark.Run job = OnSpark.job("assess", parquet.toString(), "-f", "jsonl", "-o",
                dir.resolve("spark").toString(), "--tasks-per-file", "3");

        // Then it succeeds; each reject is the program's for that line (row), venue, field and message
        assertThat(job.code()).as(job.err()).isZero();
        List<List<String>> expected = HostileInputsOnSparkTest.programRejects(dir.resolve("cli-rejects.csv")).stream()
                .map(r -> r.subList(1, 5)).toList();
        List<List<String>> rejects = HostileInputsOnSparkTest.sparkRejects(dir.resolve("spark"));
        assertThat(rejects).extracting(r -> r.subList(1, 5)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rejects).extracting(r -> r.get(2)).containsExactlyInAnyOrder("P3", "P40", "P41", "P42", "P43");
        assertThat(rejects).allSatisfy(r -> assertThat(r.get(0)).isEqualTo(parquet.toString()));
        assertThat(rejects).filteredOn(r -> r.get(2).equals("P3")).singleElement()
                .satisfies(r -> assertThat(r.get(4)).contains("first on line 4"));
        // And records in = results + rejects, in the summary
        assertThat(job.out()).startsWith("35 records: 30 assessed, 5 rejected (3 tasks)");
        assertThat(OnSpark.lines(dir.resolve("spark/outcome=assessed"))).hasSize(30);
    }

    @Test
    void aColumnOfATypeNoVenueFieldHasStopsTheJobBeforeAnyTaskNamingIt() throws Exception {
        // Given a Parquet file whose date is a timestamp
        Path venues = Files.writeString(dir.resolve("v.jsonl"),
                "{\"id\":\"T1\",\"kind\":\"OFFICE\",\"occupants\":20,\"date\":\"2024-01-10\"}\n");
        Path out = dir.resolve("ts-parquet");
        OnSpark.spark().read().json(venues.toString())
                .withColumn("date", functions.to_timestamp(functions.col("date"))).coalesce(1).write().parquet(out.toString());

        // When the job is given it
        OnSpark.Run job = OnSpark.job("assess", out.toString(), "-o", dir.resolve("spark").toString());

        // Then it stops with exit code 1 naming the file and column, and writes nothing
        assertThat(job.code()).isEqualTo(1);
        assertThat(job.err()).contains(".parquet: column 'date' is ").contains("which no venue field is");
        assertThat(dir.resolve("spark")).doesNotExist();
    }

    /** The JSON Lines file as one Parquet file in {@code folder}, row for line, its dates as DATE; the file. */
    static Path toParquet(Path jsonLines, Path folder) throws IOException {
        Dataset<Row> venues = OnSpark.spark().read().json(jsonLines.toString());
        venues.withColumn("date", functions.to_date(functions.col("date"))).coalesce(1).write()
                .parquet(folder.toString());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }
}
