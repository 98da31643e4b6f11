package io.firerisk.server.recording;

import java.util.List;

/**
 * What a submission recorded: the venue, the inspection it created (if any), the hazards it concerns,
 * and every event as the log holds it (a retry lists the events recorded the first time).
 */
public record Recorded(String venueId, String inspectionId, List<String> hazardIds, List<Event> events) {
    public Recorded {
        hazardIds = List.copyOf(hazardIds);
        events = List.copyOf(events);
    }

    /** One event: its id, type, the stream it went to and the stream's version after it. */
    public record Event(String eventId, String type, String stream, int version) {}
}
