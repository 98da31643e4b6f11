package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether an entry may be recorded, against the state its stream and the streams it names
 * are in: the transition table, the campaign's rules in {@code ledger.yaml}, the limits of every
 * field, and the order of time. Every refusal names the entry and the field. An accepted entry comes
 * back as the event to record, with what the ledger fills in (a hazard's deadline from the engine).
 */
final class Checker {

    /** How far ahead of the ledger's clock an event may be dated (a device clock a little fast, a time zone). */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    static final int MAX_ID = Venue.MAX_ID_LENGTH;
    static final int MAX_TEXT = Venue.MAX_TEXT_LENGTH;
    static final int MAX_INSPECTORS = 20;
    private static final Pattern URI = Pattern.compile("(?i)(https?|s3|urn|attachment):[^\\s\"'<>\\\\]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA = Pattern.compile("[a-z]+/[a-z0-9.+-]{1,60}");
    private static final Set<EventType> BOOTSTRAP = EnumSet.of(EventType.AREA_REGISTERED, EventType.UNIT_REGISTERED,
            EventType.PERSON_REGISTERED, EventType.PERSON_CHANGED);

    private final Campaign campaign;
    private final RiskEngine engine;
    private final LedgerPolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    Checker(RiskEngine engine, LedgerPolicy policy, Clock clock) {
        this.engine = engine;
        this.campaign = engine.campaign();
        this.policy = policy;
        this.clock = clock;
        this.zone = campaign.timeZone();
    }

    /** The checked event, the venue it concerns (or null) and the stream it goes to. */
    record Accepted(Event event, String venueId, String stream) {}

    /** Checks a new entry (a desk form, the API, {@link Ledger#record}): every rule applies. */
    Accepted check(Entry entry, Working w) {
        return check(entry, w, false);
    }

    /**
     * Checks an entry; {@code replay} when it comes from a log already kept (an import of an export). A replayed
     * entry is checked as a new one except for the rule that a deadline set in a plan or an extension is no day
     * already past on the day it is set ({@link Deadlines}' BEFORE_DAY): that rule came after events it refuses
     * were recorded, it judges what a person may decide now, and a ledger must restore its own history unchanged
     * (refusing one event of a hazard would refuse every later one of it too). See docs/architecture.md.
     */
    Accepted check(Entry entry, Working w, boolean replay) {
        Refusal r = new Refusal(entry);
        envelope(entry, r);
        Event event = entry.event();
        Directory.Person actor = null;
        if (!BOOTSTRAP.contains(event.type())) {
            actor = w.person(entry.actor());
            if (actor == null) {
                throw r.field("actor", "no registered person '" + entry.actor() + "'");
            }
        }
        LocalDate day = LocalDate.ofInstant(entry.happenedAt(), zone);
        if (event instanceof Event.AreaRegistered a) {
            area(a, w, r);
            return new Accepted(a, null, a.stream());
        } else if (event instanceof Event.UnitRegistered u) {
            id(r, "event.unitId", u.unitId());
            requiredText(r, "event.name", u.name());
            notNull(r, "event.kind", u.kind());
            if (w.version(u.stream()) > 0) {
                throw r.field("event.unitId", "unit '" + u.unitId() + "' is already registered");
            }
            if (!blank(u.parentUnit()) && w.unit(u.parentUnit()) == null) {
                throw r.field("event.parentUnit", "no registered unit '" + u.parentUnit() + "'");
            }
            return new Accepted(u, null, u.stream());
        } else if (event instanceof Event.PersonRegistered p) {
            person(r, w, p.personId(), p.name(), p.unitId(), p.roles());
            if (w.version(p.stream()) > 0) {
                throw r.field("event.personId", "person '" + p.personId() + "' is already registered");
            }
            return new Accepted(p, null, p.stream());
        } else if (event instanceof Event.PersonChanged p) {
            person(r, w, p.personId(), p.name(), p.unitId(), p.roles());
            Directory.Person before = w.person(p.personId());
            if (before == null) {
                throw r.field("event.personId", "no registered person '" + p.personId() + "'");
            }
            java.time.Instant last = w.personChangedAt(p.personId());
            if (!replay && last != null && entry.happenedAt().isBefore(last)) {
                // Not for a replayed log (an export re-imported, a move to PostgreSQL): a ledger kept before this
                // rule may hold such a change, accepted then, and authorization reads the directory it restores.
                // As for a venue: a replay applies a person's events in the order they happened and the directory's
                // projection in the order they were recorded; the two agree only when those are the same order.
                throw r.field("happenedAt", entry.happenedAt() + " is before the last change of person '"
                        + p.personId() + "' (" + before.name() + ", registered or changed at " + last
                        + "); a person's changes are recorded in the order they happened");
            }
            return new Accepted(p, null, p.stream());
        } else if (event instanceof Event.VenueRegistered v) {
            notNull(r, "event.venue", v.venue());
            venueFacts(r, w, v.venue(), v.unitId(), v.area());
            if (w.version(v.stream()) > 0) {
                throw r.field("event.venue.id", "venue '" + v.venue().id() + "' is already registered");
            }
            permitted(r, w, entry, actor, v.unitId());
            return new Accepted(v, v.venue().id(), v.stream());
        } else if (event instanceof Event.VenueChanged v) {
            notNull(r, "event.venue", v.venue());
            LedgerState.VenueFold venue = registeredVenue(r, w, "event.venue.id", v.venue().id(), entry.happenedAt());
            if (venue.changedAt != null && entry.happenedAt().isBefore(venue.changedAt)) {
                // As for a hazard: a replay applies a venue's events in the order they happened and the projections
                // in the order they were recorded; the two agree only when those are the same order.
                throw r.field("happenedAt", entry.happenedAt() + " is before the venue's last change (" + venue.changedAt
                        + "); a venue's changes are recorded in the order they happened");
            }
            venueFacts(r, w, v.venue(), v.unitId(), v.area());
            permitted(r, w, entry, actor, venue.unitId);
            return new Accepted(v, v.venue().id(), v.stream());
        } else if (event instanceof Event.InspectionRecorded i) {
            id(r, "event.inspectionId", i.inspectionId());
            if (w.version(i.stream()) > 0) {
                throw r.field("event.inspectionId", "inspection '" + i.inspectionId() + "' is already recorded");
            }
            LedgerState.VenueFold venue = registeredVenue(r, w, "event.venueId", i.venueId(), entry.happenedAt());
            notNull(r, "event.kind", i.kind());
            notNull(r, "event.date", i.date());
            if (!i.date().equals(day)) {
                throw r.field("event.date", "must be the day it happened, " + day + " in " + zone + " (was " + i.date() + ")");
            }
            if (i.inspectors().isEmpty() || i.inspectors().size() > MAX_INSPECTORS) {
                throw r.field("event.inspectors", "must name 1 to " + MAX_INSPECTORS + " registered people (named "
                        + i.inspectors().size() + ")");
            }
            for (int k = 0; k < i.inspectors().size(); k++) {
                if (w.person(i.inspectors().get(k)) == null) {
                    throw r.field("event.inspectors[" + k + "]", "no registered person '" + i.inspectors().get(k) + "'");
                }
            }
            text(r, "event.note", i.note());
            permitted(r, w, entry, actor, venue.unitId);
            return new Accepted(i, i.venueId(), i.stream());
        } else if (event instanceof Event.EducationRecorded a) {
            id(r, "event.activityId", a.activityId());
            if (w.version(a.stream()) > 0) {
                throw r.field("event.activityId", "education activity '" + a.activityId() + "' is already recorded");
            }
            if (blank(a.unitId()) || w.unit(a.unitId()) == null) {
                throw r.field("event.unitId", "no registered unit '" + a.unitId() + "'");
            }
            if (policy.unitWork().flatMap(u -> u.activity(a.activity())).isEmpty()) {
                throw r.field("event.activity", "'" + a.activity() + "' is not an education activity of the campaign"
                        + " (ledger.yaml unitWork.education)");
            }
            notNull(r, "event.date", a.date());
            if (!a.date().equals(day)) {
                throw r.field("event.date", "must be the day it happened, " + day + " in " + zone + " (was " + a.date() + ")");
            }
            if (a.participants() < 0 || a.participants() > 100_000) {
                throw r.field("event.participants", "must be 0 to 100000 (was " + a.participants() + ")");
            }
            text(r, "event.note", a.note());
            permitted(r, w, entry, actor, a.unitId());
            return new Accepted(a, null, a.stream());
        } else if (event instanceof Event.InspectionPlanDrawn p) {
            return planDrawn(p, entry, actor, day, w, r);
        } else if (event instanceof Event.InspectionPlanPublished p) {
            id(r, "event.planId", p.planId());
            w.version(p.stream());
            LedgerState.PlanFold plan = w.state.plans.get(p.planId());
            if (plan == null) {
                throw r.field("event.planId", "no inspection plan '" + p.planId() + "'");
            }
            if (plan.publishedAt != null) {
                throw r.field("event.planId", "plan '" + p.planId() + "' is already published");
            }
            if (entry.happenedAt().isBefore(plan.drawnAt)) {
                throw r.field("happenedAt", "before the plan was drawn (" + plan.drawnAt + ")");
            }
            text(r, "event.note", p.note());
            permitted(r, w, entry, actor, null);
            return new Accepted(p, null, p.stream());
        } else if (event instanceof Event.InspectorsReassigned a) {
            return reassigned(a, entry, actor, w, r);
        } else if (event instanceof Event.HazardFound f) {
            return found(f, entry, actor, day, w, r);
        } else if (event instanceof Event.HazardEvent h) {
            return hazardEvent(h, entry, actor, day, replay ? null : day, w, r);
        }
        throw r.field("event", "unknown event " + event.getClass().getName());
    }

    /** Most venues one plan may hold: a district's draw is tens, a street's 回头看 some hundreds. */
    static final int MAX_PLAN_VISITS = 5_000;

    private Accepted planDrawn(Event.InspectionPlanDrawn p, Entry entry, Directory.Person actor, LocalDate day,
            Working w, Refusal r) {
        id(r, "event.planId", p.planId());
        if (w.version(p.stream()) > 0) {
            throw r.field("event.planId", "inspection plan '" + p.planId() + "' is already drawn");
        }
        notNull(r, "event.date", p.date());
        if (!p.date().equals(day)) {
            throw r.field("event.date", "must be the day it happened, " + day + " in " + zone + " (was " + p.date() + ")");
        }
        if (p.count() < 0 || p.count() > MAX_PLAN_VISITS) {
            throw r.field("event.count", "must be 0 to " + MAX_PLAN_VISITS + " (was " + p.count() + ")");
        }
        if (p.inspectorsPerVenue() < 1 || p.inspectorsPerVenue() > MAX_INSPECTORS) {
            throw r.field("event.inspectorsPerVenue", "must be 1 to " + MAX_INSPECTORS + " (was "
                    + p.inspectorsPerVenue() + ")");
        }
        if (p.candidates() < 0) {
            throw r.field("event.candidates", "must be >= 0 (was " + p.candidates() + ")");
        }
        if (!blank(p.street())) {
            Directory.Area street = w.area(p.street());
            if (street == null || street.level() != AreaLevel.STREET) {
                throw r.field("event.street", "no registered street '" + p.street() + "'");
            }
        }
        if (!blank(p.previousPlanId())) {
            w.version(Streams.plan(p.previousPlanId()));
            if (!w.state.plans.containsKey(p.previousPlanId())) {
                throw r.field("event.previousPlanId", "no inspection plan '" + p.previousPlanId() + "'");
            }
        }
        if (p.visits().size() > MAX_PLAN_VISITS) {
            throw r.field("event.visits", "at most " + MAX_PLAN_VISITS + " venues (was " + p.visits().size() + ")");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < p.visits().size(); k++) {
            String at = "event.visits[" + k + "]";
            Event.PlannedVisit v = p.visits().get(k);
            if (v == null) {
                throw r.field(at, "missing");
            }
            registeredVenue(r, w, at + ".venueId", v.venueId(), entry.happenedAt());
            if (!seen.add(v.venueId())) {
                throw r.field(at + ".venueId", "venue '" + v.venueId() + "' is in the plan twice");
            }
            if (v.inspectors().size() > MAX_INSPECTORS) {
                throw r.field(at + ".inspectors", "at most " + MAX_INSPECTORS + " (was " + v.inspectors().size() + ")");
            }
            for (int i = 0; i < v.inspectors().size(); i++) {
                Directory.Person person = w.person(v.inspectors().get(i));
                if (person == null || !person.roles().contains(Role.INSPECTOR)) {
                    throw r.field(at + ".inspectors[" + i + "]", "no registered inspector '" + v.inspectors().get(i) + "'");
                }
            }
        }
        permitted(r, w, entry, actor, null);
        return new Accepted(p, null, p.stream());
    }

    private Accepted reassigned(Event.InspectorsReassigned a, Entry entry, Directory.Person actor, Working w,
            Refusal r) {
        id(r, "event.planId", a.planId());
        w.version(a.stream());
        LedgerState.PlanFold plan = w.state.plans.get(a.planId());
        if (plan == null) {
            throw r.field("event.planId", "no inspection plan '" + a.planId() + "'");
        }
        if (entry.happenedAt().isBefore(plan.drawnAt)) {
            throw r.field("happenedAt", "before the plan was drawn (" + plan.drawnAt + ")");
        }
        id(r, "event.venueId", a.venueId());
        List<String> now = plan.assigned.get(a.venueId());
        if (now == null) {
            throw r.field("event.venueId", "venue '" + a.venueId() + "' is not in plan " + a.planId());
        }
        if (a.inspectors().isEmpty() || a.inspectors().size() > MAX_INSPECTORS) {
            throw r.field("event.inspectors", "must name 1 to " + MAX_INSPECTORS + " registered inspectors (named "
                    + a.inspectors().size() + ")");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < a.inspectors().size(); i++) {
            String id = a.inspectors().get(i);
            Directory.Person person = id == null ? null : w.person(id);
            if (person == null || !person.roles().contains(Role.INSPECTOR)) {
                throw r.field("event.inspectors[" + i + "]", "no registered inspector '" + id + "'");
            }
            if (!seen.add(id)) {
                throw r.field("event.inspectors[" + i + "]", "'" + id + "' is named twice");
            }
        }
        if (Set.copyOf(now).equals(seen)) {
            throw r.field("event.inspectors", "the visit to " + a.venueId() + " already goes to " + now);
        }
        requiredText(r, "event.reason", a.reason());
        permitted(r, w, entry, actor, null);
        return new Accepted(a, null, a.stream());
    }

    private void envelope(Entry entry, Refusal r) {
        id(r, "eventId", entry.eventId());
        id(r, "actor", entry.actor());
        if (entry.happenedAt() == null) {
            throw r.field("happenedAt", "missing");
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (entry.happenedAt().isAfter(latest)) {
            throw r.field("happenedAt", entry.happenedAt() + " is in the future (the ledger's clock says "
                    + clock.instant() + ")");
        }
        LocalDate day = LocalDate.ofInstant(entry.happenedAt(), zone);
        if (day.isBefore(VenueFacts.EARLIEST_DATE)) {
            throw r.field("happenedAt", entry.happenedAt() + " is before " + VenueFacts.EARLIEST_DATE);
        }
    }

    private void area(Event.AreaRegistered a, Working w, Refusal r) {
        id(r, "event.code", a.code());
        notNull(r, "event.level", a.level());
        requiredText(r, "event.name", a.name());
        if (w.version(a.stream()) > 0) {
            throw r.field("event.code", "area '" + a.code() + "' is already registered");
        }
        Optional<AreaLevel> parentLevel = a.level().parent();
        if (parentLevel.isEmpty()) {
            if (!blank(a.parent())) {
                throw r.field("event.parent", "a district has no parent (was '" + a.parent() + "')");
            }
        } else {
            if (blank(a.parent())) {
                throw r.field("event.parent", "a " + a.level() + " needs its " + parentLevel.get());
            }
            Directory.Area parent = w.area(a.parent());
            if (parent == null) {
                throw r.field("event.parent", "no registered area '" + a.parent() + "'");
            }
            if (parent.level() != parentLevel.get()) {
                throw r.field("event.parent", "'" + a.parent() + "' is a " + parent.level() + "; a " + a.level()
                        + " hangs under a " + parentLevel.get());
            }
        }
    }

    private void person(Refusal r, Working w, String personId, String name, String unitId, Set<Role> roles) {
        id(r, "event.personId", personId);
        requiredText(r, "event.name", name);
        id(r, "event.unitId", unitId);
        if (w.unit(unitId) == null) {
            throw r.field("event.unitId", "no registered unit '" + unitId + "'");
        }
    }

    private void venueFacts(Refusal r, Working w, Venue venue, String unitId, String area) {
        if (!campaign.venueKinds().containsKey(venue.kind())) {
            throw r.field("event.venue.kind", "'" + venue.kind() + "' is not a venue kind of campaign "
                    + campaign.id());
        }
        id(r, "event.unitId", unitId);
        if (w.unit(unitId) == null) {
            throw r.field("event.unitId", "no registered unit '" + unitId + "'");
        }
        id(r, "event.area", area);
        if (w.area(area) == null) {
            throw r.field("event.area", "no registered area '" + area + "'");
        }
    }

    private LedgerState.VenueFold registeredVenue(Refusal r, Working w, String field, String venueId, Instant at) {
        id(r, field, venueId);
        LedgerState.VenueFold venue = w.venue(venueId);
        if (venue == null) {
            throw r.field(field, "no registered venue '" + venueId + "'");
        }
        if (at.isBefore(venue.registeredAt)) {
            throw r.field("happenedAt", at + " is before venue " + venueId + " existed in the ledger (registered as of "
                    + venue.registeredAt + ")");
        }
        return venue;
    }

    private Accepted found(Event.HazardFound f, Entry entry, Directory.Person actor, LocalDate day, Working w,
            Refusal r) {
        notNull(r, "event.finding", f.finding());
        Finding finding = f.finding();
        String hazardId = finding.id();
        r.hazard(hazardId);
        if (w.version(f.stream()) > 0) {
            throw r.field("event.finding.id", "hazard '" + hazardId + "' already exists");
        }
        LedgerState.VenueFold venue = registeredVenue(r, w, "event.venueId", f.venueId(), entry.happenedAt());
        id(r, "event.inspectionId", f.inspectionId());
        InspectionView inspection = w.inspection(f.inspectionId());
        if (inspection == null) {
            throw r.field("event.inspectionId", "no recorded inspection '" + f.inspectionId() + "'");
        }
        if (!inspection.venueId().equals(f.venueId())) {
            throw r.field("event.inspectionId", "inspection '" + f.inspectionId() + "' was of venue "
                    + inspection.venueId() + ", not " + f.venueId());
        }
        if (!inspection.date().equals(day)) {
            throw r.field("happenedAt", "a hazard is found on its inspection's day, " + inspection.date() + " (was " + day
                    + ")");
        }
        if (campaign.hazard(finding.hazardCode()).isEmpty()) {
            throw r.field("event.finding.hazardCode", "'" + finding.hazardCode()
                    + "' is not in the hazard catalogue of campaign " + campaign.id());
        }
        measured(r, finding, campaign.hazard(finding.hazardCode()).get());
        if (finding.status() != RectificationStatus.OPEN) {
            throw r.field("event.finding.status", "the ledger keeps the status (was " + finding.status()
                    + "); record what happened to the hazard as its own events, or set correctedOnSpot");
        }
        if (!finding.plan().equals(RectificationPlan.NONE)) {
            throw r.field("event.finding.plan", "the 五落实 plan is recorded as PLAN_SET events, not in the finding");
        }
        if (finding.foundOn() != null && !finding.foundOn().equals(day)) {
            throw r.field("event.finding.foundOn", "must be the inspection's day " + day + " (was " + finding.foundOn()
                    + ")");
        }
        evidence(r, f.evidence());
        permitted(r, w, entry, actor, venue.unitId);
        LocalDate deadline = f.deadline();
        if (deadline != null) {
            date(r, "event.deadline", deadline);
            deadline(r, "event.deadline", Deadlines.onFinding(day, deadline));
        } else if (f.correctedOnSpot()) {
            deadline = day;
        } else {
            deadline = engineDeadline(r, w, venue.venueId, finding.toBuilder().foundOn(day).build(), day);
        }
        Event.HazardFound filled = deadline.equals(f.deadline()) ? f : new Event.HazardFound(f.venueId(),
                f.inspectionId(), finding, f.correctedOnSpot(), deadline, f.evidence());
        return new Accepted(filled, f.venueId(), f.stream());
    }

    /**
     * A criterion judged by a measurement (a ratio, a count) needs it in the finding: without it the
     * engine cannot assess the venue at all, on any later date. Checked here whether or not the
     * deadline is given, since with a deadline the engine is not asked when the hazard is recorded.
     */
    private static void measured(Refusal r, Finding finding, io.firerisk.campaign.HazardType type) {
        String measure = type.measure().orElse("");
        if (measure.equals(io.firerisk.campaign.HazardType.MEASURE_RATIO) && finding.ratio() == null) {
            throw r.field("event.finding.ratio", "hazard code " + finding.hazardCode() + " is judged by a ratio "
                    + "(measure: ratio, 0 to 1, " + type.file() + " line " + type.line() + "); the finding has none");
        }
        if (measure.equals(io.firerisk.campaign.HazardType.MEASURE_QUANTITY) && finding.quantity() == null) {
            throw r.field("event.finding.quantity", "hazard code " + finding.hazardCode() + " is judged by a count "
                    + "(measure: quantity, " + type.file() + " line " + type.line() + "); the finding has none");
        }
    }

    /** The due date the engine gives the campaign's deadline action for this finding as of {@code day}. */
    private LocalDate engineDeadline(Refusal r, Working w, String venueId, Finding finding, LocalDate day) {
        LedgerState.VenueFold venue = w.completeVenue(venueId);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : w.state.findings(venue)) {
            if (!f.id().equals(finding.id())) {
                findings.add(f);
            }
        }
        findings.add(finding.toBuilder().status(RectificationStatus.OPEN).build());
        Assessment a;
        try {
            a = engine.assess(w.state.facts(venue, findings, day));
        } catch (AssessmentException e) {
            throw r.field("event.finding." + e.field().replaceFirst("^findings\\[\\d+\\]\\.?", ""),
                    "the engine cannot assess the venue with it: " + e.getMessage());
        }
        return a.actions(policy.deadlineAction()).stream()
                .filter(act -> act.findingId().map(finding.id()::equals).orElse(false)
                        || act.findingIds().contains(finding.id()))
                .map(RequiredAction::due).flatMap(Optional::stream).min(LocalDate::compareTo)
                .orElseThrow(() -> r.field("event.deadline", "campaign " + campaign.id() + " sets no "
                        + policy.deadlineAction() + " deadline for this finding on " + day + "; give one"));
    }

    /** {@code setOn}: the day a deadline in the event is set, for the past-day rule; null for a replayed entry. */
    private Accepted hazardEvent(Event.HazardEvent e, Entry entry, Directory.Person actor, LocalDate day,
            LocalDate setOn, Working w, Refusal r) {
        id(r, "event.hazardId", e.hazardId());
        r.hazard(e.hazardId());
        HazardFold h = w.hazard(e.hazardId());
        if (h == null) {
            throw r.field("event.hazardId", "no hazard '" + e.hazardId() + "'");
        }
        if (entry.happenedAt().isBefore(h.lastChange)) {
            throw r.field("happenedAt", entry.happenedAt() + " is before the hazard's last event (" + h.lastChange
                    + "); a hazard's events are recorded in the order they happened");
        }
        HazardState next = h.state.after(e.type()).orElseThrow(() -> new IllegalTransitionException(entry.eventId(),
                h.hazardId, h.state, e.type()));
        LedgerState.VenueFold venue = w.venue(h.venueId);
        permitted(r, w, entry, actor, venue == null ? null : venue.unitId);
        if (e instanceof Event.PlanSet p) {
            notNull(r, "event.plan", p.plan());
            deadline(r, "event.plan.deadline", Deadlines.onPlan(setOn, h.foundOn, h.deadline, p.plan().deadline()));
        } else if (e instanceof Event.RectificationReported rr) {
            text(r, "event.note", rr.note());
            evidence(r, rr.evidence());
        } else if (e instanceof Event.ReinspectionPassed p) {
            secondPerson(r, h, entry.actor(), "re-inspect it");
            reinspection(r, w, h, p.inspectionId(), false, day);
            text(r, "event.note", p.note());
            evidence(r, p.evidence());
        } else if (e instanceof Event.ReinspectionFailed f) {
            secondPerson(r, h, entry.actor(), "re-inspect it");
            reinspection(r, w, h, f.inspectionId(), false, day);
            requiredText(r, "event.reason", f.reason());
            evidence(r, f.evidence());
        } else if (e instanceof Event.HazardClosed c) {
            secondPerson(r, h, entry.actor(), "close it");
            text(r, "event.note", c.note());
        } else if (e instanceof Event.ExtensionRequested x) {
            if (h.pending != null) {
                throw r.field("event", "an extension request is already pending (to " + h.pending.until() + ", by "
                        + h.pending.requestedBy() + ")");
            }
            capped(r, h);
            notNull(r, "event.until", x.until());
            date(r, "event.until", x.until());
            deadline(r, "event.until", Deadlines.onExtensionRequest(setOn, h.deadline, policy.extensions().maxDaysEach(),
                    x.until()));
            requiredText(r, "event.reason", x.reason());
        } else if (e instanceof Event.ExtensionApproved a) {
            pendingDecision(r, h, actor);
            capped(r, h);
            notNull(r, "event.until", a.until());
            deadline(r, "event.until", Deadlines.onExtensionApproval(setOn, h.deadline, h.pending.until(), a.until()));
            text(r, "event.note", a.note());
        } else if (e instanceof Event.ExtensionRefused x) {
            pendingDecision(r, h, actor);
            requiredText(r, "event.reason", x.reason());
        } else if (e instanceof Event.HazardReopened o) {
            InspectionView inspection = reinspection(r, w, h, o.inspectionId(), true, day);
            requiredText(r, "event.reason", o.reason());
            evidence(r, o.evidence());
            LocalDate deadline = o.deadline();
            if (deadline == null) {
                deadline = engineDeadline(r, w, h.venueId, h.found.toBuilder().foundOn(inspection.date()).build(), day);
            } else {
                date(r, "event.deadline", deadline);
                deadline(r, "event.deadline", Deadlines.onReopening(day, deadline));
            }
            Event.HazardReopened filled = deadline.equals(o.deadline()) ? o : new Event.HazardReopened(o.hazardId(),
                    o.inspectionId(), o.reason(), deadline, o.evidence());
            return new Accepted(filled, h.venueId, e.stream());
        } else if (e instanceof Event.HazardCancelled c) {
            requiredText(r, "event.reason", c.reason());
        } else if (e instanceof Event.SupervisionListed s) {
            if (h.supervision != null) {
                throw r.field("event", "hazard " + h.hazardId + " is already under 挂牌督办 (" + h.supervision.documentNo()
                        + ", since " + h.supervision.since() + ")");
            }
            id(r, "event.supervisingUnit", s.supervisingUnit());
            if (w.unit(s.supervisingUnit()) == null) {
                throw r.field("event.supervisingUnit", "no registered unit '" + s.supervisingUnit() + "'");
            }
            id(r, "event.documentNo", s.documentNo());
        } else if (e instanceof Event.SupervisionLifted l) {
            if (h.supervision == null) {
                throw r.field("event", "hazard " + h.hazardId + " is not under 挂牌督办");
            }
            id(r, "event.documentNo", l.documentNo());
            requiredText(r, "event.reason", l.reason());
        } else if (e instanceof Event.EnforcementRecorded x) {
            notNull(r, "event.step", x.step());
            if (x.step() == Enforcement.NONE) {
                throw r.field("event.step", "must be a step taken (" + Enforcement.ORDERED_TO_CORRECT + " or "
                        + Enforcement.REFUSED_TO_CORRECT + ")");
            }
            id(r, "event.documentNo", x.documentNo());
            id(r, "event.decidedBy", x.decidedBy());
            if (w.person(x.decidedBy()) == null) {
                throw r.field("event.decidedBy", "no registered person '" + x.decidedBy() + "'; an enforcement step "
                        + "names the person who decided it");
            }
            requiredText(r, "event.ground", x.ground());
        }
        assert next != null;
        return new Accepted(e, h.venueId, e.stream());
    }

    private InspectionView reinspection(Refusal r, Working w, HazardFold h, String inspectionId, boolean required,
            LocalDate day) {
        if (blank(inspectionId)) {
            if (required) {
                throw r.field("event.inspectionId", "name the 回头看 inspection (kind " + InspectionKind.REINSPECTION
                        + ") that found it");
            }
            return null;
        }
        id(r, "event.inspectionId", inspectionId);
        InspectionView inspection = w.inspection(inspectionId);
        if (inspection == null) {
            throw r.field("event.inspectionId", "no recorded inspection '" + inspectionId + "'");
        }
        if (!inspection.venueId().equals(h.venueId)) {
            throw r.field("event.inspectionId", "inspection '" + inspectionId + "' was of venue " + inspection.venueId()
                    + ", not " + h.venueId);
        }
        if (required && inspection.kind() != InspectionKind.REINSPECTION) {
            throw r.field("event.inspectionId", "inspection '" + inspectionId + "' is a " + inspection.kind()
                    + "; a hazard is reopened at a " + InspectionKind.REINSPECTION + " (回头看)");
        }
        if (!inspection.date().equals(day)) {
            throw r.field("happenedAt", "must be on the inspection's day, " + inspection.date() + " (was " + day + ")");
        }
        return inspection;
    }

    private void secondPerson(Refusal r, HazardFold h, String actor, String what) {
        Optional<String> reporter = h.lastReporter();
        if (reporter.isPresent() && reporter.get().equals(actor)) {
            throw r.field("actor", actor + " reported the rectification of hazard " + h.hazardId + " and may not "
                    + what + ": another person must");
        }
    }

    private void capped(Refusal r, HazardFold h) {
        long approved = h.decisions.stream().filter(HazardView.ExtensionDecision::approved).count();
        if (approved >= policy.extensions().maxPerHazard()) {
            throw r.field("event", "hazard " + h.hazardId + " has had " + approved + " extension(s); campaign "
                    + campaign.id() + " allows " + policy.extensions().maxPerHazard()
                    + " (ledger.yaml extensions.maxPerHazard)");
        }
    }

    private void pendingDecision(Refusal r, HazardFold h, Directory.Person actor) {
        if (h.pending == null) {
            throw r.field("event", "no extension request is pending on hazard " + h.hazardId);
        }
        Set<Role> allowed = h.supervision != null ? policy.extensions().supervisedApprovers()
                : policy.extensions().approvers();
        if (actor.roles().stream().noneMatch(allowed::contains)) {
            throw r.field("actor", actor.personId() + " (" + actor.roles() + ") may not decide an extension"
                    + (h.supervision != null ? " of a hazard under 挂牌督办" : "") + "; it takes one of " + allowed
                    + " (ledger.yaml extensions)");
        }
    }

    /** The actor's roles allow the event; a unit officer acting only as one stays within their unit. */
    private void permitted(Refusal r, Working w, Entry entry, Directory.Person actor, String venueUnit) {
        Set<Role> allowed = policy.allowed(entry.event().type());
        if (actor == null || allowed.isEmpty()) {
            return;
        }
        Set<Role> held = EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(allowed::contains).forEach(held::add);
        if (held.isEmpty()) {
            throw r.field("actor", actor.personId() + " (" + (actor.roles().isEmpty() ? "no roles" : actor.roles())
                    + ") may not record " + entry.event().type() + "; it takes one of " + allowed
                    + " (ledger.yaml permissions)");
        }
        if (held.equals(EnumSet.of(Role.UNIT_OFFICER)) && venueUnit != null && !venueUnit.equals(actor.unitId())) {
            throw r.field("actor", actor.personId() + " is an officer of unit " + actor.unitId()
                    + " and may act only on its venues; this venue belongs to " + venueUnit);
        }
    }

    private void evidence(Refusal r, List<Evidence> evidence) {
        if (evidence.size() > Evidence.MAX_PER_EVENT) {
            throw r.field("event.evidence", "at most " + Evidence.MAX_PER_EVENT + " references an event (was "
                    + evidence.size() + ")");
        }
        for (int i = 0; i < evidence.size(); i++) {
            String at = "event.evidence[" + i + "]";
            Evidence e = evidence.get(i);
            if (e == null) {
                throw r.field(at, "missing");
            }
            notNull(r, at + ".kind", e.kind());
            if (e.uri() == null || e.uri().isEmpty()) {
                throw r.field(at + ".uri", "missing");
            }
            if (e.uri().length() > Evidence.MAX_URI_LENGTH) {
                throw r.field(at + ".uri", "must be at most " + Evidence.MAX_URI_LENGTH + " characters (was "
                        + e.uri().length() + ")");
            }
            if (!URI.matcher(e.uri()).matches()) {
                throw r.field(at + ".uri", "must be an https, http, s3, urn or attachment reference without blanks or "
                        + "quotes (was " + quote(e.uri()) + ")");
            }
            if (e.sha256() == null || !SHA256.matcher(e.sha256()).matches()) {
                throw r.field(at + ".sha256", "must be 64 lower-case hex digits (was " + quote(e.sha256()) + ")");
            }
            if (e.bytes() < 1 || e.bytes() > Evidence.MAX_BYTES) {
                throw r.field(at + ".bytes", "must be between 1 and " + Evidence.MAX_BYTES + " (was " + e.bytes() + ")");
            }
            if (e.mediaType() == null || !MEDIA.matcher(e.mediaType()).matches() || !fits(e.kind(), e.mediaType())) {
                throw r.field(at + ".mediaType", "must be a media type of a " + e.kind() + " such as "
                        + (e.kind() == Evidence.Kind.PHOTO ? "image/jpeg" : e.kind() == Evidence.Kind.VIDEO ? "video/mp4"
                        : "application/pdf") + " (was " + quote(e.mediaType()) + ")");
            }
            if (e.caption().length() > Evidence.MAX_CAPTION_LENGTH) {
                throw r.field(at + ".caption", "must be at most " + Evidence.MAX_CAPTION_LENGTH + " characters (was "
                        + e.caption().length() + ")");
            }
        }
    }

    private static boolean fits(Evidence.Kind kind, String media) {
        return switch (kind) {
            case PHOTO -> media.startsWith("image/");
            case VIDEO -> media.startsWith("video/");
            case DOCUMENT -> media.startsWith("application/") || media.startsWith("image/") || media.startsWith("text/");
        };
    }

    private static void id(Refusal r, String field, String value) {
        if (value == null || value.isBlank()) {
            throw r.field(field, "missing");
        }
        if (value.length() > MAX_ID) {
            throw r.field(field, "must be at most " + MAX_ID + " characters (was " + value.length() + ")");
        }
        if (!value.equals(value.strip())) {
            throw r.field(field, "must not begin or end with blanks (was " + quote(value) + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E || c == 0x200F || c == 0x061C) {
                throw r.field(field, "must not contain control characters (was " + quote(value) + ")");
            }
        }
    }

    private static void text(Refusal r, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw r.field(field, "must be at most " + MAX_TEXT + " characters (was " + value.length() + ")");
        }
    }

    private static void requiredText(Refusal r, String field, String value) {
        if (value == null || value.isBlank()) {
            throw r.field(field, "missing");
        }
        text(r, field, value);
    }

    private static void notNull(Refusal r, String field, Object value) {
        if (value == null) {
            throw r.field(field, "missing");
        }
    }

    /** A deadline that breaks {@link Deadlines}' rule is refused, its field named. */
    private static void deadline(Refusal r, String field, Optional<Deadlines.Breach> breach) {
        if (breach.isPresent()) {
            throw r.field(field, breach.get().what());
        }
    }

    private static void date(Refusal r, String field, LocalDate value) {
        if (value.isBefore(VenueFacts.EARLIEST_DATE) || value.isAfter(VenueFacts.LATEST_DATE)) {
            throw r.field(field, "must be between " + VenueFacts.EARLIEST_DATE + " and " + VenueFacts.LATEST_DATE
                    + " (was " + value + ")");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder b = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }

    /** Builds refusals that name the entry, its event and, once known, its hazard. */
    static final class Refusal {
        private final Entry entry;
        private String hazardId;

        Refusal(Entry entry) {
            this.entry = entry;
        }

        void hazard(String id) {
            this.hazardId = id;
        }

        RefusedException field(String field, String what) {
            String type = entry.event().type().name();
            return new RefusedException(entry.eventId(), field, "event " + entry.eventId() + " (" + type
                    + (hazardId != null ? " on hazard " + hazardId : "") + "): " + field + ": " + what);
        }
    }
}
