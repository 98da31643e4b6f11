package io.firerisk.ledger.notice;

import io.firerisk.ledger.HazardState;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A 整改通知书 asked for where nothing is left to rectify on its date: the hazard, or every hazard of the venue,
 * is verified awaiting closure (复查通过待销号), closed, corrected on the spot or cancelled. A notice orders what
 * is still to be rectified; ordering a verified hazard rectified again would be an order the unit has already met.
 * Carries the venue, the date and the state of each hazard it has, so a page can say why in its own language.
 */
public final class NothingToRectifyException extends IllegalArgumentException {

    private final String venueId;
    private final LocalDate date;
    private final transient Map<String, HazardState> states;

    NothingToRectifyException(String venueId, LocalDate date, Map<String, HazardState> states) {
        super("venue " + venueId + " has nothing left to rectify as of " + date + (states.isEmpty() ? ""
                : " (" + states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().label().zh())
                        .collect(Collectors.joining(", ")) + ")")
                + ": a rectification notice orders only hazards still to be rectified");
        this.venueId = venueId;
        this.date = date;
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    public String venueId() {
        return venueId;
    }

    public LocalDate date() {
        return date;
    }

    /** Each hazard asked about (the venue's, or the one hazard) and its state on the date, in the ledger's order. */
    public Map<String, HazardState> states() {
        return states;
    }
}
