package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.ledger.DemoLedger;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.report.Reports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long each report takes on the desk's demo ledger (the bundled sample, seed 2023, as
 * {@code --spring.profiles.active=demo} generates it into an embedded H2 file), as the desk asks for them:
 * the weekly report ending on the desk's opening day and the day before (two snapshots each), the final
 * summary, unit accountability and the digest. Each report runs {@code --rounds} times in one JVM; every
 * round is printed, wall time and the JVM's CPU time.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests -pl risk-bench -am
 * java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.ReportTiming [--as-of 2024-02-05] [--rounds 3]
 * </pre>
 */
public final class ReportTiming {
    private ReportTiming() {}

    public static void main(String[] args) throws Exception {
        LocalDate asOf = LocalDate.of(2024, 2, 5);
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--as-of" -> asOf = LocalDate.parse(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --as-of YYYY-MM-DD, --rounds N)");
            }
        }
        Path dir = Files.createTempDirectory("firerisk-report-timing-");
        try (RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
             Ledger ledger = Ledger.builder().campaign(engine).h2(dir.resolve("ledger"))
                     .clock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC)).build()) {
            long t0 = System.nanoTime();
            DemoLedger.Summary s = DemoLedger.generate(ledger, sample(), 2023);
            System.out.printf("demo ledger: %d venues, %d events, generated in %d ms%n", s.venues(), ledger.eventCount(),
                    (System.nanoTime() - t0) / 1_000_000);
            Reports reports = Reports.of(ledger);
            LocalDate d = asOf;
            for (int r = 1; r <= rounds; r++) {
                time(r, "week ending " + d, () -> reports.week(d));
                time(r, "week ending " + d.minusDays(1), () -> reports.week(d.minusDays(1)));
                time(r, "final summary " + d, () -> reports.finalSummary(d));
                time(r, "accountability " + d, () -> reports.accountability(d));
                time(r, "digest " + d, () -> reports.digest(d));
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void time(int round, String what, Supplier<?> report) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Object result = report.get();
        long wall = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        if (result == null) {
            throw new IllegalStateException(what + ": no report");
        }
        System.out.printf("round %d  %-28s %7.0f ms wall  %7.0f ms CPU%n", round, what, wall / 1e6, cpu / 1e6);
    }

    private static List<VenueFacts> sample() throws Exception {
        String name = "samples/wanzhou-venues.jsonl";
        InputStream in = ReportTiming.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the bundled sample " + name + " is missing (it comes with risk-rules)");
        }
        List<VenueFacts> venues = new ArrayList<>();
        try (VenueReader reader = VenueReader.jsonLines(in, name, StandardCharsets.UTF_8, -1)) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                if (p.parse() instanceof VenueRecord.Parsed parsed) {
                    venues.add(parsed.facts());
                } else {
                    throw new IllegalStateException("the bundled sample has a bad record at " + p);
                }
            }
        }
        return venues;
    }
}
