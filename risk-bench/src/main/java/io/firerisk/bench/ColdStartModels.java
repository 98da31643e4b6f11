package io.firerisk.bench;

import io.firerisk.internal.ColdPaths;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled campaign's rules from a cold JVM in the two forms Drools can load them ahead of time, side by side,
 * alternating run by run: the engine's precompiled rule packages (unpacked and built into a Rete network at start)
 * and Drools' executable model (the rules as generated Java classes, compiled once here before the runs). Each run
 * is a fresh JVM that reads the campaign's data tables, gets the rules ready and assesses one venue in a new session;
 * printed are the medians of each step and of process start to the first result, and the CPU the process used.
 *
 * <pre>java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.ColdStartModels [--runs 5] [--kjar model.jar] [JVM options…]</pre>
 *
 * {@code --kjar} reuses an executable model built by an earlier run (its path is printed) instead of building it.
 */
public final class ColdStartModels {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(args[1].equals("-") ? null : Path.of(args[1]));
            return;
        }
        int runs = 5;
        Path kjar = null;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--kjar")) {
                kjar = Path.of(args[++i]);
            } else {
                jvm.add(args[i]);
            }
        }
        if (kjar == null) {
            kjar = Files.createTempFile("firerisk-executable-model", ".jar");
            long build = System.nanoTime();
            ColdPaths.writeExecutableModel(Growth.CAMPAIGN, kjar);
            System.out.printf("executable model built in %d ms (%d KB kjar): %s%n",
                    (System.nanoTime() - build) / 1_000_000, Files.size(kjar) / 1024, kjar);
        }
        List<long[]> drl = new ArrayList<>();
        List<long[]> exec = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            drl.add(run(jvm, "-"));
            exec.add(run(jvm, kjar.toString()));
        }
        System.out.printf("load average %.2f at the end%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| rules as | runs | JVM start → main | data tables | rules ready | first result (session, facts, firing) | process start → first result | CPU by then |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        print("precompiled packages (as shipped)", drl);
        print("executable model", exec);
    }

    private static void print(String what, List<long[]> results) {
        long[] m = new long[6];
        for (int k = 0; k < 6; k++) {
            final int c = k;
            List<Long> sorted = results.stream().map(r -> r[c]).sorted().toList();
            m[k] = sorted.get(sorted.size() / 2);
        }
        System.out.printf("| %s | %d | %d ms | %d ms | %d ms | %d ms | **%d ms** | %d ms |%n", what, results.size(), m[0], m[1],
                m[2], m[3], m[4], m[5]);
    }

    private static long[] run(List<String> jvm, String kjar) throws Exception {
        ChildJvm.Run run = ChildJvm.run(ColdStartModels.class, jvm, List.of(kjar));
        String[] f = run.fields();
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]) - run.launched(), Long.parseLong(f[6])};
    }

    private static void child(Path kjar) throws Exception {
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        long[] steps = ColdPaths.firstResult(Growth.CAMPAIGN, kjar, c -> Workload.venues(c, 1, 5, 1L).get(0));
        long at = System.currentTimeMillis();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.println("cold " + jvmToMain + " " + steps[0] + " " + steps[1] + " " + steps[2] + " " + at + " " + cpu);
    }
}
