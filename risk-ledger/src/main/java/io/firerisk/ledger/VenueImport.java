package io.firerisk.ledger;

import java.util.Objects;

/**
 * How the venue records of firerisk's input formats (JSON Lines, CSV venue and findings tables, read
 * by {@link io.firerisk.io.VenueReader}) become ledger events ({@link Ledger#importVenues}): each record
 * is one submission — the venue registered (into {@code unitId} and {@code area}) or its changed facts,
 * an inspection of {@code kind} by {@code actor} on each day its findings were found (the record's
 * date when they name none), every finding as a hazard found (corrected on the spot when its status
 * says so), its 五落实 plan as a plan set (so a finding in progress with a plan is rectifying; without
 * one it is open), and its enforcement step. A record whose findings are
 * already reported rectified or verified is rejected: that is the unit's and the re-inspector's to
 * record, as their own events.
 *
 * @param actor  the registered person who records the inspections (an inspector, or bureau staff to record plans too)
 * @param kind   the kind of inspection the records are
 * @param unitId the unit a venue new to the ledger is registered under
 * @param area   the area (grid, community or street) a venue new to the ledger is registered in
 */
public record VenueImport(String actor, InspectionKind kind, String unitId, String area) {
    public VenueImport {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(area, "area");
    }
}
