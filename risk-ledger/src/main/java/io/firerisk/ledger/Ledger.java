package io.firerisk.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import io.firerisk.ledger.draw.InspectionPlan;
import io.firerisk.ledger.draw.InspectionPlanner;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The campaign ledger: every hazard of a campaign through the closed loop (发现 → 五落实 → 整改 →
 * 复查 → 销号 → 回头看), kept as an append-only log of events, with projections for the ledger as it
 * stands and a replay of the log for any past date.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
 * try (Ledger ledger = Ledger.builder().h2(Path.of("firerisk-ledger")).campaign(engine).build()) {
 *     ledger.record(Entry.of("E-1", "inspector-7", at, new Event.HazardFound(...)));
 *     VenueView v = ledger.venue("WZ-0002", LocalDate.of(2024, 2, 10)).orElseThrow();
 *     v.assessment().grade();                                   // the engine's, as of that date
 *     ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 10)).overdue(true).build());
 * }
 * }</pre>
 *
 * <p>A ledger is safe to share between threads and between processes on one database: every write
 * is one transaction that checks each entry against the state its streams are in and fails, rather
 * than overwrites, when another writer got there first. The engine is the caller's and stays open
 * when the ledger is closed.
 */
public final class Ledger implements AutoCloseable {

    private static final int MAX_ATTEMPTS = 20;
    private static final int IMPORT_BATCH = 1_000;
    /** Lines a transaction of an import holds; smaller in tests that kill an import half-way. */
    int importBatch = IMPORT_BATCH;
    private static final int WORKING_LIMIT = 400_000;

    private final HikariDataSource pool;
    private final Store store;
    private final RiskEngine engine;
    private final Campaign campaign;
    private final LedgerPolicy policy;
    private final Clock clock;
    private final ZoneId zone;
    private final Checker checker;
    private final Projection projection;
    private final Replay replay;
    /** Today's counts kept in memory and moved by what is recorded (see {@link #counts}). */
    private final TodayCounts todayCounts;
    private final String description;

    private Ledger(Builder b, HikariDataSource pool, LedgerPolicy policy) {
        this.pool = pool;
        this.store = new Store(Jdbi.create(pool), b.postgres);
        this.engine = b.engine;
        this.campaign = b.engine.campaign();
        this.policy = policy;
        this.zone = campaign.timeZone();
        this.clock = b.clock;
        this.checker = new Checker(engine, policy, clock);
        this.projection = new Projection(store, campaign);
        this.replay = new Replay(store, engine, policy, zone, clock);
        this.todayCounts = new TodayCounts(store);
        this.description = b.describe();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The campaign the ledger belongs to. */
    public Campaign campaign() {
        return campaign;
    }

    /** The engine the ledger assesses with. */
    public RiskEngine engine() {
        return engine;
    }

    /** The campaign's rules for the closed loop ({@code ledger.yaml}). */
    public LedgerPolicy policy() {
        return policy;
    }

    /** Today by the ledger's clock, in the campaign's time zone: the date the projections are assessed as of. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Records one entry; see {@link #record(List)}. */
    public Receipt record(Entry entry) {
        return record(List.of(entry));
    }

    /**
     * Records a submission (an inspection with its findings, say) as one transaction: every entry
     * or none. Each is checked against the state the earlier ones left. Entries whose id the log
     * already holds with the same content are not recorded again (a retry); the receipt lists them.
     *
     * @throws RefusedException            an entry does not fit (its field is named); nothing recorded
     * @throws IllegalTransitionException  the transition table does not allow an event in its hazard's state
     * @throws ConflictException           an entry's expected version is stale; nothing recorded
     */
    public Receipt record(List<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        List<Entry> normalized = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            Objects.requireNonNull(e, "entry");
            if (e.eventId() != null && !ids.add(e.eventId())) {
                throw new RefusedException(e.eventId(), "eventId", "event " + e.eventId()
                        + ": eventId: appears twice in one submission");
            }
            normalized.add(normalize(e));
        }
        if (normalized.isEmpty()) {
            return new Receipt(List.of(), List.of());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return store.jdbi.inTransaction(h -> recordIn(h, normalized));
            } catch (UnableToExecuteStatementException e) {
                if (!uniqueViolation(e) || attempt >= MAX_ATTEMPTS) {
                    throw storage("record " + normalized.size() + " event(s)", e);
                }
                Thread.onSpinWait();
                // Another writer appended to one of these streams, or recorded the same id, between our
                // read and our insert: read again and decide again.
            }
        }
    }

    private Receipt recordIn(Handle h, List<Entry> entries) {
        Map<String, Store.Existing> existing = store.existing(h,
                entries.stream().map(Entry::eventId).filter(Objects::nonNull).toList());
        Working w = new Working(new LedgerState(zone), loader(h));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Store.Pending> pending = new ArrayList<>();
        List<RecordedEvent> already = new ArrayList<>();
        for (Entry entry : entries) {
            Store.Existing ex = existing.get(entry.eventId());
            if (ex != null) {
                already.add(same(entry, ex));
                continue;
            }
            if (entry.expectedVersion().isPresent()) {
                // A stale version is a conflict before anything else: the user decided on what they saw.
                int expected = entry.expectedVersion().getAsInt();
                String stream = streamOf(entry);
                int current = stream == null ? expected : w.version(stream);
                if (current != expected) {
                    List<RecordedEvent> since = store.stream(h, stream).stream()
                            .filter(e -> e.version() > expected).toList();
                    throw new ConflictException(entry.eventId(), stream, expected, current, since);
                }
            }
            Store.Pending p = check(entry, w, now);
            pending.add(p);
            w.accept(p.recorded(0));
        }
        if (!pending.isEmpty()) {
            store.lockLog(h);
        }
        List<RecordedEvent> recorded = store.insert(h, pending);
        // Writers on one venue queue on its row before touching its hazards' rows, which all carry the
        // venue's grade: taking them in any other order, two writers could each hold what the other waits for.
        store.lockVenues(h, pending.stream().map(Store.Pending::venueId).filter(Objects::nonNull).toList());
        project(h, w, pending);
        // Every venue touched is assessed again as of today, an inspection too: the latest inspection can confirm
        // that a venue out of use has no real fire risk (GB 35181-2025 4.2 b), which the grade depends on. Today's
        // pages read these grades (see hazards()), so they must be what a replay as of today would give.
        Set<String> venues = new LinkedHashSet<>();
        pending.stream().filter(p -> p.venueId() != null).forEach(p -> venues.add(p.venueId()));
        List<LedgerState.VenueFold> folds = venues.stream().map(w::completeVenue).filter(Objects::nonNull).toList();
        store.setGrade(h, Projection.assess(engine, w.state, folds, today()));
        return new Receipt(recorded, already);
    }

    /** The entry's stream, or null when the event is too incomplete to name one (the checker refuses it). */
    private static String streamOf(Entry entry) {
        try {
            String stream = entry.event().stream();
            return stream.endsWith(":null") ? null : stream;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Store.Pending check(Entry entry, Working w, Instant now) {
        return check(entry, w, now, null, null, false);
    }

    /**
     * Checks an entry; a digest and JSON made ahead (by a parallel parse) are used when still right. {@code replay}
     * for an entry of a log being imported ({@link Checker#check(Entry, Working, boolean)} says what it spares).
     */
    private Store.Pending check(Entry entry, Working w, Instant now, String digest, String payload, boolean replay) {
        Checker.Accepted a = checker.check(entry, w, replay);
        int version = w.version(a.stream()) + 1;
        // The digest is of the entry as submitted, so a retry of it matches even where the ledger
        // filled something in (a deadline) before recording it.
        return new Store.Pending(entry.eventId(), a.stream(), version, a.event(), a.venueId(), entry.actor(),
                entry.happenedAt(), now, digest != null ? digest : Codec.digest(entry.event(), entry.actor(),
                entry.happenedAt()), payload != null && a.event() == entry.event() ? payload : Codec.payload(a.event()));
    }

    private RecordedEvent same(Entry entry, Store.Existing ex) {
        if (!Codec.digest(entry.event(), entry.actor(), entry.happenedAt()).equals(ex.digest())) {
            RecordedEvent e = ex.event();
            throw new RefusedException(entry.eventId(), "eventId", "event " + entry.eventId() + ": eventId: already "
                    + "used for a different event (" + e.type() + " on " + e.stream() + " by " + e.actor() + " at "
                    + e.happenedAt() + ", recorded " + e.recordedAt() + "); a new event needs a new id");
        }
        return ex.event();
    }

    /** Writes the projection rows of every stream the pending events touched. */
    private void project(Handle h, Working w, List<Store.Pending> pending) {
        Set<String> streams = new LinkedHashSet<>();
        Set<String> venues = new java.util.HashSet<>();
        for (Store.Pending p : pending) {
            streams.add(p.stream());
            if (p.venueId() != null && venues.add(p.venueId())) {
                // rows of a venue and of its hazards carry the venue's unit and area codes
                LedgerState.VenueFold v = w.venue(p.venueId());
                for (String code = v == null ? null : v.area; code != null; ) {
                    Directory.Area a = w.area(code);
                    code = a == null ? null : a.parent().orElse(null);
                }
            }
        }
        projection.write(h, w.state, streams, Map.of());
    }

    private Working.Loader loader(Handle h) {
        return new Working.Loader() {
            @Override
            public List<RecordedEvent> stream(String stream) {
                return store.stream(h, stream);
            }

            @Override
            public List<RecordedEvent> venue(String venueId) {
                return store.venue(h, venueId);
            }
        };
    }

    private static Entry normalize(Entry e) {
        Instant at = e.happenedAt() == null ? null : e.happenedAt().truncatedTo(ChronoUnit.MICROS);
        return new Entry(e.eventId(), e.actor(), at, e.event(), e.expectedVersion());
    }

    // ---- import and export ---------------------------------------------------------------------

    /** Imports an export file (JSON Lines, UTF-8); see {@link #importEvents(Reader, String, LongConsumer)}. */
    public ImportReport importEvents(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importEvents(in, file.toString(), n -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports events written by {@link #exportEvents(Writer)}, one per line, in order, checking each
     * as {@link #record} does and keeping the time it was first recorded, except for the rule that a plan's or an
     * extension's deadline is no day already past on the day it is set: a log the ledger kept under an earlier
     * rule restores unchanged (docs/architecture.md, "Replaying a log"). A line that cannot be read
     * or is refused becomes a reject and the import goes on. Lines are committed in batches: an
     * import stopped half-way leaves whole events only, and running it again records the rest once.
     * Venues touched are re-assessed for the projections at the end.
     *
     * @param committed told the number of lines handled after each batch is committed
     */
    public ImportReport importEvents(Reader in, String source, LongConsumer committed) {
        Objects.requireNonNull(in, "in");
        Instant start = Instant.now();
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        List<ImportReport.Reject> rejects = new ArrayList<>();
        long[] counts = new long[3];
        Run run = new Run(true);
        long lineNo = 0;
        // Reading and parsing the next batch (on the other cores) overlaps checking and writing this one.
        java.util.concurrent.CompletableFuture<Parsed> ahead = null;
        List<String[]> raw = new ArrayList<>();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                counts[0]++;
                raw.add(new String[] {Long.toString(lineNo), line});
                if (raw.size() >= importBatch) {
                    java.util.concurrent.CompletableFuture<Parsed> parsing = parseAsync(raw);
                    raw = new ArrayList<>();
                    if (ahead != null) {
                        importParsed(ahead.join(), run, rejects, counts, committed);
                    }
                    ahead = parsing;
                }
            }
            if (ahead != null) {
                importParsed(ahead.join(), run, rejects, counts, committed);
            }
            importParsed(parse(raw), run, rejects, counts, committed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " (line " + (lineNo + 1) + "): " + e.getMessage(), e);
        }
        Duration elapsed = Duration.between(start, Instant.now());
        int assessed = assessStale();
        rejects.sort(java.util.Comparator.comparingLong(ImportReport.Reject::line));
        return new ImportReport(source, counts[0], counts[1], counts[2], rejects, assessed, elapsed);
    }

    /** A batch of lines read: the events, the lines that are not events, and the last line number. */
    private record Parsed(List<Numbered> events, List<ImportReport.Reject> rejects, long lastLine) {}

    private static java.util.concurrent.CompletableFuture<Parsed> parseAsync(List<String[]> raw) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> parse(raw));
    }

    /** Parses lines in parallel, with each event's digest and JSON made ready for the writer. */
    private static Parsed parse(List<String[]> raw) {
        Object[] out = new Object[raw.size()];
        java.util.stream.IntStream.range(0, raw.size()).parallel().forEach(i -> {
            long n = Long.parseLong(raw.get(i)[0]);
            String line = raw.get(i)[1];
            try {
                Codec.Line parsed = Codec.parseLine(line);
                Entry entry = normalize(parsed.entry());
                out[i] = new Numbered(n, entry, parsed.recordedAt(),
                        Codec.digest(entry.event(), entry.actor(), entry.happenedAt()), Codec.payload(entry.event()));
            } catch (Exception e) {
                out[i] = new ImportReport.Reject(n, eventIdOf(line), "", "not an event: " + message(e));
            }
        });
        List<Numbered> events = new ArrayList<>();
        List<ImportReport.Reject> rejects = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof Numbered num) {
                events.add(num);
            } else {
                rejects.add((ImportReport.Reject) o);
            }
        }
        return new Parsed(events, rejects, raw.isEmpty() ? 0 : Long.parseLong(raw.get(raw.size() - 1)[0]));
    }

    private void importParsed(Parsed p, Run run, List<ImportReport.Reject> rejects, long[] counts,
            LongConsumer committed) {
        rejects.addAll(p.rejects());
        importBatch(p.events(), run, rejects, counts);
        committed.accept(p.lastLine());
    }

    /** An entry of an import, with its line and, when parsed ahead, its digest and JSON. */
    private record Numbered(long line, Entry entry, Instant recordedAt, String digest, String payload) {}

    /** One import's state across its batches. */
    private static final class Run {
        Working working;
        /** Look each id up before inserting: after a refused insert, and while ids keep turning out to be known. */
        boolean careful = true;
        /** Entries of a log already kept (an import), not new ones (a generator's, through recordAll). */
        final boolean replay;

        Run(boolean replay) {
            this.replay = replay;
        }
        long batches;
    }

    private void importBatch(List<Numbered> batch, Run run, List<ImportReport.Reject> rejects, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            List<ImportReport.Reject> batchRejects = new ArrayList<>();
            long[] batchCounts = new long[3];
            try {
                store.jdbi.useTransaction(h -> {
                    if (run.working == null || run.working.size() > WORKING_LIMIT) {
                        run.working = new Working(new LedgerState(zone), loader(h));
                    }
                    Working w = run.working;
                    w.rebind(loader(h));
                    // Looking every id up first is a query per batch that an import into new ground does not
                    // need: the unique index refuses a repeated id anyway, and then the batch is read again
                    // carefully (as it is while an interrupted import is being re-run).
                    Map<String, Store.Existing> existing = run.careful ? store.existing(h,
                            batch.stream().map(n -> n.entry().eventId()).filter(Objects::nonNull).toList()) : Map.of();
                    preload(h, w, batch);
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    List<Store.Pending> pending = new ArrayList<>();
                    Set<String> ids = new HashSet<>();
                    for (Numbered n : batch) {
                        Entry entry = n.entry();
                        try {
                            Store.Existing ex = existing.get(entry.eventId());
                            if (ex != null) {
                                same(entry, ex);
                                batchCounts[2]++;
                                continue;
                            }
                            if (!ids.add(entry.eventId())) {
                                throw new RefusedException(entry.eventId(), "eventId", "event " + entry.eventId()
                                        + ": eventId: appears twice in the file");
                            }
                            Store.Pending p = check(entry, w, now, n.digest(), n.payload(), run.replay);
                            if (n.recordedAt() != null) {
                                p = new Store.Pending(p.eventId(), p.stream(), p.version(), p.event(), p.venueId(),
                                        p.actor(), p.happenedAt(), n.recordedAt().truncatedTo(ChronoUnit.MICROS),
                                        p.digest(), p.payload());
                            }
                            pending.add(p);
                            w.accept(p.recorded(0));
                            batchCounts[1]++;
                        } catch (RefusedException e) {
                            batchRejects.add(new ImportReport.Reject(n.line(), e.eventId(), e.field(), e.getMessage()));
                        }
                    }
                    if (!pending.isEmpty()) {
                        store.lockLog(h);
                    }
                    store.insertBatch(h, pending);
                    // venue rows before hazard rows, as every writer takes them (see record)
                    List<String> touched = pending.stream().map(Store.Pending::venueId).filter(Objects::nonNull).toList();
                    store.lockVenues(h, touched);
                    project(h, w, pending);
                    store.markStale(h, touched);
                });
                rejects.addAll(batchRejects);
                counts[1] += batchCounts[1];
                counts[2] += batchCounts[2];
                run.careful = batchCounts[2] > 0;
                if (Long.bitCount(++run.batches) == 1) {
                    store.analyze();
                }
                return;
            } catch (RuntimeException e) {
                run.working = null; // it may hold events that were rolled back
                if (!uniqueViolation(e) || attempt >= MAX_ATTEMPTS) {
                    throw e instanceof LedgerException le ? le : storage("import a batch", e);
                }
                run.careful = true;
            }
        }
    }

    /**
     * Records many entries the way an import does (batches of a thousand, each entry checked,
     * projections written, venues assessed at the end), for generators whose entries must all be
     * accepted: the first refusal stops it, naming the entry.
     */
    void recordAll(List<Entry> entries) {
        List<ImportReport.Reject> rejects = new ArrayList<>();
        long[] counts = new long[3];
        Run run = new Run(false);
        for (int i = 0; i < entries.size(); i += IMPORT_BATCH) {
            List<Numbered> batch = new ArrayList<>();
            for (int j = i; j < Math.min(entries.size(), i + IMPORT_BATCH); j++) {
                batch.add(new Numbered(j + 1, normalize(entries.get(j)), null, null, null));
            }
            importBatch(batch, run, rejects, counts);
            if (!rejects.isEmpty()) {
                throw new IllegalStateException("entry " + rejects.get(0).line() + " refused: " + rejects.get(0).message());
            }
        }
        assessStale();
    }

    /**
     * Imports venue records as inspections ({@link VenueImport} says how): every record ends as
     * recorded, already recorded (the same events under the same ids: an import run again) or
     * rejected with the file, line, venue and field; nothing is dropped. The counts of the report are
     * records, not events.
     *
     * @throws IOException    when the input cannot be read
     * @throws io.firerisk.io.InputException when the input as a whole cannot be read as venues
     */
    public ImportReport importVenues(io.firerisk.io.VenueReader venues, VenueImport how)
            throws IOException, io.firerisk.io.InputException {
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(how, "how");
        Instant start = Instant.now();
        long read = 0;
        long recorded = 0;
        long already = 0;
        List<ImportReport.Reject> rejects = new ArrayList<>();
        for (io.firerisk.io.VenueReader.Pending p = venues.next(); p != null; p = venues.next()) {
            read++;
            io.firerisk.io.VenueRecord r = p.parse();
            if (r instanceof io.firerisk.io.VenueRecord.Rejected bad) {
                rejects.add(new ImportReport.Reject(bad.origin().line(), "", bad.field(), bad.origin() + ": "
                        + (bad.venueId().isEmpty() ? "" : "venue '" + bad.venueId() + "': ")
                        + (bad.field().isEmpty() ? "" : bad.field() + ": ") + bad.message()));
                continue;
            }
            io.firerisk.io.VenueRecord.Parsed venue = (io.firerisk.io.VenueRecord.Parsed) r;
            try {
                Receipt receipt = record(VenueEntries.of(this, venue.facts(), how));
                if (receipt.recorded().isEmpty()) {
                    already++;
                } else {
                    recorded++;
                }
            } catch (RefusedException e) {
                rejects.add(new ImportReport.Reject(venue.origin().line(), e.eventId(), e.field(), venue.origin()
                        + ": venue '" + venue.facts().venue().id() + "': " + e.getMessage()));
            }
        }
        return new ImportReport(venues.name(), read, recorded, already, rejects, 0,
                Duration.between(start, Instant.now()));
    }

    /** Whether the venue is in the ledger, and its facts, unit and area as they stand. */
    Optional<LedgerState.VenueFold> registered(String venueId) {
        LedgerState s = new LedgerState(zone);
        store.jdbi.withHandle(h -> store.stream(h, Streams.venue(venueId))).forEach(s::apply);
        return Optional.ofNullable(s.venues.get(venueId)).filter(v -> v.venue != null);
    }

    /** Reads, in a few queries, the streams a batch names that the working state does not hold yet. */
    private void preload(Handle h, Working w, List<Numbered> batch) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Numbered n : batch) {
            Event e = n.entry().event();
            if (n.entry().actor() != null) {
                wanted.add(Streams.person(n.entry().actor()));
            }
            try {
                wanted.add(e.stream());
            } catch (RuntimeException ignored) {
                // an event too broken to name its stream is refused by the checker
            }
            if (e instanceof Event.HazardFound f) {
                wanted.add(Streams.venue(f.venueId()));
                wanted.add(Streams.inspection(f.inspectionId()));
            } else if (e instanceof Event.InspectionRecorded i) {
                wanted.add(Streams.venue(i.venueId()));
            }
        }
        w.preload(wanted, streams -> store.streams(h, streams));
    }

    /** Writes every event, in the order recorded, one JSON object a line; returns how many. */
    public long exportEvents(Writer out) {
        Objects.requireNonNull(out, "out");
        long[] n = {0};
        BufferedWriter writer = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        store.jdbi.useHandle(h -> store.eachRecorded(h, e -> {
            try {
                writer.write(Codec.line(e));
                writer.write('\n');
                n[0]++;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }));
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }

    /** Exports to a file (UTF-8), replacing it only once the whole log is written. */
    public long exportEvents(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            long n = exportEvents(w);
            w.close();
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- projections ---------------------------------------------------------------------------

    /**
     * Rebuilds every projection from the log, in one transaction: the tables are emptied, the whole
     * log is folded, every row is written again and every venue is assessed as of {@link #today()}.
     * Readers see the old tables until it commits.
     */
    public RebuildReport rebuildProjections() {
        return store.jdbi.inTransaction(h -> {
            long t0 = System.nanoTime();
            store.clearProjections(h);
            LedgerState state = new LedgerState(zone);
            long[] n = {0};
            store.each(h, null, e -> {
                state.apply(e);
                n[0]++;
            });
            projection.write(h, state, state.versions.keySet(), Map.of());
            long t1 = System.nanoTime();
            List<LedgerState.VenueFold> venues = state.venues.values().stream().filter(v -> v.venue != null).toList();
            store.setGrade(h, Replay.assessAll(engine, state, venues, today()));
            store.bumpStamp(h);
            long t2 = System.nanoTime();
            return new RebuildReport(n[0], state.hazards.size(), venues.size(), venues.size(), today(),
                    Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
        });
    }

    /**
     * Assesses every venue again as of {@link #today()} and stores its grade, verdict and suspension
     * in the projection: grades move with the calendar (a key period, a deadline passing) even when
     * nothing is recorded, so a desk runs this once a day. Returns how many venues were assessed.
     */
    public int refreshAssessments() {
        return store.jdbi.inTransaction(h -> {
            h.execute("update ledger_venue set assessed_on = null");
            return assessStale(h);
        });
    }

    /**
     * Assesses as of {@link #today()} every venue whose grade in the projection is of another day (or waits for
     * re-assessment), a few hundred to a transaction; returns how many. Until every venue is, lists and counts as
     * of today are replayed from the log; once every one is, they are read from the projections. A desk runs this
     * when it starts and soon after each midnight.
     */
    public int assessForToday() {
        LocalDate day = today();
        int done = 0;
        for (;;) {
            int n = store.jdbi.inTransaction(h -> assess(h, store.notAssessedOn(h, day, 500), day));
            if (n == 0) {
                return done;
            }
            done += n;
        }
    }

    /**
     * The ledger as of the end of {@code date} read from the projections, when that is today and every venue's
     * grade there is of today: the projections are then what a replay of the log to the end of today gives (they
     * are written with each event, each venue touched assessed as of today), read in one consistent view. Empty
     * otherwise (another day, or grades waiting for {@link #assessForToday}).
     */
    private <T> Optional<T> fromProjections(LocalDate date, org.jdbi.v3.core.HandleCallback<T, RuntimeException> read) {
        if (!date.equals(today())) {
            return Optional.empty();
        }
        return store.jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                h -> projectionsAre(h, date) ? Optional.of(read.withHandle(h)) : Optional.empty());
    }

    /**
     * Whether the projections are the ledger as of the end of {@code day} (today): every venue's grade is of that
     * day, and nothing in the log happened after the day's end (the ledger takes events up to a day ahead of its
     * clock; the projections hold them, a replay to the end of today does not).
     */
    private boolean projectionsAre(Handle h, LocalDate day) {
        return store.assessedAsOf(h, day) && nothingAfter(h, day, store.mark(h));
    }

    /** How far the log is known to hold nothing that happened after the end of a day, and whether it does. */
    private record AfterCheck(LocalDate day, long mark, boolean none) {}

    private final java.util.concurrent.atomic.AtomicReference<AfterCheck> afterCheck =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Whether no event up to {@code mark} happened after the end of {@code day}: the log once a day, then what is new. */
    private boolean nothingAfter(Handle h, LocalDate day, long mark) {
        AfterCheck c = afterCheck.get();
        boolean sameDay = c != null && c.day().equals(day);
        if (sameDay && (!c.none() || c.mark() >= mark)) {
            return c.none();
        }
        boolean none = store.noneHappenedFrom(h, sameDay ? c.mark() : 0, Replay.endOf(day, zone));
        AfterCheck mine = new AfterCheck(day, mark, none);
        afterCheck.accumulateAndGet(mine, (now, m) -> now == null || !now.day().equals(m.day()) || !m.none()
                || (now.none() && now.mark() < m.mark()) ? m : now);
        return none;
    }

    /** Whether lists and counts as of today are read from the projections now (for tests that must know). */
    boolean readsTodayFromProjections() {
        LocalDate day = today();
        return store.jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> projectionsAre(h, day));
    }

    /** A replay with nothing kept: the reference that what the ledger keeps and reads must equal (for tests). */
    Replay replayFromScratch() {
        return new Replay(store, engine, policy, zone, clock);
    }

    private int assessStale() {
        return store.jdbi.inTransaction(this::assessStale);
    }

    private int assessStale(Handle h) {
        List<String> stale = h.createQuery("select venue_id from ledger_venue where assessed_on is null")
                .mapTo(String.class).list();
        int done = 0;
        for (int i = 0; i < stale.size(); i += 500) {
            done += assess(h, stale.subList(i, Math.min(stale.size(), i + 500)), today());
        }
        return done;
    }

    /** Assesses the venues (a few hundred) as of {@code day} on their events and stores the grades; returns how many. */
    private int assess(Handle h, List<String> venueIds, LocalDate day) {
        if (venueIds.isEmpty()) {
            return 0;
        }
        // A writer grades the venues it touches while holding their rows; taken here first, the rows make a
        // grade worked out on events read before that writer committed unable to overwrite its newer one, and
        // keep the order every writer takes (venue rows before hazard rows).
        store.lockVenues(h, venueIds);
        venueIds = store.notAssessedOn(h, day, venueIds);
        if (venueIds.isEmpty()) {
            return 0;
        }
        LedgerState state = new LedgerState(zone);
        h.createQuery("select " + Store.EVENT_COLUMNS + " from ledger_event where venue_id in (<v>) order by seq")
                .bindList("v", venueIds).map(Store::event).forEach(state::apply);
        List<LedgerState.VenueFold> venues = venueIds.stream().map(state.venues::get)
                .filter(v -> v != null && v.venue != null).toList();
        store.setGrade(h, Replay.assessAll(engine, state, venues, day));
        // Grades written without an event: counts kept in memory (here or in another process) must count again.
        store.bumpStamp(h);
        return venues.size();
    }

    // ---- reading -------------------------------------------------------------------------------

    /** A hazard as it stands today (by the ledger's clock). */
    public Optional<HazardView> hazard(String hazardId) {
        return hazard(hazardId, today());
    }

    /** A hazard as of the end of {@code date}: the fold of its events up to then; empty if it did not exist yet. */
    public Optional<HazardView> hazard(String hazardId, LocalDate date) {
        Objects.requireNonNull(hazardId, "hazardId");
        Instant end = Replay.endOf(date, zone);
        List<RecordedEvent> events = store.jdbi.withHandle(h -> store.stream(h, Streams.hazard(hazardId)));
        HazardFold fold = new HazardFold(hazardId);
        events.stream().filter(e -> e.happenedAt().isBefore(end)).forEach(e -> fold.apply(e, zone));
        return fold.state == null ? Optional.empty() : Optional.of(fold.view(date, policy, campaign));
    }

    /**
     * A venue as of the end of {@code date}: its facts, unit and area then, its hazards and
     * inspections, the engine's assessment as of that date on the findings the ledger held, and its
     * timeline up to then: one read of its events. Empty when the venue was not registered by then. A view
     * read again while nothing about the venue up to that date was recorded is the one kept from before (the
     * engine is not asked again).
     */
    public Optional<VenueView> venue(String venueId, LocalDate date) {
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(date, "date");
        return store.jdbi.withHandle(h -> replay.venue(h, venueId, date));
    }

    /**
     * Every event about a venue (its own, its inspections' and its hazards'), in the order they happened. A
     * {@link VenueView} holds the same up to its date ({@link VenueView#timeline()}).
     */
    public List<RecordedEvent> timeline(String venueId) {
        Objects.requireNonNull(venueId, "venueId");
        List<RecordedEvent> events = new ArrayList<>(store.jdbi.withHandle(h -> store.venue(h, venueId)));
        events.sort(java.util.Comparator.comparing(RecordedEvent::happenedAt)
                .thenComparingLong(RecordedEvent::sequence));
        return List.copyOf(events);
    }

    /**
     * The hazard ledger filtered, sorted and paged: as it stands (from the projections, fast at any
     * size) or, when the query has a date, as of the end of that date (replayed from the log; for today,
     * read from the projections while every venue's grade there is of today, see {@link #assessForToday}).
     */
    public Page<HazardRow> hazards(HazardQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.asOf().isEmpty()) {
            return store.jdbi.withHandle(h -> Reads.page(h, query, today(), policy));
        }
        LocalDate date = query.asOf().get();
        Optional<Page<HazardRow>> today = fromProjections(date, h -> Reads.page(h, query, date, policy,
                keptTotals(h, date)));
        return today.orElseGet(() -> replay.snapshot(date).page(query));
    }

    /** A total of today's list, the day, the log's mark and the projections' stamp it was counted at. */
    private record KeptTotal(LocalDate day, long mark, long stamp, long total) {}

    /** Totals of today's lists, by their count's SQL and bindings; guarded by itself, least recently used first. */
    private final Map<Reads.TotalKey, KeptTotal> totals = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Reads.TotalKey, KeptTotal> eldest) {
            return size() > 64;
        }
    };

    /**
     * Totals for pages read from the projections as of today, kept under the log's mark: while no event is
     * recorded, the projections as of the same day are the same (a day's grades are a function of the log
     * up to the mark; {@link #fromProjections} reads in one consistent view, the mark included), so paging
     * through a list, or twenty people paging through it, counts its rows once rather than once per page. The
     * projections' stamp is part of the key, read in the same view: grades written without an event (a re-grading
     * by {@link #assessForToday}, a rebuild, another desk on the same database with a newer campaign) move it.
     */
    private Reads.Totals keptTotals(Handle h, LocalDate day) {
        long mark = store.mark(h);
        long stamp = store.stamp(h);
        return (key, count) -> {
            KeptTotal kept;
            synchronized (totals) {
                kept = totals.get(key);
            }
            if (kept != null && kept.day().equals(day) && kept.mark() == mark && kept.stamp() == stamp) {
                return kept.total();
            }
            long n = count.getAsLong();
            synchronized (totals) {
                totals.put(key, new KeptTotal(day, mark, stamp, n));
            }
            return n;
        };
    }

    /**
     * Counts hazards that pass the query's filters by the dimensions given, such as street × state ×
     * grade; as it stands, or as of the query's date (today's from the projections, as {@link #hazards}).
     * Sorted by key.
     */
    public List<Count> counts(HazardQuery filter, Dimension... by) {
        Objects.requireNonNull(filter, "filter");
        if (by.length == 0) {
            throw new IllegalArgumentException("count by at least one dimension");
        }
        List<Dimension> dims = List.of(by);
        boolean kept = TodayCounts.answers(filter, dims);
        if (filter.asOf().isEmpty()) {
            LocalDate day = today();
            if (kept) {
                return store.jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> projectionCounts(h,
                        filter, dims, day));
            }
            return store.jdbi.withHandle(h -> Reads.counts(h, filter, dims, day, policy));
        }
        LocalDate date = filter.asOf().get();
        Optional<List<Count>> today = fromProjections(date, h -> kept ? projectionCounts(h, filter, dims, date)
                : Reads.counts(h, filter, dims, date, policy));
        return today.orElseGet(() -> replay.snapshot(date).counts(filter, dims));
    }

    /**
     * The projections counted as the handle's consistent view sees them: from the counts kept in memory, moved by
     * what was recorded since the last call (a dashboard of today is counted about twice a second on a district's
     * desk, each time over 200,000 hazard rows otherwise), or in SQL when they are newer than this view.
     */
    private List<Count> projectionCounts(Handle h, HazardQuery filter, List<Dimension> dims, LocalDate day) {
        return todayCounts.counts(h, filter, dims, day).orElseGet(() -> Reads.counts(h, filter, dims, day, policy));
    }

    /** The projections counted in SQL, as they stand (the reference the kept counts must equal, for tests). */
    List<Count> countsInSql(HazardQuery filter, Dimension... by) {
        return store.jdbi.withHandle(h -> Reads.counts(h, filter, List.of(by), today(), policy));
    }

    /** The store (for tests that read in a view of their own). */
    Store store() {
        return store;
    }

    /** Today's kept counts (for tests that must know how they were made). */
    TodayCounts todayCounts() {
        return todayCounts;
    }

    /** How many times a trend's last week was moved by new events rather than folded again (for tests). */
    long trendAdvances() {
        return replay.trendAdvances.get();
    }

    /** How many times a trend folded the log (for tests). */
    long trendFolds() {
        return replay.trendFolds.get();
    }

    /**
     * Week by week from {@code from} to {@code to}: what happened and where things stood at each
     * week's end, for hazards passing the filter (its date, grades and paging are not used).
     */
    public List<WeekCounts> trend(LocalDate from, LocalDate to, HazardQuery filter) {
        return replay.trend(from, to, filter);
    }

    /**
     * The whole ledger as of the end of {@code date}: one fold of the log (kept while the log is unchanged),
     * read as often as needed. What a report reads instead of a venue or a hazard at a time.
     */
    public LedgerSnapshot asOf(LocalDate date) {
        return new LedgerSnapshot(replay.snapshot(date));
    }

    /**
     * How hazards changed between the end of {@code from} and the end of {@code to} (as {@link #changes}), and
     * the ledger as of the end of each of {@code asOf} (none after {@code to}), from one fold of the log.
     */
    public LedgerPeriod period(LocalDate from, LocalDate to, LocalDate... asOf) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        for (LocalDate d : asOf) {
            dates.add(Objects.requireNonNull(d, "asOf"));
        }
        Replay.Passed p = replay.pass(dates, from, to);
        Map<LocalDate, LedgerSnapshot> snapshots = new java.util.TreeMap<>();
        p.snapshots().forEach((d, s) -> snapshots.put(d, new LedgerSnapshot(s)));
        return new LedgerPeriod(from, to, p.changes(), snapshots);
    }

    /** How hazards changed between the end of {@code from} and the end of {@code to}. */
    public List<HazardChange> changes(LocalDate from, LocalDate to) {
        return replay.changes(from, to);
    }

    /**
     * The inspections made from {@code from} to {@code to} (both included), by date: what the
     * periodic analysis counts by kind (自查, 抽查, 双随机, 联合执法, 回头看).
     */
    public List<InspectionView> inspections(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return store.jdbi.withHandle(h -> Reads.inspections(h, from, to));
    }

    /**
     * The venues registered by the end of {@code date}, with their kind, unit and area then, in the
     * order they were registered: what per-unit reports count venues from.
     */
    public List<VenueListing> venues(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return replay.snapshot(date).state.venues.values().stream().filter(v -> v.venue != null)
                .map(v -> new VenueListing(v.venueId, v.venue.name(), v.venue.kind(), v.unitId, v.area)).toList();
    }

    // ---- 双随机、一公开 ------------------------------------------------------------------------

    /**
     * Draws an inspection plan (not recorded: record the event this returns). The venues are those the
     * ledger held by the end of the day before {@code date}, of {@code street} if given, each assessed as
     * of {@code date} with its findings then; the roster is every person holding {@link Role#INSPECTOR}
     * then; re-inspections (hazards reported rectified) are always in; {@code count} more are drawn at
     * random, weighted by grade and overdue rectifications ({@link InspectionPlanner}), and
     * {@code inspectorsPerVenue} inspectors are drawn for each, avoiding those {@code previousPlanId} sent
     * to the same venue. The day before, not the day itself, so that what is recorded later on the plan's
     * day cannot change a re-draw ({@link #redraw}).
     *
     * @throws IllegalArgumentException for a count below 0, fewer than 1 inspector per venue, or a
     *                                  previous plan the ledger does not hold
     */
    public Event.InspectionPlanDrawn drawPlan(String planId, LocalDate date, long seed, int count, String street,
            int inspectorsPerVenue, String previousPlanId) {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(date, "date");
        if (count < 0 || count > Checker.MAX_PLAN_VISITS) {
            throw new IllegalArgumentException("count must be 0 to " + Checker.MAX_PLAN_VISITS + " (was " + count + ")");
        }
        if (inspectorsPerVenue < 1 || inspectorsPerVenue > Checker.MAX_INSPECTORS) {
            throw new IllegalArgumentException("inspectorsPerVenue must be 1 to " + Checker.MAX_INSPECTORS + " (was "
                    + inspectorsPerVenue + ")");
        }
        String onStreet = street == null || street.isBlank() ? null : street;
        String previous = previousPlanId == null || previousPlanId.isBlank() ? null : previousPlanId;
        LedgerState state = replay.snapshot(date.minusDays(1)).state;
        java.util.Map<String, Set<String>> before = new java.util.HashMap<>();
        if (previous != null) {
            PlanView p = plan(previous).orElseThrow(() -> new IllegalArgumentException("previousPlanId: no inspection plan '"
                    + previous + "'"));
            p.visits().forEach(v -> before.put(v.venueId(), Set.copyOf(v.inspectors())));
        }
        InspectionPlanner planner = new InspectionPlanner(seed, count, InspectionPlanner.DEFAULT_WEIGHTS, 1.0);
        for (LedgerState.VenueFold v : state.venues.values()) {
            if (v.venue == null || (onStreet != null && !onStreet.equals(state.areaCodes(v.area)[0]))) {
                continue;
            }
            Projection.assessment(engine, state, v, date).ifPresent(a -> planner.add(v.venue, a));
        }
        List<InspectionPlan.Inspector> roster = state.people.values().stream()
                .filter(p -> p.roles().contains(Role.INSPECTOR))
                .sorted(java.util.Comparator.comparing(Directory.Person::personId))
                .map(p -> new InspectionPlan.Inspector(p.personId(), p.name())).toList();
        InspectionPlan plan = planner.plan(date, roster, before, inspectorsPerVenue, java.util.Locale.ROOT);
        List<Event.PlannedVisit> visits = plan.rows().stream().map(r -> new Event.PlannedVisit(r.venueId(),
                r.reinspection(), r.inspectors().stream().map(InspectionPlan.Inspector::id).toList())).toList();
        return new Event.InspectionPlanDrawn(planId, date, seed, count, onStreet, inspectorsPerVenue, previous,
                plan.candidates(), visits);
    }

    /**
     * Draws a recorded plan again from what it recorded (date, seed, count, street, inspectors per
     * venue, previous plan): equal to the recorded event unless the ledger has since received events
     * dated before the plan's day (a late import), which the difference then shows.
     */
    public Optional<Event.InspectionPlanDrawn> redraw(String planId) {
        return plan(planId).map(p -> drawPlan(p.planId(), p.date(), p.seed(), p.count(), p.street().orElse(null),
                p.inspectorsPerVenue(), p.previousPlanId().orElse(null)));
    }

    /** Every inspection plan, newest first. */
    public List<PlanView> plans() {
        return store.jdbi.withHandle(h -> Reads.plans(h, false).stream().map(p -> reassigned(h, p)).toList());
    }

    /** The published inspection plans (一公开), newest first. */
    public List<PlanView> publishedPlans() {
        return store.jdbi.withHandle(h -> Reads.plans(h, true).stream().map(p -> reassigned(h, p)).toList());
    }

    public Optional<PlanView> plan(String planId) {
        Objects.requireNonNull(planId, "planId");
        return store.jdbi.withHandle(h -> Reads.plan(h, planId).map(p -> reassigned(h, p)));
    }

    /** The plan with the reassignments its stream holds (few: read from the log, not projected). */
    private PlanView reassigned(org.jdbi.v3.core.Handle h, PlanView p) {
        if (p.version() <= 1 || (p.version() == 2 && p.published())) {
            return p;
        }
        java.util.Map<String, List<String>> now = new java.util.HashMap<>();
        p.visits().forEach(v -> now.put(v.venueId(), v.inspectors()));
        List<PlanView.Reassignment> changes = new ArrayList<>();
        for (RecordedEvent e : store.stream(h, Streams.plan(p.planId()))) {
            if (e.event() instanceof Event.InspectorsReassigned a) {
                changes.add(new PlanView.Reassignment(a.venueId(), now.getOrDefault(a.venueId(), List.of()),
                        a.inspectors(), a.reason(), e.actor(), e.happenedAt()));
                now.put(a.venueId(), a.inspectors());
            }
        }
        return new PlanView(p.planId(), p.date(), p.seed(), p.count(), p.street(), p.inspectorsPerVenue(),
                p.previousPlanId(), p.candidates(), p.visits(), p.drawnBy(), p.drawnAt(), p.publishedBy(), p.publishedAt(),
                p.note(), p.version(), changes);
    }

    /** What became of each visit of a plan, as the ledger holds it now ({@link PlanView.Result}). */
    public List<PlanView.Result> results(PlanView plan) {
        Objects.requireNonNull(plan, "plan");
        return store.jdbi.withHandle(h -> Reads.results(h, plan));
    }

    /**
     * The entries that record a checklist of the campaign ({@code ledger.yaml} {@code unitWork}) filled for
     * a venue on a day: a {@link InspectionKind#SELF_INSPECTION} by {@code actor} (id
     * {@code SI-<key>}), and for each item found wanting a hazard of that item's code, found in it (id
     * {@code SI-<key>-<code>}), with where it was found. Record them together ({@link #record(List)}): all
     * or nothing. A checklist with nothing wanting is recorded too: the self-inspection was done.
     *
     * @param key     the client's key for the submission (a form's id), 8 to 64 letters, digits or '-'
     * @param failed  the items found wanting, each with where (may be empty text)
     * @throws IllegalArgumentException naming what is wrong: an unknown checklist, a venue not registered
     *                                  by the day or of a kind the checklist is not for, an item not on it
     */
    public List<Entry> checklistEntries(String key, String actor, Instant at, String checklistId, String venueId,
            java.util.Map<String, String> failed, String note) {
        if (key == null || !key.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("key: 8 to 64 letters, digits or '-' (was " + key + ")");
        }
        LedgerPolicy.Checklist checklist = policy.unitWork().flatMap(u -> u.checklist(checklistId))
                .orElseThrow(() -> new IllegalArgumentException("checklist: '" + checklistId
                        + "' is not a checklist of the campaign (ledger.yaml unitWork.checklists)"));
        LocalDate day = LocalDate.ofInstant(at, campaign.timeZone());
        VenueView venue = venue(venueId, day).orElseThrow(() -> new IllegalArgumentException("venueId: no venue '"
                + venueId + "' registered by " + day));
        if (!checklist.fits(venue.venue().kind())) {
            throw new IllegalArgumentException("venueId: the checklist '" + checklistId + "' is for " + checklist.kinds()
                    + ", not " + venue.venue().kind());
        }
        List<String> items = checklist.items();
        for (String code : failed.keySet()) {
            if (!items.contains(code)) {
                throw new IllegalArgumentException("failed: '" + code + "' is not an item of the checklist '"
                        + checklistId + "'");
            }
        }
        String inspectionId = "SI-" + key;
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of(inspectionId, actor, at, new Event.InspectionRecorded(inspectionId, venueId,
                InspectionKind.SELF_INSPECTION, day, List.of(actor), checklist.label().zh()
                        + (note == null || note.isBlank() ? "" : "：" + note))));
        for (String code : items) {
            if (failed.containsKey(code)) {
                String where = failed.get(code);
                io.firerisk.Finding finding = io.firerisk.Finding.builder(inspectionId + "-" + code, code)
                        .location(where == null || where.isBlank() ? null : where).foundOn(day).build();
                entries.add(Entry.of(inspectionId + "-" + code, actor, at,
                        new Event.HazardFound(venueId, inspectionId, finding, false, null, List.of())));
            }
        }
        return entries;
    }

    /** A unit's education activities (二(七)), newest first. */
    public List<EducationView> education(String unitId) {
        Objects.requireNonNull(unitId, "unitId");
        return store.jdbi.withHandle(h -> Reads.education(h, unitId));
    }

    /** The events that change the directory: whether one was recorded since decides if a kept directory holds. */
    private static final Set<EventType> DIRECTORY_EVENTS = java.util.EnumSet.of(EventType.AREA_REGISTERED,
            EventType.UNIT_REGISTERED, EventType.PERSON_REGISTERED, EventType.PERSON_CHANGED);

    /** A directory read, and the log's mark it holds for. */
    private record KeptDirectory(long mark, Directory directory) {}

    private final java.util.concurrent.atomic.AtomicReference<KeptDirectory> keptDirectory =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The areas, units and people as registered now. Kept between calls: read again only when an event that
     * changes the directory has been recorded since (by any process on the database; one indexed query over the
     * events numbered above the kept one's mark tells), so a page that names people and units does not read
     * every area, unit and person each time.
     */
    public Directory directory() {
        return store.jdbi.withHandle(h -> {
            long mark = store.mark(h);
            KeptDirectory kept = keptDirectory.get();
            if (kept != null && (kept.mark() >= mark || !store.anyAfter(h, kept.mark(), DIRECTORY_EVENTS))) {
                if (kept.mark() < mark) {
                    keptDirectory.compareAndSet(kept, new KeptDirectory(mark, kept.directory()));
                }
                return kept.directory();
            }
            // Read after the mark: it holds at least what the mark says (a later change is seen next time).
            Directory read = Reads.directory(h);
            keptDirectory.accumulateAndGet(new KeptDirectory(mark, read),
                    (now, mine) -> now == null || now.mark() <= mine.mark() ? mine : now);
            return read;
        });
    }

    /**
     * A number that changes whenever the ledger as of the end of {@code date} may have changed, and
     * stays the same while what is recorded happened after that date: something built from the ledger
     * as of that date (a page, a report) can be kept under it. Numbers of different dates do not compare.
     * For today, while the projections hold the ledger as of today ({@link #assessForToday}), it is the log's
     * mark: every event recorded moves it, and nothing is replayed to tell.
     */
    public long version(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.equals(today())) {
            Long mark = store.jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                    h -> projectionsAre(h, date) ? store.mark(h) : null);
            if (mark != null) {
                return mark;
            }
        }
        return replay.basis(date);
    }

    /** How many events the log holds. */
    public long eventCount() {
        return store.jdbi.withHandle(store::eventCount);
    }

    /** The assessment of a venue as of a date, on the ledger's findings; empty when not registered by then. */
    public Optional<Assessment> assess(String venueId, LocalDate date) {
        return venue(venueId, date).map(VenueView::assessment);
    }

    /** Closes the connection pool. The engine is the caller's and stays open. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Ledger[" + description + ", campaign " + campaign.id() + "]";
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * A write lost a race it can simply run again: another writer took the stream version or the
     * event id first (unique violation), or the database chose it as a deadlock victim.
     */
    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || "40001".equals(s.getSQLState())
                    || "40P01".equals(s.getSQLState()))) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    && uniqueViolation(b.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private LedgerException storage(String what, RuntimeException e) {
        return new LedgerException("could not " + what + " in " + description + ": " + message(e), e);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"\\\\]{1,128})\"");

    private static String eventIdOf(String line) {
        var m = EVENT_ID.matcher(line.length() > 4096 ? line.substring(0, 4096) : line);
        return m.find() ? m.group(1) : "";
    }

    // ---- building ------------------------------------------------------------------------------

    /**
     * Configures a {@link Ledger}: a database ({@link #h2} or {@link #postgres}) and the engine of its
     * campaign are required; everything else has a default.
     */
    public static final class Builder {
        private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

        private Path h2File;
        private String url;
        private String user;
        private String password;
        private boolean postgres;
        private String schema;
        private RiskEngine engine;
        private Clock clock = Clock.systemUTC();
        private int poolSize = 10;
        private Path policyFile;

        private Builder() {}

        /**
         * An embedded H2 database in a file (created when missing): {@code path} names it without
         * H2's {@code .mv.db} suffix. Only one process may open it at a time.
         */
        public Builder h2(Path path) {
            this.h2File = Objects.requireNonNull(path, "path");
            this.url = null;
            this.postgres = false;
            return this;
        }

        /** A PostgreSQL database, such as {@code jdbc:postgresql://localhost:5432/firerisk}. */
        public Builder postgres(String jdbcUrl, String user, String password) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql: (was \""
                        + jdbcUrl + "\")");
            }
            this.url = jdbcUrl;
            this.user = Objects.requireNonNull(user, "user");
            this.password = password == null ? "" : password;
            this.postgres = true;
            this.h2File = null;
            return this;
        }

        /** The schema to keep the tables in (created when missing); default the database's own. */
        public Builder schema(String name) {
            if (name == null || !SCHEMA.matcher(name).matches()) {
                throw new IllegalArgumentException("schema must be lower-case letters, digits and _ starting with a "
                        + "letter or _, at most 63 characters (was \"" + name + "\")");
            }
            this.schema = name;
            return this;
        }

        /** The engine of the campaign this ledger belongs to. */
        public Builder campaign(RiskEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** The clock for "now" (recorded-at, the future limit) and "today" (the projections). Default: the system's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Connections kept open (default 10). */
        public Builder poolSize(int size) {
            if (size < 1 || size > 200) {
                throw new IllegalArgumentException("poolSize must be between 1 and 200 (was " + size + ")");
            }
            this.poolSize = size;
            return this;
        }

        /** A {@code ledger.yaml} to use instead of the campaign's own. */
        public Builder policy(Path file) {
            this.policyFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Opens the database, brings its tables up to date (Flyway) and checks that it belongs to
         * this campaign.
         *
         * @throws IllegalStateException when no database or no engine was chosen
         * @throws LedgerException       when the database cannot be opened or belongs to another campaign,
         *                               or the campaign's ledger.yaml has mistakes
         */
        public Ledger build() {
            if (h2File == null && url == null) {
                throw new IllegalStateException("no database chosen: call h2(path) for an embedded file database or "
                        + "postgres(url, user, password)");
            }
            if (engine == null) {
                throw new IllegalStateException("no campaign chosen: call campaign(engine) with the campaign's RiskEngine");
            }
            LedgerPolicy policy = policyFile != null ? PolicyReader.read(policyFile, engine.campaign())
                    : PolicyReader.forCampaign(engine.campaign());
            HikariConfig config = new HikariConfig();
            if (h2File != null) {
                // WRITE_DELAY=0: a commit is on disk before record() returns, so a killed process
                // keeps every event it acknowledged.
                config.setJdbcUrl("jdbc:h2:file:" + h2File.toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000");
                config.setUsername("sa");
                config.setPassword("");
            } else {
                config.setJdbcUrl(url);
                config.setUsername(user);
                config.setPassword(password);
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(1);
            config.setPoolName("firerisk-ledger");
            config.setInitializationFailTimeout(-1);
            config.setConnectionTimeout(10_000);
            if (schema != null) {
                config.setSchema(schema);
            }
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
                migrate(pool);
            } catch (RuntimeException e) {
                throw new LedgerException("cannot open the ledger database " + describe() + ": " + message(e), e);
            }
            try {
                Ledger ledger = new Ledger(this, pool, policy);
                ledger.claim();
                return ledger;
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        private void migrate(HikariDataSource pool) {
            // db/ledger is portable SQL; what one database says differently (an index's collation) is in a folder of
            // that database's, under the same version in each.
            var config = Flyway.configure(Ledger.class.getClassLoader()).dataSource(pool)
                    .locations("classpath:db/ledger", postgres ? "classpath:db/ledger-postgresql" : "classpath:db/ledger-h2")
                    .table("ledger_schema_history");
            if (schema != null) {
                config = config.schemas(schema).defaultSchema(schema);
            }
            config.load().migrate();
        }

        private String describe() {
            return h2File != null ? "H2 file " + h2File.toAbsolutePath()
                    : url + (schema != null ? " (schema " + schema + ")" : "");
        }
    }

    /** A ledger belongs to one campaign: the first to open it claims it; another is refused. */
    private void claim() {
        store.jdbi.useTransaction(h -> {
            String owner = store.meta(h, "campaign");
            if (owner == null) {
                store.setMeta(h, "campaign", campaign.id());
            } else if (!owner.equals(campaign.id())) {
                throw new LedgerException(description + " is the ledger of campaign " + owner + ", not " + campaign.id());
            }
        });
    }
}
