package io.firerisk.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's speed next to the firerisk program's, in one run on one machine: N generated venues (JSON Lines,
 * the sample generator's) assessed by {@code firerisk assess -f jsonl}, then by the job on {@code local[1]} and
 * {@code local[2]} ({@code java @firerisk-spark-local.args}, Spark's jars and the cluster jar), each as a process
 * of its own with the same heap, wall time from launch to exit (JVM, Spark and campaign start-up included).
 * Prints venues/s, the scaling from one core to two, and what N executor cores would give at the measured
 * per-core rate. Build first ({@code ./mvnw -B -ntp -q package -DskipTests}); then
 *
 * <pre>{@code java -cp risk-spark/target/test-classes io.firerisk.spark.SparkBenchmark --venues 1000000}</pre>
 */
public final class SparkBenchmark {

    private SparkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int venues = 1_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "firerisk-spark-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--venues" -> venues = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--venues N, --dir DIR)");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path firerisk = root.resolve("risk-examples/target/firerisk.jar");
        Path generatorClasses = root.resolve("risk-examples/target/test-classes");
        Path localArgs = root.resolve("risk-spark/target/firerisk-spark-local.args");
        for (Path p : List.of(firerisk, generatorClasses, localArgs)) {
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " is missing: run from the project folder after"
                        + " ./mvnw -B -ntp -q package -DskipTests");
            }
        }
        Files.createDirectories(dir);
        Path input = dir.resolve("venues-" + venues + ".jsonl");
        if (!Files.exists(input)) {
            System.out.printf("generating %,d venues into %s%n", venues, input);
            run(List.of("-cp", generatorClasses + java.io.File.pathSeparator + firerisk, "io.firerisk.cli.SampleGenerator",
                    "--count", String.valueOf(venues), "--seed", "2023", "--out", input.toString()));
        }
        System.out.printf(Locale.ROOT, "%,d venues, %.0f MB of JSON Lines, on %d processors (Java %s)%n", venues,
                Files.size(input) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        double cli = run(List.of("-Xmx2g", "-jar", firerisk.toString(), "assess", input.toString(), "-f", "jsonl", "-o",
                dir.resolve("cli.jsonl").toString(), "--rejects", dir.resolve("cli-rejects.csv").toString(),
                "--no-progress"));
        report("firerisk assess (2 threads)", venues, cli);
        double one = spark(localArgs, input, dir, "local[1]");
        report("spark local[1]", venues, one);
        double two = spark(localArgs, input, dir, "local[2]");
        report("spark local[2]", venues, two);
        System.out.printf(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx; local[2] against firerisk assess: %.2fx%n",
                one / two, cli / two);
        double perCore = venues / one;
        for (int cores : new int[] {8, 32, 128}) {
            System.out.printf(Locale.ROOT, "at the measured %.0f venues/s per core, %d executor cores: about %,.0f venues/s"
                    + " (10 million venues in %.1f min), start-up aside%n", perCore, cores, perCore * cores,
                    10_000_000 / (perCore * cores) / 60);
        }
    }

    private static double spark(Path localArgs, Path input, Path dir, String master) throws Exception {
        Path out = dir.resolve("spark-" + master.replaceAll("[^0-9a-z]", ""));
        return run(List.of("@" + localArgs, "assess", input.toString(), "--master", master, "-f", "jsonl", "-o",
                out.toString(), "--overwrite"));
    }

    private static void report(String what, int venues, double seconds) {
        System.out.printf(Locale.ROOT, "%-30s %7.1f s  %,8.0f venues/s%n", what, seconds, venues / seconds);
    }

    /** Runs {@code java args} and returns its wall time in seconds; fails when it fails. */
    private static double run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        return seconds;
    }
}
