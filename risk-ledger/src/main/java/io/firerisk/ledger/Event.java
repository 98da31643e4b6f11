package io.firerisk.ledger;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.Venue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What happened, as the log keeps it. Each event belongs to one stream (a hazard, a venue, an
 * inspection, a unit, a person or an area), whose version counts its events; the ledger checks each
 * event against the stream's state before recording it ({@link HazardState} for a hazard's own
 * events) and refuses what does not fit with a {@link RefusedException} naming the field.
 *
 * <p>Records are plain data: texts may be {@code null} for empty, lists {@code null} for none.
 */
public sealed interface Event {

    EventType type();

    /** The stream the event belongs to, such as {@code hazard:H-1}. */
    String stream();

    /** The events of one hazard's life. */
    sealed interface HazardEvent extends Event {
        String hazardId();

        @Override
        default String stream() {
            return Streams.hazard(hazardId());
        }
    }

    /** An area of the 网格 tree: a district, a street (街道), a community or a grid. */
    record AreaRegistered(String code, AreaLevel level, String name, String parent) implements Event {
        public EventType type() { return EventType.AREA_REGISTERED; }
        public String stream() { return Streams.area(code); }
    }

    /** A unit: a bureau department, a subordinate unit, an enterprise or another authority. */
    record UnitRegistered(String unitId, String name, UnitKind kind, String parentUnit) implements Event {
        public EventType type() { return EventType.UNIT_REGISTERED; }
        public String stream() { return Streams.unit(unitId); }
    }

    /** A person of a unit with the roles they hold. */
    record PersonRegistered(String personId, String name, String unitId, Set<Role> roles) implements Event {
        public PersonRegistered {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
        public EventType type() { return EventType.PERSON_REGISTERED; }
        public String stream() { return Streams.person(personId); }
    }

    /** A person's name, unit or roles changed (an empty set of roles: they no longer act in the campaign). */
    record PersonChanged(String personId, String name, String unitId, Set<Role> roles) implements Event {
        public PersonChanged {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
        public EventType type() { return EventType.PERSON_CHANGED; }
        public String stream() { return Streams.person(personId); }
    }

    /**
     * A venue enters the ledger: its facts (what the engine reads), the unit responsible for it and the
     * area it lies in (a grid, community or street code). It exists in the ledger from the moment this
     * happened: no event about it may be dated earlier.
     */
    record VenueRegistered(Venue venue, String unitId, String area) implements Event {
        public EventType type() { return EventType.VENUE_REGISTERED; }
        public String stream() { return Streams.venue(venue == null ? null : venue.id()); }
    }

    /** A venue's facts, its unit or its area changed; the record holds the whole new facts. */
    record VenueChanged(Venue venue, String unitId, String area) implements Event {
        public EventType type() { return EventType.VENUE_CHANGED; }
        public String stream() { return Streams.venue(venue == null ? null : venue.id()); }
    }

    /**
     * An inspection of a venue on a date, by the inspectors named (registered persons). {@code noRealFireRisk}: the
     * inspection confirmed on site that the venue, out of use, has no real fire risk (GB 35181-2025 4.2 b); it holds
     * until the venue's next inspection. Left out of the event's JSON when false, so events recorded before it
     * existed read and digest as they were written.
     */
    record InspectionRecorded(String inspectionId, String venueId, InspectionKind kind, LocalDate date,
            List<String> inspectors, String note, Boolean noRealFireRisk) implements Event {
        public InspectionRecorded {
            inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
            note = note == null ? "" : note;
            noRealFireRisk = noRealFireRisk != null && noRealFireRisk;
        }
        /** An inspection that confirmed nothing about real fire risk. */
        public InspectionRecorded(String inspectionId, String venueId, InspectionKind kind, LocalDate date,
                List<String> inspectors, String note) {
            this(inspectionId, venueId, kind, date, inspectors, note, false);
        }
        public EventType type() { return EventType.INSPECTION_RECORDED; }
        public String stream() { return Streams.inspection(inspectionId); }
    }

    /**
     * A hazard found in an inspection. The finding's id is the hazard's id, unique in the ledger; its
     * status and plan belong to the ledger (later events) and must be left at their defaults, and its
     * {@code foundOn}, when given, is the inspection's date. {@code deadline} is the 限期 of the
     * rectification order; when {@code null} the ledger takes the earliest deadline the engine sets for
     * this finding as of the inspection date, and records it in the event. A hazard corrected in the
     * inspector's presence ({@code correctedOnSpot}) needs no rectification.
     */
    record HazardFound(String venueId, String inspectionId, Finding finding, boolean correctedOnSpot,
            LocalDate deadline, List<Evidence> evidence) implements HazardEvent {
        public HazardFound {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public EventType type() { return EventType.HAZARD_FOUND; }
        public String hazardId() { return finding == null ? null : finding.id(); }
    }

    /**
     * A version of the 五落实 plan (责任、措施、时限、资金、预案). Its deadline may bring the hazard's
     * deadline forward, never push it back: that takes an approved extension.
     */
    record PlanSet(String hazardId, RectificationPlan plan) implements HazardEvent {
        public EventType type() { return EventType.PLAN_SET; }
    }

    /** The unit reports the hazard rectified, with its evidence; a re-inspection must confirm it. */
    record RectificationReported(String hazardId, String note, List<Evidence> evidence) implements HazardEvent {
        public RectificationReported {
            note = note == null ? "" : note;
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public EventType type() { return EventType.RECTIFICATION_REPORTED; }
    }

    /** The re-inspection confirms the rectification (by someone other than who reported it). */
    record ReinspectionPassed(String hazardId, String inspectionId, String note, List<Evidence> evidence)
            implements HazardEvent {
        public ReinspectionPassed {
            note = note == null ? "" : note;
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public EventType type() { return EventType.REINSPECTION_PASSED; }
    }

    /** The re-inspection finds the rectification not done; the hazard goes back to rectification, its deadline kept. */
    record ReinspectionFailed(String hazardId, String inspectionId, String reason, List<Evidence> evidence)
            implements HazardEvent {
        public ReinspectionFailed {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public EventType type() { return EventType.REINSPECTION_FAILED; }
    }

    /** 销号: the hazard is closed after a passed re-inspection. */
    record HazardClosed(String hazardId, String note) implements HazardEvent {
        public HazardClosed {
            note = note == null ? "" : note;
        }
        public EventType type() { return EventType.HAZARD_CLOSED; }
    }

    /** The unit asks for the deadline to be moved to {@code until}, with its reason. */
    record ExtensionRequested(String hazardId, LocalDate until, String reason) implements HazardEvent {
        public EventType type() { return EventType.EXTENSION_REQUESTED; }
    }

    /** The pending request is granted, up to {@code until} (no later than asked). */
    record ExtensionApproved(String hazardId, LocalDate until, String note) implements HazardEvent {
        public ExtensionApproved {
            note = note == null ? "" : note;
        }
        public EventType type() { return EventType.EXTENSION_APPROVED; }
    }

    /** The pending request is refused; the deadline stands. */
    record ExtensionRefused(String hazardId, String reason) implements HazardEvent {
        public EventType type() { return EventType.EXTENSION_REFUSED; }
    }

    /**
     * 回头看 found a closed (or corrected-on-the-spot) hazard back: it is open again, found once more,
     * with a new deadline. The inspection must be a {@link InspectionKind#REINSPECTION} of its venue.
     */
    record HazardReopened(String hazardId, String inspectionId, String reason, LocalDate deadline,
            List<Evidence> evidence) implements HazardEvent {
        public HazardReopened {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
        public EventType type() { return EventType.HAZARD_REOPENED; }
    }

    /** The record was a mistake (a duplicate, the wrong venue): cancelled with the reason, kept in the log. */
    record HazardCancelled(String hazardId, String reason) implements HazardEvent {
        public EventType type() { return EventType.HAZARD_CANCELLED; }
    }

    /**
     * 挂牌督办: a hazard determined major (GB 35181-2017 4.2: by a collective decision, which the
     * document records) is listed for supervision by a unit until it is closed.
     */
    record SupervisionListed(String hazardId, String supervisingUnit, String documentNo) implements HazardEvent {
        public EventType type() { return EventType.SUPERVISION_LISTED; }
    }

    /**
     * 摘牌: the listing ends before the hazard is closed, by a decision recorded with its document and the
     * reason (a review found it not a major fire hazard after all, say). Closing a hazard ends its listing
     * without this event.
     */
    record SupervisionLifted(String hazardId, String documentNo, String reason) implements HazardEvent {
        public EventType type() { return EventType.SUPERVISION_LIFTED; }
    }

    /**
     * An enforcement step on the hazard (责令改正, then 拒不改正), with its document. It is a person's
     * decision, not the engine's: {@code decidedBy} names the registered person who decided it (who may
     * differ from whoever records it) and {@code ground} the legal ground and facts it rests on, as they
     * wrote it. Events recorded before these were asked for read them as {@code null}.
     */
    record EnforcementRecorded(String hazardId, Enforcement step, String documentNo, String decidedBy, String ground)
            implements HazardEvent {
        public EventType type() { return EventType.ENFORCEMENT_RECORDED; }
    }

    /**
     * 双随机、一公开: an inspection plan drawn with {@link io.firerisk.ledger.draw.InspectionPlanner} from
     * the venues registered on its {@code date} (those of one street when {@code street} is given), as
     * assessed that day, with the roster of registered inspectors then. Everything the draw depends on
     * is here, so anyone can draw it again ({@link Ledger#redraw}) and get the same visits.
     *
     * @param planId             the plan's id
     * @param date               the day it was drawn, also the day venues were assessed as of
     * @param seed               the seed of the draw
     * @param count              venues drawn at random, besides the re-inspections that are always in
     * @param street             the street code whose venues were drawn from, or {@code null} for the district
     * @param inspectorsPerVenue inspectors drawn for each venue
     * @param previousPlanId     the plan whose inspectors are kept from the same venues, or {@code null}
     * @param candidates         venues the random draw was made from
     * @param visits             the venues to inspect, in plan order, with their inspectors
     */
    record InspectionPlanDrawn(String planId, LocalDate date, long seed, int count, String street,
            int inspectorsPerVenue, String previousPlanId, long candidates, List<PlannedVisit> visits) implements Event {
        public InspectionPlanDrawn {
            visits = visits == null ? List.of() : List.copyOf(visits);
        }
        public EventType type() { return EventType.INSPECTION_PLAN_DRAWN; }
        public String stream() { return Streams.plan(planId); }
    }

    /** One venue of a plan: drawn at random or in for a re-inspection (回头看), and who inspects it. */
    record PlannedVisit(String venueId, boolean reinspection, List<String> inspectors) {
        public PlannedVisit {
            inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        }
    }

    /**
     * Bureau staff assign other inspectors to one venue of a drawn plan (one is ill, or must stand aside
     * for a conflict of interest), with the reason. The draw stays as it was recorded, so it can still be
     * drawn again and compared; from now on the visit goes to {@code inspectors}.
     */
    record InspectorsReassigned(String planId, String venueId, List<String> inspectors, String reason)
            implements Event {
        public InspectorsReassigned {
            inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        }
        public EventType type() { return EventType.INSPECTORS_REASSIGNED; }
        public String stream() { return Streams.plan(planId); }
    }

    /** The plan is made public (一公开): from now on the public page lists it and its results. */
    record InspectionPlanPublished(String planId, String note) implements Event {
        public InspectionPlanPublished {
            note = note == null ? "" : note;
        }
        public EventType type() { return EventType.INSPECTION_PLAN_PUBLISHED; }
        public String stream() { return Streams.plan(planId); }
    }

    /**
     * An education activity a unit held (二(七): 三清三关, 五进, warning education): which one of the
     * campaign's ({@code ledger.yaml} {@code unitWork.education}), on what day, for how many people.
     */
    record EducationRecorded(String activityId, String unitId, String activity, LocalDate date, int participants,
            String note) implements Event {
        public EducationRecorded {
            note = note == null ? "" : note;
        }
        public EventType type() { return EventType.EDUCATION_RECORDED; }
        public String stream() { return Streams.education(activityId); }
    }
}
