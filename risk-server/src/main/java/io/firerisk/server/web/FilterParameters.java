package io.firerisk.server.web;

import io.firerisk.ledger.AreaLevel;
import io.firerisk.ledger.Directory;
import io.firerisk.server.security.Viewer;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A list page's filters as its address gives them, read one way for every list (隐患台账 {@code /hazards}, 检查记录
 * {@code /inspections}): a filter may repeat and its values combine with OR, blank values are dropped and the rest
 * stripped, and a value the desk cannot read is refused naming the parameter (400,
 * {@link DeskRequestException#badParameter}). Both lists scope by unit and street alike: {@link #units} and
 * {@link #streets} read them, {@link #visibleUnits} narrows the units to the viewer's, and {@link #unitOptions} and
 * {@link #streetOptions} are what their forms offer.
 *
 * <p>Why here, in {@code web}, and not in one list's package: it is about reading the address, which every list
 * does alike, next to the desk's other reading of it ({@link AsOf}) and the refusal it throws; what each filter
 * means stays with its list ({@code hazards.HazardFilter}, {@code inspections.InspectionFilter}), so neither list's
 * package depends on the other's.
 */
public final class FilterParameters {

    /** Values one filter may list. */
    public static final int MAX_VALUES = 200;

    private final MultiValueMap<String, String> params;

    private FilterParameters(MultiValueMap<String, String> params) {
        this.params = params;
    }

    public static FilterParameters of(MultiValueMap<String, String> params) {
        return new FilterParameters(params);
    }

    /** The non-blank values of a filter, stripped, in the address's order; more than {@value #MAX_VALUES} refused. */
    public List<String> values(String name) {
        List<String> v = params.getOrDefault(name, List.of()).stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
        if (v.size() > MAX_VALUES) {
            throw DeskRequestException.badParameter(name, v.size() + " values", "at most " + MAX_VALUES);
        }
        return v;
    }

    /** {@link #values} as a set, in the address's order. */
    public Set<String> set(String name) {
        return new LinkedHashSet<>(values(name));
    }

    /** The unit ids asked for ({@code unit}): before {@link #visibleUnits}, what the address says. */
    public Set<String> units() {
        return set("unit");
    }

    /** The street codes asked for ({@code street}). */
    public Set<String> streets() {
        return set("street");
    }

    /** The values of a filter as constants of {@code type} (any case); one that is none is refused listing them. */
    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String v : values(name)) {
            out.add(enumValue(name, type, v));
        }
        return out;
    }

    /** One value as a constant of {@code type} (any case), or a refusal naming the parameter and listing them. */
    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DeskRequestException.badParameter(name, value,
                    String.join(" | ", EnumSet.allOf(type).stream().map(Enum::name).toList()));
        }
    }

    /** The page asked for, from 1 ({@code page}; 1 when absent); one outside 1 … {@code last} is refused. */
    public int page(int last) {
        String p = params.getFirst("page");
        if (p == null || p.isBlank()) {
            return 1;
        }
        int page;
        try {
            page = Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > last) {
            throw DeskRequestException.badParameter("page", p, "1 … " + last);
        }
        return page;
    }

    /** A date (YYYY-MM-DD), absent when blank; a bad one is refused naming the parameter. */
    public Optional<LocalDate> date(String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v.strip()));
        } catch (DateTimeParseException e) {
            throw DeskRequestException.badParameter(name, v, "YYYY-MM-DD");
        }
    }

    /** {@code true} or {@code false}, absent when blank; anything else refused. */
    public Optional<Boolean> bool(String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw DeskRequestException.badParameter(name, v, "true | false");
        }
        return Optional.of(Boolean.parseBoolean(v));
    }

    /** The first value of a parameter, stripped, absent when blank. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(params.getFirst(name)).filter(t -> !t.isBlank()).map(String::strip);
    }

    /**
     * The units a list shows when the address asks for {@code asked} ({@link Viewer#units}): empty when the viewer
     * may see none of them (a unit officer asking for another unit), so that the list is empty rather than widened.
     */
    public static Optional<Set<String>> visibleUnits(Viewer viewer, Set<String> asked) {
        Set<String> allowed = viewer.units(asked);
        return allowed.isEmpty() && !asked.isEmpty() ? Optional.empty() : Optional.of(allowed);
    }

    /** The units a list's form offers: those the viewer may see, by id. */
    public static List<Option> unitOptions(Directory directory, Viewer viewer) {
        return directory.units().values().stream().filter(u -> viewer.maySee(u.unitId()))
                .sorted(Comparator.comparing(Directory.Unit::unitId)).map(u -> new Option(u.unitId(), u.name())).toList();
    }

    /** The streets a list's form offers: every street of the district, by code. */
    public static List<Option> streetOptions(Directory directory) {
        return directory.areas().values().stream().filter(a -> a.level() == AreaLevel.STREET)
                .sorted(Comparator.comparing(Directory.Area::code)).map(a -> new Option(a.code(), a.name())).toList();
    }

    /** A value a filter form offers and its name. */
    public record Option(String value, String label) {}
}
