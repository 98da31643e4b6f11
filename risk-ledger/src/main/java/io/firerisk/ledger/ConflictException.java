package io.firerisk.ledger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Someone changed the stream (a hazard, usually) after the client read it: the entry expected
 * version {@code expected} and the stream is at {@code actual}. Nothing was recorded. {@link #since()}
 * lists what was recorded in between, so the user can see what changed and decide again.
 */
public final class ConflictException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final String stream;
    private final int expected;
    private final int actual;
    private final transient List<RecordedEvent> since;

    ConflictException(String eventId, String stream, int expected, int actual, List<RecordedEvent> since) {
        super("event " + eventId + ": " + stream + " changed since version " + expected + " (now " + actual + "): "
                + since.stream().map(e -> "v" + e.version() + " " + e.type() + " by " + e.actor() + " at "
                        + e.happenedAt()).collect(Collectors.joining("; ")));
        this.eventId = eventId;
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
        this.since = List.copyOf(since);
    }

    public String eventId() {
        return eventId;
    }

    public String stream() {
        return stream;
    }

    public int expected() {
        return expected;
    }

    public int actual() {
        return actual;
    }

    /** The events recorded on the stream after the expected version, oldest first. */
    public List<RecordedEvent> since() {
        return since;
    }
}
