package io.firerisk.spark;

import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * per-core rate. It also times, in its own JVM, what every task sharing a file repeats: reading the file's
 * records through the venue reader without parsing them ({@link VenueSplit}), next to reading and parsing.
 * Build first ({@code ./mvnw -B -ntp -q package -DskipTests}); then
 *
 * <pre>{@code java -cp risk-spark/target/test-classes:risk-examples/target/firerisk.jar io.firerisk.spark.SparkBenchmark --venues 1000000}</pre>
 */
public final class SparkBenchmark {

    private SparkBenchmark() {}

    /**
     * A run's wall time and the CPU time its process used: on a shared machine the CPU time is the steadier
     * measure of the work, the wall time what a user waits.
     */
    record Time(double wall, double cpu) {}

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

        System.out.printf(Locale.ROOT, "load average at the start: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Time split = read(input, false);
        Time parse = read(input, true);
        report("records split (what a stripe repeats)", venues, split);
        report("records split and parsed", venues, parse);
        Time cli = run(List.of("-Xmx2g", "-jar", firerisk.toString(), "assess", input.toString(), "-f", "jsonl", "-o",
                dir.resolve("cli.jsonl").toString(), "--rejects", dir.resolve("cli-rejects.csv").toString(),
                "--no-progress"));
        report("firerisk assess (2 threads)", venues, cli);
        Time one = spark(localArgs, input, dir, "local[1]");
        report("spark local[1]", venues, one);
        Time two = spark(localArgs, input, dir, "local[2]");
        report("spark local[2]", venues, two);
        System.out.printf(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx by wall time (%.2fx more CPU time);"
                + " local[2] against firerisk assess: %.2fx by wall time, %.2fx by CPU time%n",
                one.wall() / two.wall(), two.cpu() / one.cpu(), cli.wall() / two.wall(), cli.cpu() / two.cpu());
        System.out.printf(Locale.ROOT, "splitting the whole file again in the second stripe costs %.1f%% of local[1]'s"
                + " CPU time%n", 100 * split.cpu() / one.cpu());
        double perCore = venues / one.cpu();
        for (int cores : new int[] {8, 32, 128}) {   // per-core rate from local[1]'s CPU time
            System.out.printf(Locale.ROOT, "at the measured %.0f venues/s per core, %d executor cores: about %,.0f venues/s"
                    + " (10 million venues in %.1f min), start-up aside%n", perCore, cores, perCore * cores,
                    10_000_000 / (perCore * cores) / 60);
        }
    }

    private static Time spark(Path localArgs, Path input, Path dir, String master) throws Exception {
        Path out = dir.resolve("spark-" + master.replaceAll("[^0-9a-z]", ""));
        return run(List.of("@" + localArgs, "assess", input.toString(), "--master", master, "-f", "jsonl", "-o",
                out.toString(), "--overwrite"));
    }

    /** The time to read every record of the file through the venue reader, parsing each or not. */
    private static Time read(Path input, boolean parse) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long records = 0;
        try (VenueReader reader = VenueReader.jsonLines(Files.newInputStream(input), input.toString(),
                StandardCharsets.UTF_8, Files.size(input))) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                records += parse ? (p.parse() instanceof VenueRecord.Parsed ? 1 : 0) : 1;
            }
        }
        if (records == 0) {
            throw new IllegalStateException(input + " holds no venues");
        }
        return new Time((System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private static void report(String what, int venues, Time t) {
        System.out.printf(Locale.ROOT, "%-40s wall %7.1f s %,8.0f venues/s   CPU %7.1f s %,8.0f venues per CPU-second%n",
                what, t.wall(), venues / t.wall(), t.cpu(), venues / t.cpu());
    }

    /** Runs {@code java args} and returns its wall and CPU time; fails when it fails. */
    private static Time run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        // The CPU time of a process is readable only while it lives: sampled until it ends (the last 50 ms lost).
        java.time.Duration cpu = java.time.Duration.ZERO;
        while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            cpu = p.toHandle().info().totalCpuDuration().orElse(cpu);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return new Time(seconds, cpu.toNanos() / 1e9);
    }
}
