package io.firerisk.ledger;

import io.firerisk.RiskGrade;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which hazards, as of when, in which order, which page. Every filter left empty lets everything
 * through; filters combine with AND, values within one filter with OR.
 *
 * <pre>{@code
 * HazardQuery q = HazardQuery.builder().asOf(LocalDate.of(2024, 2, 10)).streets("STREET-GAOSUNTANG")
 *         .states(HazardState.OPEN, HazardState.RECTIFYING).overdue(true).sort(Sort.DAYS_OVERDUE, false)
 *         .page(0, 50).build();
 * Page<HazardRow> page = ledger.hazards(q);
 * }</pre>
 *
 * @param asOf       the date; empty for the ledger as it stands now (read from the projections)
 * @param venueIds   venues
 * @param units      units responsible
 * @param streets    street codes
 * @param communities community codes
 * @param grids      grid codes
 * @param states     states
 * @param grades     venue grades
 * @param categories catalogue categories
 * @param codes      catalogue codes
 * @param overdue    only overdue (true) or only not overdue (false)
 * @param dueSoon    only due soon
 * @param supervised only under 挂牌督办 (true) or only not (false)
 * @param minEscalation only at this escalation rung or above
 * @param sort       the order
 * @param ascending  its direction
 * @param offset     where the page starts
 * @param limit      the page size, 1 to {@value #MAX_LIMIT}
 */
public record HazardQuery(
        Optional<LocalDate> asOf,
        Set<String> venueIds,
        Set<String> units,
        Set<String> streets,
        Set<String> communities,
        Set<String> grids,
        Set<HazardState> states,
        Set<RiskGrade> grades,
        Set<String> categories,
        Set<String> codes,
        Optional<Boolean> overdue,
        boolean dueSoon,
        Optional<Boolean> supervised,
        int minEscalation,
        Sort sort,
        boolean ascending,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 100_000;

    /** What to sort by; ties are broken by hazard id. */
    public enum Sort { DEADLINE, DAYS_OVERDUE, FOUND_ON, STATE, GRADE, STREET, UNIT, VENUE, HAZARD_ID, LAST_CHANGE }

    public HazardQuery {
        venueIds = Set.copyOf(venueIds);
        units = Set.copyOf(units);
        streets = Set.copyOf(streets);
        communities = Set.copyOf(communities);
        grids = Set.copyOf(grids);
        states = states.isEmpty() ? Set.of() : Set.copyOf(states);
        grades = grades.isEmpty() ? Set.of() : Set.copyOf(grades);
        categories = Set.copyOf(categories);
        codes = Set.copyOf(codes);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 (was " + offset + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
        if (minEscalation < 0) {
            throw new IllegalArgumentException("minEscalation must be >= 0 (was " + minEscalation + ")");
        }
    }

    /** Every hazard of the ledger as it stands, by deadline, the first 100. */
    public static HazardQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.asOf = asOf.orElse(null);
        b.venueIds.addAll(venueIds);
        b.units.addAll(units);
        b.streets.addAll(streets);
        b.communities.addAll(communities);
        b.grids.addAll(grids);
        b.states.addAll(states);
        b.grades.addAll(grades);
        b.categories.addAll(categories);
        b.codes.addAll(codes);
        b.overdue = overdue.orElse(null);
        b.dueSoon = dueSoon;
        b.supervised = supervised.orElse(null);
        b.minEscalation = minEscalation;
        b.sort = sort;
        b.ascending = ascending;
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    /** Whether the row passes every filter (the paging aside). */
    boolean matches(HazardRow r) {
        return (venueIds.isEmpty() || venueIds.contains(r.venueId()))
                && (units.isEmpty() || units.contains(r.unitId()))
                && (streets.isEmpty() || streets.contains(r.street()))
                && (communities.isEmpty() || communities.contains(r.community()))
                && (grids.isEmpty() || grids.contains(r.grid()))
                && (states.isEmpty() || states.contains(r.state()))
                && (grades.isEmpty() || r.grade().map(grades::contains).orElse(false))
                && (categories.isEmpty() || categories.contains(r.category()))
                && (codes.isEmpty() || codes.contains(r.hazardCode()))
                && overdue.map(o -> o == r.overdue()).orElse(true)
                && (!dueSoon || r.dueSoon())
                && supervised.map(s -> s == r.supervised()).orElse(true)
                && r.escalationLevel() >= minEscalation;
    }

    /** Builds a {@link HazardQuery}; by default everything, as it stands, by deadline, the first 100. */
    public static final class Builder {
        private LocalDate asOf;
        private final Set<String> venueIds = new LinkedHashSet<>();
        private final Set<String> units = new LinkedHashSet<>();
        private final Set<String> streets = new LinkedHashSet<>();
        private final Set<String> communities = new LinkedHashSet<>();
        private final Set<String> grids = new LinkedHashSet<>();
        private final Set<HazardState> states = EnumSet.noneOf(HazardState.class);
        private final Set<RiskGrade> grades = EnumSet.noneOf(RiskGrade.class);
        private final Set<String> categories = new LinkedHashSet<>();
        private final Set<String> codes = new LinkedHashSet<>();
        private Boolean overdue;
        private boolean dueSoon;
        private Boolean supervised;
        private int minEscalation;
        private Sort sort = Sort.DEADLINE;
        private boolean ascending = true;
        private int offset;
        private int limit = 100;

        private Builder() {}

        /** As of the end of that day, replayed from the log; without it, the ledger as it stands now. */
        public Builder asOf(LocalDate date) { this.asOf = date; return this; }
        public Builder venues(String... ids) { venueIds.addAll(java.util.List.of(ids)); return this; }
        public Builder units(String... ids) { units.addAll(java.util.List.of(ids)); return this; }
        public Builder streets(String... codes) { streets.addAll(java.util.List.of(codes)); return this; }
        public Builder communities(String... codes) { communities.addAll(java.util.List.of(codes)); return this; }
        public Builder grids(String... codes) { grids.addAll(java.util.List.of(codes)); return this; }
        public Builder states(HazardState... s) { states.addAll(java.util.List.of(s)); return this; }
        public Builder states(Collection<HazardState> s) { states.addAll(s); return this; }
        public Builder grades(RiskGrade... g) { grades.addAll(java.util.List.of(g)); return this; }
        public Builder categories(String... c) { categories.addAll(java.util.List.of(c)); return this; }
        public Builder codes(String... c) { codes.addAll(java.util.List.of(c)); return this; }
        public Builder overdue(boolean only) { this.overdue = only; return this; }
        public Builder dueSoon(boolean only) { this.dueSoon = only; return this; }
        public Builder supervised(boolean only) { this.supervised = only; return this; }
        public Builder minEscalation(int level) { this.minEscalation = level; return this; }
        public Builder sort(Sort by, boolean ascending) { this.sort = by; this.ascending = ascending; return this; }
        public Builder page(int offset, int limit) { this.offset = offset; this.limit = limit; return this; }

        public HazardQuery build() {
            return new HazardQuery(Optional.ofNullable(asOf), venueIds, units, streets, communities, grids, states,
                    grades, categories, codes, Optional.ofNullable(overdue), dueSoon, Optional.ofNullable(supervised),
                    minEscalation, sort, ascending, offset, limit);
        }
    }
}
