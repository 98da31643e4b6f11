package io.firerisk.server.venues;

import io.firerisk.ledger.VenueView;

import java.util.List;

/**
 * What the venue page shows: the ledger's view of the venue as of a date, its codes named, and its history
 * up to then. What would lower its grade is asked for when the reader opens it ({@link WhatIf}, its own request).
 *
 * @param view      the ledger's venue as of the date (facts, hazards, inspections, the engine's assessment)
 * @param kind      the venue kind's name
 * @param unit      the unit responsible, named
 * @param area      the area path, district first
 * @param history   what happened, oldest first
 */
public record VenuePage(VenueView view, String kind, String unit, String area, List<HistoryItem> history) {

    public VenuePage {
        history = List.copyOf(history);
    }

    /**
     * The highest sequence number of the events the page was made from: the what-if, asked for later, is worked out
     * from the venue as it stands then and says so when something about the venue was recorded in between.
     */
    public long lastEvent() {
        return lastEvent(view);
    }

    static long lastEvent(VenueView view) {
        return view.timeline().stream().mapToLong(io.firerisk.ledger.RecordedEvent::sequence).max().orElse(0);
    }

    /**
     * One event of the venue's history.
     *
     * @param when     when it happened (the campaign's time zone), minutes
     * @param what     the event's kind, named
     * @param hazardId the hazard it concerns, or empty
     * @param actor    who recorded it, named when the directory knows them
     */
    public record HistoryItem(String when, String what, String hazardId, String actor) {}
}
