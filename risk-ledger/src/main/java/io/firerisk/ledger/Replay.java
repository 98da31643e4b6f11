package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;
import io.firerisk.SuspendedPart;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import org.jdbi.v3.core.Handle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger as of a past date: a fold of the log up to the end of that date. One venue reads only
 * its own events; the whole ledger (lists, counts, trends, changes) reads the log once per date and
 * keeps the last few folds while the log is unchanged.
 */
final class Replay {

    private static final int CACHED = 3;

    private final Store store;
    private final RiskEngine engine;
    private final Campaign campaign;
    private final LedgerPolicy policy;
    private final ZoneId zone;
    /** Tells which trends still run (end after now): the ones recordings move, whose folded state is worth keeping. */
    private final java.time.Clock clock;
    private final Map<LocalDate, Snapshot> cache = new LinkedHashMap<>(4, 0.75f, true);
    private static final int CACHED_TRENDS = 16;
    /** Sorted lists kept per snapshot. */
    private static final int SORTED_KEPT = 8;
    /** Trends kept (a handful of scopes and dates), by what they were asked for. */
    private final Map<TrendKey, TrendFold> trends = new LinkedHashMap<>(32, 0.75f, true);
    /** Replays under way, by date (guarded by {@link #cache}). */
    private final Map<LocalDate, Pending> replaying = new HashMap<>();
    /** Areas are registered once and never change (the log has no event that could), so their paths keep. */
    private final Map<String, List<Directory.Area>> areaPaths = new ConcurrentHashMap<>();

    Replay(Store store, RiskEngine engine, LedgerPolicy policy, ZoneId zone, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
        this.engine = engine;
        this.campaign = engine.campaign();
        this.policy = policy;
        this.zone = zone;
    }

    /** The first instant after {@code date} in the campaign's zone: events before it happened by the end of that day. */
    static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * One venue as of the end of {@code date}: its events up to then, read in one indexed query, folded and
     * assessed. The view is kept (one date per venue, the most recently read venues, bounded by their events) with
     * the number and the highest sequence
     * number of the events it was folded from: when the same query gives the same two, no event about the venue
     * up to that date has been recorded since (the log only grows: a new one either raises the highest number or,
     * recorded late with a lower one, the count), so the kept view is the one a fold would give, and the engine is
     * not asked again. A page read again and again between recordings costs the query.
     */
    Optional<VenueView> venue(Handle h, String venueId, LocalDate date) {
        List<RecordedEvent> events = store.venueBefore(h, venueId, endOf(date, zone));
        long last = events.stream().mapToLong(RecordedEvent::sequence).max().orElse(0);
        KeptVenue kept;
        synchronized (venues) {
            kept = venues.get(venueId);
        }
        if (kept != null && kept.date().equals(date) && kept.last() == last && kept.events() == events.size()) {
            return Optional.of(kept.view());
        }
        LedgerState s = new LedgerState(zone);
        events.forEach(s::apply);
        LedgerState.VenueFold v = s.venues.get(venueId);
        if (v == null || v.venue == null) {
            return Optional.empty();
        }
        List<Directory.Area> path = areaPaths.computeIfAbsent(v.area, code -> Reads.areaPath(h, code));
        List<HazardView> hazards = v.hazardIds.stream().map(s.hazards::get)
                .map(f -> f.view(date, policy, campaign)).toList();
        List<InspectionView> inspections = v.inspectionIds.stream().map(s.inspections::get).toList();
        VenueFacts facts = s.facts(v, s.findings(v), date);
        Assessment a = engine.assess(facts);
        VenueView view = new VenueView(venueId, date, v.venue, v.unitId, v.area, path, hazards, inspections, a,
                v.version, facts, events);
        keep(venueId, new KeptVenue(date, last, events.size(), view));
        return Optional.of(view);
    }

    /**
     * Venue views kept: enough for the venues a desk's users open within minutes. Bounded by count and by weight,
     * the events they were folded from (a view holds its timeline, facts, assessment and hazards, all growing with
     * its events), and one date per venue: reading one venue as of date after date (paging its history, a crawler
     * following {@code ?asOf=}) replaces that venue's one view rather than evicting the views of other venues.
     */
    static final int VENUES_KEPT = 1_000;
    /** Events the kept venue views may be folded from in all (a district venue has tens; a busy one hundreds). */
    static final long EVENTS_KEPT = 100_000;

    /** A venue view and what tells whether it still holds: its date, the number of events it was folded from and the highest. */
    private record KeptVenue(LocalDate date, long last, int events, VenueView view) {}

    /** Guarded by itself; least recently read first; at most one view per venue. */
    private final LinkedHashMap<String, KeptVenue> venues = new LinkedHashMap<>(64, 0.75f, true);
    /** Events of the views in {@link #venues} (guarded by it). */
    private long venueEvents;

    private void keep(String venueId, KeptVenue kept) {
        synchronized (venues) {
            KeptVenue before = venues.put(venueId, kept);
            venueEvents += kept.events() - (before == null ? 0 : before.events());
            var eldest = venues.entrySet().iterator();
            while ((venues.size() > VENUES_KEPT || venueEvents > EVENTS_KEPT) && eldest.hasNext()) {
                Map.Entry<String, KeptVenue> e = eldest.next();
                if (e.getValue() == kept) {
                    break; // the view just read stays, however heavy
                }
                venueEvents -= e.getValue().events();
                eldest.remove();
            }
        }
    }

    /**
     * The whole ledger as of the end of {@code date}. Kept while nothing recorded since touches that
     * date: when the log has grown, one indexed query over the new events (those numbered above the
     * snapshot's mark) tells whether any happened by the end of the date; if none did, the snapshot (its
     * folds and the grades computed so far) still holds and is kept under the new mark, so recording today
     * does not make every page about a past date replay the whole log. Callers asking for the same date
     * at once share one replay, unless it began before the log reached the mark they read.
     */
    Snapshot snapshot(LocalDate date) {
        Objects.requireNonNull(date, "date");
        long mark = mark();
        Snapshot s;
        synchronized (cache) {
            s = cache.get(date);
        }
        if (s != null && s.mark >= mark) {
            return s;
        }
        if (s != null && noneBy(s.mark, date)) {
            Snapshot kept = s.at(mark);
            synchronized (cache) {
                Snapshot now = cache.get(date);
                if (now == null || now.mark < mark) {
                    cache.put(date, kept);
                }
            }
            return kept;
        }
        Pending mine = new Pending(mark);
        Pending running;
        synchronized (cache) {
            running = replaying.get(date);
            if (running == null || running.mark < mark) {
                replaying.put(date, mine);
                running = null;
            }
        }
        if (running != null) {
            return running.result.join();
        }
        try {
            LedgerState state = new LedgerState(zone);
            store.jdbi.useHandle(h -> store.each(h, endOf(date, zone), state::apply));
            Snapshot fresh = new Snapshot(date, state, mark);
            synchronized (cache) {
                Snapshot now = cache.get(date);
                if (now == null || now.mark <= mark) {
                    cache.put(date, fresh);
                }
                while (cache.size() > CACHED) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
            mine.result.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (cache) {
                replaying.remove(date, mine);
            }
        }
    }

    /** Whether no event numbered above {@code mark} happened by the end of {@code date} (an index range on seq). */
    private boolean noneBy(long mark, LocalDate date) {
        return store.jdbi.withHandle(h -> h.createQuery("select count(*) from ledger_event where seq > :mark "
                        + "and happened_at < :end").bind("mark", mark).bind("end", endOf(date, zone))
                .mapTo(Long.class).one()) == 0;
    }

    /**
     * A number that changes whenever the ledger as of the end of {@code date} may have changed: the
     * mark of the log its snapshot was folded at. Pages built from the ledger as of that date can be
     * kept under it.
     */
    long basis(LocalDate date) {
        return snapshot(date).basis;
    }

    /** A replay under way, and the mark of the log it began at. */
    private static final class Pending {
        final long mark;
        final java.util.concurrent.CompletableFuture<Snapshot> result = new java.util.concurrent.CompletableFuture<>();

        Pending(long mark) {
            this.mark = mark;
        }
    }

    private long mark() {
        return store.jdbi.withHandle(store::mark);
    }

    private Snapshot cached(LocalDate date, long mark) {
        synchronized (cache) {
            Snapshot s = cache.get(date);
            return s != null && s.mark >= mark ? s : null;
        }
    }

    private Snapshot keep(Snapshot s) {
        synchronized (cache) {
            cache.put(s.date, s);
            while (cache.size() > CACHED) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return s;
    }

    /** The snapshots of a {@link #pass} and the changes it saw. */
    record Passed(Map<LocalDate, Snapshot> snapshots, List<HazardChange> changes) {}

    /**
     * One fold of the log for all a report needs: the ledger as of the end of each of {@code dates}, and
     * (when {@code changesFrom} is given) how hazards changed between the end of {@code changesFrom} and the
     * end of {@code changesTo}, as {@link #changes} gives it. A snapshot the cache holds for the unchanged log
     * is taken from it; one taken on the way is a copy of the state folded so far.
     */
    Passed pass(java.util.SortedSet<LocalDate> dates, LocalDate changesFrom, LocalDate changesTo) {
        if (changesFrom != null) {
            checkRange(changesFrom, changesTo);
            if (!dates.isEmpty() && dates.last().isAfter(changesTo)) {
                throw new IllegalArgumentException("a snapshot date (" + dates.last() + ") after the changes' end ("
                        + changesTo + ")");
            }
        }
        long mark = mark();
        Map<LocalDate, Snapshot> out = new java.util.TreeMap<>();
        java.util.List<LocalDate> wanted = new ArrayList<>();
        for (LocalDate d : dates) {
            Snapshot s = cached(d, mark);
            if (s != null) {
                out.put(d, s);
            } else {
                wanted.add(d);
            }
        }
        if (wanted.isEmpty() && changesFrom == null) {
            return new Passed(out, List.of());
        }
        LocalDate last = changesTo;
        for (LocalDate d : wanted) {
            last = last == null || d.isAfter(last) ? d : last;
        }
        LedgerState s = new LedgerState(zone);
        ChangeTracker changes = changesFrom == null ? null : new ChangeTracker(s, changesFrom, changesTo);
        int[] next = {0};
        Instant end = endOf(last, zone);
        store.jdbi.useHandle(h -> store.each(h, end, e -> {
            while (next[0] < wanted.size() && !e.happenedAt().isBefore(endOf(wanted.get(next[0]), zone))) {
                LocalDate d = wanted.get(next[0]++);
                out.put(d, keep(new Snapshot(d, s.copy(), mark)));
            }
            if (changes != null) {
                changes.before(e);
            }
            s.apply(e);
            if (changes != null) {
                changes.after(e);
            }
        }));
        while (next[0] < wanted.size()) {
            LocalDate d = wanted.get(next[0]++);
            // Nothing is applied after the last date is taken, so the state itself can be kept.
            out.put(d, keep(new Snapshot(d, next[0] == wanted.size() && d.equals(last) ? s : s.copy(), mark)));
        }
        return new Passed(out, changes == null ? List.of() : changes.result());
    }

    /** Assesses venues in parallel (the engine is thread-safe) and returns the projection's grade rows. */
    static List<Object[]> assessAll(RiskEngine engine, LedgerState state, List<LedgerState.VenueFold> venues,
            LocalDate day) {
        Map<String, Optional<Assessment>> done = new ConcurrentHashMap<>();
        venues.parallelStream().forEach(v -> done.put(v.venueId, Projection.assessment(engine, state, v, day)));
        List<Object[]> rows = new ArrayList<>();
        for (LedgerState.VenueFold v : venues) {
            Optional<Assessment> a = done.get(v.venueId);
            rows.add(a.<Object[]>map(x -> new Object[] {x.grade().name(), x.verdict().name(), x.suspensionRequired(), day,
                    v.venueId}).orElseGet(() -> new Object[] {null, null, null, day, v.venueId}));
        }
        return rows;
    }

    /** What a snapshot keeps of a venue's assessment as of its date: enough for lists, counts and reports. */
    record Standing(RiskGrade grade, HazardVerdict verdict, List<SuspendedPart> suspended) {
        static Standing of(Assessment a) {
            return new Standing(a.grade(), a.verdict(), a.suspension().parts());
        }
    }

    final class Snapshot {
        final LocalDate date;
        final LedgerState state;
        /** The log's mark this snapshot is known to hold for. */
        final long mark;
        /** The log's mark its state was folded at. */
        final long basis;
        /** Each venue assessed once as of the date, on demand; empty when the engine could not assess it. */
        private final Map<String, Optional<Standing>> standings;

        Snapshot(LocalDate date, LedgerState state, long mark) {
            this(date, state, mark, mark, new ConcurrentHashMap<>(), new LinkedHashMap<>(16, 0.75f, true));
        }

        private Snapshot(LocalDate date, LedgerState state, long mark, long basis,
                Map<String, Optional<Standing>> standings, Map<HazardQuery, List<HazardRow>> sorted) {
            this.date = date;
            this.state = state;
            this.mark = mark;
            this.basis = basis;
            this.standings = standings;
            this.sorted = sorted;
        }

        /** The same snapshot, known to hold for a later mark of the log (nothing since touched its date). */
        Snapshot at(long later) {
            return new Snapshot(date, state, later, basis, standings, sorted);
        }

        private String category(String code) {
            return campaign.hazard(code).map(HazardType::category).orElse("");
        }

        /** The venues' standings as of the date, assessed once per venue, in parallel. */
        private void assess(Collection<String> venueIds) {
            venueIds.stream().distinct().filter(id -> !standings.containsKey(id)).toList().parallelStream().forEach(id -> {
                LedgerState.VenueFold v = state.venues.get(id);
                standings.put(id, v == null || v.venue == null ? Optional.empty()
                        : Projection.assessment(engine, state, v, date).map(Standing::of));
            });
        }

        /** A venue's standing as of the date (assessed now if no list has needed it yet). */
        Optional<Standing> standing(String venueId) {
            assess(List.of(venueId));
            return standings.get(venueId);
        }

        private Optional<RiskGrade> grade(String venueId) {
            return standings.getOrDefault(venueId, Optional.empty()).map(Standing::grade);
        }

        /**
         * The date's rows of the hazards whose venue the query's venues and units let through (every hazard when it
         * names none), for {@link Rows} to filter further. A unit officer's list or dashboard as of a past date
         * makes rows for their unit's hazards, not the district's (200,000 rows a request at district scale, twenty
         * officers' filters more than the sorted lists kept), and assesses only their venues.
         */
        List<HazardRow> rows(boolean withGrades, HazardQuery q) {
            boolean everyVenue = q.units().isEmpty() && q.venueIds().isEmpty();
            List<HazardFold> folds = new ArrayList<>(everyVenue ? state.hazards.size() : 256);
            for (HazardFold f : state.hazards.values()) {
                if (f.state != null && (everyVenue || venuePasses(q, f.venueId))) {
                    folds.add(f);
                }
            }
            if (withGrades) {
                assess(everyVenue ? state.venues.keySet() : folds.stream().map(f -> f.venueId).toList());
            }
            List<HazardRow> rows = new ArrayList<>(folds.size());
            for (HazardFold f : folds) {
                rows.add(state.row(f, date, policy, category(f.found.hazardCode()),
                        withGrades ? grade(f.venueId) : Optional.empty()));
            }
            return rows;
        }

        /** Whether a venue passes the query's venues and units, as {@link HazardQuery#matches} reads its row. */
        private boolean venuePasses(HazardQuery q, String venueId) {
            LedgerState.VenueFold v = state.venues.get(venueId);
            return (q.venueIds().isEmpty() || q.venueIds().contains(venueId))
                    && (q.units().isEmpty() || (v != null && q.units().contains(v.unitId)));
        }

        Optional<HazardView> hazard(String hazardId) {
            HazardFold f = state.hazards.get(hazardId);
            return f == null || f.state == null ? Optional.empty() : Optional.of(f.view(date, policy, campaign));
        }

        /**
         * The rows a query passes, in its order, kept for the last few queries (paging aside): paging
         * through a list, or a page asked for by many people, filters and sorts the date's rows once.
         */
        private final Map<HazardQuery, List<HazardRow>> sorted;

        private List<HazardRow> sorted(HazardQuery q, boolean byGrade) {
            HazardQuery whole = q.toBuilder().page(0, 1).build();
            synchronized (sorted) {
                List<HazardRow> kept = sorted.get(whole);
                if (kept != null) {
                    return kept;
                }
            }
            List<HazardRow> rows = List.copyOf(Rows.sorted(rows(byGrade, q), q));
            synchronized (sorted) {
                sorted.put(whole, rows);
                while (sorted.size() > SORTED_KEPT) {
                    sorted.remove(sorted.keySet().iterator().next());
                }
            }
            return rows;
        }

        Page<HazardRow> page(HazardQuery q) {
            boolean byGrade = !q.grades().isEmpty() || q.sort() == HazardQuery.Sort.GRADE;
            Page<HazardRow> page = Rows.slice(sorted(q, byGrade), q);
            if (byGrade) {
                return page;
            }
            assess(page.items().stream().map(HazardRow::venueId).toList());
            List<HazardRow> graded = page.items().stream().map(r -> withGrade(r, grade(r.venueId()))).toList();
            return new Page<>(graded, page.total(), page.offset(), page.limit());
        }

        List<Count> counts(HazardQuery q, List<Dimension> dims) {
            boolean byGrade = !q.grades().isEmpty() || dims.contains(Dimension.GRADE);
            return Rows.counts(rows(byGrade, q), q, dims);
        }
    }

    private static HazardRow withGrade(HazardRow r, Optional<RiskGrade> grade) {
        return new HazardRow(r.hazardId(), r.venueId(), r.venueName(), r.unitId(), r.street(), r.community(), r.grid(),
                r.hazardCode(), r.category(), r.state(), r.foundOn(), r.deadline(), r.daysOverdue(), r.dueSoon(),
                r.escalationLevel(), r.supervised(), r.extensionsApproved(), r.reopenings(), r.failedReinspections(),
                r.closedOn(), grade, r.version(), r.lastChange());
    }

    // ---- trend and changes ---------------------------------------------------------------------

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > 3_660) {
            throw new IllegalArgumentException("a range of at most ten years (was " + from + " to " + to + ")");
        }
    }

    /** Whether a hazard's venue, unit, area, category and code pass the filter (its other filters aside). */
    private boolean where(HazardQuery q, LedgerState s, HazardFold f) {
        return where(q, s, s, f);
    }

    /** {@link #where}, the venue read from {@code venues} and its area codes from {@code areas}. */
    private boolean where(HazardQuery q, LedgerState venues, LedgerState areas, HazardFold f) {
        LedgerState.VenueFold v = venues.venues.get(f.venueId);
        String[] codes = v == null ? new String[] {"", "", ""} : areas.areaCodes(v.area);
        return (q.venueIds().isEmpty() || q.venueIds().contains(f.venueId))
                && (q.units().isEmpty() || (v != null && q.units().contains(v.unitId)))
                && (q.streets().isEmpty() || q.streets().contains(codes[0]))
                && (q.communities().isEmpty() || q.communities().contains(codes[1]))
                && (q.grids().isEmpty() || q.grids().contains(codes[2]))
                && (q.categories().isEmpty() || q.categories().contains(
                        campaign.hazard(f.found.hazardCode()).map(HazardType::category).orElse("")))
                && (q.codes().isEmpty() || q.codes().contains(f.found.hazardCode()))
                && q.supervised().map(x -> x == (f.supervision != null)).orElse(true);
    }

    private boolean whereVenue(HazardQuery q, LedgerState s, String venueId) {
        LedgerState.VenueFold v = s.venues.get(venueId);
        String[] codes = v == null ? new String[] {"", "", ""} : s.areaCodes(v.area);
        return (q.venueIds().isEmpty() || q.venueIds().contains(venueId))
                && (q.units().isEmpty() || (v != null && q.units().contains(v.unitId)))
                && (q.streets().isEmpty() || q.streets().contains(codes[0]))
                && (q.communities().isEmpty() || q.communities().contains(codes[1]))
                && (q.grids().isEmpty() || q.grids().contains(codes[2]));
    }

    List<WeekCounts> trend(LocalDate from, LocalDate to, HazardQuery filter) {
        return trend(from, to, filter, false);
    }

    /**
     * The trend for a filter. A filter that narrows by nothing the trend reads but units (a unit officer's scope,
     * or nothing: the bureau's) is answered from the one fold kept per unit, as the sum of its units; any other from
     * a fold of its own. {@code perFilter} asks for a fold of its own whatever the filter (the per-unit fold's
     * oracle in tests).
     */
    List<WeekCounts> trend(LocalDate from, LocalDate to, HazardQuery filter, boolean perFilter) {
        checkRange(from, to);
        Objects.requireNonNull(filter, "filter");
        boolean byUnit = !perFilter && narrowsOnlyByUnit(filter);
        TrendKey key = new TrendKey(from, to, byUnit ? null : filter);
        TrendFold fold;
        List<TrendFold> dropped = new ArrayList<>();
        synchronized (trends) {
            fold = trends.computeIfAbsent(key, TrendFold::new);
            while (trends.size() > CACHED_TRENDS) {
                TrendFold gone = trends.remove(trends.keySet().iterator().next());
                if (withBase.remove(gone)) {
                    dropped.add(gone);
                }
            }
        }
        dropped.forEach(TrendFold::dropBase);
        dropped.clear();
        List<WeekCounts> weeks = fold.weeks(byUnit ? filter.units() : Set.of());
        // A fold that keeps the state before its last week holds the whole ledger: only the last few used do.
        synchronized (trends) {
            if (fold.holdsBase() && trends.get(key) == fold) {
                withBase.remove(fold);
                withBase.addLast(fold);
                while (withBase.size() > BASES_KEPT) {
                    dropped.add(leastNeeded());
                }
            }
        }
        dropped.forEach(TrendFold::dropBase);
        return weeks;
    }

    /**
     * Takes out of {@link #withBase} the fold whose state is least worth keeping: the least recently used of those that
     * ended before now (a recording, which happens now, moves them only when dated back into their range), else the
     * least recently used. So reading the trend as of past dates does not drop the state behind today's trend — the
     * one every dashboard of today shares and every recording moves — and make the next recording fold the whole log
     * again while every dashboard waits. Guarded by {@link #trends}.
     */
    private TrendFold leastNeeded() {
        Instant now = clock.instant();
        for (java.util.Iterator<TrendFold> i = withBase.iterator(); i.hasNext(); ) {
            TrendFold f = i.next();
            if (!f.end.isAfter(now)) {
                i.remove();
                return f;
            }
        }
        return withBase.removeFirst();
    }

    /** Whether the trend would read nothing of the filter but its units (see {@link #where}, {@link #whereVenue}). */
    private static boolean narrowsOnlyByUnit(HazardQuery q) {
        return q.venueIds().isEmpty() && q.streets().isEmpty() && q.communities().isEmpty() && q.grids().isEmpty()
                && q.categories().isEmpty() && q.codes().isEmpty() && q.supervised().isEmpty();
    }

    /** A trend's range and filter; a null filter is the fold kept per unit. */
    private record TrendKey(LocalDate from, LocalDate to, HazardQuery filter) {}

    /** How many times a trend's last week was moved by new events rather than folded again (for tests). */
    final java.util.concurrent.atomic.AtomicLong trendAdvances = new java.util.concurrent.atomic.AtomicLong();
    /** How many times a trend folded the log (for tests). */
    final java.util.concurrent.atomic.AtomicLong trendFolds = new java.util.concurrent.atomic.AtomicLong();

    /** Trend folds that hold the state before their last week, least recently used first (guarded by {@link #trends}). */
    private final java.util.ArrayDeque<TrendFold> withBase = new java.util.ArrayDeque<>();
    private static final int BASES_KEPT = 2;

    /** The order a fold applies events in, as {@link Store#each} reads them. */
    private static final java.util.Comparator<RecordedEvent> FOLD_ORDER = java.util.Comparator
            .comparing(RecordedEvent::happenedAt).thenComparingLong(RecordedEvent::sequence);

    /** The bucket of the fold kept for one filter: what passes it. */
    private static final Object PASSES = "passes";
    /** The bucket, in the fold kept per unit, of hazards and inspections of a venue the log has not registered. */
    private static final Object NO_VENUE = new Object();

    /**
     * One week's numbers ({@link WeekCounts}' ten, found to overdue at its end) in buckets: one per unit in the fold
     * kept per unit, so that every unit's scope is a sum and one fold of the log serves the bureau and all its unit
     * officers; one in a fold kept for a filter. The total of all buckets is kept beside them.
     */
    private static final class Tally {
        private final Map<Object, int[]> buckets = new HashMap<>();
        private final int[] total = new int[10];

        /** Adds {@code n} to number {@code index} of a bucket; a null bucket is not counted. */
        void add(Object bucket, int index, int n) {
            if (bucket != null) {
                buckets.computeIfAbsent(bucket, b -> new int[10])[index] += n;
                total[index] += n;
            }
        }

        /** The numbers of the given buckets, or of all when none is given. */
        int[] of(Set<?> in) {
            if (in.isEmpty()) {
                return total;
            }
            int[] sum = new int[10];
            for (Object b : in) {
                int[] c = buckets.get(b);
                if (c != null) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += c[i];
                    }
                }
            }
            return sum;
        }
    }

    /**
     * A trend kept up to date with the log. The weeks before the last are folded once: their numbers stay while
     * nothing recorded since happened before the last week began. The last week (today's, on a desk showing
     * today) is folded from the state at its start, kept, over copies of what the week's events touch; the state
     * it reaches and the week's numbers are kept too. Events recorded since (read by sequence number, see
     * {@link Store#lockLog}) that come after every event of the week in fold order (what a desk records: its events
     * happen now) are applied to that state, and move the numbers by what they change: the events counted, and the
     * open and overdue hazards among those whose hazard or venue they touch. So recording today costs work in
     * proportion to what was recorded, not a pass over every hazard, and gives the numbers a replay would (the same
     * events applied in the same order to the same state). An event of this week that comes before one already
     * applied folds the week again; one dated before the week folds the log again.
     *
     * <p>Without a filter the numbers are kept per unit ({@link Tally}): each hazard and inspection counts in the
     * bucket of its venue's unit as the state stands when it is counted (a hazard whose venue moves to another unit
     * is taken out of the old one's open numbers and put into the new one's), which is what a fold for a filter of
     * those units would count. A unit officer's first dashboard is then a sum, not a fold of the whole log, and the
     * desk keeps one folded ledger for all its scopes rather than one per scope.
     */
    private final class TrendFold {
        /** The filter this fold counts for; null: every hazard, in the bucket of its unit. */
        private final HazardQuery filter;
        private final List<LocalDate[]> weeks = new ArrayList<>();
        private final Instant begin;
        private final Instant lastWeek;
        private final Instant end;
        /** The log folded up to the start of the last week; null when dropped (memory) or not yet folded. */
        private volatile LedgerState base;
        /** The weeks before the last, complete; null before the first fold. */
        private Tally[] before;
        /** The last week's events, in fold order. */
        private List<RecordedEvent> tail;
        /** {@link #base} with {@link #tail} applied, over copies of what the tail touches; null when not folded. */
        private LedgerState current;
        /** The last week's numbers as {@link #current} stands. */
        private Tally last;
        /** The log's mark the numbers hold for; -1 before the first fold. */
        private long mark = -1;

        TrendFold(TrendKey key) {
            this.filter = key.filter();
            for (LocalDate start = key.from(); !start.isAfter(key.to()); ) {
                LocalDate weekEnd = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                if (weekEnd.isAfter(key.to())) {
                    weekEnd = key.to();
                }
                weeks.add(new LocalDate[] {start, weekEnd});
                start = weekEnd.plusDays(1);
            }
            this.begin = key.from().atStartOfDay(zone).toInstant();
            this.lastWeek = weeks.get(weeks.size() - 1)[0].atStartOfDay(zone).toInstant();
            this.end = endOf(key.to(), zone);
        }

        /** Whether it holds a base (read without the fold's lock: a fold under way may hold it for a minute). */
        boolean holdsBase() {
            return base != null;
        }

        /** Drops the folded states; the numbers stay, and hold while nothing is recorded in the trend's range. */
        synchronized void dropBase() {
            base = null;
            tail = null;
            current = null;
        }

        /** The bucket a hazard counts in (its venue read from {@code venues}, area codes from {@code areas}), or null. */
        private Object bucket(LedgerState venues, LedgerState areas, HazardFold f) {
            if (filter == null) {
                LedgerState.VenueFold v = venues.venues.get(f.venueId);
                return v == null ? NO_VENUE : v.unitId;
            }
            return where(filter, venues, areas, f) ? PASSES : null;
        }

        /** The bucket an inspection of the venue counts in, or null. */
        private Object venueBucket(LedgerState s, String venueId) {
            if (filter == null) {
                LedgerState.VenueFold v = s.venues.get(venueId);
                return v == null ? NO_VENUE : v.unitId;
            }
            return whereVenue(filter, s, venueId) ? PASSES : null;
        }

        /** The weeks' numbers, of the given units (all when empty; units are read only by the fold kept per unit). */
        synchronized List<WeekCounts> weeks(Set<String> units) {
            update();
            return list(units);
        }

        /** Brings the numbers up to the log's mark. */
        private void update() {
            long now = mark();
            if (before != null && now <= mark) {
                return;
            }
            if (before != null) {
                List<RecordedEvent> fresh = store.jdbi.withHandle(h -> store.after(h, mark));
                long seen = Math.max(now, fresh.stream().mapToLong(RecordedEvent::sequence).max().orElse(now));
                List<RecordedEvent> inRange = fresh.stream().filter(e -> e.happenedAt().isBefore(end)).toList();
                if (inRange.isEmpty()) {
                    mark = seen; // all recorded since happened after the trend's end
                    return;
                }
                if (base != null && inRange.stream().noneMatch(e -> e.happenedAt().isBefore(lastWeek))) {
                    List<RecordedEvent> added = new ArrayList<>(inRange);
                    added.sort(FOLD_ORDER);
                    boolean after = current != null
                            && (tail.isEmpty() || FOLD_ORDER.compare(tail.get(tail.size() - 1), added.get(0)) < 0);
                    tail.addAll(added);
                    mark = seen;
                    if (after) {
                        advance(added);
                    } else {
                        tail.sort(FOLD_ORDER);
                        foldLastWeek();
                    }
                    return;
                }
            }
            refold(now);
        }

        /** Folds the log: the weeks before the last into {@link #before}, the last week's events into {@link #tail}. */
        private void refold(long markBefore) {
            trendFolds.incrementAndGet();
            LedgerState s = new LedgerState(zone);
            Tally[] n = new Tally[weeks.size() - 1];
            java.util.Arrays.setAll(n, i -> new Tally());
            List<RecordedEvent> events = new ArrayList<>();
            int[] week = {0};
            long[] seen = {markBefore};
            int lastIndex = weeks.size() - 1;
            store.jdbi.useHandle(h -> store.each(h, end, e -> {
                seen[0] = Math.max(seen[0], e.sequence());
                if (!e.happenedAt().isBefore(lastWeek)) {
                    events.add(e);
                    return;
                }
                while (week[0] < lastIndex && !e.happenedAt().isBefore(endOf(weeks.get(week[0])[1], zone))) {
                    closeWeek(s, weeks.get(week[0])[1], n[week[0]]);
                    week[0]++;
                }
                s.apply(e);
                if (!e.happenedAt().isBefore(begin) && week[0] < lastIndex) {
                    count(e, s, n[week[0]]);
                }
            }));
            while (week[0] < lastIndex) {
                closeWeek(s, weeks.get(week[0])[1], n[week[0]]);
                week[0]++;
            }
            // Every event numbered up to the highest seen was committed when the fold's read began (the log's
            // writers number events in commit order), so the events above it are all that can come later.
            base = s;
            before = n;
            tail = events;
            mark = seen[0];
            foldLastWeek();
        }

        /** The last week folded over copies of what its events touch, into {@link #current} and {@link #last}. */
        private void foldLastWeek() {
            LedgerState o = base.overlay(tail);
            Tally c = new Tally();
            for (RecordedEvent e : tail) {
                o.apply(e);
                if (!e.happenedAt().isBefore(begin)) {
                    count(e, o, c);
                }
            }
            LocalDate to = weeks.get(weeks.size() - 1)[1];
            for (HazardFold f : base.hazards.values()) {
                if (!o.hazards.containsKey(f.hazardId)) {
                    open(o.venues.containsKey(f.venueId) ? o : base, o, f, to, c, 1);
                }
            }
            for (HazardFold f : o.hazards.values()) {
                open(o, o, f, to, c, 1);
            }
            current = o;
            last = c;
        }

        /**
         * Applies events that come after every event of the tail in fold order to {@link #current}, and moves the last
         * week's numbers: each event counted as it is applied, and the open and overdue count of every hazard the
         * events touch, or whose venue they touch (its unit or area may move), taken out before and put back after.
         */
        private void advance(List<RecordedEvent> events) {
            LocalDate to = weeks.get(weeks.size() - 1)[1];
            Set<String> touched = touched(events);
            for (String id : touched) {
                openAtEnd(id, to, -1);
            }
            base.cover(current, events);
            for (RecordedEvent e : events) {
                current.apply(e);
                if (!e.happenedAt().isBefore(begin)) {
                    count(e, current, last);
                }
            }
            // The same hazards (a hazard found by these events was counted nowhere before them)
            touched.addAll(touched(events));
            for (String id : touched) {
                openAtEnd(id, to, 1);
            }
            trendAdvances.incrementAndGet();
        }

        /** The hazards the events name, and every hazard of each venue they touch, as the state now stands. */
        private Set<String> touched(List<RecordedEvent> events) {
            Set<String> ids = new java.util.LinkedHashSet<>();
            for (RecordedEvent e : events) {
                String venueId = e.venueId() == null || e.venueId().isEmpty() ? null : e.venueId();
                if (e.event() instanceof Event.HazardEvent he && he.hazardId() != null) {
                    ids.add(he.hazardId());
                    HazardFold f = hazard(he.hazardId());
                    if (venueId == null && f != null) {
                        venueId = f.venueId;
                    }
                }
                if (venueId != null) {
                    LedgerState.VenueFold v = current.venues.containsKey(venueId) ? current.venues.get(venueId)
                            : base.venues.get(venueId);
                    if (v != null) {
                        ids.addAll(v.hazardIds);
                    }
                }
            }
            return ids;
        }

        private HazardFold hazard(String id) {
            HazardFold f = current.hazards.get(id);
            return f != null ? f : base.hazards.get(id);
        }

        /** Adds {@code sign} to the open and overdue numbers for one hazard, read as {@link #foldLastWeek} reads it. */
        private void openAtEnd(String hazardId, LocalDate to, int sign) {
            HazardFold f = current.hazards.get(hazardId);
            LedgerState venues = current;
            if (f == null) {
                f = base.hazards.get(hazardId);
                if (f == null) {
                    return;
                }
                venues = current.venues.containsKey(f.venueId) ? current : base;
            }
            open(venues, current, f, to, last, sign);
        }

        /** The weeks: those before the last as folded, the last as {@link #last} holds it; of the given buckets. */
        private List<WeekCounts> list(Set<String> units) {
            List<WeekCounts> out = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                int[] w = (i < before.length ? before[i] : last).of(units);
                out.add(new WeekCounts(weeks.get(i)[0], weeks.get(i)[1], w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                        w[8], w[9]));
            }
            return List.copyOf(out);
        }

        /** Counts, with {@code sign}, one hazard open (and overdue) at {@code end}, its venue read from {@code venues}. */
        private void open(LedgerState venues, LedgerState areas, HazardFold f, LocalDate end, Tally c, int sign) {
            if (f.state != null && f.state.isOpen()) {
                Object bucket = bucket(venues, areas, f);
                c.add(bucket, 8, sign);
                if (f.daysOverdue(end) > 0) {
                    c.add(bucket, 9, sign);
                }
            }
        }

        /** The hazards open and overdue at the end of a week, the state standing there. */
        private void closeWeek(LedgerState s, LocalDate end, Tally c) {
            for (HazardFold f : s.hazards.values()) {
                open(s, s, f, end, c, 1);
            }
        }

        /** What one event, just applied to {@code s}, adds to its week's numbers. */
        private void count(RecordedEvent e, LedgerState s, Tally c) {
            Event ev = e.event();
            if (ev instanceof Event.InspectionRecorded i) {
                c.add(venueBucket(s, i.venueId()), 7, 1);
                return;
            }
            if (!(ev instanceof Event.HazardEvent he)) {
                return;
            }
            int index = switch (ev.type()) {
                case HAZARD_FOUND -> 0;
                case RECTIFICATION_REPORTED -> 2;
                case REINSPECTION_FAILED -> 3;
                case HAZARD_CLOSED -> 4;
                case HAZARD_REOPENED -> 5;
                case EXTENSION_APPROVED -> 6;
                default -> -1;
            };
            if (index < 0) {
                return;
            }
            Object bucket = bucket(s, s, s.hazards.get(he.hazardId()));
            c.add(bucket, index, 1);
            if (index == 0 && ((Event.HazardFound) ev).correctedOnSpot()) {
                c.add(bucket, 1, 1);
            }
        }
    }

    List<HazardChange> changes(LocalDate from, LocalDate to) {
        checkRange(from, to);
        LedgerState s = new LedgerState(zone);
        ChangeTracker changes = new ChangeTracker(s, from, to);
        store.jdbi.useHandle(h -> store.each(h, endOf(to, zone), e -> {
            changes.before(e);
            s.apply(e);
            changes.after(e);
        }));
        return changes.result();
    }

    /**
     * Follows a fold of the log (the caller applies each event between {@link #before} and {@link #after})
     * and tells how hazards changed between the end of {@code from} and the end of {@code to}: those with
     * events in between or whose being overdue changed.
     */
    private final class ChangeTracker {
        private record Before(HazardState state, LocalDate deadline, boolean overdue) {}

        private final LedgerState s;
        private final LocalDate from;
        private final LocalDate to;
        private final Instant cut;
        private final Instant end;
        private final Map<String, Before> before = new HashMap<>();
        private final Map<String, List<RecordedEvent>> between = new LinkedHashMap<>();
        private boolean taken;

        ChangeTracker(LedgerState s, LocalDate from, LocalDate to) {
            this.s = s;
            this.from = from;
            this.to = to;
            this.cut = endOf(from, zone);
            this.end = endOf(to, zone);
        }

        void before(RecordedEvent e) {
            if (!taken && !e.happenedAt().isBefore(cut)) {
                take();
            }
        }

        void after(RecordedEvent e) {
            if (taken && e.happenedAt().isBefore(end) && e.event() instanceof Event.HazardEvent he) {
                between.computeIfAbsent(he.hazardId(), k -> new ArrayList<>()).add(e);
            }
        }

        private void take() {
            for (HazardFold f : s.hazards.values()) {
                if (f.state != null) {
                    before.put(f.hazardId, new Before(f.state, f.deadline, f.daysOverdue(from) > 0));
                }
            }
            taken = true;
        }

        /** The changes; the state must stand at the end of {@code to} (no later event applied). */
        List<HazardChange> result() {
            if (!taken) {
                take();
            }
            List<HazardChange> out = new ArrayList<>();
            for (HazardFold f : s.hazards.values()) {
                if (f.state == null) {
                    continue;
                }
                Before b = before.get(f.hazardId);
                boolean overdueAfter = f.daysOverdue(to) > 0;
                List<RecordedEvent> events = between.getOrDefault(f.hazardId, List.of());
                boolean overdueBefore = b != null && b.overdue();
                if (!events.isEmpty() || overdueBefore != overdueAfter) {
                    out.add(new HazardChange(f.hazardId, f.venueId, Optional.ofNullable(b).map(Before::state), f.state,
                            Optional.ofNullable(b).map(Before::deadline), f.deadline, overdueBefore, overdueAfter,
                            events));
                }
            }
            return out;
        }
    }
}
