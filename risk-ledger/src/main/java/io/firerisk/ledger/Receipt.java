package io.firerisk.ledger;

import java.util.List;

/**
 * What {@link Ledger#record} did with a submission: the events it recorded now, and those it had
 * recorded before under the same ids (a retry), in submission order.
 */
public record Receipt(List<RecordedEvent> recorded, List<RecordedEvent> alreadyRecorded) {
    public Receipt {
        recorded = List.copyOf(recorded);
        alreadyRecorded = List.copyOf(alreadyRecorded);
    }

    /** Every event of the submission as the log holds it. */
    public List<RecordedEvent> all() {
        List<RecordedEvent> all = new java.util.ArrayList<>(recorded);
        all.addAll(alreadyRecorded);
        all.sort(java.util.Comparator.comparingLong(RecordedEvent::sequence));
        return List.copyOf(all);
    }
}
