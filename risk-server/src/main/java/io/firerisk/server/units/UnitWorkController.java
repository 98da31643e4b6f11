package io.firerisk.server.units;

import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.LedgerPolicy;
import io.firerisk.ledger.RefusedException;
import io.firerisk.ledger.VenueListing;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 本单位工作: a unit's venues with the checklists that fit them, its self-inspections and its education
 * activities; the checklist form (each item found wanting becomes a hazard of the ledger, in the closed
 * loop) and the education form. Unit officers reach only their own unit; recording takes an account
 * linked to a ledger person (a unit officer, or bureau staff and the administrator).
 */
@Controller
class UnitWorkController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    /** How far back the page lists self-inspections. */
    private static final int DAYS_SHOWN = 366;

    private final Ledger ledger;
    private final Clock clock;

    UnitWorkController(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/units")
    String units(Viewer viewer, AsOf asOf, Model model) {
        if (viewer.role() == DeskRole.UNIT_OFFICER) {
            return "redirect:/units/" + viewer.unitId().orElseThrow() + "?" + asOf.param();
        }
        Set<String> withVenues = ledger.venues(asOf.date()).stream().map(VenueListing::unitId).collect(Collectors.toSet());
        model.addAttribute("units", ledger.directory().units().values().stream()
                .filter(u -> withVenues.contains(u.unitId())).sorted(Comparator.comparing(Directory.Unit::unitId))
                .map(u -> new UnitPages.UnitLink(u.unitId(), u.name())).toList());
        return "units";
    }

    @GetMapping("/units/{unitId}")
    String unit(@PathVariable String unitId, Viewer viewer, AsOf asOf, Locale locale, Model model) {
        Directory.Unit unit = visible(unitId, viewer);
        LedgerPolicy.UnitWork work = work();
        List<VenueListing> venues = ledger.venues(asOf.date()).stream().filter(v -> v.unitId().equals(unitId)).toList();
        Map<String, String> names = venues.stream().collect(Collectors.toMap(VenueListing::venueId, VenueListing::name));
        // Hazards a checklist recorded carry its self-inspection's id (Ledger#checklistEntries).
        List<String> hazardIds = ledger.hazards(HazardQuery.builder().asOf(asOf.date()).units(unitId)
                .page(0, HazardQuery.MAX_LIMIT).build()).items().stream().map(io.firerisk.ledger.HazardRow::hazardId)
                .filter(id -> id.startsWith("SI-")).toList();
        List<UnitPages.SelfInspection> inspections = ledger.inspections(asOf.date().minusDays(DAYS_SHOWN), asOf.date())
                .stream().filter(i -> i.kind() == InspectionKind.SELF_INSPECTION && names.containsKey(i.venueId()))
                .sorted(Comparator.comparing(io.firerisk.ledger.InspectionView::date).reversed())
                .map(i -> new UnitPages.SelfInspection(i, names.get(i.venueId()),
                        hazardIds.stream().filter(h -> h.startsWith(i.inspectionId() + "-")).count()))
                .toList();
        model.addAttribute("unit", unit);
        model.addAttribute("venues", venues.stream().map(v -> new UnitPages.VenueWork(v,
                ledger.campaign().venueKinds().containsKey(v.kind())
                        ? ledger.campaign().venueKinds().get(v.kind()).label().in(locale) : v.kind(),
                work.checklists().stream().filter(c -> c.fits(v.kind())).toList())).toList());
        model.addAttribute("inspections", inspections);
        model.addAttribute("education", ledger.education(unitId).stream().filter(a -> !a.date().isAfter(asOf.date()))
                .map(a -> new UnitPages.Education(a, work.activity(a.activity()).map(x -> x.label().in(locale))
                        .orElse(a.activity()))).toList());
        model.addAttribute("activities", work.education());
        model.addAttribute("mayRecord", mayRecord(viewer));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "unit";
    }

    @GetMapping("/units/{unitId}/checklists/{checklistId}")
    String checklist(@PathVariable String unitId, @PathVariable String checklistId,
            @RequestParam(name = "venue") String venueId, Viewer viewer, AsOf asOf, Locale locale, Model model) {
        Directory.Unit unit = visible(unitId, viewer);
        LedgerPolicy.Checklist checklist = work().checklist(checklistId)
                .orElseThrow(() -> DeskRequestException.notFound(checklistId));
        VenueListing venue = venueOf(unitId, venueId, asOf);
        if (!checklist.fits(venue.kind())) {
            throw DeskRequestException.badParameter("venue", venueId, "a venue of a kind in " + checklist.kinds());
        }
        model.addAttribute("unit", unit);
        model.addAttribute("venue", venue);
        model.addAttribute("checklist", checklist);
        model.addAttribute("groups", checklist.groups().stream().map(g -> new UnitPages.Group(g.label().in(locale),
                g.items().stream().map(code -> new UnitPages.Item(code, ledger.campaign().hazard(code)
                        .map(HazardType::label).map(t -> t.in(locale)).orElse(code))).toList())).toList());
        model.addAttribute("mayRecord", mayRecord(viewer));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "checklist";
    }

    @PostMapping("/units/{unitId}/checklists/{checklistId}")
    String fill(@PathVariable String unitId, @PathVariable String checklistId, @RequestParam MultiValueMap<String, String> form,
            Viewer viewer, AsOf asOf) {
        visible(unitId, viewer);
        String actor = actor(viewer);
        String venueId = form.getFirst("venue");
        String key = key(form.getFirst("key"));
        VenueListing venue = venueOf(unitId, venueId == null ? "" : venueId, asOf);
        LedgerPolicy.Checklist checklist = work().checklist(checklistId)
                .orElseThrow(() -> DeskRequestException.notFound(checklistId));
        Map<String, String> failed = new LinkedHashMap<>();
        for (String code : form.getOrDefault("fail", List.of())) {
            if (!checklist.items().contains(code)) {
                throw DeskRequestException.badParameter("fail", code, "an item of the checklist");
            }
            String where = form.getFirst("where-" + code);
            failed.put(code, where == null ? "" : where);
        }
        String note = form.getFirst("note");
        List<Entry> entries;
        try {
            entries = ledger.checklistEntries(key, actor, asOf.when(ledger.today(), ledger.campaign().timeZone(), clock),
                    checklistId, venue.venueId(), failed, note == null ? "" : note);
        } catch (IllegalArgumentException e) {
            throw new DeskRequestException(HttpStatus.BAD_REQUEST, "units.refused", "", e.getMessage());
        }
        record(entries);
        return "redirect:/units/" + unitId + "?" + asOf.param();
    }

    @PostMapping("/units/{unitId}/education")
    String education(@PathVariable String unitId, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String participants, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String key, Viewer viewer, AsOf asOf) {
        visible(unitId, viewer);
        String actor = actor(viewer);
        int people;
        try {
            people = Integer.parseInt(participants.trim());
        } catch (NumberFormatException e) {
            throw DeskRequestException.badParameter("participants", participants.length() > 20
                    ? participants.substring(0, 20) + "…" : participants, "0–100000");
        }
        String id = "EDU-" + key(key);
        record(List.of(Entry.of(id, actor, asOf.when(ledger.today(), ledger.campaign().timeZone(), clock),
                new Event.EducationRecorded(id, unitId, activity, asOf.date(), people, note))));
        return "redirect:/units/" + unitId + "?" + asOf.param();
    }

    private LedgerPolicy.UnitWork work() {
        return ledger.policy().unitWork().orElse(new LedgerPolicy.UnitWork(List.of(), List.of()));
    }

    private Directory.Unit visible(String unitId, Viewer viewer) {
        if (!viewer.maySee(unitId)) {
            throw DeskRequestException.forbidden();
        }
        Directory.Unit unit = ledger.directory().units().get(unitId);
        if (unit == null) {
            throw DeskRequestException.notFound(unitId);
        }
        return unit;
    }

    private VenueListing venueOf(String unitId, String venueId, AsOf asOf) {
        return ledger.venues(asOf.date()).stream().filter(v -> v.venueId().equals(venueId) && v.unitId().equals(unitId))
                .findFirst().orElseThrow(() -> DeskRequestException.notFound(venueId));
    }

    private static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw DeskRequestException.badParameter("key", String.valueOf(key), "8–64 letters, digits or '-'");
        }
        return key;
    }

    private static boolean mayRecord(Viewer viewer) {
        return (viewer.role() == DeskRole.UNIT_OFFICER || viewer.role() == DeskRole.STAFF
                || viewer.role() == DeskRole.ADMIN) && viewer.personId().isPresent();
    }

    private static String actor(Viewer viewer) {
        if (viewer.role() != DeskRole.UNIT_OFFICER && viewer.role() != DeskRole.STAFF && viewer.role() != DeskRole.ADMIN) {
            throw DeskRequestException.forbidden();
        }
        return viewer.personId().orElseThrow(() -> new DeskRequestException(HttpStatus.FORBIDDEN, "units.notLinked"));
    }

    private void record(List<Entry> entries) {
        try {
            ledger.record(entries);
        } catch (RefusedException e) {
            throw new DeskRequestException(HttpStatus.BAD_REQUEST, "units.refused", e.field(), e.getMessage());
        }
    }
}
