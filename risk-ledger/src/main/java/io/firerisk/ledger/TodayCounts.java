package io.firerisk.ledger;

import io.firerisk.RiskGrade;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hazards of the projections counted by the dashboard's dimensions (street, unit, state, grade, category,
 * overdue today, closed by deadline), kept in memory and moved by what is recorded, so that a count of today costs
 * what was recorded since the last one rather than a GROUP BY over every hazard row.
 *
 * <p>It keeps each hazard's key and how many hazards share each key, and the log's mark and the projections'
 * stamp ({@link Store#stamp}) they hold for. A call reads, in the caller's consistent view, the mark and the stamp:
 * when the events numbered above the kept mark are few it re-reads the rows of the hazards of the venues those events
 * name (every event that changes a hazard row names its venue: the hazard's own events, a venue's move, a grade set by
 * a recording) and moves their counts; otherwise, on another day (overdue is of today), after grades were written
 * without an event (the stamp moved: {@link Ledger#assessForToday}, a rebuild), it counts every row again. A
 * directory event (an area, unit or person) moves no hazard row: hazard rows hold no person, and an area or unit
 * cannot be registered twice (Checker), so it is caught up like any other. What another process records is caught up the same way, so nothing kept can go wrong by it.
 */
final class TodayCounts {

    /** The dimensions kept, in this order in each key. */
    static final List<Dimension> KEPT = List.of(Dimension.STREET, Dimension.UNIT, Dimension.STATE, Dimension.GRADE,
            Dimension.CATEGORY, Dimension.OVERDUE, Dimension.CLOSED_BY_DEADLINE);

    /** More events than this since the kept mark (an import): counting every row again is cheaper than catching up. */
    static final int CATCH_UP_LIMIT = 5_000;

    private static final String COLUMNS = "hazard_id, street, unit_id, state, grade, category, deadline, closed_on";

    /** One hazard's values of the kept dimensions. */
    private record Key(String street, String unit, HazardState state, String grade, String category, boolean overdue,
            boolean closedByDeadline) {
        String value(Dimension d) {
            return switch (d) {
                case STREET -> street;
                case UNIT -> unit;
                case STATE -> state.name();
                case GRADE -> grade;
                case CATEGORY -> category;
                case OVERDUE -> Boolean.toString(overdue);
                case CLOSED_BY_DEADLINE -> Boolean.toString(closedByDeadline);
                default -> throw new IllegalArgumentException(d + " is not kept");
            };
        }

        List<String> values() {
            return List.of(street, unit, state.name(), grade, category, Boolean.toString(overdue),
                    Boolean.toString(closedByDeadline));
        }

        boolean matches(HazardQuery q) {
            return (q.units().isEmpty() || q.units().contains(unit))
                    && (q.streets().isEmpty() || q.streets().contains(street))
                    && (q.states().isEmpty() || q.states().contains(state))
                    && (q.grades().isEmpty() || (!grade.isEmpty() && q.grades().contains(RiskGrade.valueOf(grade))))
                    && (q.categories().isEmpty() || q.categories().contains(category))
                    && q.overdue().map(o -> o == overdue).orElse(true);
        }
    }

    /** The order of keys by their values as text, dimension by dimension ({@link Rows#compareKeys}). */
    private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::street)
            .thenComparing(Key::unit).thenComparing(k -> k.state().name()).thenComparing(Key::grade)
            .thenComparing(Key::category).thenComparing(Key::overdue).thenComparing(Key::closedByDeadline);

    /** The counts kept and what they hold for. */
    private static final class Kept {
        final LocalDate day;
        long mark;
        final long stamp;
        final Map<String, Key> byHazard = new HashMap<>();
        /**
         * How many hazards share each key, in the order {@link Reads#counts} sorts them: a count by every kept
         * dimension (the dashboard's: at district scale 167,000 keys for 200,000 hazards) is this map read in order.
         */
        final TreeMap<Key, Count> counts = new TreeMap<>(ORDER);
        /** One instance per distinct key. */
        final Map<Key, Key> canonical = new HashMap<>();
        /** The keys of each unit: a unit officer's count reads its unit's few hundred, not all 167,000. */
        final Map<String, Set<Key>> byUnit = new HashMap<>();

        Kept(LocalDate day, long mark, long stamp) {
            this.day = day;
            this.mark = mark;
            this.stamp = stamp;
        }

        void put(String hazardId, Key key) {
            Key k = canonical.computeIfAbsent(key, x -> x);
            Key old = byHazard.put(hazardId, k);
            if (k.equals(old)) {
                return;
            }
            // Each key's Count is kept whole (its values as a list made once): a count by every kept dimension hands
            // out these records rather than making 167,000 new ones per dashboard.
            if (old != null) {
                Count n = counts.get(old);
                if (n.hazards() == 1) {
                    counts.remove(old);
                    canonical.remove(old);
                    Set<Key> keys = byUnit.get(old.unit());
                    keys.remove(old);
                    if (keys.isEmpty()) {
                        byUnit.remove(old.unit());
                    }
                } else {
                    counts.put(old, new Count(n.key(), n.hazards() - 1));
                }
            }
            Count n = counts.get(k);
            counts.put(k, n == null ? new Count(k.values(), 1) : new Count(n.key(), n.hazards() + 1));
            if (n == null) {
                byUnit.computeIfAbsent(k.unit(), u -> new HashSet<>()).add(k);
            }
        }
    }

    private final Store store;
    /**
     * Guards {@link #kept}: its read lock for answering (dashboards of different scopes answer at once), its write lock
     * only to swap in a new count or to apply rows already read. No database read is made under either lock: every
     * caller holds a pooled connection in an open transaction while it waits.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private Kept kept;
    /** How many full counts and catch-ups were made (for tests and the benchmark's notes); written under the write lock. */
    volatile long fullCounts;
    volatile long catchUps;

    TodayCounts(Store store) {
        this.store = store;
    }

    /** Whether a query can be answered from the kept counts: its filters and dimensions are all kept ones. */
    static boolean answers(HazardQuery q, List<Dimension> dims) {
        return KEPT.containsAll(dims) && q.venueIds().isEmpty() && q.communities().isEmpty() && q.grids().isEmpty()
                && q.codes().isEmpty() && !q.dueSoon() && q.supervised().isEmpty() && q.minEscalation() == 0;
    }

    /**
     * The counts of the projections as the handle's transaction sees them (it must be one consistent view: the
     * caller's REPEATABLE READ), by {@code dims}, for hazards passing {@code q}, with overdue as of {@code today};
     * sorted by key as {@link Reads#counts} sorts. Empty when the kept counts are newer than this view (grades
     * written, or events recorded, since it began: another caller caught up first): the caller counts in SQL then,
     * so an answer is never newer than the rest of the caller's reads. The query must be one {@link #answers} takes.
     *
     * <p>What is behind is read first, without a lock, in the caller's view (the rows of the venues named since the
     * kept mark, or every row into a new count), then applied or swapped in under the write lock if the kept counts
     * are still older; the answer is made under the read lock.
     */
    Optional<List<Count>> counts(Handle h, HazardQuery q, List<Dimension> dims, LocalDate today) {
        long mark = store.mark(h);
        long stamp = store.stamp(h);
        Kept seen;
        lock.readLock().lock();
        try {
            seen = kept;
            if (seen != null && seen.day.equals(today)) {
                if (seen.stamp > stamp || (seen.stamp == stamp && seen.mark > mark)) {
                    return Optional.empty();
                }
                if (seen.stamp == stamp && seen.mark == mark) {
                    return Optional.of(answer(seen, q, dims));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        // Behind this view: read what is new (outside any lock), then apply it if nobody has gone further.
        long from = seen == null ? -1 : seen.mark;
        List<Map.Entry<String, Key>> rows = seen != null && seen.day.equals(today) && seen.stamp == stamp
                ? catchUpRows(h, today, from, mark) : null;
        if (rows != null) {
            Kept applied = null;
            lock.writeLock().lock();
            try {
                Kept k = kept;
                if (k != null && k.day.equals(today) && k.stamp == stamp && k.mark >= from && k.mark < mark) {
                    // Re-reading a venue's rows is idempotent: rows read as of this mark are right for every venue
                    // named between the kept mark and this one (a superset of what is new to it).
                    for (Map.Entry<String, Key> e : rows) {
                        k.put(e.getKey(), e.getValue());
                    }
                    k.mark = mark;
                    catchUps++;
                    applied = k;
                    lock.readLock().lock();
                }
            } finally {
                lock.writeLock().unlock();
            }
            if (applied == null) {
                // another caller went further or counted afresh meanwhile: decide again against what is kept now
                return counts(h, q, dims, today);
            }
            try {
                return Optional.of(answer(applied, q, dims));
            } finally {
                lock.readLock().unlock();
            }
        }
        Kept fresh = count(h, today, mark, stamp);
        lock.writeLock().lock();
        try {
            Kept k = kept;
            if (k == null || !k.day.equals(today) || k.stamp < stamp || (k.stamp == stamp && k.mark < mark)) {
                kept = fresh;
            }
            fullCounts++;
        } finally {
            lock.writeLock().unlock();
        }
        // The new count is of this view; kept or not, it is only read from here on.
        return Optional.of(answer(fresh, q, dims));
    }

    /**
     * The rows of the hazards of the venues named by the events numbered above {@code from} up to {@code mark}, as
     * the caller's view holds them; null when counting every row is cheaper (an import).
     */
    private List<Map.Entry<String, Key>> catchUpRows(Handle h, LocalDate day, long from, long mark) {
        if (mark - from > CATCH_UP_LIMIT) {
            return null;
        }
        Set<String> venues = new HashSet<>();
        h.createQuery("select venue_id from ledger_event where seq > :from and seq <= :to")
                .bind("from", from).bind("to", mark)
                .map((rs, ctx) -> {
                    String venue = rs.getString("venue_id");
                    if (venue != null && !venue.isEmpty()) {
                        venues.add(venue);
                    }
                    return 0;
                }).list();
        List<Map.Entry<String, Key>> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(venues);
        for (int i = 0; i < all.size(); i += 500) {
            h.createQuery("select " + COLUMNS + " from ledger_hazard where venue_id in (<v>)")
                    .bindList("v", all.subList(i, Math.min(all.size(), i + 500)))
                    .map((rs, ctx) -> {
                        rows.add(Map.entry(rs.getString("hazard_id"), key(rs, day)));
                        return 0;
                    }).list();
        }
        return rows;
    }

    /** Counts every hazard row afresh. */
    private Kept count(Handle h, LocalDate today, long mark, long stamp) {
        Kept k = new Kept(today, mark, stamp);
        try (var rows = h.createQuery("select " + COLUMNS + " from ledger_hazard").setFetchSize(5_000)
                .map((rs, ctx) -> {
                    k.put(rs.getString("hazard_id"), key(rs, today));
                    return 0;
                }).stream()) {
            rows.forEach(x -> { });
        }
        return k;
    }

    /**
     * One instance of each street, unit, category and grade (a district has hundreds): JDBC hands out a new String
     * per row, and 200,000 keys would otherwise hold 800,000 copies of a few hundred values. Bounded by the
     * directory and the catalogue; read and filled outside the lock, hence concurrent.
     */
    private final Map<String, String> shared = new java.util.concurrent.ConcurrentHashMap<>();

    private String shared(String s) {
        return s == null ? null : shared.computeIfAbsent(s, x -> x);
    }

    private Key key(ResultSet rs, LocalDate today) throws SQLException {
        HazardState state = HazardState.valueOf(rs.getString("state"));
        LocalDate deadline = Store.date(rs, "deadline");
        LocalDate closed = Store.date(rs, "closed_on");
        String grade = rs.getString("grade");
        // As Reads.expression: overdue while awaiting rectification past the deadline, on time when closed by it.
        return new Key(shared(rs.getString("street")), shared(rs.getString("unit_id")), state,
                grade == null ? "" : shared(grade), shared(rs.getString("category")), state.awaitsRectification() && deadline.isBefore(today),
                closed != null && !closed.isAfter(deadline));
    }

    private static List<Count> answer(Kept k, HazardQuery q, List<Dimension> dims) {
        if (!q.units().isEmpty()) {
            // a few units' keys, sorted here, instead of a pass over every key
            TreeMap<Key, Count> scoped = new TreeMap<>(ORDER);
            for (String unit : q.units()) {
                for (Key key : k.byUnit.getOrDefault(unit, Set.of())) {
                    scoped.put(key, k.counts.get(key));
                }
            }
            return answer(scoped, q, dims);
        }
        return answer(k.counts, q, dims);
    }

    private static List<Count> answer(TreeMap<Key, Count> counts, HazardQuery q, List<Dimension> dims) {
        if (dims.equals(KEPT)) {
            // every kept dimension in the kept order: the keys as they stand, already sorted
            List<Count> out = new ArrayList<>();
            for (Map.Entry<Key, Count> e : counts.entrySet()) {
                if (e.getKey().matches(q)) {
                    out.add(e.getValue());
                }
            }
            return out;
        }
        Map<List<String>, long[]> sums = new HashMap<>();
        String[] values = new String[dims.size()];
        for (Map.Entry<Key, Count> e : counts.entrySet()) {
            Key key = e.getKey();
            if (!key.matches(q)) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = key.value(dims.get(i));
            }
            sums.computeIfAbsent(List.of(values), x -> new long[1])[0] += e.getValue().hazards();
        }
        TreeMap<List<String>, Long> sorted = new TreeMap<>(Rows::compareKeys);
        sums.forEach((key, n) -> sorted.put(key, n[0]));
        List<Count> out = new ArrayList<>(sorted.size());
        sorted.forEach((key, n) -> out.add(new Count(key, n)));
        return out;
    }
}
