package io.firerisk.ledger;

/**
 * The transition table ({@link HazardState#transitions()}) does not allow the event in the hazard's
 * state, such as closing a hazard nobody has re-inspected.
 */
public final class IllegalTransitionException extends RefusedException {
    private static final long serialVersionUID = 1L;

    private final String hazardId;
    private final HazardState state;
    private final EventType event;

    IllegalTransitionException(String eventId, String hazardId, HazardState state, EventType event) {
        super(eventId, "event", "event " + eventId + ": hazard " + hazardId + " is " + state + " ("
                + state.label().zh() + "): " + event + " (" + event.label().zh() + ") is not allowed; allowed: "
                + (state.allowedEvents().isEmpty() ? "nothing" : state.allowedEvents()));
        this.hazardId = hazardId;
        this.state = state;
        this.event = event;
    }

    public String hazardId() {
        return hazardId;
    }

    public HazardState state() {
        return state;
    }

    public EventType event() {
        return event;
    }
}
