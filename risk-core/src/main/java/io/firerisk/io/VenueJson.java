package io.firerisk.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.InvalidFactException;
import io.firerisk.OperatingStatus;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.StandardRevision;
import io.firerisk.ResponsibleParty;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One venue per JSON object, as in a JSON Lines file:
 * <pre>{@code
 * {"id":"WZ-001","name":"…","kind":"RESTAURANT","street":"…","heightMeters":18,"floors":6,"underground":false,
 *  "occupants":120,"sleeping":false,"gas":"LPG_CYLINDER","dangerousGoods":false,"status":"OPERATING",
 *  "date":"2024-02-09","judgedNotMajor":false,"noRealFireRisk":false,"uses":["LIBRARY"],"placeClasses":["IMPORTANT"],
 *  "ownedByAuthority":false,
 *  "findings":[{"id":"F1","code":"GAS_ALARM_NOT_INSTALLED","location":"后厨","area":"一楼厨房","ratio":0.4,"quantity":3,
 *               "status":"OPEN","correctableOnSpot":false,"foundOn":"2024-02-01","expertReviewed":false,
 *               "timesFound":1,"party":"UNIT","enforcement":"NONE","standardRevision":"NONE",
 *               "plan":{"responsible":"…","measures":"…","deadline":"2024-02-20","funds":"…","contingencyPlan":"…"}}]}
 * }</pre>
 * {@code uses} are other venue kinds the venue also serves as, {@code placeClasses} classes it declares
 * for itself, {@code ownedByAuthority} that the campaign's own authority runs it; a finding's
 * {@code area} is the floor or area it puts at risk (where use would stop), its {@code location}
 * where exactly it was found; {@code correctableOnSpot} is the inspector's judgement, absent when
 * not recorded (never presumed). The inputs of GB 35181-2025 4.2 are recorded facts too: {@code noRealFireRisk}
 * (an on-site inspection confirmed the venue, out of use, has no real fire risk: 4.2 b) and a finding's
 * {@code standardRevision} ({@code NONE}, {@code CAUSED} or {@code CAUSED_BUT_LAW_REQUIRES}: 4.2 a). A bad record fails with the field that is wrong, never silently. Limits: the line is at most
 * {@link ByteLines#MAX_LINE_BYTES} bytes (the reader enforces that), nested at most
 * {@value #MAX_NESTING} deep, each key given once, nothing after the object; at most
 * {@link VenueFacts#MAX_FINDINGS} findings; the fact records' own limits for every value.
 */
final class VenueJson {

    /** A venue record nests four deep (venue, findings, finding, plan); anything far deeper is not one. */
    static final int MAX_NESTING = 16;

    /**
     * Strict about what is ambiguous: a key given twice (which value counts?) is an error, as is
     * anything after the object on its line (a second record run on), not silently dropped.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> VENUE_FIELDS = Set.of("id", "name", "kind", "street", "address", "heightMeters",
            "floors", "underground", "occupants", "sleeping", "gas", "dangerousGoods", "status", "date",
            "judgedNotMajor", "noRealFireRisk", "findings", "uses", "placeClasses", "ownedByAuthority");
    private static final Set<String> FINDING_FIELDS = Set.of("id", "code", "location", "area", "foundOn", "correctableOnSpot",
            "ratio", "quantity", "status", "plan", "expertReviewed", "timesFound", "party", "enforcement",
            "standardRevision");
    private static final Set<String> PLAN_FIELDS = Set.of("responsible", "measures", "deadline", "funds", "contingencyPlan");

    private VenueJson() {}

    /**
     * The venue id of a record, read without parsing the rest, or empty when the line does not give one
     * as text before anything goes wrong. Enough to name the venue of a line too long to parse, and to
     * notice an id given twice in input order while records are parsed on other threads.
     */
    static String idOf(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                boolean id = "id".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (id) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    static VenueFacts parse(String line) throws BadRecord {
        JsonNode node;
        JsonParser parser = null;
        try {
            parser = JSON.createParser(line);
            node = JSON.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new BadRecord(null, "", "more than one JSON value on the line: a record must be one JSON object"
                        + " per line (two records run together?)");
            }
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new BadRecord(null, "", "the record ends early (truncated line?): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new BadRecord(null, "", "the record ends early (truncated line?): " + e.getOriginalMessage());
            }
            String field = fieldAt(parser);
            String what = e instanceof StreamConstraintsException ? "not a venue record" : "not valid JSON";
            throw new BadRecord(null, field, what + (field.isEmpty() ? "" : " in " + field) + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRecord(null, "", "not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRecord(null, "", "a record must be one JSON object per line");
        }
        String id = node.path("id").isTextual() ? node.path("id").asText() : null;
        rejectUnknown(node, VENUE_FIELDS, id, "");
        {
            Venue.Builder b = Venue.builder(text(node, "id", id, true), text(node, "kind", id, true))
                    .name(text(node, "name", id, false))
                    .street(text(node, "street", id, false))
                    .address(text(node, "address", id, false))
                    .underground(bool(node, "underground", id))
                    .sleepingOnSite(bool(node, "sleeping", id))
                    .dangerousGoods(bool(node, "dangerousGoods", id))
                    .uses(codes(node, "uses", id))
                    .placeClasses(codes(node, "placeClasses", id))
                    .ownedByAuthority(bool(node, "ownedByAuthority", id));
            if (node.hasNonNull("heightMeters")) {
                b.heightMeters(number(node, "heightMeters", id));
            }
            if (node.hasNonNull("floors")) {
                b.floors(integer(node, "floors", id));
            }
            if (node.hasNonNull("occupants")) {
                b.occupantCapacity(integer(node, "occupants", id));
            }
            if (node.hasNonNull("gas")) {
                b.gasSupply(enumValue(node, "gas", GasSupply.class, id));
            }
            if (node.hasNonNull("status")) {
                b.operatingStatus(enumValue(node, "status", OperatingStatus.class, id));
            }
            Venue venue = build(b::build, id, "");
            List<Finding> findings = new ArrayList<>();
            JsonNode list = node.path("findings");
            if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
                throw new BadRecord(id, "findings", "findings must be a list");
            }
            if (list.size() > VenueFacts.MAX_FINDINGS) {
                throw new BadRecord(id, "findings", "findings must be at most " + VenueFacts.MAX_FINDINGS + " (was "
                        + list.size() + ")");
            }
            for (int i = 0; i < list.size(); i++) {
                findings.add(finding(list.get(i), id, "findings[" + i + "]."));
            }
            LocalDate date = node.hasNonNull("date") ? date(node, "date", id, "") : null;
            boolean judged = bool(node, "judgedNotMajor", id);
            boolean noRealFireRisk = bool(node, "noRealFireRisk", id);
            return build(() -> new VenueFacts(venue, findings, date, judged, noRealFireRisk), id, "");
        }
    }

    private static Finding finding(JsonNode f, String id, String prefix) throws BadRecord {
        if (!f.isObject()) {
            throw new BadRecord(id, prefix.substring(0, prefix.length() - 1), "a finding must be a JSON object");
        }
        rejectUnknown(f, FINDING_FIELDS, id, prefix);
        Finding.Builder b = Finding.builder(text(f, "id", id, true, prefix), text(f, "code", id, true, prefix))
                .location(text(f, "location", id, false, prefix))
                .area(text(f, "area", id, false, prefix))
                .expertReviewed(bool(f, "expertReviewed", id, prefix));
        if (f.hasNonNull("foundOn")) {
            b.foundOn(date(f, "foundOn", id, prefix));
        }
        if (f.hasNonNull("correctableOnSpot")) {
            b.correctableOnSpot(bool(f, "correctableOnSpot", id, prefix));
        }
        if (f.hasNonNull("ratio")) {
            b.ratio(number(f, "ratio", id, prefix));
        }
        if (f.hasNonNull("quantity")) {
            b.quantity(integer(f, "quantity", id, prefix));
        }
        if (f.hasNonNull("status")) {
            b.status(enumValue(f, "status", RectificationStatus.class, id, prefix));
        }
        if (f.hasNonNull("timesFound")) {
            b.timesFound(integer(f, "timesFound", id, prefix));
        }
        if (f.hasNonNull("party")) {
            b.party(enumValue(f, "party", ResponsibleParty.class, id, prefix));
        }
        if (f.hasNonNull("enforcement")) {
            b.enforcement(enumValue(f, "enforcement", Enforcement.class, id, prefix));
        }
        if (f.hasNonNull("standardRevision")) {
            b.standardRevision(enumValue(f, "standardRevision", StandardRevision.class, id, prefix));
        }
        JsonNode plan = f.path("plan");
        if (plan.isObject()) {
            String at = prefix + "plan.";
            rejectUnknown(plan, PLAN_FIELDS, id, at);
            LocalDate deadline = plan.hasNonNull("deadline") ? date(plan, "deadline", id, at) : null;
            String responsible = text(plan, "responsible", id, false, at);
            String measures = text(plan, "measures", id, false, at);
            String funds = text(plan, "funds", id, false, at);
            String contingency = text(plan, "contingencyPlan", id, false, at);
            b.plan(build(() -> new RectificationPlan(responsible, measures, deadline, funds, contingency), id,
                    prefix + "plan"));
        } else if (!plan.isMissingNode() && !plan.isNull()) {
            throw new BadRecord(id, prefix + "plan", "plan must be an object");
        }
        return build(b::build, id, prefix.substring(0, prefix.length() - 1));
    }

    private interface Build<T> {
        T get() throws BadRecord;
    }

    /** Runs a record constructor, turning its refusal into a bad record naming the field as the input names it. */
    private static <T> T build(Build<T> builder, String id, String prefix) throws BadRecord {
        try {
            return builder.get();
        } catch (InvalidFactException e) {
            String named = inputField(e.field());
            throw new BadRecord(id, prefix.isEmpty() ? named : prefix + "." + named, e.getMessage());
        }
    }

    /**
     * The field a JSON syntax error happened in, as far as the parser got ({@code occupants},
     * {@code findings[2].ratio}), or empty for the record as a whole. Inside a value that should
     * not have been a list or object at all, the field holding it.
     */
    private static String fieldAt(JsonParser p) {
        if (p == null || p.getParsingContext() == null) {
            return "";
        }
        StringBuilder field = new StringBuilder();
        String previous = "";
        for (String segment : p.getParsingContext().pathAsPointer().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                if (!previous.equals("findings")) {
                    break;
                }
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
            previous = segment;
        }
        return field.toString();
    }

    /** The JSON name of a field the library names by its record component ({@code occupantCapacity} → {@code occupants}). */
    static String inputField(String engineField) {
        String result = engineField.startsWith("venue.") ? engineField.substring("venue.".length()) : engineField;
        for (String[] pair : RENAMED) {
            if (result.equals(pair[0]) || result.endsWith("." + pair[0])) {
                return result.substring(0, result.length() - pair[0].length()) + pair[1];
            }
        }
        return result;
    }

    private static final String[][] RENAMED = {{"hazardCode", "code"}, {"occupantCapacity", "occupants"},
            {"sleepingOnSite", "sleeping"}, {"gasSupply", "gas"}, {"operatingStatus", "status"},
            {"assessmentDate", "date"}, {"responsiblePerson", "responsible"}};

    private static void rejectUnknown(JsonNode node, Set<String> known, String id, String prefix) throws BadRecord {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRecord(id, prefix + name, "unknown field '" + prefix + name + "'");
            }
        }
    }

    /** A list of codes: a JSON list of strings, or one string with the codes separated by ';'. */
    private static List<String> codes(JsonNode node, String field, String id) throws BadRecord {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            for (String part : v.asText().split("[;；]")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw new BadRecord(id, field, field + " must be a list of codes");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new BadRecord(id, field + "[" + i + "]", field + "[" + i + "] must be a code (text)");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static String text(JsonNode node, String field, String id, boolean required) throws BadRecord {
        return text(node, field, id, required, "");
    }

    private static String text(JsonNode node, String field, String id, boolean required, String prefix) throws BadRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadRecord(id, prefix + field, prefix + field + " is required");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new BadRecord(id, prefix + field, prefix + field + " must be text (was " + v.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field, String id) throws BadRecord {
        return bool(node, field, id, "");
    }

    private static boolean bool(JsonNode node, String field, String id, String prefix) throws BadRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadRecord(id, prefix + field, prefix + field + " must be true or false (was " + shown(v) + ")");
        }
        return v.asBoolean();
    }

    /** A wrong value as it was written, cut short: the message must stay readable whatever the input. */
    private static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static double number(JsonNode node, String field, String id) throws BadRecord {
        return number(node, field, id, "");
    }

    private static double number(JsonNode node, String field, String id, String prefix) throws BadRecord {
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new BadRecord(id, prefix + field, prefix + field + " must be a number (was " + shown(v) + ")");
        }
        return v.asDouble();
    }

    private static int integer(JsonNode node, String field, String id) throws BadRecord {
        return integer(node, field, id, "");
    }

    private static int integer(JsonNode node, String field, String id, String prefix) throws BadRecord {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadRecord(id, prefix + field, prefix + field + " must be a whole number (was " + shown(v) + ")");
        }
        return v.asInt();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, String id) throws BadRecord {
        return enumValue(node, field, type, id, "");
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, String id, String prefix)
            throws BadRecord {
        String value = textValue(node, field, id, prefix);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new BadRecord(id, prefix + field, prefix + field + " '" + cut(value) + "' must be one of "
                    + String.join(", ", names));
        }
    }

    private static LocalDate date(JsonNode node, String field, String id, String prefix) throws BadRecord {
        String value = textValue(node, field, id, prefix);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRecord(id, prefix + field, prefix + field + " '" + cut(value) + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A code or date written as a JSON string, or written as a number (a date of 20240110, a status of 1) and refused. */
    private static String textValue(JsonNode node, String field, String id, String prefix) throws BadRecord {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new BadRecord(id, prefix + field, prefix + field + " must be text (was " + shown(v) + ")");
        }
        return v.asText();
    }

    private static String cut(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
