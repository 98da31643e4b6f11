package io.firerisk.server.inspections;

import io.firerisk.ledger.InspectionKind;
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
 * The inspection list's filters as the address gives them ({@code ?unit=…&street=…&inspector=…&kind=SPOT_CHECK
 * &from=2024-01-01&to=2024-01-31&page=2}): each but the days may repeat, values within one filter combine with OR,
 * filters with AND. The days are those of the inspections (both included); left out, from the campaign's start to
 * the page's date. A value the desk does not know is refused naming the parameter.
 *
 * @param units      unit ids (the venue's responsible unit on the page's date)
 * @param streets    street codes (the venue's street on the page's date)
 * @param inspectors person ids, any of whom took part
 * @param kinds      kinds of inspection
 * @param from       the first day
 * @param to         the last day
 * @param page       the page, from 1
 */
public record InspectionFilter(Set<String> units, Set<String> streets, Set<String> inspectors, Set<InspectionKind> kinds,
        Optional<LocalDate> from, Optional<LocalDate> to, int page) {

    /** Rows on a page of the list. */
    public static final int PAGE_SIZE = 50;
    static final int MAX_PAGE = 10_000;

    public InspectionFilter {
        units = Set.copyOf(units);
        streets = Set.copyOf(streets);
        inspectors = Set.copyOf(inspectors);
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    public static InspectionFilter parse(MultiValueMap<String, String> params) {
        FilterParameters p = FilterParameters.of(params);
        Optional<LocalDate> from = p.date("from");
        Optional<LocalDate> to = p.date("to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw DeskRequestException.badParameter("to", to.get().toString(), "a day not before " + from.get());
        }
        return new InspectionFilter(p.units(), p.streets(), p.set("inspector"), p.enums("kind", InspectionKind.class),
                from, to, p.page(MAX_PAGE));
    }

    /** Whether any filter besides the page is set: the form opens then. */
    public boolean any() {
        return !units.isEmpty() || !streets.isEmpty() || !inspectors.isEmpty() || !kinds.isEmpty() || from.isPresent()
                || to.isPresent();
    }

    /** This filter as name/value pairs for a link, on another page. */
    public String[] pairs(int page) {
        List<String> out = new ArrayList<>();
        units.stream().sorted().forEach(s -> { out.add("unit"); out.add(s); });
        streets.stream().sorted().forEach(s -> { out.add("street"); out.add(s); });
        inspectors.stream().sorted().forEach(s -> { out.add("inspector"); out.add(s); });
        kinds.stream().sorted().forEach(k -> { out.add("kind"); out.add(k.name()); });
        from.ifPresent(d -> { out.add("from"); out.add(d.toString()); });
        to.ifPresent(d -> { out.add("to"); out.add(d.toString()); });
        if (page > 1) {
            out.add("page");
            out.add(Integer.toString(page));
        }
        return out.toArray(String[]::new);
    }
}
