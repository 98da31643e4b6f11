package io.firerisk.server.venues;

import io.firerisk.Finding;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The venue's history up to the end of the date, oldest first (read with the view, not again). */
    public List<RecordedEvent> history(VenueView view) {
        return view.timeline();
    }

    /**
     * What would lower the grade: each open hazard taken as rectified and verified, the venue assessed
     * again on what the ledger told the engine ({@link VenueView#facts()}) as of the same date, and all of them
     * together. One assessment per open hazard and one more, so the answer is kept per venue, date and the
     * events the view was folded from (their number and highest sequence number: any event recorded about the
     * venue up to that date changes one of them) and worked out again only when one of those changes.
     */
    public WhatIf whatIf(VenueView view, Locale locale) {
        long last = view.timeline().stream().mapToLong(RecordedEvent::sequence).max().orElse(0);
        Key key = new Key(view.venueId(), view.asOf(), view.timeline().size(), last);
        Grades grades;
        synchronized (kept) {
            grades = kept.get(key);
        }
        if (grades == null) {
            grades = grades(view);
            synchronized (kept) {
                kept.put(key, grades);
            }
        }
        List<WhatIf.Lowering> lowering = new ArrayList<>();
        for (Map.Entry<String, RiskGrade> l : grades.lowering()) {
            HazardView h = view.hazard(l.getKey()).orElseThrow();
            lowering.add(new WhatIf.Lowering(h.hazardId(), h.label().in(locale), l.getValue()));
        }
        return new WhatIf(view.assessment().grade(), grades.ifAllRectified(), lowering);
    }

    private Grades grades(VenueView view) {
        RiskEngine engine = ledger.engine();
        VenueFacts facts = view.facts();
        RiskGrade current = view.assessment().grade();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < facts.findings().size(); i++) {
            at.put(facts.findings().get(i).id(), i);
        }
        List<Map.Entry<String, RiskGrade>> lowering = new ArrayList<>();
        List<Finding> allRectified = new ArrayList<>(facts.findings());
        for (HazardView h : view.hazards()) {
            Integer i = at.get(h.hazardId());
            if (i == null || h.finding().isEmpty() || !h.state().awaitsRectification()) {
                continue;
            }
            Finding rectified = facts.findings().get(i).toBuilder().status(RectificationStatus.VERIFIED).build();
            List<Finding> one = new ArrayList<>(facts.findings());
            one.set(i, rectified);
            allRectified.set(i, rectified);
            RiskGrade grade = engine.assess(with(facts, one)).grade();
            if (grade.compareTo(current) < 0) {
                lowering.add(Map.entry(h.hazardId(), grade));
            }
        }
        return new Grades(engine.assess(with(facts, allRectified)).grade(), lowering);
    }

    private static VenueFacts with(VenueFacts facts, List<Finding> findings) {
        return new VenueFacts(facts.venue(), findings, facts.assessmentDate(), facts.judgedNotMajor(),
                facts.noRealFireRisk());
    }

    /** Answers kept: a few hundred venues' worth of a handful of grades each. */
    private static final int KEPT = 1_000;

    private record Key(String venueId, LocalDate asOf, int events, long last) {}

    /** The grade with everything rectified, and each hazard whose rectification alone lowers it with that grade. */
    private record Grades(RiskGrade ifAllRectified, List<Map.Entry<String, RiskGrade>> lowering) {}

    /** Guarded by itself; least recently used first. */
    private final Map<Key, Grades> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Grades> eldest) {
            return size() > KEPT;
        }
    };
}
