package io.firerisk.server.inspections;

import io.firerisk.ledger.AreaLevel;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.InspectionView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.VenueListing;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.FilterParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 检查记录: the inspections made in the days asked for (the campaign's start to the page's date unless narrowed),
 * newest first, filtered and paged. The days and kinds are those the reports count inspections by, so a report's
 * count and the list it links to agree. A venue's unit and street are those it had on the page's date. A unit
 * officer's list holds their own unit's venues' inspections only, whatever the address asks for.
 */
@Controller
class InspectionListController {

    private final Ledger ledger;

    InspectionListController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/inspections")
    String list(@RequestParam MultiValueMap<String, String> params, AsOf asOf, Viewer viewer, Locale locale, Model model) {
        InspectionFilter filter = InspectionFilter.parse(params);
        LocalDate day = asOf.date();
        LocalDate from = filter.from().orElse(ledger.campaign().calendar().start());
        // Nothing after the page's date: the list is the ledger as it stood then.
        LocalDate to = filter.to().filter(d -> !d.isAfter(day)).orElse(day);
        Directory dir = ledger.directory();
        Map<String, VenueListing> venues = new HashMap<>();
        ledger.venues(day).forEach(v -> venues.put(v.venueId(), v));
        java.util.Optional<Set<String>> visible = FilterParameters.visibleUnits(viewer, filter.units());
        Set<String> allowed = visible.orElse(Set.of());
        boolean nothing = visible.isEmpty();

        List<InspectionView> kept = new ArrayList<>();
        Map<String, String> seenInspectors = new TreeMap<>();
        if (!nothing && !to.isBefore(from)) {
            for (InspectionView i : ledger.inspections(from, to)) {
                VenueListing v = venues.get(i.venueId());
                String unit = v == null ? "" : v.unitId();
                if (!viewer.maySee(unit)) {
                    continue;
                }
                i.inspectors().forEach(p -> seenInspectors.put(p, personName(dir, p)));
                if ((!allowed.isEmpty() && !allowed.contains(unit))
                        || (!filter.streets().isEmpty() && !filter.streets().contains(street(dir, v)))
                        || (!filter.inspectors().isEmpty() && i.inspectors().stream().noneMatch(filter.inspectors()::contains))
                        || (!filter.kinds().isEmpty() && !filter.kinds().contains(i.kind()))) {
                    continue;
                }
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparing(InspectionView::date).reversed().thenComparing(InspectionView::inspectionId));
        int start = Math.min((filter.page() - 1) * InspectionFilter.PAGE_SIZE, kept.size());
        List<InspectionLine> lines = new ArrayList<>();
        for (InspectionView i : kept.subList(start, Math.min(start + InspectionFilter.PAGE_SIZE, kept.size()))) {
            VenueListing v = venues.get(i.venueId());
            String street = street(dir, v);
            lines.add(new InspectionLine(i.inspectionId(), i.date(), i.kind().label().in(locale), i.venueId(),
                    v == null ? i.venueId() : v.name(), v == null ? "" : unitName(dir, v.unitId()),
                    street.isEmpty() ? "" : areaName(dir, street),
                    String.join("、", i.inspectors().stream().map(p -> personName(dir, p)).toList()), i.note(),
                    i.noRealFireRisk()));
        }
        List<FilterParameters.Option> units = FilterParameters.unitOptions(dir, viewer);
        List<FilterParameters.Option> streets = FilterParameters.streetOptions(dir);
        // The inspectors of the inspections the viewer may see in these days, by name; one asked for that is not
        // among them is shown as the bare id asked for: naming it from the directory would let a unit officer read
        // the names of other units' people by trying ids.
        filter.inspectors().forEach(p -> seenInspectors.putIfAbsent(p, p));
        List<FilterParameters.Option> inspectors = seenInspectors.entrySet().stream()
                .map(e -> new FilterParameters.Option(e.getKey(), e.getValue())).toList();
        List<FilterParameters.Option> kinds = Arrays.stream(InspectionKind.values())
                .map(k -> new FilterParameters.Option(k.name(), k.label().in(locale))).toList();
        int pages = Math.max(1, (kept.size() + InspectionFilter.PAGE_SIZE - 1) / InspectionFilter.PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("listing", new InspectionListing(lines, kept.size(), pages, from, to, units, streets, inspectors, kinds));
        return "inspections";
    }

    /** The venue's street on the page's date (the street among its area's ancestors), or empty. */
    private static String street(Directory dir, VenueListing v) {
        if (v == null || v.area() == null) {
            return "";
        }
        return dir.path(v.area()).stream().filter(a -> a.level() == AreaLevel.STREET).map(Directory.Area::code)
                .findFirst().orElse("");
    }

    private static String unitName(Directory dir, String unitId) {
        Directory.Unit u = dir.units().get(unitId);
        return u == null ? unitId : u.name();
    }

    private static String areaName(Directory dir, String code) {
        Directory.Area a = dir.areas().get(code);
        return a == null ? code : a.name();
    }

    private static String personName(Directory dir, String personId) {
        Directory.Person p = dir.people().get(personId);
        return p == null ? personId : p.name();
    }
}
