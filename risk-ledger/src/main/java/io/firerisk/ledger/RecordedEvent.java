package io.firerisk.ledger;

import java.time.Instant;

/**
 * An event as the log holds it.
 *
 * @param sequence   its position in the whole log (gaps are possible, order is not in doubt)
 * @param eventId    the client's id
 * @param stream     the stream it belongs to, such as {@code hazard:H-1}
 * @param version    the stream's version after it (1 for the stream's first event)
 * @param venueId    the venue it concerns, empty for areas, units and people
 * @param actor      who did it
 * @param happenedAt when it happened
 * @param recordedAt when the ledger recorded it
 * @param event      what happened
 */
public record RecordedEvent(long sequence, String eventId, String stream, int version, String venueId, String actor,
        Instant happenedAt, Instant recordedAt, Event event) {

    public EventType type() {
        return event.type();
    }
}
