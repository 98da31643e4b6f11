package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.analysis.NewCampaign;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the time per venue grows with findings per venue and with the number of rules. Prints a
 * table; every figure is the best of several timed passes after warm-up, in CPU microseconds of the
 * measuring thread per venue, explanations on.
 *
 * <pre>java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.Growth [--quick] [--findings-only]</pre>
 *
 * {@code --findings-only} measures the findings rows alone (the bundled campaign, no synthetic copies), for a
 * before-and-after comparison that fits between other runs.
 *
 * Rule counts above the bundled campaign's are synthetic: every rule file is copied into
 * {@code rules/copyN/…} with its package and rule names renamed, so each copy repeats the whole
 * campaign's matching work.
 */
public final class Growth {

    static final String CAMPAIGN = "wanzhou-2023-winter";

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        boolean findingsOnly = List.of(args).contains("--findings-only");
        int venues = quick ? 50 : 1000;
        int passes = quick ? 2 : 12;
        System.out.println("| variable | rules | findings/venue | µs/venue (CPU, best) | KB allocated/venue |");
        System.out.println("|---|---|---|---|---|");
        try (RiskEngine engine = RiskEngine.builder().campaign(CAMPAIGN).build()) {
            int rules = engine.campaign().rules().size();
            for (int findings : new int[] {1, 5, 20, 100}) {
                List<VenueFacts> work = Workload.venues(engine.campaign(), findings >= 100 ? venues / 5 : venues,
                        findings, 7L);
                print("findings", rules, findings, measure(engine, work, passes));
            }
        }
        if (findingsOnly) {
            return;
        }
        Path temp = Files.createTempDirectory("firerisk-growth");
        for (int copies : new int[] {2, 4}) {
            Path folder = syntheticCopies(temp.resolve("x" + copies), copies);
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
                List<VenueFacts> work = Workload.venues(engine.campaign(), venues, 5, 7L);
                print("rules ×" + copies, engine.campaign().rules().size(), 5, measure(engine, work, passes));
            }
        }
    }

    private static void print(String variable, int rules, int findings, double[] result) {
        System.out.printf("| %s | %d | %d | %.1f | %.0f |%n", variable, rules, findings, result[0], result[1]);
    }

    /** Best CPU µs per venue over the passes after the first (warm-up), and KB allocated per venue. */
    static double[] measure(RiskEngine engine, List<VenueFacts> work, int passes) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double best = Double.MAX_VALUE;
        double kb = 0;
        for (int pass = 0; pass < passes + 3; pass++) {
            long cpu = mx.getCurrentThreadCpuTime();
            long bytes = mx.getThreadAllocatedBytes(thread);
            for (VenueFacts v : work) {
                engine.assess(v);
            }
            double micros = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / work.size();
            kb = (mx.getThreadAllocatedBytes(thread) - bytes) / 1024.0 / work.size();
            if (pass >= 3) {
                best = Math.min(best, micros);
            }
        }
        return new double[] {best, kb};
    }

    /**
     * The bundled campaign with its rule files repeated {@code copies} times in all: a copy made as an
     * analyst makes one ({@code firerisk new-campaign}), its rule files then copied under {@code rules/copyN/}.
     */
    static Path syntheticCopies(Path into, int copies) throws IOException {
        NewCampaign.fromBundled(CAMPAIGN, "growth-copy", into);
        Path rules = into.resolve("rules");
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        for (Path file : files) {
            String relative = rules.relativize(file).toString().replace('\\', '/');
            String original = Files.readString(file, StandardCharsets.UTF_8);
            for (int c = 2; c <= copies; c++) {
                String text = original
                        .replaceFirst("(?m)^package rules\\.", "package rules.copy" + c + ".")
                        .replaceAll("(?m)^rule \"([^\"]*)\"", "rule \"$1 (copy " + c + ")\"");
                write(rules.resolve("copy" + c).resolve(relative), text);
            }
        }
        return into;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
