package io.firerisk.ledger;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: every line read ends as recorded, already recorded (the same event under the
 * same id, as when an interrupted import is run again) or rejected with its reason; nothing is
 * dropped. {@code read == recorded + alreadyRecorded + rejects.size()}.
 *
 * @param source          what was read
 * @param read            lines read (blank lines are not counted)
 * @param recorded        events recorded now
 * @param alreadyRecorded events the ledger held already
 * @param rejects         lines refused, in order
 * @param venuesAssessed  venues re-assessed afterwards for the projections
 * @param elapsed         how long the events took to record (the assessments apart)
 */
public record ImportReport(String source, long read, long recorded, long alreadyRecorded, List<Reject> rejects,
        int venuesAssessed, Duration elapsed) {

    public ImportReport {
        rejects = List.copyOf(rejects);
    }

    /**
     * A line refused.
     *
     * @param line    its number in the file, from 1
     * @param eventId its event id, empty when it could not be read
     * @param field   the field at fault, empty when the line is not an event at all
     * @param message what was wrong
     */
    public record Reject(long line, String eventId, String field, String message) {
        @Override
        public String toString() {
            return "line " + line + (eventId.isEmpty() ? "" : " (event " + eventId + ")") + ": " + message;
        }
    }
}
