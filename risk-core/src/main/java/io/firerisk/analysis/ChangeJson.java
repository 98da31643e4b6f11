package io.firerisk.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.Assessment;
import io.firerisk.Outcome;
import io.firerisk.RequiredAction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The one JSON form of a venue whose outcome changes between two campaigns (A and B): what
 * {@code firerisk diff --json} lists under {@code changes}, and the Spark job's diff writes one per line.
 * The venue and its name, what changed ({@code grade}, {@code verdict}, {@code suspension}, {@code actions},
 * {@code refusal}), each side's grade, verdict, suspension, edition applied and the elements behind its verdict
 * (as the standard writes them: {@code "5.1 h)"}), and the earliest due date of each action code
 * (or why it refused the venue), and the rules that fired only under A or only under B.
 *
 * <pre>{@code {"venue":"WZ-0002","name":"…","aspects":["grade"],"a":{"grade":"ORANGE",…},"b":{…},
 *   "rulesOnlyUnderA":[…],"rulesOnlyUnderB":[…]}}</pre>
 */
final class ChangeJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ChangeJson() {}

    /** The change as one JSON object, without a line break. */
    static String line(VenueChange c) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("venue", c.venueId());
            g.writeStringField("name", c.name());
            g.writeArrayFieldStart("aspects");
            for (VenueChange.Aspect a : c.aspects().stream().sorted().toList()) {
                g.writeString(a.name().toLowerCase(Locale.ROOT));
            }
            g.writeEndArray();
            g.writeFieldName("a");
            outcome(g, c.before());
            g.writeFieldName("b");
            outcome(g, c.after());
            g.writeArrayFieldStart("rulesOnlyUnderA");
            for (String r : c.rulesBefore()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rulesOnlyUnderB");
            for (String r : c.rulesAfter()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The earliest due date of each action code of the assessment (empty when none is dated), by code. */
    static TreeMap<String, String> actionsDue(Assessment a) {
        TreeMap<String, String> due = new TreeMap<>();
        for (RequiredAction action : a.actions()) {
            String d = action.due().map(LocalDate::toString).orElse("");
            due.merge(action.code(), d, (x, y) -> x.isEmpty() ? y : y.isEmpty() ? x : x.compareTo(y) <= 0 ? x : y);
        }
        return due;
    }

    private static void outcome(JsonGenerator g, Outcome outcome) throws IOException {
        g.writeStartObject();
        if (outcome instanceof Outcome.Rejected r) {
            g.writeStringField("refused", r.error().getMessage());
        } else {
            Assessment a = ((Outcome.Assessed) outcome).assessment();
            g.writeStringField("grade", a.grade().name());
            g.writeStringField("verdict", a.verdict().name());
            g.writeBooleanField("suspension", a.suspensionRequired());
            // The edition that judged this side and the elements its verdict rests on, numbered as the standard
            // writes them, so a comparison of editions says which elements change the verdict.
            g.writeStringField("standard", a.determination().standard());
            g.writeArrayFieldStart("directElements");
            for (String e : VenueChange.written(a.determination().directElements())) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("comprehensiveElements");
            for (String e : VenueChange.written(a.determination().comprehensiveElements())) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("actions");
            for (var e : actionsDue(a).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
