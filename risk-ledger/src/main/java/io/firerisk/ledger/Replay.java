package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
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
    private final Map<LocalDate, Snapshot> cache = new LinkedHashMap<>(4, 0.75f, true);
    private static final int CACHED_TRENDS = 16;
    /** Sorted lists kept per snapshot. */
    private static final int SORTED_KEPT = 8;
    /** Trends kept (a handful of scopes and dates), by what they were asked for. */
    private final Map<TrendKey, KeptTrend> trends = new LinkedHashMap<>(32, 0.75f, true);
    /** Replays under way, by date (guarded by {@link #cache}). */
    private final Map<LocalDate, Pending> replaying = new HashMap<>();
    /** Areas are registered once and never change (the log has no event that could), so their paths keep. */
    private final Map<String, List<Directory.Area>> areaPaths = new ConcurrentHashMap<>();

    Replay(Store store, RiskEngine engine, LedgerPolicy policy, ZoneId zone) {
        this.store = store;
        this.engine = engine;
        this.campaign = engine.campaign();
        this.policy = policy;
        this.zone = zone;
    }

    /** The first instant after {@code date} in the campaign's zone: events before it happened by the end of that day. */
    static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Optional<VenueView> venue(Handle h, String venueId, LocalDate date) {
        LedgerState s = new LedgerState(zone);
        store.venueBefore(h, venueId, endOf(date, zone)).forEach(s::apply);
        LedgerState.VenueFold v = s.venues.get(venueId);
        if (v == null || v.venue == null) {
            return Optional.empty();
        }
        List<Directory.Area> path = areaPaths.computeIfAbsent(v.area, code -> Reads.areaPath(h, code));
        List<HazardView> hazards = v.hazardIds.stream().map(s.hazards::get)
                .map(f -> f.view(date, policy, campaign)).toList();
        List<InspectionView> inspections = v.inspectionIds.stream().map(s.inspections::get).toList();
        Assessment a = engine.assess(VenueFacts.of(v.venue, s.findings(v), date));
        return Optional.of(new VenueView(venueId, date, v.venue, v.unitId, v.area, path, hazards, inspections, a,
                v.version));
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
        long mark = currentMark();
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

    /** The log's highest event number: grows with every event recorded. */
    private long currentMark() {
        return store.jdbi.withHandle(h -> h.createQuery("select coalesce(max(seq), 0) from ledger_event")
                .mapTo(Long.class).one());
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

    final class Snapshot {
        final LocalDate date;
        final LedgerState state;
        /** The log's mark this snapshot is known to hold for. */
        final long mark;
        /** The log's mark its state was folded at. */
        final long basis;
        private final Map<String, Optional<RiskGrade>> grades;

        Snapshot(LocalDate date, LedgerState state, long mark) {
            this(date, state, mark, mark, new ConcurrentHashMap<>(), new LinkedHashMap<>(16, 0.75f, true));
        }

        private Snapshot(LocalDate date, LedgerState state, long mark, long basis,
                Map<String, Optional<RiskGrade>> grades, Map<HazardQuery, List<HazardRow>> sorted) {
            this.date = date;
            this.state = state;
            this.mark = mark;
            this.basis = basis;
            this.grades = grades;
            this.sorted = sorted;
        }

        /** The same snapshot, known to hold for a later mark of the log (nothing since touched its date). */
        Snapshot at(long later) {
            return new Snapshot(date, state, later, basis, grades, sorted);
        }

        private String category(String code) {
            return campaign.hazard(code).map(HazardType::category).orElse("");
        }

        /** The venues' grades as of the date, assessed once per venue, in parallel. */
        private void grade(Collection<String> venueIds) {
            venueIds.stream().distinct().filter(id -> !grades.containsKey(id)).toList().parallelStream().forEach(id -> {
                LedgerState.VenueFold v = state.venues.get(id);
                grades.put(id, v == null || v.venue == null ? Optional.empty()
                        : Projection.assessment(engine, state, v, date).map(Assessment::grade));
            });
        }

        List<HazardRow> rows(boolean withGrades) {
            if (withGrades) {
                grade(state.venues.keySet());
            }
            List<HazardRow> rows = new ArrayList<>(state.hazards.size());
            for (HazardFold f : state.hazards.values()) {
                if (f.state != null) {
                    rows.add(state.row(f, date, policy, category(f.found.hazardCode()),
                            withGrades ? grades.getOrDefault(f.venueId, Optional.empty()) : Optional.empty()));
                }
            }
            return rows;
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
            List<HazardRow> rows = List.copyOf(Rows.sorted(rows(byGrade), q));
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
            grade(page.items().stream().map(HazardRow::venueId).toList());
            List<HazardRow> graded = page.items().stream().map(r -> withGrade(r,
                    grades.getOrDefault(r.venueId(), Optional.empty()))).toList();
            return new Page<>(graded, page.total(), page.offset(), page.limit());
        }

        List<Count> counts(HazardQuery q, List<Dimension> dims) {
            boolean byGrade = !q.grades().isEmpty() || dims.contains(Dimension.GRADE);
            return Rows.counts(rows(byGrade), q, dims);
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
        LedgerState.VenueFold v = s.venues.get(f.venueId);
        String[] codes = v == null ? new String[] {"", "", ""} : s.areaCodes(v.area);
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
        checkRange(from, to);
        Objects.requireNonNull(filter, "filter");
        // A trend reads the whole log up to its end: kept, like a snapshot, while nothing recorded since
        // happened by its last day.
        TrendKey key = new TrendKey(from, to, filter);
        long mark = currentMark();
        KeptTrend kept;
        synchronized (trends) {
            kept = trends.get(key);
        }
        if (kept != null && (kept.mark >= mark || noneBy(kept.mark, to))) {
            synchronized (trends) {
                trends.put(key, new KeptTrend(Math.max(mark, kept.mark), kept.weeks));
            }
            return kept.weeks;
        }
        List<WeekCounts> weeks = foldTrend(from, to, filter);
        synchronized (trends) {
            trends.put(key, new KeptTrend(mark, weeks));
            while (trends.size() > CACHED_TRENDS) {
                trends.remove(trends.keySet().iterator().next());
            }
        }
        return weeks;
    }

    private record TrendKey(LocalDate from, LocalDate to, HazardQuery filter) {}

    private record KeptTrend(long mark, List<WeekCounts> weeks) {}

    private List<WeekCounts> foldTrend(LocalDate from, LocalDate to, HazardQuery filter) {
        List<LocalDate[]> weeks = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); ) {
            LocalDate end = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            if (end.isAfter(to)) {
                end = to;
            }
            weeks.add(new LocalDate[] {start, end});
            start = end.plusDays(1);
        }
        int[][] n = new int[weeks.size()][10];
        LedgerState s = new LedgerState(zone);
        Instant begin = from.atStartOfDay(zone).toInstant();
        int[] week = {0};
        store.jdbi.useHandle(h -> store.each(h, endOf(to, zone), e -> {
            while (week[0] < weeks.size() && !e.happenedAt().isBefore(endOf(weeks.get(week[0])[1], zone))) {
                closeWeek(s, filter, weeks.get(week[0])[1], n[week[0]]);
                week[0]++;
            }
            s.apply(e);
            if (e.happenedAt().isBefore(begin) || week[0] >= weeks.size()) {
                return;
            }
            int[] c = n[week[0]];
            Event ev = e.event();
            if (ev instanceof Event.InspectionRecorded i) {
                if (whereVenue(filter, s, i.venueId())) {
                    c[7]++;
                }
                return;
            }
            if (!(ev instanceof Event.HazardEvent he) || !where(filter, s, s.hazards.get(he.hazardId()))) {
                return;
            }
            switch (ev.type()) {
                case HAZARD_FOUND -> {
                    c[0]++;
                    if (((Event.HazardFound) ev).correctedOnSpot()) {
                        c[1]++;
                    }
                }
                case RECTIFICATION_REPORTED -> c[2]++;
                case REINSPECTION_FAILED -> c[3]++;
                case HAZARD_CLOSED -> c[4]++;
                case HAZARD_REOPENED -> c[5]++;
                case EXTENSION_APPROVED -> c[6]++;
                default -> { }
            }
        }));
        while (week[0] < weeks.size()) {
            closeWeek(s, filter, weeks.get(week[0])[1], n[week[0]]);
            week[0]++;
        }
        List<WeekCounts> out = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            int[] c = n[i];
            out.add(new WeekCounts(weeks.get(i)[0], weeks.get(i)[1], c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8],
                    c[9]));
        }
        return List.copyOf(out);
    }

    private void closeWeek(LedgerState s, HazardQuery filter, LocalDate end, int[] c) {
        for (HazardFold f : s.hazards.values()) {
            if (f.state != null && f.state.isOpen() && where(filter, s, f)) {
                c[8]++;
                if (f.daysOverdue(end) > 0) {
                    c[9]++;
                }
            }
        }
    }

    List<HazardChange> changes(LocalDate from, LocalDate to) {
        checkRange(from, to);
        record Before(HazardState state, LocalDate deadline, boolean overdue) {}
        Map<String, Before> before = new HashMap<>();
        Map<String, List<RecordedEvent>> between = new LinkedHashMap<>();
        LedgerState s = new LedgerState(zone);
        Instant cut = endOf(from, zone);
        boolean[] taken = {false};
        Runnable take = () -> {
            for (HazardFold f : s.hazards.values()) {
                if (f.state != null) {
                    before.put(f.hazardId, new Before(f.state, f.deadline, f.daysOverdue(from) > 0));
                }
            }
            taken[0] = true;
        };
        store.jdbi.useHandle(h -> store.each(h, endOf(to, zone), e -> {
            if (!taken[0] && !e.happenedAt().isBefore(cut)) {
                take.run();
            }
            s.apply(e);
            if (taken[0] && e.event() instanceof Event.HazardEvent he) {
                between.computeIfAbsent(he.hazardId(), k -> new ArrayList<>()).add(e);
            }
        }));
        if (!taken[0]) {
            take.run();
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
                        Optional.ofNullable(b).map(Before::deadline), f.deadline, overdueBefore, overdueAfter, events));
            }
        }
        return out;
    }
}
