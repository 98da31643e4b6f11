package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * A warm batch under Java Flight Recorder: assesses the bench workload (4,096 venues, five findings each,
 * explanations on) {@code WARMUP} times, then {@code MEASURED} times while recording with the JDK's
 * "profile" settings (allocation samples throttled to 1,000 a second), writes the recording and prints
 * the measuring thread's CPU time and bytes allocated per venue. Counts, not durations, so that a loaded
 * machine warms the engine up as far as a quiet one does.
 *
 * <pre>java -Xms1g -Xmx1g -cp risk-bench/target/benchmarks.jar io.firerisk.bench.WarmBatch 40000 20000 warm.jfr [FINDINGS]</pre>
 *
 * An optional fourth argument sets the findings per venue (five by default), to profile the growth table's rows.
 */
public final class WarmBatch {

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: WarmBatch WARMUP MEASURED OUT.jfr [FINDINGS_PER_VENUE]");
            System.exit(2);
        }
        int warmup = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        try (RiskEngine engine = RiskEngine.builder().campaign(Growth.CAMPAIGN).build()) {
            int findings = args.length == 4 ? Integer.parseInt(args[3]) : 5;
            List<VenueFacts> venues = Workload.venues(engine.campaign(), 4096, findings, 2023L);
            long sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += engine.assess(venues.get(i % venues.size())).reasons().size();
            }
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
            recording.start();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < measured; i++) {
                sink += engine.assess(venues.get((warmup + i) % venues.size())).reasons().size();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            recording.stop();
            recording.dump(Path.of(args[2]));
            System.out.printf("%d venues measured: %.1f µs CPU and %.1f KB allocated a venue (%d reasons)%n",
                    measured, cpu / 1e3 / measured, bytes / 1024.0 / measured, sink);
        }
    }
}
