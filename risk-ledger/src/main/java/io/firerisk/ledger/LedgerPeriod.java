package io.firerisk.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What one fold of the log gave for a period ({@link Ledger#period}): how hazards changed between the end of
 * {@link #from()} and the end of {@link #to()}, and the ledger as of the end of each date asked for.
 */
public final class LedgerPeriod {
    private final LocalDate from;
    private final LocalDate to;
    private final List<HazardChange> changes;
    private final Map<LocalDate, LedgerSnapshot> snapshots;

    LedgerPeriod(LocalDate from, LocalDate to, List<HazardChange> changes, Map<LocalDate, LedgerSnapshot> snapshots) {
        this.from = from;
        this.to = to;
        this.changes = List.copyOf(changes);
        this.snapshots = Map.copyOf(snapshots);
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** As {@link Ledger#changes(LocalDate, LocalDate)} gives them for the same dates. */
    public List<HazardChange> changes() {
        return changes;
    }

    /** The ledger as of the end of {@code date}, one of the dates the period was read with. */
    public LedgerSnapshot asOf(LocalDate date) {
        LedgerSnapshot s = snapshots.get(date);
        if (s == null) {
            throw new NoSuchElementException("the period was not read as of " + date + " (it was as of "
                    + snapshots.keySet() + ")");
        }
        return s;
    }
}
