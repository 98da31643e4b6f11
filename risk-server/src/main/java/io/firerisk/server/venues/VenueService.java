package io.firerisk.server.venues;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A venue as of a date for one viewer: its ledger view, its history up to then, and what would lower
 * its grade. A unit officer asking for another unit's venue is refused, whatever the address says.
 */
@Service
public class VenueService {

    private final Ledger ledger;

    VenueService(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @throws DeskRequestException 404 when no such venue was registered by then, 403 when the viewer may not see it
     */
    public VenueView venue(String venueId, LocalDate asOf, Viewer viewer) {
        Optional<VenueView> view = ledger.venue(venueId, asOf);
        if (view.isEmpty()) {
            throw DeskRequestException.notFound(venueId + " @ " + asOf);
        }
        if (!viewer.maySee(view.get().unitId())) {
            throw DeskRequestException.forbidden();
        }
        return view.get();
    }

    /** The venue's history up to the end of the date, oldest first. */
    public List<RecordedEvent> history(VenueView view) {
        Instant end = view.asOf().plusDays(1).atStartOfDay(ledger.campaign().timeZone()).toInstant();
        return ledger.timeline(view.venueId()).stream().filter(e -> e.happenedAt().isBefore(end)).toList();
    }

    /**
     * What would lower the grade: each open hazard taken as rectified and verified, the venue assessed
     * again on the ledger's findings as of the same date. Empty when the engine's answer on the same
     * findings is not the ledger's (the view would then not explain the grade shown).
     */
    public Optional<WhatIf> whatIf(VenueView view, Locale locale) {
        RiskEngine engine = ledger.engine();
        List<Finding> findings = new ArrayList<>();
        List<HazardView> open = new ArrayList<>();
        for (HazardView h : view.hazards()) {
            h.finding().ifPresent(findings::add);
            if (h.finding().isPresent() && h.state().awaitsRectification()) {
                open.add(h);
            }
        }
        Assessment base = engine.assess(VenueFacts.of(view.venue(), findings, view.asOf()));
        if (base.grade() != view.assessment().grade()) {
            return Optional.empty();
        }
        List<WhatIf.Lowering> lowering = new ArrayList<>();
        List<Finding> allRectified = new ArrayList<>(findings);
        for (HazardView h : open) {
            Finding f = h.finding().get();
            Finding rectified = f.toBuilder().status(RectificationStatus.VERIFIED).build();
            List<Finding> one = new ArrayList<>(findings);
            one.set(findings.indexOf(f), rectified);
            allRectified.set(findings.indexOf(f), rectified);
            var grade = engine.assess(VenueFacts.of(view.venue(), one, view.asOf())).grade();
            if (grade.compareTo(base.grade()) < 0) {
                lowering.add(new WhatIf.Lowering(h.hazardId(), h.label().in(locale), grade));
            }
        }
        var all = engine.assess(VenueFacts.of(view.venue(), allRectified, view.asOf())).grade();
        return Optional.of(new WhatIf(base.grade(), all, lowering));
    }
}
