package io.firerisk.bench;

import io.firerisk.Finding;
import io.firerisk.RiskEngine;
import io.firerisk.ledger.Count;
import io.firerisk.ledger.Dimension;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.WeekCounts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a dashboard of today costs the ledger after each recording, on the district-scale schema {@link DeskLoad}
 * prepares: records inspections with one finding each (dated now, as the desk's recorders post them) one at a time,
 * and after each times what {@code DashboardService} asks for: the counts by the dashboard's seven dimensions (all,
 * and one unit's) and the trend from the campaign's start to today. The first call of each is the full count or fold;
 * the figures printed are of the calls after a recording. One thread, nothing else asked of the ledger.
 *
 * <pre>
 * java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.TodayDashboardCost --schema desk_bench --recordings 40
 * </pre>
 *
 * PostgreSQL is reached with {@code FIRERISK_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}. It records into the
 * schema (as the desk's recorders do), under the ledger's person {@code insp0}.
 */
public final class TodayDashboardCost {

    private static final Dimension[] DIMS = {Dimension.STREET, Dimension.UNIT, Dimension.STATE, Dimension.GRADE,
            Dimension.CATEGORY, Dimension.OVERDUE, Dimension.CLOSED_BY_DEADLINE};

    private TodayDashboardCost() {}

    public static void main(String[] args) throws Exception {
        String schema = "desk_bench";
        int recordings = 40;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--schema" -> schema = args[i + 1];
                case "--recordings" -> recordings = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: TodayDashboardCost [--schema NAME] [--recordings N]");
            }
        }
        String url = env("FIRERISK_TEST_PG_URL", "jdbc:postgresql://localhost:5432/firerisk_test");
        String user = env("FIRERISK_TEST_PG_USER", "firerisk_test");
        String password = env("FIRERISK_TEST_PG_PASSWORD", "firerisk_test");
        try (RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").explanations(false).build();
             Ledger ledger = Ledger.builder().campaign(engine).postgres(url, user, password).schema(schema).poolSize(4)
                     .build()) {
            LocalDate today = ledger.today();
            long t = System.nanoTime();
            int assessed = ledger.assessForToday();
            System.out.printf(Locale.ROOT, "%,d events; %,d venues assessed for %s (%.1f s)%n", ledger.eventCount(),
                    assessed, today, seconds(t));
            EnumSet<HazardState> counted = EnumSet.complementOf(EnumSet.of(HazardState.CANCELLED));
            HazardQuery all = HazardQuery.builder().asOf(today).states(counted).build();
            List<HazardRow> rows = ledger.hazards(HazardQuery.builder().page(0, 1_000).build()).items();
            String unit = rows.get(0).unitId();
            HazardQuery oneUnit = HazardQuery.builder().asOf(today).states(counted).units(unit).build();
            HazardQuery scope = HazardQuery.builder().build();
            LocalDate start = ledger.campaign().calendar().start();

            List<Count> first = time("first count (all)", () -> ledger.counts(all, DIMS));
            System.out.printf(Locale.ROOT, "  %,d keys, %,d hazards%n", first.size(),
                    first.stream().mapToLong(Count::hazards).sum());
            time("first trend", () -> ledger.trend(start, today, scope));

            Random random = new Random(17);
            double[][] ms = new double[3][recordings];
            for (int i = 0; i < recordings; i++) {
                String venue = rows.get(random.nextInt(rows.size())).venueId();
                String inspection = "cost-" + UUID.randomUUID();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                ledger.record(List.of(
                        Entry.of(inspection, "insp0", now, new Event.InspectionRecorded(inspection, venue,
                                InspectionKind.SPOT_CHECK, today, List.of("insp0"), "费用测试")),
                        Entry.of(inspection + "-1", "insp0", now, new Event.HazardFound(venue, inspection,
                                Finding.builder(inspection + "-1", "FIRE_EXTINGUISHER_INVALID").location("一楼").build(),
                                false, null, List.of()))));
                long a = System.nanoTime();
                ledger.counts(all, DIMS);
                long b = System.nanoTime();
                ledger.counts(oneUnit, DIMS);
                long c = System.nanoTime();
                List<WeekCounts> weeks = ledger.trend(start, today, scope);
                long d = System.nanoTime();
                ms[0][i] = (b - a) / 1e6;
                ms[1][i] = (c - b) / 1e6;
                ms[2][i] = (d - c) / 1e6;
                if (weeks.isEmpty()) {
                    throw new IllegalStateException("no trend");
                }
            }
            String[] names = {"counts, all (7 dimensions)", "counts, one unit", "trend, start to today"};
            System.out.printf(Locale.ROOT, "after each of %d recordings, ms per call:%n", recordings);
            for (int k = 0; k < 3; k++) {
                double[] v = ms[k].clone();
                Arrays.sort(v);
                System.out.printf(Locale.ROOT, "  %-28s mean %8.1f  p50 %8.1f  max %8.1f%n", names[k],
                        Arrays.stream(v).average().orElse(0), v[v.length / 2], v[v.length - 1]);
            }
            System.out.printf(Locale.ROOT, "load average now: %s%n", loadAverage());
        }
    }

    private static <T> T time(String what, Supplier<T> call) {
        long t = System.nanoTime();
        T result = call.get();
        System.out.printf(Locale.ROOT, "%s: %.1f s%n", what, seconds(t));
        return result;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
