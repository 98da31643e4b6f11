package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.RiskGrade;
import io.firerisk.Venue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's state as a fold of events: the area tree, units, people, venues, inspections and
 * hazards. A full fold of the log up to a date is the state as of that date; the writer keeps a
 * partial one of the streams an entry touches. Not thread-safe.
 */
final class LedgerState {

    /** A venue's state. */
    static final class VenueFold {
        final String venueId;
        Venue venue;
        String unitId;
        String area;
        Instant registeredAt;
        /** When its facts, unit or area last changed (registered or changed). */
        Instant changedAt;
        int version;
        final List<String> hazardIds = new ArrayList<>();
        final List<String> inspectionIds = new ArrayList<>();

        VenueFold(String venueId) {
            this.venueId = venueId;
        }
    }

    /** A plan as drawn, by whom and when, and whether it has been published. */
    static final class PlanFold {
        Event.InspectionPlanDrawn drawn;
        String drawnBy;
        Instant drawnAt;
        String publishedBy;
        Instant publishedAt;
        String note = "";
        int version;
        /** Each visit's inspectors now, by venue: as drawn, then as reassigned. */
        final Map<String, List<String>> assigned = new HashMap<>();
    }

    final ZoneId zone;
    final Map<String, Directory.Area> areas = new HashMap<>();
    final Map<String, Directory.Unit> units = new HashMap<>();
    final Map<String, Directory.Person> people = new HashMap<>();
    /** When each person was registered or last changed (as for a venue's {@link VenueFold#changedAt}). */
    final Map<String, Instant> peopleChangedAt = new HashMap<>();
    final Map<String, VenueFold> venues = new LinkedHashMap<>();
    final Map<String, InspectionView> inspections = new LinkedHashMap<>();
    final Map<String, HazardFold> hazards = new LinkedHashMap<>();
    final Map<String, PlanFold> plans = new LinkedHashMap<>();
    final Map<String, EducationView> education = new LinkedHashMap<>();
    /** Each stream's version: how many of its events this state has applied. */
    final Map<String, Integer> versions = new HashMap<>();
    long lastSequence;

    LedgerState(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * A state to apply {@code events} to while this one stays as it is: the directory (small) copied whole, and
     * copies of only the venues and hazards the events touch. Read together with this state (what the overlay
     * lacks is as this state has it), it is this state with the events applied, without copying the whole ledger.
     */
    LedgerState overlay(java.util.Collection<RecordedEvent> events) {
        LedgerState o = new LedgerState(zone);
        o.areas.putAll(areas);
        o.units.putAll(units);
        o.people.putAll(people);
        o.peopleChangedAt.putAll(peopleChangedAt);
        cover(o, events);
        return o;
    }

    /**
     * Copies into an overlay of this state ({@link #overlay}) the venues and hazards {@code events} touch that it does
     * not hold yet, so that the events can then be applied to it (what it holds already, it keeps).
     */
    void cover(LedgerState o, java.util.Collection<RecordedEvent> events) {
        for (RecordedEvent e : events) {
            Event event = e.event();
            String venueId = e.venueId() == null || e.venueId().isEmpty() ? null : e.venueId();
            if (event instanceof Event.HazardEvent h && h.hazardId() != null) {
                HazardFold f = hazards.get(h.hazardId());
                if (f != null) {
                    if (!o.hazards.containsKey(h.hazardId())) {
                        o.hazards.put(h.hazardId(), f.copy());
                    }
                    venueId = venueId == null ? f.venueId : venueId;
                }
                if (event instanceof Event.HazardFound found) {
                    venueId = found.venueId();
                }
            } else if (event instanceof Event.VenueRegistered v) {
                venueId = v.venue().id();
            } else if (event instanceof Event.VenueChanged v) {
                venueId = v.venue().id();
            } else if (event instanceof Event.InspectionRecorded i) {
                venueId = i.venueId();
            }
            VenueFold v = venueId == null ? null : venues.get(venueId);
            if (v != null && !o.venues.containsKey(venueId)) {
                o.venues.put(venueId, copy(v));
            }
        }
    }

    private static VenueFold copy(VenueFold v) {
        VenueFold f = new VenueFold(v.venueId);
        f.venue = v.venue;
        f.unitId = v.unitId;
        f.area = v.area;
        f.registeredAt = v.registeredAt;
        f.changedAt = v.changedAt;
        f.version = v.version;
        f.hazardIds.addAll(v.hazardIds);
        f.inspectionIds.addAll(v.inspectionIds);
        return f;
    }

    /**
     * A copy that later events applied to this state leave as it is: what a fold of the log keeps of the
     * ledger as of a date while it goes on to a later one.
     */
    LedgerState copy() {
        LedgerState c = new LedgerState(zone);
        c.areas.putAll(areas);
        c.units.putAll(units);
        c.people.putAll(people);
        c.peopleChangedAt.putAll(peopleChangedAt);
        venues.forEach((id, v) -> c.venues.put(id, copy(v)));
        c.inspections.putAll(inspections);
        hazards.forEach((id, h) -> c.hazards.put(id, h.copy()));
        plans.forEach((id, p) -> {
            PlanFold f = new PlanFold();
            f.drawn = p.drawn;
            f.drawnBy = p.drawnBy;
            f.drawnAt = p.drawnAt;
            f.publishedBy = p.publishedBy;
            f.publishedAt = p.publishedAt;
            f.note = p.note;
            f.version = p.version;
            p.assigned.forEach((venue, inspectors) -> f.assigned.put(venue, new ArrayList<>(inspectors)));
            c.plans.put(id, f);
        });
        c.education.putAll(education);
        c.versions.putAll(versions);
        c.lastSequence = lastSequence;
        return c;
    }

    /**
     * The venue's facts as of {@code day}: its record, the findings the ledger hands the engine, and whether its
     * latest inspection up to that day confirmed it has no real fire risk (GB 35181-2025 4.2 b).
     */
    io.firerisk.VenueFacts facts(VenueFold v, java.util.List<io.firerisk.Finding> findings, java.time.LocalDate day) {
        InspectionView latest = null;
        for (String id : v.inspectionIds) {
            InspectionView i = inspections.get(id);
            if (i != null && !i.date().isAfter(day) && (latest == null || !i.date().isBefore(latest.date()))) {
                latest = i;
            }
        }
        return new io.firerisk.VenueFacts(v.venue, findings, day, false, latest != null && latest.noRealFireRisk());
    }

    int version(String stream) {
        return versions.getOrDefault(stream, 0);
    }

    /**
     * Gives a venue a hazard found or an inspection already folded here while the venue was not: what {@link #apply}
     * would have added to the venue had it been there. Nothing when the venue holds it already.
     */
    void attach(RecordedEvent e) {
        if (e.event() instanceof Event.HazardFound found) {
            VenueFold f = venues.get(found.venueId());
            if (f != null && hazards.containsKey(found.hazardId()) && !f.hazardIds.contains(found.hazardId())) {
                f.hazardIds.add(found.hazardId());
            }
        } else if (e.event() instanceof Event.InspectionRecorded i) {
            VenueFold f = venues.get(i.venueId());
            if (f != null && inspections.containsKey(i.inspectionId()) && !f.inspectionIds.contains(i.inspectionId())) {
                f.inspectionIds.add(i.inspectionId());
            }
        }
    }

    void apply(RecordedEvent e) {
        Event event = e.event();
        if (event instanceof Event.AreaRegistered a) {
            areas.put(a.code(), new Directory.Area(a.code(), a.level(), a.name(), Optional.ofNullable(blank(a.parent()))));
        } else if (event instanceof Event.UnitRegistered u) {
            units.put(u.unitId(), new Directory.Unit(u.unitId(), u.name(), u.kind(),
                    Optional.ofNullable(blank(u.parentUnit()))));
        } else if (event instanceof Event.PersonRegistered p) {
            people.put(p.personId(), new Directory.Person(p.personId(), p.name(), p.unitId(), p.roles()));
            peopleChangedAt.put(p.personId(), e.happenedAt());
        } else if (event instanceof Event.PersonChanged p) {
            people.put(p.personId(), new Directory.Person(p.personId(), p.name(), p.unitId(), p.roles()));
            peopleChangedAt.put(p.personId(), e.happenedAt());
        } else if (event instanceof Event.VenueRegistered v) {
            VenueFold f = venues.computeIfAbsent(v.venue().id(), VenueFold::new);
            f.venue = v.venue();
            f.unitId = v.unitId();
            f.area = v.area();
            f.registeredAt = e.happenedAt();
            f.changedAt = e.happenedAt();
            f.version = e.version();
        } else if (event instanceof Event.VenueChanged v) {
            VenueFold f = venues.get(v.venue().id());
            f.venue = v.venue();
            f.unitId = v.unitId();
            f.area = v.area();
            f.changedAt = e.happenedAt();
            f.version = e.version();
        } else if (event instanceof Event.InspectionRecorded i) {
            inspections.put(i.inspectionId(), new InspectionView(i.inspectionId(), i.venueId(), i.kind(), i.date(),
                    i.inspectors(), i.note(), e.actor(), i.noRealFireRisk()));
            VenueFold f = venues.get(i.venueId());
            if (f != null) {
                f.inspectionIds.add(i.inspectionId());
            }
        } else if (event instanceof Event.InspectionPlanDrawn p) {
            PlanFold f = plans.computeIfAbsent(p.planId(), k -> new PlanFold());
            f.drawn = p;
            p.visits().forEach(v -> f.assigned.put(v.venueId(), v.inspectors()));
            f.drawnBy = e.actor();
            f.drawnAt = e.happenedAt();
            f.version = e.version();
        } else if (event instanceof Event.InspectionPlanPublished p) {
            PlanFold f = plans.get(p.planId());
            if (f != null) {
                f.publishedBy = e.actor();
                f.publishedAt = e.happenedAt();
                f.note = p.note();
                f.version = e.version();
            }
        } else if (event instanceof Event.InspectorsReassigned a) {
            PlanFold f = plans.get(a.planId());
            if (f != null) {
                f.assigned.put(a.venueId(), a.inspectors());
                f.version = e.version();
            }
        } else if (event instanceof Event.EducationRecorded a) {
            education.put(a.activityId(), new EducationView(a.activityId(), a.unitId(), a.activity(), a.date(),
                    a.participants(), a.note(), e.actor()));
        } else if (event instanceof Event.HazardEvent h) {
            HazardFold fold = hazards.computeIfAbsent(h.hazardId(), HazardFold::new);
            fold.apply(e, zone);
            if (event instanceof Event.HazardFound found) {
                VenueFold f = venues.get(found.venueId());
                if (f != null) {
                    f.hazardIds.add(found.hazardId());
                }
            }
        }
        versions.put(e.stream(), e.version());
        lastSequence = Math.max(lastSequence, e.sequence());
    }

    /** The venue's findings for the engine: every hazard not closed or cancelled, in the order found. */
    List<Finding> findings(VenueFold venue) {
        List<Finding> findings = new ArrayList<>();
        for (String id : venue.hazardIds) {
            HazardFold h = hazards.get(id);
            if (h != null) {
                h.finding().ifPresent(findings::add);
            }
        }
        return findings;
    }

    Directory directory() {
        return new Directory(areas, units, people);
    }

    /** The street, community and grid codes above (or at) an area; empty where the tree has none. */
    String[] areaCodes(String area) {
        String[] codes = {"", "", ""};
        Directory.Area a = areas.get(area);
        int guard = 0;
        while (a != null && guard++ < AreaLevel.values().length) {
            switch (a.level()) {
                case STREET -> codes[0] = a.code();
                case COMMUNITY -> codes[1] = a.code();
                case GRID -> codes[2] = a.code();
                default -> { }
            }
            a = a.parent().map(areas::get).orElse(null);
        }
        return codes;
    }

    HazardRow row(HazardFold h, LocalDate asOf, LedgerPolicy policy, String category, Optional<RiskGrade> grade) {
        VenueFold v = venues.get(h.venueId);
        String[] codes = v == null ? new String[] {"", "", ""} : areaCodes(v.area);
        int days = h.daysOverdue(asOf);
        return new HazardRow(h.hazardId, h.venueId, v == null ? "" : v.venue.name(), v == null ? "" : v.unitId,
                codes[0], codes[1], codes[2], h.found.hazardCode(), category, h.state, h.foundOn, h.deadline, days,
                h.dueSoon(asOf, policy), policy.escalation().levelFor(days).map(LedgerPolicy.Level::level).orElse(0),
                h.supervision != null, (int) h.decisions.stream().filter(HazardView.ExtensionDecision::approved).count(),
                h.reopenings, h.failed, Optional.ofNullable(h.closedOn), grade, h.version, h.lastChange);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
