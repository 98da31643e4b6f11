package io.firerisk.ledger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of the ledger's state that the entries being checked touch: each stream is read whole
 * from the log the first time it is needed, then kept, and the entries accepted so far are applied
 * on top, so an entry is checked against the state its predecessors in the same submission left.
 */
final class Working {

    /** Reads streams from the log. */
    interface Loader {
        /** Every event of the stream, in version order. */
        List<RecordedEvent> stream(String stream);

        /** Every event about the venue (its own, its inspections', its hazards'), in sequence order. */
        List<RecordedEvent> venue(String venueId);
    }

    final LedgerState state;
    private Loader loader;
    private final Set<String> loaded = new HashSet<>();
    private final Set<String> completeVenues = new HashSet<>();

    Working(LedgerState state, Loader loader) {
        this.state = state;
        this.loader = loader;
    }

    /** The same state, read through another loader (a new transaction's). */
    void rebind(Loader loader) {
        this.loader = loader;
    }

    /** Reads the streams not held yet in one go (an import batch names many). */
    void preload(java.util.Collection<String> streams,
            java.util.function.Function<java.util.Collection<String>, java.util.Map<String, List<RecordedEvent>>> fetch) {
        List<String> missing = streams.stream().filter(s -> !loaded.contains(s)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        java.util.Map<String, List<RecordedEvent>> found = fetch.apply(missing);
        for (String s : missing) {
            loaded.add(s);
            for (RecordedEvent e : found.getOrDefault(s, List.of())) {
                if (e.version() > state.version(e.stream())) {
                    state.apply(e);
                }
            }
        }
    }

    int size() {
        return loaded.size();
    }

    void load(String stream) {
        if (loaded.add(stream)) {
            for (RecordedEvent e : loader.stream(stream)) {
                if (e.version() > state.version(e.stream())) {
                    state.apply(e);
                }
            }
        }
    }

    /** Applies an event just accepted. */
    void accept(RecordedEvent e) {
        loaded.add(e.stream());
        state.apply(e);
    }

    int version(String stream) {
        load(stream);
        return state.version(stream);
    }

    HazardFold hazard(String id) {
        load(Streams.hazard(id));
        HazardFold h = state.hazards.get(id);
        return h == null || h.state == null ? null : h;
    }

    LedgerState.VenueFold venue(String id) {
        load(Streams.venue(id));
        LedgerState.VenueFold v = state.venues.get(id);
        return v == null || v.venue == null ? null : v;
    }

    /** The venue with every hazard and inspection it has, for the engine to assess. */
    LedgerState.VenueFold completeVenue(String id) {
        if (completeVenues.add(id)) {
            for (RecordedEvent e : loader.venue(id)) {
                if (e.version() > state.version(e.stream())) {
                    state.apply(e);
                } else {
                    // Folded before its venue was loaded (a re-inspection names only its hazard): the venue did not
                    // take it then, and without it the venue would be assessed without that finding.
                    state.attach(e);
                }
                loaded.add(e.stream());
            }
        }
        return venue(id);
    }

    InspectionView inspection(String id) {
        load(Streams.inspection(id));
        return state.inspections.get(id);
    }

    Directory.Person person(String id) {
        load(Streams.person(id));
        return state.people.get(id);
    }

    /** When the person was registered or last changed, or null for no such person. */
    java.time.Instant personChangedAt(String id) {
        load(Streams.person(id));
        return state.peopleChangedAt.get(id);
    }

    Directory.Unit unit(String id) {
        load(Streams.unit(id));
        return state.units.get(id);
    }

    Directory.Area area(String code) {
        load(Streams.area(code));
        return state.areas.get(code);
    }
}
