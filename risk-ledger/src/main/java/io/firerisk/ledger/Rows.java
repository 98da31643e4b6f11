package io.firerisk.ledger;

import io.firerisk.RiskGrade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sorting, paging and counting of hazard rows in memory, the same way the SQL of {@link Reads} does it. */
final class Rows {
    private Rows() {}

    static Comparator<HazardRow> order(HazardQuery.Sort sort, boolean ascending) {
        Comparator<HazardRow> c = switch (sort) {
            case DEADLINE -> Comparator.comparing(HazardRow::deadline);
            case DAYS_OVERDUE -> Comparator.comparingInt(HazardRow::daysOverdue);
            case FOUND_ON -> Comparator.comparing(HazardRow::foundOn);
            case STATE -> Comparator.comparingInt(r -> r.state().ordinal());
            case GRADE -> Comparator.comparingInt(r -> r.grade().map(RiskGrade::ordinal).orElse(-1));
            case STREET -> Comparator.comparing(HazardRow::street);
            case UNIT -> Comparator.comparing(HazardRow::unitId);
            case VENUE -> Comparator.comparing(HazardRow::venueId);
            case HAZARD_ID -> Comparator.comparing(HazardRow::hazardId);
            case LAST_CHANGE -> Comparator.comparing(HazardRow::lastChange);
        };
        if (!ascending) {
            c = c.reversed();
        }
        return c.thenComparing(HazardRow::hazardId);
    }

    static Page<HazardRow> page(List<HazardRow> all, HazardQuery q) {
        return slice(sorted(all, q), q);
    }

    /** The rows the query's filters pass, in its order (its paging aside). */
    static List<HazardRow> sorted(List<HazardRow> all, HazardQuery q) {
        List<HazardRow> matching = new ArrayList<>();
        for (HazardRow r : all) {
            if (q.matches(r)) {
                matching.add(r);
            }
        }
        matching.sort(order(q.sort(), q.ascending()));
        return matching;
    }

    /** The query's page of rows already filtered and sorted for it. */
    static Page<HazardRow> slice(List<HazardRow> sorted, HazardQuery q) {
        int from = Math.min(q.offset(), sorted.size());
        int to = Math.min(sorted.size(), from + q.limit());
        return new Page<>(List.copyOf(sorted.subList(from, to)), sorted.size(), q.offset(), q.limit());
    }

    static List<Count> counts(List<HazardRow> all, HazardQuery q, List<Dimension> dims) {
        Map<List<String>, Long> counts = new TreeMap<>(Rows::compareKeys);
        for (HazardRow r : all) {
            if (q.matches(r)) {
                List<String> key = dims.stream().map(d -> d.of(r)).toList();
                counts.merge(key, 1L, Long::sum);
            }
        }
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k, v)));
        return out;
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
