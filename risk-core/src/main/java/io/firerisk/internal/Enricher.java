package io.firerisk.internal;

import io.firerisk.campaign.Standard;
import io.firerisk.rules.InForce;

import io.firerisk.AssessedFinding;
import io.firerisk.AssessmentException;
import io.firerisk.CalendarPosition;
import io.firerisk.Finding;
import io.firerisk.PlaceClassification;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.campaign.VenueKind;
import io.firerisk.rules.CalendarDay;
import io.firerisk.rules.HazardFinding;
import io.firerisk.rules.VenueProfile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an inspector's facts into the facts rules match: checks them against the campaign's
 * tables, joins each finding with its catalogue entry, places the date in the calendar and the
 * venue in its place classes. Pure data work driven by campaign tables; every judgement is left to
 * the rules.
 */
final class Enricher {

    /** Everything prepared for one assessment. */
    record Prepared(
            LocalDate date,
            CalendarPosition position,
            CalendarDay day,
            VenueProfile profile,
            List<HazardFinding> findings,
            List<PlaceClassification> placeClasses,
            List<AssessedFinding> assessedFindings,
            List<Standard> editions) {

        /** The facts the rules see, in the order they are inserted. */
        public List<Object> facts() {
            List<Object> facts = new java.util.ArrayList<>(2 + editions.size() + placeClasses.size() + findings.size());
            editions.forEach(e -> facts.add(InForce.of(e)));
            facts.add(day);
            facts.add(profile);
            facts.addAll(placeClasses);
            facts.addAll(findings);
            return facts;
        }
    }

    private Enricher() {}

    /** False when the clause belongs to an edition of a standard the campaign applies, and that edition is not in force. */
    private static boolean inForce(Campaign campaign, String clauseId, Set<String> editionDocuments,
            Set<String> documentsInForce) {
        io.firerisk.campaign.Clause clause = campaign.clauses().get(clauseId);
        return clause == null || !editionDocuments.contains(clause.source()) || documentsInForce.contains(clause.source());
    }

    static Prepared prepare(Campaign campaign, Lookups lookups, VenueFacts facts, LocalDate today) {
        Venue venue = facts.venue();
        VenueKind kind = campaign.venueKinds().get(venue.kind());
        if (kind == null) {
            throw invalid(campaign, venue, "venue.kind", "venue kind '" + venue.kind()
                    + "' is not defined by the campaign (known kinds: " + String.join(", ", new java.util.TreeSet<>(
                    campaign.venueKinds().keySet())) + ")");
        }
        LocalDate date = facts.assessmentDate() != null ? facts.assessmentDate() : today;
        CalendarPosition position = campaign.calendar().position(date);
        // The editions in force on the date: only their rules conclude, and a finding is evidence of their
        // elements only.
        List<Standard> editions = lookups.on(date).standards();
        // A place class an edition of a standard defines (its clause is that edition's) holds only while the
        // edition is in force: 重要场所 is a class of GB 35181-2017 only, 儿童活动场所 and 冷库 of GB 35181-2025.
        Set<String> editionDocuments = new java.util.HashSet<>();
        campaign.standards().forEach(s -> editionDocuments.add(s.document()));
        Set<String> documentsInForce = new java.util.HashSet<>();
        editions.forEach(e -> documentsInForce.add(e.document()));

        List<String> uses = new ArrayList<>();
        uses.add(kind.code());
        for (int i = 0; i < venue.uses().size(); i++) {
            String use = venue.uses().get(i);
            if (!campaign.venueKinds().containsKey(use)) {
                throw invalid(campaign, venue, "venue.uses[" + i + "]", "use '" + use
                        + "' is not a venue kind of the campaign (known kinds: " + String.join(", ",
                        new java.util.TreeSet<>(campaign.venueKinds().keySet())) + ")");
            }
            if (!uses.contains(use)) {
                uses.add(use);
            }
        }
        List<PlaceClassification> classifications = new ArrayList<>();
        Set<String> classes = new LinkedHashSet<>();
        for (String use : uses) {
            for (PlaceClassRule rule : campaign.placeClassRules()) {
                if (rule.matches(use, venue) && (!rule.campaignOnly() || position.campaignInForce())
                        && inForce(campaign, rule.clause(), editionDocuments, documentsInForce)) {
                    classes.add(rule.placeClass());
                    PlaceClassification c = new PlaceClassification(campaign.placeClass(rule.placeClass()),
                            rule.source(), campaign.clauses().get(rule.clause()).ref());
                    // A kind row and a fact row on the same authority say the same thing once.
                    if (!classifications.contains(c)) {
                        classifications.add(c);
                    }
                }
            }
        }
        for (int i = 0; i < venue.placeClasses().size(); i++) {
            String declared = venue.placeClasses().get(i);
            String clause = campaign.placeClassClauses().get(declared);
            if (!campaign.placeClasses().containsKey(declared)) {
                throw invalid(campaign, venue, "venue.placeClasses[" + i + "]", "place class '" + declared
                        + "' is not one of the campaign's place classes (" + String.join(", ",
                        new java.util.TreeSet<>(campaign.placeClasses().keySet())) + ")");
            }
            if (clause == null) {
                throw invalid(campaign, venue, "venue.placeClasses[" + i + "]", "place class '" + declared
                        + "' cannot be declared for a venue: the campaign gives it no defining clause "
                        + "(placeClasses." + declared + ".clause in campaign.yaml)");
            }
            // Declared for a date its edition is not in force, the class does not exist then: not applied.
            if (inForce(campaign, clause, editionDocuments, documentsInForce) && classes.add(declared)) {
                classifications.add(new PlaceClassification(campaign.placeClass(declared),
                        PlaceClassification.DECLARED, campaign.clauses().get(clause).ref()));
            }
        }
        if (classes.isEmpty()) {
            classes.add(campaign.placeClassWhenNone());
        }
        boolean highRise = campaign.highRise().isHighRise(kind.building(), venue.heightMeters(), venue.floors());
        VenueProfile profile = new VenueProfile(venue.id(), venue.name(), kind.code(), kind.label(), kind.building(),
                venue.street(),
                venue.heightMeters() == null ? Double.NaN : venue.heightMeters(), venue.floors(), venue.underground(),
                highRise, venue.occupantCapacity(), venue.sleepingOnSite(), venue.gasSupply(), venue.dangerousGoods(),
                venue.operatingStatus().inUse(), classes, facts.judgedNotMajor(), new LinkedHashSet<>(uses),
                venue.ownedByAuthority(), facts.noRealFireRisk());

        // Each hazard's elements in force on the date, worked out once per campaign and combination of editions.
        Map<String, Lookups.HazardEntry> hazards = lookups.on(date).hazards();
        List<HazardFinding> findings = new ArrayList<>(facts.findings().size());
        List<AssessedFinding> assessed = new ArrayList<>(facts.findings().size());
        for (int i = 0; i < facts.findings().size(); i++) {
            Finding f = facts.findings().get(i);
            Lookups.HazardEntry entry = hazards.get(f.hazardCode());
            if (entry == null) {
                throw invalid(campaign, venue, "findings[" + i + "].hazardCode", "finding '" + f.id()
                        + "': hazard code '" + f.hazardCode() + "' is not in the hazard catalogue of campaign "
                        + campaign.id());
            }
            HazardType type = entry.type();
            if (type.measure().filter(HazardType.MEASURE_RATIO::equals).isPresent() && f.ratio() == null) {
                throw invalid(campaign, venue, "findings[" + i + "].ratio", "finding '" + f.id() + "' ("
                        + f.hazardCode() + ") needs a ratio between 0 and 1: the criterion is quantitative");
            }
            if (type.measure().filter(HazardType.MEASURE_QUANTITY::equals).isPresent() && f.quantity() == null) {
                throw invalid(campaign, venue, "findings[" + i + "].quantity", "finding '" + f.id() + "' ("
                        + f.hazardCode() + ") needs a quantity: the criterion counts something");
            }
            List<String> elements = entry.elements();
            findings.add(toFact(profile, f, entry, date));
            HazardFinding fact = findings.get(findings.size() - 1);
            assessed.add(new AssessedFinding(f.id(), f.hazardCode(), type.label(), type.category(), elements,
                    type.verification(), f.status(), f.area(), fact.open() && !fact.correctableOnSpot(),
                    fact.correctedOnSpot(), fact.overdue()));
        }

        Optional<KeyPeriod> period = position.keyPeriod()
                .flatMap(p -> campaign.calendar().keyPeriod(p.code()));
        CalendarDay day = new CalendarDay(date, position.campaignInForce(),
                position.phase().map(l -> l.code()).orElse(""),
                position.keyPeriod().map(l -> l.code()).orElse(""),
                position.alertLevel().code(),
                position.upcomingPeriod().map(l -> l.code()).orElse(""),
                position.upcomingStart().orElse(null),
                period.map(KeyPeriod::raisedTo).orElse(null),
                campaign.calendar().start(),
                campaign.calendar().end());
        return new Prepared(date, position, day, profile, List.copyOf(findings), List.copyOf(classifications),
                List.copyOf(assessed), editions);
    }

    private static HazardFinding toFact(VenueProfile venue, Finding f, Lookups.HazardEntry entry, LocalDate date) {
        HazardType type = entry.type();
        // The inspector's facts only: a catalogue saying such a hazard usually can be corrected on the
        // spot presumes nothing about this one (a locked exit not recorded as opened stays locked).
        boolean corrected = f.status() == RectificationStatus.CORRECTED_ON_SPOT;
        boolean correctable = corrected || Boolean.TRUE.equals(f.correctableOnSpot());
        boolean open = f.status().isOpen();
        Set<String> missing = Set.of();
        if (!f.plan().missingParts().isEmpty()) {
            missing = new LinkedHashSet<>();
            for (RectificationPlan.Part part : f.plan().missingParts()) {
                missing.add(part.name());
            }
        }
        LocalDate deadline = f.plan().deadline();
        boolean overdue = open && deadline != null && deadline.isBefore(date);
        int daysOverdue = overdue ? (int) ChronoUnit.DAYS.between(deadline, date) : 0;
        return new HazardFinding(venue.venueId(), f.id(), f.hazardCode(), type.label(), type.category(),
                entry.elementSet(), f.location(), f.area(), f.foundOn() != null ? f.foundOn() : date,
                correctable, corrected, corrected || f.correctableOnSpot() != null, type.correctableOnSpot(), f.status(),
                open, f.ratio() == null ? Double.NaN : f.ratio(), f.quantity() == null ? -1 : f.quantity(),
                f.expertReviewed(), missing, deadline, overdue, daysOverdue, f.timesFound(), f.party(),
                f.enforcement(), type.rectifyDays(), type.minimumDays(), type.likelihood(),
                entry.grounds(), type.verification(), f.standardRevision());
    }

    private static AssessmentException invalid(Campaign campaign, Venue venue, String field, String message) {
        return new AssessmentException(AssessmentException.Kind.INVALID_FACTS, campaign.id(), venue.id(), field,
                field + ": " + message, null);
    }
}
