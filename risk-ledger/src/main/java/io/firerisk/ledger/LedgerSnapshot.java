package io.firerisk.ledger;

import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;
import io.firerisk.SuspendedPart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole ledger as of the end of a date, folded once from the log: every hazard's row (with its venue's
 * grade then), any hazard's history, the venues and what the engine made of each as of that date. What a
 * report reads instead of asking the ledger venue by venue or hazard by hazard (each of which reads the log
 * again). Each venue is assessed once, the first time a list or a question needs it.
 *
 * <p>Safe to share between threads; it does not change when events are recorded later.
 */
public final class LedgerSnapshot {

    private final Replay.Snapshot snapshot;
    private volatile List<HazardRow> rows;

    LedgerSnapshot(Replay.Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The day whose end this is the ledger as of. */
    public LocalDate date() {
        return snapshot.date;
    }

    /** Every hazard recorded by then, as the hazard list shows it as of the date (venues graded), by hazard id. */
    public List<HazardRow> hazards() {
        List<HazardRow> r = rows;
        if (r == null) {
            r = snapshot.rows(true, HazardQuery.all()).stream().sorted(Comparator.comparing(HazardRow::hazardId)).toList();
            rows = r;
        }
        return r;
    }

    /** A hazard as of the date, as {@link Ledger#hazard(String, LocalDate)} gives it; empty if not found by then. */
    public Optional<HazardView> hazard(String hazardId) {
        Objects.requireNonNull(hazardId, "hazardId");
        return snapshot.hazard(hazardId);
    }

    /** The venues registered by then, as {@link Ledger#venues(LocalDate)} lists them. */
    public List<VenueListing> venues() {
        return snapshot.state.venues.values().stream().filter(v -> v.venue != null)
                .map(v -> new VenueListing(v.venueId, v.venue.name(), v.venue.kind(), v.unitId, v.area)).toList();
    }

    /** The venue's grade as of the date; empty when not registered by then or the engine could not assess it. */
    public Optional<RiskGrade> grade(String venueId) {
        return snapshot.standing(Objects.requireNonNull(venueId, "venueId")).map(Replay.Standing::grade);
    }

    /** The engine's GB 35181 verdict on the venue as of the date (see {@link io.firerisk.Assessment#verdict()}). */
    public Optional<HazardVerdict> verdict(String venueId) {
        return snapshot.standing(Objects.requireNonNull(venueId, "venueId")).map(Replay.Standing::verdict);
    }

    /** The parts of the venue whose use must stop as of the date, with their grounds; empty when none. */
    public List<SuspendedPart> suspended(String venueId) {
        return snapshot.standing(Objects.requireNonNull(venueId, "venueId")).map(Replay.Standing::suspended)
                .orElse(List.of());
    }
}
