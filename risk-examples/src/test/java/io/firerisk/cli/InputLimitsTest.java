package io.firerisk.cli;

import io.firerisk.io.CsvReader;
import io.firerisk.io.VenueReader;
import io.firerisk.VenueFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented input limits, enforced record by record: a line over {@link CsvReader#MAX_LINE_BYTES},
 * a record nested deeper than {@link VenueReader#MAX_JSON_NESTING}, a quoted CSV cell left open, more than
 * {@link VenueFacts#MAX_FINDINGS} findings for one venue. Each is a rejected record with a message
 * saying which limit, and the records around it are assessed.
 */
class InputLimitsTest {

    static final String GOOD = "{\"id\":\"%s\",\"kind\":\"OFFICE\",\"occupants\":20,\"date\":\"2024-01-10\","
            + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXIT_LOCKED_OR_BLOCKED\"}]}";

    @TempDir
    Path dir;

    Cli.Run assess(Path input, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("assess", input.toString(), "-f", "jsonl", "-o",
                dir.resolve("out.jsonl").toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--no-progress"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    List<String> assessedIds() throws IOException {
        return Files.readAllLines(dir.resolve("out.jsonl")).stream()
                .map(l -> l.replaceAll(".*\"venueId\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void aTenMegabyteJsonLineIsRejectedAsTooLongWithoutBeingHeldAndTheRecordsAroundItAreAssessed() throws IOException {
        // Given a record whose name is 10 MB, between two ordinary ones
        Path input = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(input)) {
            out.write((GOOD.formatted("BEFORE") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\":\"HUGE\",\"kind\":\"OFFICE\",\"name\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "名".repeat(1024 * 1024 / 3).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((GOOD.formatted("AFTER") + "\n").getBytes(StandardCharsets.UTF_8));
        }

        // When assessing it
        Cli.Run run = assess(input);

        // Then the huge line is one reject saying how long it was and what the limit is, kept only in part
        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(assessedIds()).containsExactly("BEFORE", "AFTER");
        assertThat(run.err()).contains(input + ":2: venue 'HUGE': the line is ").contains("over the limit of 1048576 bytes");
        List<Map<String, String>> rejects = Csv.read(dir.resolve("rejects.csv"));
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("2");
            assertThat(r.get("record")).startsWith("{\"id\":\"HUGE\"").hasSizeLessThan(300);
        });
        assertThat(Files.size(dir.resolve("rejects.csv"))).isLessThan(2_000);
    }

    @Test
    void aTenMegabyteCsvCellIsRejectedAndTheRowsAfterItAreRead() throws IOException {
        Path venues = dir.resolve("venues.csv");
        try (OutputStream out = Files.newOutputStream(venues)) {
            out.write("id,kind,name\nA1,OFFICE,甲\nA2,OFFICE,".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\nA3,OFFICE,丙\n".getBytes(StandardCharsets.UTF_8));
        }

        Cli.Run run = assess(venues, "--date", "2024-01-10");

        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(assessedIds()).containsExactly("A1", "A3");
        assertThat(run.err()).contains(venues + ":3: venue 'A2': the line is 10485770 bytes long, over the limit");
    }

    @Test
    void aJsonRecordNestedThousandsDeepIsRejectedNamingTheFieldWithoutExhaustingTheStack() throws IOException {
        Path input = dir.resolve("deep.jsonl");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Files.writeString(input, GOOD.formatted("OK-1") + "\n{\"id\":\"DEEP\",\"kind\":\"OFFICE\",\"name\":" + deep + "}\n"
                + GOOD.formatted("OK-2") + "\n");

        Cli.Run run = assess(input);

        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(assessedIds()).containsExactly("OK-1", "OK-2");
        assertThat(run.err()).contains(input + ":2: name: not a venue record in name: ")
                .contains("nesting depth").contains("(" + VenueReader.MAX_JSON_NESTING);
    }

    @Test
    void twoRecordsRunTogetherOnOneLineAndAKeyGivenTwiceAreRejectedNotHalfRead() throws IOException {
        Path input = dir.resolve("run-together.jsonl");
        Files.writeString(input, GOOD.formatted("FIRST") + " " + GOOD.formatted("SECOND") + "\n"
                + "{\"id\":\"TWICE\",\"kind\":\"OFFICE\",\"occupants\":20,\"occupants\":2000}\n");

        Cli.Run run = assess(input);

        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(run.err()).contains(input + ":1: more than one JSON value on the line")
                .contains(input + ":2: occupants: not valid JSON in occupants: Duplicate field 'occupants'");
    }

    @Test
    void aQuoteLeftOpenInACsvRowIsThatRowsProblemAndTheRowsAfterItAreAssessed() throws IOException {
        // Given a venue table whose second row was cut inside a quoted name
        Path venues = dir.resolve("venues.csv");
        Files.writeString(venues, "id,kind,name\nB1,OFFICE,\"甲, 一楼\"\nB2,OFFICE,\"乙\nB3,OFFICE,丙\nB4,OFFICE,\"丁, 二楼\"\n");

        Cli.Run run = assess(venues, "--date", "2024-01-10");

        // Then only that row is rejected, naming the column and the line its quote ran into; the rows after
        // it are read as the records they are
        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(assessedIds()).containsExactly("B1", "B3", "B4");
        assertThat(run.err()).contains(venues + ":3: venue 'B2': name: a quoted cell opened on this line (column 3)"
                + " runs on into line 4, which reads as a row of its own (lines 3–4)");
    }

    @Test
    void aVenueWithMoreFindingRowsThanOneVenueMayHaveIsRejectedAndTheOthersAreAssessed() throws IOException {
        // Given a venue with 1,001 finding rows, interleaved with another venue's
        Path venues = dir.resolve("venues.csv");
        Path findings = dir.resolve("findings.csv");
        Files.writeString(venues, "id,kind\nMANY,OFFICE\nFEW,OFFICE\n");
        StringBuilder rows = new StringBuilder("venueId,id,code\nFEW,F1,EXIT_LOCKED_OR_BLOCKED\n");
        for (int i = 0; i <= VenueFacts.MAX_FINDINGS; i++) {
            rows.append("MANY,F").append(i).append(",EXIT_LOCKED_OR_BLOCKED\n");
        }
        Files.writeString(findings, rows.toString());

        Cli.Run run = assess(venues, "--findings", findings.toString(), "--date", "2024-01-10");

        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(assessedIds()).containsExactly("FEW");
        assertThat(run.err()).contains(venues + ":2: venue 'MANY': venueId: venue 'MANY' has 1001 rows in " + findings
                + ", more than the 1000 findings one venue may have").contains("1 assessed, 1 rejected");
    }

    @Test
    void aDateOptionOutsideTheYearsTheFactsAcceptIsAUsageError() {
        Cli.Run run = Cli.run("assess", "--date", "+999999999-12-31");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'+999999999-12-31' is not between 1900-01-01 and 2999-12-31");
    }
}
