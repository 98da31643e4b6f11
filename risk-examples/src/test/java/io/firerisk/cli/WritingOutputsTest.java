package io.firerisk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code firerisk} does with its outputs when things go wrong: every stream is checked and a failed
 * write is a failed run with its reason; files appear only when complete, so a failed or interrupted run
 * leaves the previous ones as they were; an output that is an input is refused before anything is
 * written; the rejects file always describes the last run. Two tests run the program in a child JVM,
 * as a shell would: one with standard output on {@code /dev/full}, one stopped with a signal.
 */
class WritingOutputsTest {

    @TempDir
    Path dir;

    /** A stream that fails as a full disk does. */
    private static OutputStream fullDisk() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
    }

    private static Cli.Run runWithStdout(Stdout out, String... args) {
        StringWriter err = new StringWriter();
        int exit = Firerisk.run(out, new PrintWriter(err, true), args);
        return new Cli.Run(exit, "", err.toString());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    /** {@code java -cp <test class path> io.firerisk.cli.Firerisk args}, in {@code dir}. */
    private ProcessBuilder firerisk(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Firerisk.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    @Test
    void standardOutputOnAFullDiskExitsNonZeroWithTheReasonAndClaimsNoResults() throws Exception {
        // Given standard output redirected to a full disk, as `firerisk assess > file` on a full disk
        Path err = dir.resolve("err.txt");
        Process p = firerisk("assess", "--no-progress").redirectOutput(new File("/dev/full"))
                .redirectError(err.toFile()).start();

        // When the run ends
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // Then it failed, saying why, and nothing claims the venues were assessed
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err)).contains("cannot write standard output: No space left on device")
                .doesNotContain("assessed");
    }

    @Test
    void aWriteErrorOnStandardOutputStopsTheRunWithTheReasonWhateverTheCommand() {
        Cli.Run assess = runWithStdout(Stdout.of(fullDisk()), "assess", "-f", "csv", "--no-progress",
                "--rejects", dir.resolve("r.csv").toString());
        Cli.Run validate = runWithStdout(Stdout.of(fullDisk()), "validate", "wanzhou-2023-winter");

        assertThat(assess.exit()).isEqualTo(1);
        assertThat(assess.err()).contains("cannot write standard output: No space left on device")
                .doesNotContain("assessed");
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.err()).contains("firerisk: cannot write standard output: No space left on device");
    }

    @Test
    void anOutputFileOnAFullDiskExitsNonZeroNamingItAndTheReason() {
        Cli.Run run = Cli.run("assess", "-f", "jsonl", "-o", "/dev/full", "--no-progress", "--rejects",
                dir.resolve("r.csv").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot write /dev/full: No space left on device").doesNotContain("assessed");
    }

    @Test
    void resultsOrRejectsNamingAnInputFileAreRefusedBeforeAnythingIsWrittenWhateverThePathsSpelling()
            throws IOException {
        // Given a venue table, a findings table, and other names for the venue table: a symbolic and a hard link
        Path venues = dir.resolve("venues.csv");
        Path findings = dir.resolve("findings.csv");
        Files.writeString(venues, "id,kind\nA1,OFFICE\n");
        Files.writeString(findings, "venueId,code\nA1,EXIT_LOCKED_OR_BLOCKED\n");
        Path symbolic = Files.createSymbolicLink(dir.resolve("link.csv"), venues);
        Path hard = Files.createLink(dir.resolve("hard.csv"), venues);
        Path spelt = dir.resolve("sub/../venues.csv");
        Files.createDirectories(dir.resolve("sub"));

        // When -o or --rejects names one of the inputs
        List<Cli.Run> runs = List.of(
                Cli.run("assess", venues.toString(), "-f", "csv", "-o", venues.toString()),
                Cli.run("assess", venues.toString(), "-f", "csv", "-o", spelt.toString()),
                Cli.run("assess", venues.toString(), "-f", "csv", "-o", symbolic.toString()),
                Cli.run("assess", venues.toString(), "-f", "csv", "-o", hard.toString()),
                Cli.run("assess", venues.toString(), "--findings", findings.toString(), "--rejects", findings.toString()),
                Cli.run("assess", venues.toString(), "-f", "csv", "-o", dir.resolve("x.csv").toString(), "--rejects",
                        dir.resolve("x.csv").toString()));

        // Then each is a usage error naming the clash, and the inputs are untouched
        assertThat(runs).allSatisfy(r -> assertThat(r.exit()).isEqualTo(2));
        assertThat(runs.get(0).err()).contains("-o " + venues + " is the input FILE " + venues
                + ": writing it would destroy the input");
        assertThat(runs.get(3).err()).contains("-o " + hard + " is the input FILE " + venues);
        assertThat(runs.get(4).err()).contains("--rejects " + findings + " is the input --findings " + findings);
        assertThat(runs.get(5).err()).contains("--rejects " + dir.resolve("x.csv") + " is the same file as -o");
        assertThat(Files.readString(venues)).isEqualTo("id,kind\nA1,OFFICE\n");
        assertThat(Files.readString(findings)).isEqualTo("venueId,code\nA1,EXIT_LOCKED_OR_BLOCKED\n");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aRunThatFailsOnItsInputLeavesThePreviousResultsAsTheyWereNotAHeaderOnlyFile() throws IOException {
        // Given the results of an earlier run, and an input that turns out to be UTF-16
        Path out = dir.resolve("results.csv");
        Files.writeString(out, "the results of yesterday\n");
        Path input = dir.resolve("venues.jsonl");
        byte[] utf16 = "{\"id\":\"A1\",\"kind\":\"OFFICE\"}\n".getBytes(StandardCharsets.UTF_16);
        Files.write(input, utf16);

        // When assessing it into the same results file
        Cli.Run run = Cli.run("assess", input.toString(), "-f", "csv", "-o", out.toString(), "--rejects",
                dir.resolve("r.csv").toString());

        // Then the run fails saying why, and yesterday's results are still there, whole
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(input + ": cannot be read: the file is UTF-16")
                .contains(out + " is left as it was");
        assertThat(Files.readString(out)).isEqualTo("the results of yesterday\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRunStoppedBySignalLeavesThePreviousReportInPlaceAndNoTemporaryFile() throws Exception {
        // Given yesterday's report, and a run writing a new one from an input that keeps coming
        Path report = dir.resolve("report.html");
        Files.writeString(report, "<p>yesterday's report</p>");
        Process p = firerisk("assess", "-", "-f", "html", "-o", report.toString(), "--no-progress", "--rejects",
                dir.resolve("r.csv").toString()).redirectError(dir.resolve("err.txt").toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((String.format(InputLimitsTest.GOOD, "A1") + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (leftovers().isEmpty() && p.isAlive() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(leftovers()).as("the report being written").hasSize(1);

            // When the run is stopped (SIGTERM, as kill or a closing terminal sends; Ctrl-C runs the same hooks)
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        // Then yesterday's report is untouched and the half-written one is gone
        assertThat(Files.readString(report)).isEqualTo("<p>yesterday's report</p>");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theRejectsFileAlwaysDescribesTheLastRunReplacedWholeOrRemovedWhenItRejectedNothing() throws IOException {
        // Given the rejects of an earlier run of three bad records
        Path rejects = dir.resolve("firerisk-rejects.csv");
        Path input = dir.resolve("venues.jsonl");
        Files.writeString(input, String.join("\n", String.format(InputLimitsTest.GOOD, "A1"), "{\"id\":\"B1\"}",
                "{\"id\":\"B2\"}", "{\"id\":\"B3\"}", ""));
        assertThat(Cli.run("assess", input.toString(), "-f", "jsonl", "-o", dir.resolve("out.jsonl").toString(),
                "--rejects", rejects.toString()).exit()).isEqualTo(3);
        assertThat(Csv.read(rejects)).hasSize(3);

        // When a later run rejects one record, its rejects replace the file whole
        Files.writeString(input, String.format(InputLimitsTest.GOOD, "A1") + "\n{\"id\":\"C1\"}\n");
        assertThat(Cli.run("assess", input.toString(), "-f", "jsonl", "-o", dir.resolve("out.jsonl").toString(),
                "--rejects", rejects.toString()).exit()).isEqualTo(3);
        assertThat(Csv.read(rejects)).extracting(r -> r.get("venueId")).containsExactly("C1");

        // When a run rejects nothing, no rejects file is left to pass for its own
        Files.writeString(input, String.format(InputLimitsTest.GOOD, "A1") + "\n");
        Cli.Run clean = Cli.run("assess", input.toString(), "-f", "jsonl", "-o", dir.resolve("out.jsonl").toString(),
                "--rejects", rejects.toString());
        assertThat(clean.exit()).isZero();
        assertThat(rejects).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void resultsReplaceThePreviousFileOnlyWhenCompleteAndKeepItsPermissions() throws IOException {
        Path out = dir.resolve("results.jsonl");
        Files.writeString(out, "old\n");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

        Cli.Run run = Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "jsonl", "-o",
                out.toString(), "--rejects", dir.resolve("r.csv").toString());

        assertThat(run.exit()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(12);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-rw-r--");
        assertThat(leftovers()).isEmpty();
    }
}
