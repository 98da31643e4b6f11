package io.firerisk.bench;

import io.firerisk.VenueFacts;
import io.firerisk.internal.SessionStrategies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule firings per venue as findings grow (the growth table's workload: 1, 5, 20 and 100 findings a venue):
 * the total, per finding, and the rules that fire most at the largest size. Tells whether time that grows
 * faster than the findings comes from more firings per finding (what the rules conclude: a venue with a
 * hundred findings is nearly always a suspected major hazard) or from more work per firing (joins of
 * findings with findings).
 *
 * <pre>java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.Activations [VENUES]</pre>
 */
public final class Activations {

    public static void main(String[] args) {
        int venues = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SessionStrategies compiled = SessionStrategies.bundled(Growth.CAMPAIGN);
        LocalDate today = compiled.campaign().calendar().start();
        System.out.println("| findings/venue | firings/venue | firings per finding | distinct rules fired |");
        System.out.println("|---|---|---|---|");
        Map<String, Integer> largest = null;
        for (int findings : new int[] {1, 5, 20, 100}) {
            List<VenueFacts> work = Workload.venues(compiled.campaign(), venues, findings, 7L);
            Map<String, Integer> total = new TreeMap<>();
            for (VenueFacts v : work) {
                compiled.firingsByRule(v, today).forEach((rule, n) -> total.merge(rule, n, Integer::sum));
            }
            long sum = total.values().stream().mapToLong(Integer::longValue).sum();
            System.out.printf("| %d | %.1f | %.2f | %d |%n", findings, sum / (double) venues,
                    sum / (double) venues / findings, total.size());
            largest = total;
        }
        System.out.println();
        System.out.println("| rule | firings/venue at 100 findings |");
        System.out.println("|---|---|");
        largest.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(25)
                .forEach(e -> System.out.printf("| %s | %.1f |%n", e.getKey(), e.getValue() / (double) venues));
    }
}
