package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time and bytes per venue on the bench workload (4,096 venues, explanations on and every result's
 * reasons read): 8 warm-up passes, then the best and the median of {@code PASSES} passes of the thread's CPU
 * time per venue, and the bytes it allocated per venue in the last pass. Built to compare two builds run
 * alternately on a loaded machine: CPU time and bytes, not wall time.
 *
 * <pre>java -Xms1g -Xmx1g -cp risk-bench/target/benchmarks.jar io.firerisk.bench.PerVenue 5 [FINDINGS] [noexplain]</pre>
 */
public final class PerVenue {

    private static final int WARMUP_PASSES = 8;

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3 || (args.length == 3 && !args[2].equals("noexplain"))) {
            System.err.println("usage: PerVenue PASSES [FINDINGS_PER_VENUE] [noexplain]");
            System.exit(2);
        }
        int passes = Integer.parseInt(args[0]);
        int findings = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean explain = args.length < 3;
        try (RiskEngine engine = RiskEngine.builder().campaign(Growth.CAMPAIGN).explanations(explain).build()) {
            List<VenueFacts> work = Workload.venues(engine.campaign(), 4096, findings, 2023L);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            double[] measured = new double[passes];
            double kb = 0;
            long sink = 0;
            for (int p = 0; p < passes + WARMUP_PASSES; p++) {
                long cpu = mx.getCurrentThreadCpuTime();
                long bytes = mx.getCurrentThreadAllocatedBytes();
                for (VenueFacts v : work) {
                    sink += engine.assess(v).reasons().size();
                }
                double us = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / work.size();
                kb = (mx.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / work.size();
                if (p >= WARMUP_PASSES) {
                    measured[p - WARMUP_PASSES] = us;
                }
            }
            Arrays.sort(measured);
            System.out.printf("best %.1f µs, median %.1f µs, %.1f KB a venue (%d reasons read)%n",
                    measured[0], measured[passes / 2], kb, sink);
        }
    }
}
