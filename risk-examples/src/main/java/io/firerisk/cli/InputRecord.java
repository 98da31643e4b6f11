package io.firerisk.cli;

import io.firerisk.AssessmentException;
import io.firerisk.VenueFacts;

import java.util.function.Function;

/** One record of an input file: a venue ready to assess, or the reason it cannot be. */
sealed interface InputRecord permits InputRecord.Parsed, InputRecord.Bad {

    /** Where a record, or a field of it, is: file and line. */
    record Origin(String file, long line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** A field at a place in the input, as the user wrote its name. */
    record Located(Origin origin, String field) {}

    Origin origin();

    String raw();

    /**
     * A venue read from the input.
     *
     * @param origin  where its record starts
     * @param facts   the venue and its findings
     * @param locator finds where a field the engine complains about ({@code findings[2].hazardCode})
     *                was written in the input, so the message points at the right file, line and column
     * @param raw     the record's text, for the rejects file
     */
    record Parsed(Origin origin, VenueFacts facts, Function<String, Located> locator, String raw)
            implements InputRecord {

        /** The engine refused the venue: turn its message into a bad record at the right place. */
        Bad rejectedBy(AssessmentException e) {
            Located at = locator.apply(e.field());
            String message = e.getMessage();
            String prefix = "campaign " + e.campaignId() + ", venue '" + e.venueId() + "': ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            if (!e.field().isEmpty() && message.startsWith(e.field() + ": ")) {
                message = message.substring(e.field().length() + 2);
            }
            return new Bad(at.origin(), facts.venue().id(), at.field(), message, raw);
        }
    }

    /**
     * A record that cannot be assessed.
     *
     * @param origin  the file and line at fault
     * @param venueId the venue it is about, or empty when that could not be read
     * @param field   the field at fault as written in the input, or empty for the whole record
     * @param message what is wrong
     * @param raw     the record's text
     */
    record Bad(Origin origin, String venueId, String field, String message, String raw) implements InputRecord {
        /** {@code venues.csv:12: occupants: must be …}, for the terminal. */
        String describe() {
            return origin + ": " + (venueId.isEmpty() ? "" : "venue '" + Safe.text(venueId) + "': ")
                    + (field.isEmpty() ? "" : Safe.text(field) + ": ") + Safe.text(message);
        }
    }
}
