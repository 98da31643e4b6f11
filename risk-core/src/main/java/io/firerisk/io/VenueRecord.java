package io.firerisk.io;

import io.firerisk.AssessmentException;
import io.firerisk.VenueFacts;

import java.util.Objects;
import java.util.function.Function;

/**
 * One record of a venue input: a venue ready to assess ({@link Parsed}), or the reason it cannot be
 * ({@link Rejected}). Every record read ends as exactly one of the two, so a batch can account for
 * each line of its input.
 */
public sealed interface VenueRecord permits VenueRecord.Parsed, VenueRecord.Rejected {

    /** Where the record starts. */
    Origin origin();

    /** The record's text as read, for a rejects file. */
    String raw();

    /**
     * A venue read from the input, with its findings.
     *
     * <p>It remembers where each of its fields was written, so that when the engine refuses the facts
     * ({@code findings[2].hazardCode} is not in the catalogue) {@link #rejectedBy} points at the right
     * file, line and column as the input named it, such as the findings table's {@code 隐患代码}.
     */
    final class Parsed implements VenueRecord {

        private final Origin origin;
        private final VenueFacts facts;
        private final Function<String, Located> locator;
        private final String raw;

        Parsed(Origin origin, VenueFacts facts, Function<String, Located> locator, String raw) {
            this.origin = Objects.requireNonNull(origin, "origin");
            this.facts = Objects.requireNonNull(facts, "facts");
            this.locator = locator;
            this.raw = raw == null ? "" : raw;
        }

        /** A venue whose every field lies on its own record's line, under the engine's field names. */
        public static Parsed of(Origin origin, VenueFacts facts, String raw) {
            return new Parsed(origin, facts, field -> new Located(origin, field), raw);
        }

        @Override
        public Origin origin() {
            return origin;
        }

        public VenueFacts facts() {
            return facts;
        }

        @Override
        public String raw() {
            return raw;
        }

        /** The engine refused the venue: its message as a rejected record at the field's place in the input. */
        public Rejected rejectedBy(AssessmentException e) {
            Located at = locator.apply(e.field());
            String message = e.getMessage();
            String prefix = "campaign " + e.campaignId() + ", venue '" + e.venueId() + "': ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            if (!e.field().isEmpty() && message.startsWith(e.field() + ": ")) {
                message = message.substring(e.field().length() + 2);
            }
            return new Rejected(at.origin(), facts.venue().id(), at.field(), message, raw);
        }

        @Override
        public String toString() {
            return "venue '" + facts.venue().id() + "' at " + origin;
        }
    }

    /**
     * A record that cannot be assessed.
     *
     * @param origin  the file and line at fault (for a CSV finding, the findings table's line)
     * @param venueId the venue it is about, or empty when that could not be read
     * @param field   the field at fault as the input names it (a JSON field, or a CSV column as its header
     *                wrote it), or empty for the record as a whole
     * @param message what is wrong, and where it helps, what to do
     * @param raw     the record's text
     */
    record Rejected(Origin origin, String venueId, String field, String message, String raw) implements VenueRecord {
        public Rejected {
            Objects.requireNonNull(origin, "origin");
            venueId = venueId == null ? "" : venueId;
            field = field == null ? "" : field;
            message = message == null ? "" : message;
            raw = raw == null ? "" : raw;
        }
    }
}
