package io.firerisk.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One event as a client submits it.
 *
 * <p>The {@code eventId} is the client's (a form's hidden field, a UUID made when the user opened the
 * form): submitting the same entry again records nothing new, so a retried request is safe; the same
 * id with different content is refused. {@code expectedVersion} is the version of the event's stream
 * (the hazard, usually) the user saw: when someone else has changed it since, the entry is refused
 * with a {@link ConflictException} listing what changed, instead of silently overwriting their work.
 * Without it the entry is checked against whatever the stream holds when it is recorded.
 *
 * @param eventId         the client's id for the event, at most 128 characters
 * @param actor           the registered person who did it
 * @param happenedAt      when it happened (not when it is recorded)
 * @param event           what happened
 * @param expectedVersion the stream version the client saw, if it wants that checked
 */
public record Entry(String eventId, String actor, Instant happenedAt, Event event, OptionalInt expectedVersion) {

    public Entry {
        Objects.requireNonNull(event, "event");
        expectedVersion = expectedVersion == null ? OptionalInt.empty() : expectedVersion;
    }

    public static Entry of(String eventId, String actor, Instant happenedAt, Event event) {
        return new Entry(eventId, actor, happenedAt, event, OptionalInt.empty());
    }

    /**
     * The entry as one line of an import file ({@link Ledger#importEvents(java.io.Reader, String,
     * java.util.function.LongConsumer)}): the export's format without the fields the ledger adds
     * (recorded-at, stream, version). Another system can write its events this way and import them.
     */
    public String toJsonLine() {
        return Codec.entryLine(this);
    }

    /** The same entry, recorded only if its stream is still at {@code version}. */
    public Entry expecting(int version) {
        return new Entry(eventId, actor, happenedAt, event, OptionalInt.of(version));
    }
}
