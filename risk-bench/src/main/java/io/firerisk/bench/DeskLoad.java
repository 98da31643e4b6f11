package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.ledger.ImportReport;
import io.firerisk.ledger.Ledger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign desk under load, as the "Speed" section asks: a number of people browsing (the
 * dashboard, venue pages, the hazard ledger) and a number recording inspections through the JSON API,
 * each signed in with a session of their own, for a fixed time; then the latency percentiles of each
 * kind of request (HdrHistogram), the errors, and the machine's load average during the run.
 *
 * <pre>
 * # 1. the district-scale ledger of issue 16 into a PostgreSQL schema of its own (kept for the desk)
 * java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.DeskLoad prepare --venues 100000 --schema desk_bench
 * # 2. a desk on it (see docs/performance.md), then 50 browsing and 10 recording for 5 minutes
 * java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.DeskLoad run --url http://localhost:8080 \
 *      --schema desk_bench --browsers 50 --recorders 10 --duration 300
 * # 3. the same with 20 of the 50 browsing as unit officers, each of a unit of their own
 * java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.DeskLoad run --url http://localhost:8080 \
 *      --schema desk_bench --browsers 50 --officers 20 --recorders 10 --duration 300
 * </pre>
 *
 * PostgreSQL is reached with {@code FIRERISK_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}. {@code run}
 * adds two accounts to the desk's table in that schema if missing ({@value #BROWSER} as bureau staff and
 * {@value #RECORDER} as an inspector acting as the ledger's person {@code insp0}), both with the password
 * {@value #PASSWORD}: a benchmark schema's accounts, never a production desk's.
 *
 * <p>{@code --officers K} (default 0: every browser is bureau staff) lets K of the browsers sign in as unit
 * officers, each of another unit: the K units with the most venues in the schema's {@code ledger_venue}
 * (ties by unit id), with the accounts {@value #OFFICER_PREFIX}{@code <unitId>} added if missing (an existing
 * one of another role or unit, or one disabled, to change its password or with another password hash, stops the run
 * rather than being changed). A unit officer sees their own unit
 * only, so their dashboard has a scope of its own: each visits their unit's venues (those their own hazard
 * ledger links to) and the figures are reported apart from bureau staff's. Each officer's first dashboard (timed from
 * the start, warm-up included) is reported on a line of its own (p50 and max over the officers; the table's rows
 * are their dashboards after it); one still loading when the time is up is waited for, and one that failed or
 * neither loaded nor failed counts as an error.
 *
 * <p>The program exits with 1 when any request failed (one that got no answer included) or any browser, recorder
 * or officer could not sign in, warm-up or not.
 */
public final class DeskLoad {

    static final String BROWSER = "bench-staff";
    static final String RECORDER = "bench-inspector";
    /** A unit officer's account is this followed by the unit's id. */
    static final String OFFICER_PREFIX = "bench-off-";
    static final String PASSWORD = "bench-password-2026";
    /** BCrypt (cost 10) of {@link #PASSWORD}, made once with Spring Security's BCryptPasswordEncoder. */
    static final String PASSWORD_HASH = "$2a$10$0euGR2Q/m8zhcWbA6GnGP.NfoHOGlmvg/IwjxSP5.aYLfQD.SxQoO";

    /** The hazard ledger's pages the venues to visit are read from. */
    private static final int SCOUT_PAGES = 5;
    /** The longest one request may take (the HTTP client's timeout): the wait for officers' first dashboards. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VENUE_LINK = Pattern.compile("href=\"/venues/([A-Za-z0-9._-]+)[?\"]");

    enum Kind {
        DASHBOARD("dashboard /"), VENUE("venue page /venues/{id}"),
        WHAT_IF("what would lower the grade /venues/{id}/what-if (opened on 1 venue page in 5)"),
        LIST("hazard ledger /hazards?page=n"),
        RECORD("record an inspection POST /api/inspections");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The row's label for unit officers' requests: the same request, marked as theirs. */
        String officerLabel() {
            return this == WHAT_IF ? "what would lower the grade /venues/{id}/what-if (unit officer, opened on 1 venue page in 5)"
                    : label + " (unit officer)";
        }
    }

    /** The latencies and errors of one kind of account: bureau staff (and the recorders), or unit officers. */
    private static final class Figures {
        final String errorMark;
        final Map<Kind, Histogram> latency = new EnumMap<>(Kind.class);
        final Map<Kind, AtomicLong> errors = new EnumMap<>(Kind.class);

        Figures(String errorMark) {
            this.errorMark = errorMark;
            for (Kind k : Kind.values()) {
                latency.put(k, new ConcurrentHistogram(TimeUnitMicros.HOUR, 3));
                errors.put(k, new AtomicLong());
            }
        }

        void reset() {
            latency.values().forEach(Histogram::reset);
            errors.values().forEach(e -> e.set(0));
        }
    }

    /** A unit officer ready to browse: signed in, with their unit's venues and hazard ledger pages. */
    private record Officer(String unitId, User user, List<String> venues, int listPages) {
    }

    private final String url;
    private final Figures staff = new Figures("");
    private final Figures officers = new Figures(" (unit officer)");
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    /** Each officer's first dashboard, timed from the start (warm-up included) and never reset. */
    private final Histogram firstDashboard = new ConcurrentHistogram(TimeUnitMicros.HOUR, 3);
    private final Map<String, Long> firstDashboardByUnit = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> firstDashboardErrors = new ConcurrentHashMap<>();
    /** Browsers and recorders that could not sign in (or read their CSRF token), warm-up or not: never reset. */
    private final Map<String, AtomicLong> loginErrors = new ConcurrentHashMap<>();
    private volatile CountDownLatch firstDashboardsPending = new CountDownLatch(0);
    private volatile boolean measuring;
    private volatile boolean stop;

    private DeskLoad(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static final class TimeUnitMicros {
        static final long HOUR = 3_600_000_000L;
    }

    /** What {@code run} was asked for, checked before anything is touched. */
    record RunOptions(String url, int browsers, int officers, int recorders, Duration duration, Duration warmup,
            long thinkMs, long recordThinkMs, String hazardCode) {

        static RunOptions of(Map<String, String> o) {
            int browsers = number(o, "browsers", 50, 0, Integer.MAX_VALUE);
            return new RunOptions(required(o, "url"), browsers,
                    number(o, "officers", 0, 0, browsers),
                    number(o, "recorders", 10, 0, Integer.MAX_VALUE),
                    Duration.ofSeconds(number(o, "duration", 300, 1, Integer.MAX_VALUE)),
                    Duration.ofSeconds(number(o, "warmup", 30, 0, Integer.MAX_VALUE)),
                    number(o, "think-ms", 1000, 0, Integer.MAX_VALUE),
                    number(o, "record-think-ms", 5000, 0, Integer.MAX_VALUE),
                    o.getOrDefault("hazard-code", "FIRE_EXTINGUISHER_INVALID"));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("prepare") || args[0].equals("run"))) {
            throw new IllegalArgumentException("usage: DeskLoad prepare --venues N --schema NAME [--dir DIR] | "
                    + "DeskLoad run --url URL --schema NAME [--browsers 50] [--officers 0] [--recorders 10] "
                    + "[--duration 300] [--warmup 30] [--think-ms 1000] [--record-think-ms 5000] [--hazard-code CODE]");
        }
        Map<String, String> o = options(args);
        String pgUrl = env("FIRERISK_TEST_PG_URL", "jdbc:postgresql://localhost:5432/firerisk_test");
        String pgUser = env("FIRERISK_TEST_PG_USER", "firerisk_test");
        String pgPassword = env("FIRERISK_TEST_PG_PASSWORD", "firerisk_test");
        String schema = required(o, "schema");
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--schema: lower-case letters, digits and _ (was " + schema + ")");
        }
        if (args[0].equals("prepare")) {
            int venues = Integer.parseInt(o.getOrDefault("venues", "100000"));
            Path dir = Path.of(o.getOrDefault("dir", System.getProperty("java.io.tmpdir") + "/firerisk-ledger-bench"));
            prepare(pgUrl, pgUser, pgPassword, schema, venues, dir);
            return;
        }
        RunOptions run = RunOptions.of(o);
        addAccounts(pgUrl, pgUser, pgPassword, schema);
        List<String> officerUnits = List.of();
        if (run.officers() > 0) {
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
                officerUnits = officerUnits(c, schema, run.officers());
                addOfficerAccounts(c, schema, officerUnits);
            }
        }
        DeskLoad load = new DeskLoad(run.url());
        int failed = load.run(run.browsers(), officerUnits, run.recorders(), run.duration(), run.warmup(), run.thinkMs(),
                run.recordThinkMs(), run.hazardCode());
        System.exit(failed == 0 ? 0 : 1);
    }

    /** The district-scale campaign of {@link LedgerBenchmark}, imported into {@code schema} and kept there. */
    static void prepare(String pgUrl, String user, String password, String schema, int venues, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("ledger-" + venues + ".jsonl");
        if (!Files.exists(file)) {
            long n = LedgerBenchmark.generate(venues, file);
            System.out.printf(Locale.ROOT, "generated %,d events for %,d venues: %s%n", n, venues, file);
        }
        try (Connection c = DriverManager.getConnection(pgUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + schema);
        }
        try (RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").explanations(false).build();
             Ledger ledger = Ledger.builder().campaign(engine).postgres(pgUrl, user, password).schema(schema).poolSize(4)
                     .build();
             Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ImportReport report = ledger.importEvents(in, file.toString(), n -> { });
            if (!report.rejects().isEmpty()) {
                throw new IllegalStateException(report.rejects().size() + " lines rejected, first: " + report.rejects().get(0));
            }
            System.out.printf(Locale.ROOT, "schema %s: %,d events recorded now, %,d in the log%n", schema, report.recorded(),
                    ledger.eventCount());
        }
    }

    /** The benchmark's two accounts, in the desk's table (the desk must have started once on the schema). */
    static void addAccounts(String pgUrl, String user, String password, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl, user, password)) {
            for (String[] a : List.of(new String[] {BROWSER, "STAFF", "staff"}, new String[] {RECORDER, "INSPECTOR", "insp0"})) {
                try (PreparedStatement p = c.prepareStatement("insert into " + schema + ".desk_account (username, "
                        + "password_hash, role, person_id, display_name, must_change, failed_logins, created_at) "
                        + "values (?, ?, ?, ?, ?, false, 0, now()) on conflict (username) do nothing")) {
                    p.setString(1, a[0]);
                    p.setString(2, PASSWORD_HASH);
                    p.setString(3, a[1]);
                    p.setString(4, a[2]);
                    p.setString(5, a[0]);
                    p.executeUpdate();
                }
            }
        }
    }

    /**
     * The {@code officers} units whose officers browse: those with the most venues, ties by unit id (in Java's
     * order, so that the database's collation does not decide).
     *
     * @throws IllegalArgumentException when the schema has fewer units with venues
     */
    static List<String> officerUnits(Connection c, String schema, int officers) throws SQLException {
        Map<String, Long> venues = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select unit_id, count(*) from " + schema + ".ledger_venue group by unit_id")) {
            while (r.next()) {
                venues.put(r.getString(1), r.getLong(2));
            }
        }
        if (venues.size() < officers) {
            throw new IllegalArgumentException("--officers " + officers + ": " + schema + ".ledger_venue has venues in "
                    + venues.size() + " units only, and each officer needs a unit of their own");
        }
        return venues.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(officers).map(Map.Entry::getKey).toList();
    }

    /**
     * A unit officer's account for each unit, {@value #OFFICER_PREFIX}{@code <unitId>}, added if missing with the
     * benchmark's password. An account of that name kept from before must be a unit officer of that unit, enabled,
     * not asked to change its password and with the benchmark's password hash: any other is refused, not changed
     * (the run would only fail at sign-in, without naming why).
     *
     * @throws IllegalStateException naming the account, what it is and what the benchmark needs
     */
    static void addOfficerAccounts(Connection c, String schema, List<String> units) throws SQLException {
        for (String unit : units) {
            String username = OFFICER_PREFIX + unit;
            try (PreparedStatement p = c.prepareStatement("insert into " + schema + ".desk_account (username, "
                    + "password_hash, role, unit_id, display_name, must_change, failed_logins, created_at) "
                    + "select ?, ?, 'UNIT_OFFICER', ?, ?, false, 0, now() "
                    + "where not exists (select 1 from " + schema + ".desk_account where username = ?)")) {
                p.setString(1, username);
                p.setString(2, PASSWORD_HASH);
                p.setString(3, unit);
                p.setString(4, username);
                p.setString(5, username);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("select role, unit_id, disabled, must_change, password_hash from " + schema
                    + ".desk_account where username = ?")) {
                p.setString(1, username);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("account " + username + " was not added to " + schema + ".desk_account");
                    }
                    String role = r.getString(1);
                    String has = r.getString(2);
                    if (!"UNIT_OFFICER".equals(role) || !unit.equals(has)) {
                        throw new IllegalStateException("account " + username + " in " + schema + ".desk_account is " + role
                                + (has == null ? " of no unit" : " of unit " + has) + ", but the benchmark signs in with it as "
                                + "UNIT_OFFICER of unit " + unit + "; it is left as it is: correct or remove it, then run again");
                    }
                    List<String> differs = new ArrayList<>();
                    if (r.getBoolean(3)) {
                        differs.add("is disabled");
                    }
                    if (r.getBoolean(4)) {
                        differs.add("must change its password");
                    }
                    if (!PASSWORD_HASH.equals(r.getString(5))) {
                        differs.add("has another password hash than the benchmark's password " + PASSWORD);
                    }
                    if (!differs.isEmpty()) {
                        throw new IllegalStateException("account " + username + " in " + schema + ".desk_account is "
                                + "UNIT_OFFICER of unit " + unit + " but " + String.join(", ", differs) + ", so the benchmark "
                                + "cannot sign in with it; it is left as it is: correct or remove it, then run again");
                    }
                }
            }
        }
    }

    int run(int browsers, List<String> officerUnits, int recorders, Duration duration, Duration warmup, long thinkMs,
            long recordThinkMs, String hazardCode) throws Exception {
        // Venues to visit and to record at: those the hazard ledger's first pages link to.
        User scout = new User();
        scout.logIn(BROWSER);
        Set<String> venueSet = new LinkedHashSet<>();
        for (int page = 1; page <= SCOUT_PAGES; page++) {
            Matcher m = VENUE_LINK.matcher(scout.get("/hazards?page=" + page).body());
            while (m.find()) {
                venueSet.add(m.group(1));
            }
        }
        List<String> venues = new ArrayList<>(venueSet);
        if (venues.isEmpty()) {
            throw new IllegalStateException("the hazard ledger at " + url + " links to no venue");
        }
        // Each officer signs in now (a refused login stops the run here) and reads the venues to visit from
        // their own hazard ledger, so that they visit only what the desk shows them: no 403 for another unit's.
        List<Officer> officerList = new ArrayList<>();
        for (String unit : officerUnits) {
            officerList.add(officer(unit));
        }
        System.out.printf(Locale.ROOT, "%s: %d browsing (think %d ms), %d recording (think %d ms), %d venues, warm-up %d s, "
                        + "measured %d s%n", url, browsers, thinkMs, recorders, recordThinkMs, venues.size(),
                warmup.toSeconds(), duration.toSeconds());
        if (!officerList.isEmpty()) {
            System.out.printf(Locale.ROOT, "of the %d browsing, %d unit officers: %s%n", browsers, officerList.size(),
                    String.join(", ", officerList.stream().map(f -> f.unitId() + " (" + f.venues().size() + " venues, "
                            + f.listPages() + " hazard ledger pages)").toList()));
        }

        firstDashboardsPending = new CountDownLatch(officerList.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            Runnable body;
            if (i < officerList.size()) {
                Officer officer = officerList.get(i);
                body = () -> browseAsOfficer(officer, thinkMs);
            } else {
                body = () -> browse(venues, thinkMs);
            }
            Thread t = new Thread(body, "browser-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (int i = 0; i < recorders; i++) {
            Thread t = new Thread(() -> record(venues, recordThinkMs, hazardCode), "recorder-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup.toMillis());
        staff.reset();
        officers.reset();
        errorKinds.clear();
        measuring = true;
        long start = System.nanoTime();
        List<Double> load = new ArrayList<>();
        while (System.nanoTime() - start < duration.toNanos()) {
            Thread.sleep(5_000);
            load.add(loadAverage());
        }
        measuring = false;
        double seconds = (System.nanoTime() - start) / 1e9;
        stop = true;
        // Officers' first dashboards are timed from the start: one still loading is waited for (at most as long as
        // a request may take), not left out; one still not done after that counts as an error in the report.
        long pending = firstDashboardsPending.getCount();
        if (pending > 0) {
            System.out.printf(Locale.ROOT, "waiting for %d unit officers' first dashboards, still loading...%n", pending);
            firstDashboardsPending.await(REQUEST_TIMEOUT.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        }
        // The figures now: a request still waiting (a slow page) must not hold them back; main() exits after.
        return report(seconds, load, officerList.size());
    }

    /** Signs in as the unit's officer and reads their venues from their own hazard ledger's first pages. */
    private Officer officer(String unit) throws IOException, InterruptedException {
        User user = new User();
        user.logIn(OFFICER_PREFIX + unit);
        Set<String> venueSet = new LinkedHashSet<>();
        int pages = 0;
        for (int page = 1; page <= SCOUT_PAGES; page++) {
            HttpResponse<String> r = user.get("/hazards?page=" + page);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the hazard ledger of " + OFFICER_PREFIX + unit + ", page " + page + ": HTTP "
                        + r.statusCode());
            }
            Matcher m = VENUE_LINK.matcher(r.body());
            boolean any = false;
            while (m.find()) {
                venueSet.add(m.group(1));
                any = true;
            }
            if (!any) {
                break;
            }
            pages = page;
        }
        if (venueSet.isEmpty()) {
            throw new IllegalStateException("the hazard ledger of " + OFFICER_PREFIX + unit + " at " + url
                    + " links to no venue: nothing for a unit officer of " + unit + " to visit");
        }
        return new Officer(unit, user, List.copyOf(venueSet), pages);
    }

    private int report(double seconds, List<Double> load, int officerCount) {
        System.out.println();
        System.out.println("| request | requests | per second | errors | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        long failed = 0;
        long unanswered = 0;
        for (Kind k : Kind.values()) {
            if (k == Kind.RECORD && officerCount > 0) {
                for (Kind o : List.of(Kind.DASHBOARD, Kind.VENUE, Kind.WHAT_IF, Kind.LIST)) {
                    failed += row(o.officerLabel(), officers, o, seconds);
                }
            }
            failed += row(k.label, staff, k, seconds);
        }
        double min = load.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = load.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double mean = load.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (officerCount > 0) {
            long firstFailed = firstDashboardErrors.values().stream().mapToLong(AtomicLong::get).sum();
            long loaded = firstDashboard.getTotalCount();
            // Neither loaded nor failed: the wait above timed out, or the officer's thread ended without an answer.
            unanswered = Math.max(0, officerCount - loaded - firstFailed);
            failed += firstFailed + unanswered;
            String slowest = firstDashboardByUnit.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> " (" + e.getKey() + ")").orElse("");
            System.out.printf(Locale.ROOT, "%nunit officers, each officer's first dashboard (timed from the start, warm-up "
                            + "included): %d of %d loaded, %d failed, %d neither loaded nor failed; p50 %.0f ms, max %.0f ms%s%n",
                    loaded, officerCount, firstFailed, unanswered, firstDashboard.getValueAtPercentile(50) / 1e3,
                    firstDashboard.getMaxValue() / 1e3, slowest);
        }
        long loginFailed = loginErrors.values().stream().mapToLong(AtomicLong::get).sum();
        failed += loginFailed;
        System.out.printf(Locale.ROOT, "%nmeasured %.0f s; 1-minute load average during it: min %.1f, mean %.1f, max %.1f "
                + "on %d cores%n", seconds, min, mean, max, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "targets: dashboard p95 <= 300 ms: %s; venue page p95 <= 150 ms: %s; no error: %s%n",
                target(staff.latency.get(Kind.DASHBOARD), 300), target(staff.latency.get(Kind.VENUE), 150),
                failed == 0 ? "met" : "NOT met (" + failed + ")");
        if (officerCount > 0) {
            System.out.printf(Locale.ROOT, "unit officers: dashboard p95 <= 300 ms: %s; venue page p95 <= 150 ms: %s%n",
                    target(officers.latency.get(Kind.DASHBOARD), 300), target(officers.latency.get(Kind.VENUE), 150));
        }
        errorKinds.forEach((what, n) -> System.out.println("error: " + what + " × " + n.get()));
        firstDashboardErrors.forEach((what, n) -> System.out.println("error: first dashboard (unit officer) " + what
                + " × " + n.get()));
        if (unanswered > 0) {
            System.out.println("error: first dashboard (unit officer) neither loaded nor failed by the end × " + unanswered);
        }
        loginErrors.forEach((what, n) -> System.out.println("error: " + what + " × " + n.get()));
        return (int) Math.min(Integer.MAX_VALUE, failed);
    }

    /** Whether the p95 is within the target; a target no request was measured for is not met. */
    private static String target(Histogram h, long p95Ms) {
        if (h.getTotalCount() == 0) {
            return "NOT met (no request measured)";
        }
        return h.getValueAtPercentile(95) <= p95Ms * 1_000 ? "met" : "NOT met";
    }

    /** One row of the table; its errors. */
    private static long row(String label, Figures f, Kind k, double seconds) {
        Histogram h = f.latency.get(k);
        long e = f.errors.get(k).get();
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %d | %.0f | %.0f | %.0f | %.0f |%n", label,
                h.getTotalCount(), h.getTotalCount() / seconds, e, h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(95) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
        return e;
    }

    private void browse(List<String> venues, long thinkMs) {
        User user = new User();
        try {
            user.logIn(BROWSER);
        } catch (RuntimeException e) {
            loginFailed("browser", e);
            return;
        }
        browse(user, staff, venues, 20, thinkMs);
    }

    /**
     * A unit officer: their first dashboard, timed and counted on its own line whenever it comes (not in the
     * table's rows, which are the dashboards after it), then browsing as staff do.
     */
    private void browseAsOfficer(Officer officer, long thinkMs) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = officer.user().send(HttpRequest.newBuilder(URI.create(url + "/")).GET());
            long micros = (System.nanoTime() - t) / 1_000;
            if (r.statusCode() != 200) {
                firstDashboardErrors.computeIfAbsent("HTTP " + r.statusCode() + " / (" + officer.unitId() + ")",
                        k -> new AtomicLong()).incrementAndGet();
            } else {
                firstDashboard.recordValue(Math.min(micros, TimeUnitMicros.HOUR));
                firstDashboardByUnit.put(officer.unitId(), micros / 1_000);
            }
        } catch (IOException | RuntimeException e) {
            firstDashboardErrors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage() + " ("
                    + officer.unitId() + ")", k -> new AtomicLong()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
        } finally {
            firstDashboardsPending.countDown();
        }
        think(thinkMs);
        browse(officer.user(), officers, officer.venues(), officer.listPages(), thinkMs);
    }

    private void browse(User user, Figures f, List<String> venues, int listPages, long thinkMs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop) {
            int r = random.nextInt(10);
            if (r < 3) {
                timed(f, Kind.DASHBOARD, () -> user.get("/"), 200);
            } else if (r < 8) {
                String venue = venues.get(random.nextInt(venues.size()));
                timed(f, Kind.VENUE, () -> user.get("/venues/" + venue), 200);
                // The page's 如何降低风险等级 is worked out when the reader opens it (htmx): some do.
                if (random.nextInt(5) == 0) {
                    timed(f, Kind.WHAT_IF, () -> user.get("/venues/" + venue + "/what-if"), 200);
                }
            } else {
                int page = 1 + random.nextInt(listPages);
                timed(f, Kind.LIST, () -> user.get("/hazards?page=" + page), 200);
            }
            think(thinkMs);
        }
    }

    private void record(List<String> venues, long thinkMs, String hazardCode) {
        User user = new User();
        String token;
        try {
            user.logIn(RECORDER);
            token = user.csrf(user.get("/hazards?page=1").body(), CSRF);
        } catch (IOException | RuntimeException e) {
            loginFailed("recorder", e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        think(random.nextLong(thinkMs + 1));
        while (!stop) {
            String venue = venues.get(random.nextInt(venues.size()));
            String body = "{\"requestId\":\"bench-" + UUID.randomUUID() + "\",\"venueId\":\"" + venue
                    + "\",\"kind\":\"SPOT_CHECK\",\"note\":\"负载测试\",\"findings\":[{\"hazardCode\":\"" + hazardCode
                    + "\",\"location\":\"一楼\"}]}";
            timed(staff, Kind.RECORD, () -> user.send(HttpRequest.newBuilder(URI.create(url + "/api/inspections"))
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))), 201);
            think(thinkMs);
        }
    }

    private interface Call {
        HttpResponse<String> call() throws IOException, InterruptedException;
    }

    private void timed(Figures f, Kind kind, Call call, int expected) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = call.call();
            long micros = (System.nanoTime() - t) / 1_000;
            if (r.statusCode() != expected) {
                // One line per kind of failure: the status and the path with its venue's id left out.
                failed(f, kind, "HTTP " + r.statusCode() + " " + r.uri().getPath().replaceAll("/venues/[^/]+", "/venues/{id}"));
            } else if (measuring) {
                f.latency.get(kind).recordValue(Math.min(micros, TimeUnitMicros.HOUR));
            }
        } catch (IOException | RuntimeException e) {
            // No answer (connection closed or refused, the timeout) or anything else: counted, and browsing goes on.
            failed(f, kind, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
                    .replaceAll("/venues/[^/ ]+", "/venues/{id}"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
        }
    }

    /** A browser or recorder that cannot sign in: the run failed, whether or not it is measuring yet. */
    private void loginFailed(String who, Exception e) {
        loginErrors.computeIfAbsent("login (" + who + "): " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
    }

    private void failed(Figures f, Kind kind, String what) {
        if (measuring) {
            f.errors.get(kind).incrementAndGet();
            errorKinds.computeIfAbsent(kind.name() + f.errorMark + " " + what, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static void think(long ms) {
        try {
            Thread.sleep(ms <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ms / 2, ms * 3 / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One person: a session of their own (cookies), signed in with the login form. */
    private final class User {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        void logIn(String username) {
            try {
                String token = csrf(get("/login").body(), CSRF_FIELD);
                String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token);
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
                String to = r.headers().firstValue("Location").orElse("");
                if (r.statusCode() != 302 || to.contains("error") || to.contains("locked")) {
                    throw new IllegalStateException("login as " + username + " refused (" + r.statusCode() + " → " + to + ")");
                }
            } catch (IOException e) {
                throw new IllegalStateException("login as " + username + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** A page; no answer is an IOException for the caller to count (not wrapped, which would escape timed()). */
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String csrf(String page, Pattern where) {
            Matcher m = where.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return m.group(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options come as --name value (at " + args[i] + ")");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /**
     * A whole-number option between {@code min} and {@code max}, or {@code fallback} when not given.
     *
     * @throws IllegalArgumentException naming the option, what it may be and what it was
     */
    static int number(Map<String, String> o, String name, int fallback, int min, int max) {
        String v = o.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with what was given
        }
        String range = max == Integer.MAX_VALUE ? min + " or more"
                : "from " + min + " to " + max + (name.equals("officers") ? " (they are some of the --browsers " + max + ")" : "");
        throw new IllegalArgumentException("--" + name + ": a whole number " + range + ", was \"" + v + "\"");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
