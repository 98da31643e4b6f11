package io.firerisk.ledger;

import java.util.List;

/** An inspection as recorded. */
public record InspectionView(String inspectionId, String venueId, InspectionKind kind, java.time.LocalDate date,
        List<String> inspectors, String note, String recordedBy) {
    public InspectionView {
        inspectors = List.copyOf(inspectors);
    }
}
