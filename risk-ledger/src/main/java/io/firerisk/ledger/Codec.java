package io.firerisk.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Events as JSON: the payload column of the log, and the lines of an export. Properties in
 * alphabetical order, dates as ISO text, an unknown property refused rather than dropped: the log
 * is the record, and nothing in it may be read differently from how it was written.
 */
final class Codec {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
            .addMixIn(Event.InspectionRecorded.class, InspectionRecordedJson.class)
            .build();

    /**
     * An inspection's confirmation of no real fire risk is written only when made: events recorded before the field
     * existed keep their JSON, and so their digest. (A mix-in keeps the JSON library out of the public event types.)
     */
    private interface InspectionRecordedJson {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        Boolean noRealFireRisk();
    }

    private Codec() {}

    static String payload(Event event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot write " + event.type() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Event event(EventType type, String json) throws JsonProcessingException {
        return JSON.readValue(json, type.recordClass());
    }

    /** What makes two submissions the same: the event, its actor and when it happened. */
    static String digest(Event event, String actor, Instant happenedAt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((event.type().name() + "\n" + actor + "\n" + happenedAt + "\n" + payload(event))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One line of an export: the event with everything the log knows about it but its sequence number. */
    static String line(RecordedEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("type", e.type().name());
        node.put("actor", e.actor());
        node.put("happenedAt", e.happenedAt().toString());
        node.put("recordedAt", e.recordedAt().toString());
        node.put("stream", e.stream());
        node.put("version", e.version());
        node.set("event", JSON.valueToTree(e.event()));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new LedgerException("cannot write event " + e.eventId() + " as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    static String entryLine(Entry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("type", e.event().type().name());
        node.put("actor", e.actor());
        node.put("happenedAt", e.happenedAt() == null ? null : e.happenedAt().toString());
        node.set("event", JSON.valueToTree(e.event()));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new LedgerException("cannot write event " + e.eventId() + " as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /** A line read back: the entry, and the time it was first recorded. */
    record Line(Entry entry, Instant recordedAt) {}

    static Line parseLine(String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!java.util.Set.of("eventId", "type", "actor", "happenedAt", "recordedAt", "stream", "version", "event")
                    .contains(f)) {
                throw new IllegalArgumentException(f + ": unknown field");
            }
        }
        String typeName = required(node, "type");
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type: no such event type \"" + typeName + "\"");
        }
        JsonNode payload = node.get("event");
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("event: missing, or not an object");
        }
        Event event;
        try {
            event = JSON.treeToValue(payload, type.recordClass());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // Name the field as the line writes it (event.noRealFireRisk), not Jackson's reference chain.
            StringBuilder path = new StringBuilder("event");
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
                path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            throw new IllegalArgumentException(path + ": " + e.getOriginalMessage());
        }
        Instant happened = instant(node, "happenedAt");
        Instant recorded = node.hasNonNull("recordedAt") ? instant(node, "recordedAt") : null;
        return new Line(Entry.of(required(node, "eventId"), required(node, "actor"), happened, event), recorded);
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + ": missing, or not text");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = required(node, field);
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not an instant such as 2024-01-10T09:30:00Z (was \"" + text
                    + "\")");
        }
    }
}
