package io.firerisk.ledger;

import java.util.List;

/** An inspection as recorded; {@code noRealFireRisk}: it confirmed the venue, out of use, has no real fire risk (GB 35181-2025 4.2 b). */
public record InspectionView(String inspectionId, String venueId, InspectionKind kind, java.time.LocalDate date,
        List<String> inspectors, String note, String recordedBy, boolean noRealFireRisk) {
    public InspectionView {
        inspectors = List.copyOf(inspectors);
    }

    /** An inspection that confirmed nothing about real fire risk (GB 35181-2025 4.2 b). */
    public InspectionView(String inspectionId, String venueId, InspectionKind kind, java.time.LocalDate date,
            List<String> inspectors, String note, String recordedBy) {
        this(inspectionId, venueId, kind, date, inspectors, note, recordedBy, false);
    }
}
