package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
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
        Assessment a = engine.assess(s.facts(v, s.findings(v), date));
        return Optional.of(new VenueView(venueId, date, v.venue, v.unitId, v.area, path, hazards, inspections, a,
                v.version));
    }

    /** The whole ledger as of the end of {@code date}, from the cache while the log is unchanged. */
    Snapshot snapshot(LocalDate date) {
        Objects.requireNonNull(date, "date");
        long mark = store.jdbi.withHandle(h -> h.createQuery("select coalesce(max(seq), 0) from ledger_event")
                .mapTo(Long.class).one());
        synchronized (cache) {
            Snapshot s = cache.get(date);
            if (s != null && s.mark == mark) {
                return s;
            }
        }
        LedgerState state = new LedgerState(zone);
        store.jdbi.useHandle(h -> store.each(h, endOf(date, zone), state::apply));
        Snapshot s = new Snapshot(date, state, mark);
        synchronized (cache) {
            cache.put(date, s);
            while (cache.size() > CACHED) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return s;
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
        final long mark;
        private final Map<String, Optional<RiskGrade>> grades = new ConcurrentHashMap<>();

        Snapshot(LocalDate date, LedgerState state, long mark) {
            this.date = date;
            this.state = state;
            this.mark = mark;
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

        Page<HazardRow> page(HazardQuery q) {
            boolean byGrade = !q.grades().isEmpty() || q.sort() == HazardQuery.Sort.GRADE;
            Page<HazardRow> page = Rows.page(rows(byGrade), q);
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
        return out;
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
