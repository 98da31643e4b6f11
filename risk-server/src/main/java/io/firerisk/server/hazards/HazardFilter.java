package io.firerisk.server.hazards;

import io.firerisk.RiskGrade;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.server.web.DeskRequestException;
import io.firerisk.server.web.FilterParameters;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hazard list's filters as the address gives them ({@code ?street=…&state=OPEN&state=RECTIFYING
 * &grade=RED&overdue=true&sort=DEADLINE&dir=asc&page=2}): each may repeat, values within one filter
 * combine with OR, filters with AND. A value the desk does not know is refused naming the parameter.
 *
 * @param streets    street codes
 * @param units      unit ids
 * @param states     states
 * @param grades     venue grades
 * @param categories catalogue categories
 * @param overdue    only overdue, or only not overdue
 * @param leadUp     a key period's code: only hazards found in its early-warning lead-up (the days the
 *                   campaign gives units to put things right before the holiday)
 * @param sort       the order
 * @param ascending  its direction
 * @param page       the page, from 1
 * @param repeated   only the hazards unit accountability counts as repeated (重复隐患) on the page's date
 */
public record HazardFilter(Set<String> streets, Set<String> units, Set<HazardState> states, Set<RiskGrade> grades,
        Set<String> categories, Optional<Boolean> overdue, Optional<String> leadUp, HazardQuery.Sort sort,
        boolean ascending, int page, Optional<LocalDate> foundFrom, Optional<LocalDate> foundTo,
        Optional<LocalDate> closedFrom, Optional<LocalDate> closedTo, Optional<LocalDate> reopenedFrom,
        Optional<LocalDate> reopenedTo, Optional<String> task, Set<String> codes, boolean repeated) {

    /** Rows on a page of the list. */
    public static final int PAGE_SIZE = 50;

    public HazardFilter {
        streets = Set.copyOf(streets);
        units = Set.copyOf(units);
        states = Set.copyOf(states);
        grades = Set.copyOf(grades);
        categories = Set.copyOf(categories);
        codes = Set.copyOf(codes);
    }

    public static HazardFilter parse(MultiValueMap<String, String> params) {
        FilterParameters p = FilterParameters.of(params);
        String dir = p.text("dir").orElse("asc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw DeskRequestException.badParameter("dir", dir, "asc | desc");
        }
        return new HazardFilter(p.streets(), p.units(), p.enums("state", HazardState.class),
                p.enums("grade", RiskGrade.class), p.set("category"), p.bool("overdue"), p.text("leadUp"),
                p.text("sort").map(s -> FilterParameters.enumValue("sort", HazardQuery.Sort.class, s))
                        .orElse(HazardQuery.Sort.DEADLINE),
                dir.equals("asc"), p.page(HazardQuery.MAX_LIMIT / PAGE_SIZE), p.date("foundFrom"), p.date("foundTo"),
                p.date("closedFrom"), p.date("closedTo"), p.date("reopenedFrom"), p.date("reopenedTo"), p.text("task"),
                p.set("code"), p.bool("repeated").orElse(false));
    }

    /**
     * Whether the list needs filters the ledger has no query for (the key-period lead-up, the days found,
     * closed or reopened in, a task of the plan): then the desk reads the rows the other filters pass and keeps
     * those {@link #keeps} (and those the reports name for the reopened days and the task).
     */
    public boolean filtersRows() {
        return leadUp.isPresent() || foundFrom.isPresent() || foundTo.isPresent() || closedFrom.isPresent()
                || closedTo.isPresent() || reopenedFrom.isPresent() || reopenedTo.isPresent() || task.isPresent()
                || repeated;
    }

    /** Whether the row was found within the days asked for (the lead-up, and the days closed or reopened in, aside). */
    public boolean keeps(io.firerisk.ledger.HazardRow r) {
        // The days closed or reopened in are not in the row (a hazard closed and reopened since has no closing
        // date any more): the list keeps those the reports name for them (HazardListController).
        return foundFrom.map(d -> !r.foundOn().isBefore(d)).orElse(true)
                && foundTo.map(d -> !r.foundOn().isAfter(d)).orElse(true);
    }

    /**
     * The ledger query for this filter (paging aside), as of a date, for a viewer: empty when the viewer
     * may see none of what it asks for (a unit officer asking for another unit).
     */
    public Optional<HazardQuery.Builder> query(java.time.LocalDate asOf, io.firerisk.server.security.Viewer viewer) {
        Optional<Set<String>> visible = FilterParameters.visibleUnits(viewer, units);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Set<String> allowedUnits = visible.get();
        HazardQuery.Builder b = HazardQuery.builder().asOf(asOf).sort(sort, ascending);
        b.streets(streets.toArray(String[]::new)).units(allowedUnits.toArray(String[]::new))
                .categories(categories.toArray(String[]::new)).codes(codes.toArray(String[]::new));
        if (!states.isEmpty()) {
            b.states(states);
        } else {
            // Cancelled hazards were recorded by mistake: listed only when asked for by name.
            b.states(EnumSet.complementOf(EnumSet.of(HazardState.CANCELLED)));
        }
        if (!grades.isEmpty()) {
            b.grades(grades.toArray(RiskGrade[]::new));
        }
        overdue.ifPresent(b::overdue);
        return Optional.of(b);
    }

    /** This filter as name/value pairs for a link, with another page, sort or direction. */
    public String[] pairs(int page, HazardQuery.Sort sort, boolean ascending) {
        List<String> out = new ArrayList<>();
        streets.forEach(s -> { out.add("street"); out.add(s); });
        units.forEach(s -> { out.add("unit"); out.add(s); });
        states.stream().sorted().forEach(s -> { out.add("state"); out.add(s.name()); });
        grades.stream().sorted().forEach(s -> { out.add("grade"); out.add(s.name()); });
        categories.forEach(s -> { out.add("category"); out.add(s); });
        overdue.ifPresent(o -> { out.add("overdue"); out.add(o.toString()); });
        leadUp.ifPresent(k -> { out.add("leadUp"); out.add(k); });
        foundFrom.ifPresent(d -> { out.add("foundFrom"); out.add(d.toString()); });
        foundTo.ifPresent(d -> { out.add("foundTo"); out.add(d.toString()); });
        closedFrom.ifPresent(d -> { out.add("closedFrom"); out.add(d.toString()); });
        closedTo.ifPresent(d -> { out.add("closedTo"); out.add(d.toString()); });
        reopenedFrom.ifPresent(d -> { out.add("reopenedFrom"); out.add(d.toString()); });
        reopenedTo.ifPresent(d -> { out.add("reopenedTo"); out.add(d.toString()); });
        task.ifPresent(t -> { out.add("task"); out.add(t); });
        codes.forEach(c -> { out.add("code"); out.add(c); });
        if (repeated) {
            out.add("repeated");
            out.add("true");
        }
        if (sort != HazardQuery.Sort.DEADLINE) {
            out.add("sort");
            out.add(sort.name());
        }
        if (!ascending) {
            out.add("dir");
            out.add("desc");
        }
        if (page > 1) {
            out.add("page");
            out.add(Integer.toString(page));
        }
        return out.toArray(String[]::new);
    }

    public String[] pairs() {
        return pairs(page, sort, ascending);
    }

    /** The link for sorting by a column: its direction flips when it is the current sort. */
    public String[] sortedBy(HazardQuery.Sort by) {
        return pairs(1, by, by != sort || !ascending);
    }
}
