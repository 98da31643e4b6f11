package io.firerisk.ledger;

/**
 * An entry was refused and nothing was recorded: the message names the event, the field at fault and
 * what was wrong, such as {@code event E-17 (RECTIFICATION_REPORTED on hazard H-3): evidence[0].uri:
 * must be at most 1024 characters (was 5000)}. {@link #field()} gives the field alone, for a form to
 * show the message beside it.
 */
public class RefusedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final String field;

    public RefusedException(String eventId, String field, String message) {
        super(message);
        this.eventId = eventId == null ? "" : eventId;
        this.field = field == null ? "" : field;
    }

    /** The id of the entry refused. */
    public String eventId() {
        return eventId;
    }

    /**
     * The field at fault, as the entry names it: {@code happenedAt}, {@code actor}, {@code eventId},
     * {@code event.finding.hazardCode}, {@code event.evidence[2].uri}, {@code event.until} …;
     * {@code event} for the event as a whole (its type is not allowed in the hazard's state).
     */
    public String field() {
        return field;
    }
}
