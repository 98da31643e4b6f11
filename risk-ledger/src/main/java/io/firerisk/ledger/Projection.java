package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the projections from folded state: one row per area, unit, person, venue, inspection and
 * hazard, replaced whole. The same code serves the writer (the streams an entry touched) and the
 * rebuild (every stream), which is why a rebuild gives the tables the writer keeps.
 */
final class Projection {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final Store store;
    private final Campaign campaign;

    Projection(Store store, Campaign campaign) {
        this.store = store;
        this.campaign = campaign;
    }

    /**
     * Writes the rows of the given streams as the state holds them. A hazard's row carries its venue's
     * unit and area (the state must hold the venue and its area's ancestors) and the venue's grade
     * as {@code grades} gives it (none: the venue is re-assessed afterwards).
     */
    void write(Handle h, LedgerState state, Collection<String> streams, java.util.Map<String, String> grades) {
        List<Object[]> areas = new ArrayList<>();
        List<Object[]> units = new ArrayList<>();
        List<Object[]> people = new ArrayList<>();
        List<Object[]> venues = new ArrayList<>();
        List<Object[]> inspections = new ArrayList<>();
        List<Object[]> hazards = new ArrayList<>();
        List<Object[]> moved = new ArrayList<>();
        List<Object[]> plans = new ArrayList<>();
        List<Object[]> education = new ArrayList<>();
        for (String stream : new TreeSet<>(streams)) {
            int colon = stream.indexOf(':');
            String kind = stream.substring(0, colon);
            String id = stream.substring(colon + 1);
            int version = state.version(stream);
            switch (kind) {
                case "area" -> {
                    Directory.Area a = state.areas.get(id);
                    areas.add(new Object[] {a.code(), a.level().name(), a.name(), a.parent().orElse(null), version});
                }
                case "unit" -> {
                    Directory.Unit u = state.units.get(id);
                    units.add(new Object[] {u.unitId(), u.name(), u.kind().name(), u.parent().orElse(null), version});
                }
                case "person" -> {
                    Directory.Person p = state.people.get(id);
                    people.add(new Object[] {p.personId(), p.name(), p.unitId(), roles(p.roles()), version});
                }
                case "venue" -> {
                    Object[] row = venueRow(state, state.venues.get(id));
                    venues.add(row);
                    moved.add(new Object[] {row[3], row[5], row[6], row[7], row[0]});
                }
                case "inspection" -> {
                    InspectionView i = state.inspections.get(id);
                    inspections.add(new Object[] {i.inspectionId(), i.venueId(), i.kind().name(), i.date(),
                            String.join(",", i.inspectors()), i.note(), i.recordedBy(), i.noRealFireRisk()});
                }
                case "hazard" -> hazards.add(hazardRow(state, state.hazards.get(id), grades));
                case "plan" -> plans.add(planRow(state.plans.get(id)));
                case "education" -> {
                    EducationView a = state.education.get(id);
                    education.add(new Object[] {a.activityId(), a.unitId(), a.activity(), a.date(), a.participants(),
                            a.note(), a.recordedBy()});
                }
                default -> throw new IllegalStateException("unknown stream " + stream);
            }
        }
        store.upsert(h, "ledger_area", Store.AREA, areas);
        store.upsert(h, "ledger_unit", Store.UNIT, units);
        store.upsert(h, "ledger_person", Store.PERSON, people);
        store.upsert(h, "ledger_venue", Store.VENUE, venues);
        store.upsert(h, "ledger_inspection", Store.INSPECTION, inspections);
        store.upsert(h, "ledger_hazard", Store.HAZARD, hazards);
        store.venueOntoHazards(h, moved);
        store.upsert(h, "ledger_plan", Store.PLAN, plans);
        store.upsert(h, "ledger_education", Store.EDUCATION, education);
    }

    private static Object[] planRow(LedgerState.PlanFold f) {
        Event.InspectionPlanDrawn p = f.drawn;
        String visits;
        try {
            visits = Codec.JSON.writeValueAsString(p.visits());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LedgerException("cannot write the visits of plan " + p.planId() + " as JSON", e);
        }
        return new Object[] {p.planId(), p.date(), p.seed(), p.count(), p.street(), p.inspectorsPerVenue(),
                p.previousPlanId(), p.candidates(), visits, f.drawnBy, Store.utc(f.drawnAt), f.publishedBy,
                f.publishedAt == null ? null : Store.utc(f.publishedAt), f.note, f.version};
    }

    static String roles(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Enum::name).toList()));
    }

    private Object[] venueRow(LedgerState state, LedgerState.VenueFold v) {
        String[] codes = state.areaCodes(v.area);
        return new Object[] {v.venueId, v.venue.name(), v.venue.kind(), v.unitId, v.area, codes[0], codes[1], codes[2],
                Store.utc(v.registeredAt), v.version};
    }

    String category(String hazardCode) {
        return campaign.hazard(hazardCode).map(HazardType::category).orElse("");
    }

    private Object[] hazardRow(LedgerState state, HazardFold f, java.util.Map<String, String> grades) {
        LedgerState.VenueFold v = state.venues.get(f.venueId);
        String[] codes = state.areaCodes(v.area);
        return new Object[] {f.hazardId, f.venueId, v.unitId, codes[0], codes[1], codes[2], grades.get(f.venueId),
                f.found.hazardCode(), category(f.found.hazardCode()), f.state.name(),
                f.foundOn, f.deadline, f.supervision != null,
                (int) f.decisions.stream().filter(HazardView.ExtensionDecision::approved).count(), f.reopenings, f.failed,
                f.closedOn, f.version, Store.utc(f.lastChange)};
    }

    /**
     * Assesses each venue with the findings the state holds for it as of {@code day} and stores grade,
     * verdict and suspension. A venue the engine cannot assess keeps no grade, and the reason is logged.
     */
    static List<Object[]> assess(RiskEngine engine, LedgerState state, Collection<LedgerState.VenueFold> venues,
            LocalDate day) {
        List<Object[]> rows = new ArrayList<>();
        for (LedgerState.VenueFold v : venues) {
            Optional<Assessment> a = assessment(engine, state, v, day);
            rows.add(a.<Object[]>map(x -> new Object[] {x.grade().name(), x.verdict().name(), x.suspensionRequired(), day,
                    v.venueId}).orElseGet(() -> new Object[] {null, null, null, day, v.venueId}));
        }
        return rows;
    }

    static Optional<Assessment> assessment(RiskEngine engine, LedgerState state, LedgerState.VenueFold v,
            LocalDate day) {
        try {
            return Optional.of(engine.assess(state.facts(v, state.findings(v), day)));
        } catch (AssessmentException | IllegalArgumentException e) {
            LOG.warn("venue {} cannot be assessed as of {}: {}", v.venueId, day, e.getMessage());
            return Optional.empty();
        }
    }
}
