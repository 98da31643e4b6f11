package io.firerisk.bench;

import io.firerisk.Assessment;
import io.firerisk.VenueFacts;
import io.firerisk.internal.SessionStrategies;
import io.firerisk.internal.SessionStrategies.Assessing;
import io.firerisk.internal.SessionStrategies.Strategy;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The session life cycles side by side in one JVM, on one thread: the engine's pool (a session emptied by
 * deleting the venue's facts), a kept session emptied by {@code reset()}, a kept session whose memories are
 * dropped, a new session per venue and the naive stateless session. First checks that every strategy gives exactly the
 * pooled engine's assessments on the whole workload; then, round after round, times one pass of the workload
 * per strategy in turn (so a loaded machine slows all alike) and prints, per strategy, the median and best CPU
 * microseconds of the thread per venue, the bytes allocated per venue, and the ratio to the naive baseline.
 *
 * <pre>java -Xms1g -Xmx1g -cp risk-bench/target/benchmarks.jar io.firerisk.bench.SessionLifecycles [ROUNDS]</pre>
 */
public final class SessionLifecycles {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        SessionStrategies compiled = SessionStrategies.bundled(Growth.CAMPAIGN);
        List<VenueFacts> venues = Workload.venues(compiled.campaign(), 2048, 5, 20231213L);
        LocalDate today = compiled.campaign().calendar().start();
        Map<Strategy, Assessing> assessors = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            assessors.put(s, compiled.assessor(s, true));
        }
        Assessing pooled = assessors.get(Strategy.POOLED);
        for (VenueFacts v : venues) {
            Assessment expected = pooled.assess(v, today);
            for (Strategy s : Strategy.values()) {
                Assessment got = assessors.get(s).assess(v, today);
                if (!got.equals(expected)) {
                    throw new IllegalStateException(s + " assessed venue " + v.venue().id() + " differently:\n"
                            + got + "\nagainst\n" + expected);
                }
            }
        }
        System.out.println("every strategy gave the pooled engine's assessment for all " + venues.size() + " venues");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Strategy, List<Double>> micros = new EnumMap<>(Strategy.class);
        Map<Strategy, Double> kb = new EnumMap<>(Strategy.class);
        for (int round = 0; round < rounds + 2; round++) {
            for (Strategy s : Strategy.values()) {
                Assessing a = assessors.get(s);
                long cpu = mx.getCurrentThreadCpuTime();
                long bytes = mx.getCurrentThreadAllocatedBytes();
                long sink = 0;
                for (VenueFacts v : venues) {
                    sink += a.assess(v, today).reasons().size();
                }
                double us = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / venues.size();
                if (round >= 2) { // two warm-up rounds
                    micros.computeIfAbsent(s, k -> new ArrayList<>()).add(us);
                    kb.put(s, (mx.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / venues.size());
                }
                if (sink < 0) {
                    System.out.println(sink);
                }
            }
        }
        double naive = median(micros.get(Strategy.STATELESS));
        System.out.printf("load average %.2f; %d rounds of %d venues, five findings each, explanations on%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, venues.size());
        System.out.println("| strategy | µs/venue (CPU, median) | best | KB allocated/venue | speed vs naive |");
        System.out.println("|---|---|---|---|---|");
        for (Strategy s : Strategy.values()) {
            List<Double> m = micros.get(s);
            System.out.printf("| %s | %.1f | %.1f | %.0f | %.2f× |%n", s, median(m),
                    m.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), kb.get(s), naive / median(m));
        }
        assessors.values().forEach(Assessing::close);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
