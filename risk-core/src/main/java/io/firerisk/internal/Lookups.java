package io.firerisk.internal;

import io.firerisk.ClauseRef;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.Standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an assessment looks up by code, worked out once per campaign instead of per venue: every clause as
 * results cite it, and each hazard's elements under each combination of the editions in force (a finding is
 * evidence of the elements of the editions in force on the date only). Immutable, shared by every thread.
 */
final class Lookups {

    /** The editions this lookup precomputes every combination of; a campaign applying more works them out per call. */
    private static final int MAX_PRECOMPUTED_EDITIONS = 6;

    /** A hazard under one combination of editions: its elements in force, as the finding fact and the result hold them. */
    record HazardEntry(HazardType type, List<String> elements, Set<String> elementSet, Set<String> grounds) {}

    /** The editions in force on a date, and the hazards' entries under them. */
    record Editions(List<Standard> standards, Map<String, HazardEntry> hazards) {}

    private final Campaign campaign;
    private final Map<String, ClauseRef> clauses;
    private final Editions[] byMask;

    Lookups(Campaign campaign) {
        this.campaign = campaign;
        Map<String, ClauseRef> refs = new HashMap<>();
        for (Clause c : campaign.clauses().values()) {
            refs.put(c.id(), c.ref());
        }
        this.clauses = refs;
        int n = campaign.standards().size();
        if (n <= MAX_PRECOMPUTED_EDITIONS) {
            byMask = new Editions[1 << n];
            for (int mask = 0; mask < byMask.length; mask++) {
                List<Standard> inForce = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        inForce.add(campaign.standards().get(i));
                    }
                }
                byMask[mask] = editions(inForce);
            }
        } else {
            byMask = null;
        }
    }

    /** The clause {@code id} as results cite it. */
    ClauseRef clause(String id) {
        ClauseRef ref = clauses.get(id);
        return ref != null ? ref : campaign.clauses().get(id).ref();
    }

    /** The clause {@code id} as results cite it, or null when the campaign has no such clause. */
    ClauseRef clauseOrNull(String id) {
        return clauses.get(id);
    }

    /** The editions in force on {@code date}, in the campaign's order, with the hazards' elements under them. */
    Editions on(LocalDate date) {
        if (byMask == null) {
            return editions(campaign.standardsOn(date));
        }
        List<Standard> standards = campaign.standards();
        int mask = 0;
        for (int i = 0; i < standards.size(); i++) {
            if (standards.get(i).inForceOn(date)) {
                mask |= 1 << i;
            }
        }
        return byMask[mask];
    }

    private Editions editions(List<Standard> inForce) {
        Set<String> ids = new java.util.HashSet<>();
        inForce.forEach(s -> ids.add(s.id()));
        Map<String, HazardEntry> hazards = new HashMap<>();
        for (HazardType type : campaign.hazards().values()) {
            List<String> elements = new ArrayList<>(type.elements().size());
            for (String element : type.elements()) {
                // The number read in an edition in force: another edition's element of that number is not this one.
                for (String standard : ids) {
                    if (campaign.elements().containsKey(new io.firerisk.campaign.Element.Key(standard, element))) {
                        elements.add(element);
                        break;
                    }
                }
            }
            // A code two editions define is judged with the clause and verification of the one in force.
            HazardType asInForce = type;
            for (Standard s : inForce) {
                if (type.editions().containsKey(s.id())) {
                    asInForce = type.under(s.id());
                    break;
                }
            }
            // Set.copyOf of an immutable set is the set itself: the finding fact takes these without copying.
            hazards.put(type.code(), new HazardEntry(asInForce, List.copyOf(elements),
                    Set.copyOf(new java.util.LinkedHashSet<>(elements)), Set.copyOf(type.grounds())));
        }
        return new Editions(List.copyOf(inForce), hazards);
    }
}
