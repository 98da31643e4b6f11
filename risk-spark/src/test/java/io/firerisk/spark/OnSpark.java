package io.firerisk.spark;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test fixtures: one local Spark on two cores for every test class of the run (starting Spark costs seconds),
 * the job run in it, the firerisk program run as a process, and reading the job's output back.
 */
final class OnSpark {

    /** The firerisk program, built by risk-examples before this module (this module depends on it for tests). */
    static final Path FIRERISK_JAR = Path.of("..", "risk-examples", "target", "firerisk.jar").toAbsolutePath().normalize();
    static final Path SAMPLE = Path.of("..", "risk-rules", "src", "main", "resources", "samples",
            "wanzhou-venues.jsonl").toAbsolutePath().normalize();

    private static SparkSession spark;

    private OnSpark() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().appName("firerisk-spark tests").master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** What a run printed and returned. */
    record Run(int code, String out, String err) {}

    /** The job, in the test's Spark. */
    static Run job(String... args) {
        spark();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FireriskSpark.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The firerisk program, as a user runs it. */
    static Run firerisk(Path workDir, String... args) throws IOException, InterruptedException {
        assertThat(FIRERISK_JAR).as("the firerisk program (build risk-examples first: ./mvnw verify does)").isRegularFile();
        return java(workDir, List.of("-jar", FIRERISK_JAR.toString()), args);
    }

    /** The sample generator of risk-examples' test tree, writing {@code count} venues to {@code out}. */
    static void generate(Path out, int count, long seed) throws IOException, InterruptedException {
        Path testClasses = Path.of("..", "risk-examples", "target", "test-classes").toAbsolutePath().normalize();
        assertThat(testClasses.resolve("io/firerisk/cli/SampleGenerator.class"))
                .as("risk-examples' sample generator (build risk-examples' tests first: ./mvnw verify does)").isRegularFile();
        Run run = java(out.getParent(), List.of("-cp", testClasses + java.io.File.pathSeparator + FIRERISK_JAR,
                "io.firerisk.cli.SampleGenerator"), "--count", String.valueOf(count), "--seed", String.valueOf(seed),
                "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    private static Run java(Path workDir, List<String> launch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(launch);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    /** The lines of every part file under {@code folder} (a job's output, or one outcome of it). */
    static List<String> lines(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
