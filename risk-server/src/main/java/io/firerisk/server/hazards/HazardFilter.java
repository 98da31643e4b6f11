package io.firerisk.server.hazards;

import io.firerisk.RiskGrade;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    /** Values one filter may list. */
    static final int MAX_VALUES = 200;

    public HazardFilter {
        streets = Set.copyOf(streets);
        units = Set.copyOf(units);
        states = Set.copyOf(states);
        grades = Set.copyOf(grades);
        categories = Set.copyOf(categories);
        codes = Set.copyOf(codes);
    }

    public static HazardFilter parse(MultiValueMap<String, String> params) {
        Set<HazardState> states = EnumSet.noneOf(HazardState.class);
        for (String s : values(params, "state")) {
            states.add(enumValue(HazardState.class, "state", s));
        }
        Set<RiskGrade> grades = EnumSet.noneOf(RiskGrade.class);
        for (String g : values(params, "grade")) {
            grades.add(enumValue(RiskGrade.class, "grade", g));
        }
        Optional<Boolean> overdue = Optional.empty();
        String o = params.getFirst("overdue");
        if (o != null && !o.isBlank()) {
            if (!o.equals("true") && !o.equals("false")) {
                throw DeskRequestException.badParameter("overdue", o, "true | false");
            }
            overdue = Optional.of(Boolean.parseBoolean(o));
        }
        String sortParam = params.getFirst("sort");
        HazardQuery.Sort sort = sortParam == null || sortParam.isBlank() ? HazardQuery.Sort.DEADLINE
                : enumValue(HazardQuery.Sort.class, "sort", sortParam);
        String dir = params.getFirst("dir");
        if (dir != null && !dir.isBlank() && !dir.equals("asc") && !dir.equals("desc")) {
            throw DeskRequestException.badParameter("dir", dir, "asc | desc");
        }
        int page = 1;
        String p = params.getFirst("page");
        if (p != null && !p.isBlank()) {
            try {
                page = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1 || page > HazardQuery.MAX_LIMIT / PAGE_SIZE) {
                throw DeskRequestException.badParameter("page", p, "1 … " + HazardQuery.MAX_LIMIT / PAGE_SIZE);
            }
        }
        String lead = params.getFirst("leadUp");
        return new HazardFilter(new LinkedHashSet<>(values(params, "street")), new LinkedHashSet<>(values(params, "unit")),
                states, grades, new LinkedHashSet<>(values(params, "category")), overdue,
                lead == null || lead.isBlank() ? Optional.empty() : Optional.of(lead.strip()), sort,
                !"desc".equals(dir), page, date(params, "foundFrom"), date(params, "foundTo"), date(params, "closedFrom"),
                date(params, "closedTo"), date(params, "reopenedFrom"), date(params, "reopenedTo"),
                Optional.ofNullable(params.getFirst("task")).filter(t -> !t.isBlank()).map(String::strip),
                new LinkedHashSet<>(values(params, "code")), flag(params, "repeated"));
    }

    private static boolean flag(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank() || v.equals("false")) {
            return false;
        }
        if (!v.equals("true")) {
            throw DeskRequestException.badParameter(name, v, "true | false");
        }
        return true;
    }

    /** A date parameter (YYYY-MM-DD), absent when blank; a bad one is refused naming the parameter. */
    public static Optional<LocalDate> date(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw DeskRequestException.badParameter(name, v, "YYYY-MM-DD");
        }
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
        Set<String> allowedUnits = viewer.units(units);
        if (allowedUnits.isEmpty() && !units.isEmpty()) {
            return Optional.empty();
        }
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

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> v = params.getOrDefault(name, List.of()).stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
        if (v.size() > MAX_VALUES) {
            throw DeskRequestException.badParameter(name, v.size() + " values", "at most " + MAX_VALUES);
        }
        return v;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String param, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DeskRequestException.badParameter(param, value,
                    String.join(" | ", EnumSet.allOf(type).stream().map(Enum::name).toList()));
        }
    }
}
