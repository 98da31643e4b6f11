package io.firerisk.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** 100,000 generated venues on Spark are, record by record, what {@code firerisk assess} gives for them. */
class HundredThousandVenuesOnSparkTest {

    static final int VENUES = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandGeneratedVenuesOnTwoCoresAreTheProgramsResultsRecordByRecord() throws Exception {
        // Given 100,000 venues from the sample generator
        Path venues = dir.resolve("venues.jsonl");
        OnSpark.generate(venues, VENUES, 20240210L);

        // When the program and the job (local[2], the file shared by its two tasks) assess them
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl",
                "--rejects", "cli-rejects.csv", "--no-progress");
        OnSpark.Run job = OnSpark.job("assess", venues.toString(), "-f", "jsonl", "-o", dir.resolve("spark").toString());

        // Then each of the 100,000 lines is the program's (each line names its source line, so equal sets of
        // lines are equal records), and nothing was rejected
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(job.code()).as(job.err()).isZero();
        assertThat(job.out()).startsWith(VENUES + " records: " + VENUES + " assessed, 0 rejected (2 tasks)");
        List<String> expected = fingerprints(List.of(dir.resolve("cli.jsonl")));
        List<String> actual = fingerprints(partFiles(dir.resolve("spark/outcome=assessed")));
        assertThat(expected).hasSize(VENUES);
        assertThat(actual).hasSize(VENUES);
        assertThat(actual).as("the job's lines, as SHA-256 fingerprints, against the program's").isEqualTo(expected);
        assertThat(dir.resolve("spark/outcome=rejected")).doesNotExist();
    }

    /** A fingerprint (half a SHA-256) of every line of the files, sorted: 100,000 lines compared in little memory. */
    private static List<String> fingerprints(List<Path> files) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> prints = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    byte[] d = sha.digest(line.getBytes(StandardCharsets.UTF_8));
                    prints.add(HexFormat.of().formatHex(d, 0, 16));
                }
            }
        }
        prints.sort(null);
        return prints;
    }

    private static List<Path> partFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }
}
