package io.firerisk.bench;

import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.RectificationPlan;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.ledger.AreaLevel;
import io.firerisk.ledger.Dimension;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.ImportReport;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RebuildReport;
import io.firerisk.ledger.Role;
import io.firerisk.ledger.UnitKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The ledger at district scale: generates a campaign of N venues (about ten events each: registration,
 * an inspection, two hazards, one carried to closure, the other through an extension), imports it,
 * and measures one venue's state as of a date, counts by street × state × grade, a dated count
 * replayed from the log, and a rebuild of the projections — on H2 and on PostgreSQL, side by side.
 *
 * <pre>
 * java -Xmx6g -cp risk-bench/target/benchmarks.jar io.firerisk.bench.LedgerBenchmark --venues 100000
 * </pre>
 *
 * PostgreSQL is reached with {@code FIRERISK_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD} (as
 * {@code .ci/run} sets them); each run uses a schema of its own and drops it. {@code --only h2} or
 * {@code --only postgres} runs one of them.
 */
public final class LedgerBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate START = LocalDate.of(2023, 12, 1);
    static final String[] KINDS = {"RESTAURANT", "SHOP", "HOTEL", "OFFICE", "MARKET", "RESIDENTIAL", "CANTEEN"};
    static final String[] CODES = {"FIRE_EXTINGUISHER_INVALID", "EVACUATION_ROUTE_BLOCKED", "FIRE_SEPARATION_OCCUPIED",
            "EVACUATION_SIGNS_OR_LIGHTING_MISSING", "FIRE_ALARM_NOT_WORKING", "POWER_CABLES_NONCOMPLIANT"};

    /** One database's figures. */
    record Figures(String database, long events, double importSeconds, double eventsPerSecond, double assessSeconds,
            double venueP50, double venueP99, double countsMedian, double countsMax, double datedCountsFirst,
            double datedCountsCached, double rebuildReplay, double rebuildAssess) {}

    public static void main(String[] args) throws Exception {
        int venues = 100_000;
        int samples = 2_000;
        String only = "";
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "firerisk-ledger-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--venues" -> venues = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --venues N, --samples N, --only h2|postgres, --dir DIR)");
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("ledger-" + venues + ".jsonl");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            long n = generate(venues, file);
            System.out.printf(Locale.ROOT, "generated %,d events for %,d venues in %.1f s: %s%n", n, venues,
                    (System.nanoTime() - t) / 1e9, file);
        }
        RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").explanations(false).build();
        List<Figures> all = new ArrayList<>();
        if (!only.equals("postgres")) {
            Path h2 = Files.createTempDirectory(dir, "h2-");
            try {
                all.add(run("H2 (embedded file)", Ledger.builder().h2(h2.resolve("ledger")), engine, file, venues, samples));
            } finally {
                try (var walk = Files.walk(h2)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        if (!only.equals("h2")) {
            String url = env("FIRERISK_TEST_PG_URL", "jdbc:postgresql://localhost:5432/firerisk_test");
            String user = env("FIRERISK_TEST_PG_USER", "firerisk_test");
            String password = env("FIRERISK_TEST_PG_PASSWORD", "firerisk_test");
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            try {
                all.add(run("PostgreSQL 15", Ledger.builder().postgres(url, user, password).schema(schema), engine, file,
                        venues, samples));
            } finally {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
        engine.close();
        System.out.println();
        System.out.println("| database | events | import (events/s) | venues re-assessed after | one venue as of a date p50 / p99 "
                + "| street × state × grade now, median / max | same counts as of a date, first / cached | rebuild: replay + assess |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Figures f : all) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f s (%,.0f/s) | %.1f s | %.2f / %.2f ms | %.0f / %.0f ms "
                            + "| %.1f / %.3f s | %.1f s + %.1f s |%n", f.database(), f.events(), f.importSeconds(),
                    f.eventsPerSecond(), f.assessSeconds(), f.venueP50(), f.venueP99(), f.countsMedian(), f.countsMax(),
                    f.datedCountsFirst(), f.datedCountsCached(), f.rebuildReplay(), f.rebuildAssess());
        }
    }

    static Figures run(String name, Ledger.Builder builder, RiskEngine engine, Path file, int venues, int samples)
            throws IOException {
        System.out.println("== " + name);
        try (Ledger ledger = builder.campaign(engine).poolSize(4).build()) {
            long t0 = System.nanoTime();
            ImportReport report;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = ledger.importEvents(in, file.toString(), n -> { });
            }
            double total = (System.nanoTime() - t0) / 1e9;
            if (!report.rejects().isEmpty()) {
                throw new IllegalStateException(report.rejects().size() + " lines rejected, first: " + report.rejects().get(0));
            }
            double importSeconds = report.elapsed().toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "import: %,d events in %.1f s = %,.0f events/s; then %,d venues assessed in %.1f s%n",
                    report.recorded(), importSeconds, report.recorded() / importSeconds, report.venuesAssessed(),
                    total - importSeconds);

            Random random = new Random(1);
            double[] venue = new double[samples];
            for (int i = -samples / 4; i < samples; i++) {
                String id = venueId(random.nextInt(venues));
                LocalDate date = START.plusDays(random.nextInt(120));
                long t = System.nanoTime();
                ledger.venue(id, date).orElseThrow();
                if (i >= 0) {
                    venue[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(venue);
            System.out.printf(Locale.ROOT, "one venue as of a date: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)%n",
                    pct(venue, 0.5), pct(venue, 0.99), venue[venue.length - 1], samples);

            double[] counts = new double[30];
            int groups = 0;
            for (int i = -5; i < counts.length; i++) {
                long t = System.nanoTime();
                groups = ledger.counts(HazardQuery.all(), Dimension.STREET, Dimension.STATE, Dimension.GRADE).size();
                if (i >= 0) {
                    counts[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(counts);
            System.out.printf(Locale.ROOT, "counts street × state × grade (%d groups): median %.0f ms, max %.0f ms%n",
                    groups, pct(counts, 0.5), counts[counts.length - 1]);

            LocalDate mid = LocalDate.of(2024, 2, 10);
            long t = System.nanoTime();
            ledger.counts(HazardQuery.builder().asOf(mid).build(), Dimension.STREET, Dimension.STATE, Dimension.GRADE);
            double first = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            ledger.counts(HazardQuery.builder().asOf(mid).build(), Dimension.STREET, Dimension.STATE, Dimension.GRADE);
            double cached = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "same counts as of %s (replayed): first %.1f s, again %.3f s%n", mid, first, cached);

            RebuildReport r = ledger.rebuildProjections();
            System.out.printf(Locale.ROOT, "rebuild: %,d events replayed into %,d hazards in %.1f s; %,d venues assessed in %.1f s%n",
                    r.events(), r.hazards(), r.replay().toNanos() / 1e9, r.venuesAssessed(), r.assessment().toNanos() / 1e9);
            return new Figures(name, report.recorded(), importSeconds, report.recorded() / importSeconds,
                    total - importSeconds, pct(venue, 0.5), pct(venue, 0.99), pct(counts, 0.5), counts[counts.length - 1],
                    first, cached, r.replay().toNanos() / 1e9, r.assessment().toNanos() / 1e9);
        }
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String venueId(int i) {
        return String.format("V%06d", i);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    /** Writes the district's campaign as an import file; returns the number of events. */
    static long generate(int venues, Path file) throws IOException {
        Random random = new Random(2023);
        long[] n = {0};
        int streets = Math.max(1, Math.min(20, venues / 100));
        int units = Math.max(1, venues / 100);
        Instant setUp = at(START.minusDays(1), 9);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Writer w = (actor, at, event) -> {
                out.write(Entry.of("b" + (++n[0]), actor, at, event).toJsonLine());
                out.write('\n');
            };
            w.write("admin", setUp, new Event.AreaRegistered("WZ", AreaLevel.DISTRICT, "万州区", null));
            for (int s = 0; s < streets; s++) {
                w.write("admin", setUp, new Event.AreaRegistered("ST" + s, AreaLevel.STREET, "街道" + s, "WZ"));
                for (int c = 0; c < 10; c++) {
                    w.write("admin", setUp, new Event.AreaRegistered("CM" + s + "-" + c, AreaLevel.COMMUNITY,
                            "社区" + s + "-" + c, "ST" + s));
                    for (int g = 0; g < 5; g++) {
                        w.write("admin", setUp, new Event.AreaRegistered("GR" + s + "-" + c + "-" + g, AreaLevel.GRID,
                                "网格" + s + "-" + c + "-" + g, "CM" + s + "-" + c));
                    }
                }
            }
            w.write("admin", setUp, new Event.UnitRegistered("BUREAU", "万州区城市管理局", UnitKind.BUREAU_DEPARTMENT, null));
            w.write("admin", setUp, new Event.PersonRegistered("staff", "局安全办", "BUREAU", Set.of(Role.BUREAU_STAFF)));
            for (int i = 0; i < 20; i++) {
                w.write("admin", setUp, new Event.PersonRegistered("insp" + i, "检查员" + i, "BUREAU", Set.of(Role.INSPECTOR)));
            }
            for (int u = 0; u < units; u++) {
                w.write("admin", setUp, new Event.UnitRegistered("U" + u, "单位" + u, UnitKind.ENTERPRISE, null));
                w.write("admin", setUp, new Event.PersonRegistered("officer" + u, "安全员" + u, "U" + u,
                        Set.of(Role.UNIT_OFFICER)));
            }
            for (int v = 0; v < venues; v++) {
                String id = venueId(v);
                String kind = KINDS[v % KINDS.length];
                String unit = "U" + (v % units);
                String officer = "officer" + (v % units);
                String inspector = "insp" + random.nextInt(20);
                String reviewer = "insp" + ((Integer.parseInt(inspector.substring(4)) + 1) % 20);
                int s = random.nextInt(streets);
                String grid = "GR" + s + "-" + random.nextInt(10) + "-" + random.nextInt(5);
                Venue venue = Venue.builder(id, kind).name(kind + id).floors(1 + random.nextInt(6))
                        .heightMeters(5.0 + random.nextInt(20)).occupantCapacity(10 + random.nextInt(300))
                        .gasSupply(kind.equals("RESTAURANT") ? GasSupply.PIPED_NATURAL_GAS : GasSupply.NONE).build();
                w.write("staff", at(START, 8), new Event.VenueRegistered(venue, unit, grid));
                LocalDate found = START.plusDays(5 + random.nextInt(80));
                String inspection = "I" + id;
                w.write(inspector, at(found, 9), new Event.InspectionRecorded(inspection, id, InspectionKind.SPOT_CHECK,
                        found, List.of(inspector), ""));
                String a = id + "/F1";
                String b = id + "/F2";
                LocalDate deadline = found.plusDays(7 + random.nextInt(14));
                w.write(inspector, at(found, 10), new Event.HazardFound(id, inspection,
                        Finding.builder(a, CODES[random.nextInt(CODES.length)]).location("一楼").build(), false, deadline,
                        List.of()));
                w.write(inspector, at(found, 10), new Event.HazardFound(id, inspection,
                        Finding.builder(b, CODES[random.nextInt(CODES.length)]).location("二楼").build(), false, deadline,
                        List.of()));
                w.write(officer, at(found.plusDays(1), 9), new Event.PlanSet(a, new RectificationPlan("负责人",
                        "按规定整改", deadline, "自筹", "加强巡查")));
                LocalDate reported = found.plusDays(2 + random.nextInt(20));
                w.write(officer, at(reported, 9), new Event.RectificationReported(a, "已整改", List.of()));
                w.write(reviewer, at(reported.plusDays(2), 9), new Event.ReinspectionPassed(a, null, "合格", List.of()));
                w.write("staff", at(reported.plusDays(3), 9), new Event.HazardClosed(a, "销号"));
                if (random.nextBoolean()) {
                    w.write(officer, at(found.plusDays(1), 10), new Event.ExtensionRequested(b, deadline.plusDays(10),
                            "材料未到"));
                    w.write("staff", at(found.plusDays(2), 10), new Event.ExtensionApproved(b, deadline.plusDays(10), ""));
                } else {
                    w.write(officer, at(found.plusDays(1), 10), new Event.PlanSet(b, new RectificationPlan("负责人",
                            "按规定整改", null, "自筹", "")));
                    w.write(officer, at(deadline.plusDays(random.nextInt(10)), 10), new Event.RectificationReported(b, "",
                            List.of()));
                }
            }
        }
        return n[0];
    }

    private interface Writer {
        void write(String actor, Instant at, Event event) throws IOException;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
