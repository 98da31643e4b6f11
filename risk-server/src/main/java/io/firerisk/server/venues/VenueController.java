package io.firerisk.server.venues;

import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 场所: a venue's facts, its assessment with the reasons, what would lower it (asked for when opened), its hazards and
 * history, as of a date.
 */
@Controller
class VenueController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VenueService venues;
    private final Ledger ledger;

    VenueController(VenueService venues, Ledger ledger) {
        this.venues = venues;
        this.ledger = ledger;
    }

    @GetMapping("/venues/{venueId}")
    String venue(@PathVariable String venueId, AsOf asOf, Viewer viewer, Locale locale, Model model) {
        VenueView view = venues.venue(venueId, asOf.date(), viewer);
        Directory directory = ledger.directory();
        List<VenuePage.HistoryItem> history = new ArrayList<>();
        for (RecordedEvent e : venues.history(view)) {
            Directory.Person p = directory.people().get(e.actor());
            history.add(new VenuePage.HistoryItem(
                    MINUTES.format(e.happenedAt().atZone(ledger.campaign().timeZone())), e.type().label().in(locale),
                    e.event() instanceof Event.HazardEvent h && h.hazardId() != null ? h.hazardId() : "",
                    p == null ? e.actor() : p.name()));
        }
        var kind = ledger.campaign().venueKinds().get(view.venue().kind());
        Directory.Unit unit = directory.units().get(view.unitId());
        List<Directory.Area> path = new ArrayList<>(view.areaPath());
        java.util.Collections.reverse(path);
        String area = path.stream().map(Directory.Area::name).collect(Collectors.joining(" / "));
        model.addAttribute("page", new VenuePage(view, kind == null ? view.venue().kind() : kind.label().in(locale),
                unit == null ? view.unitId() : unit.name(), area, history));
        return "venue";
    }

    /**
     * What would lower the grade (htmx, when the reader opens that part of the venue page): one assessment per
     * open hazard and one more, so it is worked out when asked for rather than with every page. Without htmx (the
     * plain link a browser without script follows) the same part comes in the whole page, with a way back. It is
     * worked out from the venue as it stands when asked for; {@code seen}, the last event the page was made from,
     * tells whether something about the venue was recorded since, and the answer then says it is newer than the page.
     */
    @GetMapping("/venues/{venueId}/what-if")
    String whatIf(@PathVariable String venueId, AsOf asOf, Viewer viewer, Locale locale, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(name = "seen", required = false) Long seen) {
        VenueView view = venues.venue(venueId, asOf.date(), viewer);
        model.addAttribute("whatIf", venues.whatIf(view, locale));
        model.addAttribute("changedSince", seen != null && seen != VenuePage.lastEvent(view));
        if (htmx == null) {
            model.addAttribute("view", view);
            return "venue-whatif-page";
        }
        return "venue-whatif";
    }
}
