package io.firerisk.bench;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: from process start to the first assessment, each run in a fresh JVM. Compares the
 * bundled campaign (rule packages compiled at build time) with the same campaign compiled from its
 * rule files at run time, and prints the median of several runs.
 *
 * <pre>java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.ColdStart [--runs 5] [JVM options…]</pre>
 *
 * JVM options after the flags (such as {@code -XX:SharedArchiveFile=app.jsa}) are passed to the
 * measured JVMs.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--child")) {
            child(args[1], args.length > 2 ? args[2] : null);
            return;
        }
        int runs = 5;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                jvmOptions.add(args[i]);
            }
        }
        Path source = Growth.syntheticCopies(Files.createTempDirectory("firerisk-cold").resolve("campaign"), 1);
        System.out.println("| campaign | runs | JVM start → main (ms) | load (ms) | first assessment (ms) | process start → first result (ms) | CPU used by then (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");
        report("bundled, precompiled at build time", measure(runs, jvmOptions, "bundled", null), runs);
        report("same rules compiled from source at run time", measure(runs, jvmOptions, "folder", source.toString()), runs);
    }

    private static void report(String what, List<long[]> results, int runs) {
        long[] median = new long[5];
        for (int k = 0; k < 5; k++) {
            final int column = k;
            List<Long> values = new ArrayList<>(results.stream().map(r -> r[column]).sorted().toList());
            median[k] = values.get(values.size() / 2);
        }
        System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", what, runs, median[0], median[1], median[2], median[3],
                median[4]);
    }

    private static List<long[]> measure(int runs, List<String> jvmOptions, String mode, String folder) throws Exception {
        List<long[]> results = new ArrayList<>();
        List<String> childArgs = folder == null ? List.of(mode) : List.of(mode, folder);
        for (int i = 0; i < runs; i++) {
            ChildJvm.Run run = ChildJvm.run(ColdStart.class, jvmOptions, childArgs);
            String[] parts = run.fields();
            long jvmToMain = Long.parseLong(parts[1]);
            long load = Long.parseLong(parts[2]);
            long first = Long.parseLong(parts[3]);
            long firstResultAt = Long.parseLong(parts[4]);
            long cpu = Long.parseLong(parts[5]);
            results.add(new long[] {jvmToMain, load, first, firstResultAt - run.launched(), cpu});
        }
        return results;
    }

    private static void child(String mode, String folder) {
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        RiskEngine.Builder builder = RiskEngine.builder();
        RiskEngine engine = (mode.equals("bundled") ? builder.campaign(Growth.CAMPAIGN)
                : builder.campaignDirectory(Path.of(folder))).build();
        long t1 = System.nanoTime();
        VenueFacts facts = Workload.venues(engine.campaign(), 1, 5, 1L).get(0);
        Assessment a = engine.assess(facts);
        long t2 = System.nanoTime();
        long at = System.currentTimeMillis();
        if (a.venueId().isEmpty()) {
            throw new IllegalStateException();
        }
        // The CPU time of every thread of the process (compilers and collector included) up to the first
        // result: on a shared machine the wall times say how busy it was, this says how much work a start is.
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.println("cold " + jvmToMain + " " + (t1 - t0) / 1_000_000 + " " + (t2 - t1) / 1_000_000 + " " + at
                + " " + cpu);
    }
}
