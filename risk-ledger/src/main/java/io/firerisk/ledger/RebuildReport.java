package io.firerisk.ledger;

import java.time.Duration;

/**
 * What a rebuild of the projections did.
 *
 * @param events         events replayed
 * @param hazards        hazard rows written
 * @param venues         venue rows written
 * @param venuesAssessed venues assessed by the engine as of {@code assessedOn}
 * @param assessedOn     the date of those assessments (the ledger clock's today)
 * @param replay         time to read and fold the log and write the rows
 * @param assessment     time to assess the venues
 */
public record RebuildReport(long events, int hazards, int venues, int venuesAssessed, java.time.LocalDate assessedOn,
        Duration replay, Duration assessment) {}
