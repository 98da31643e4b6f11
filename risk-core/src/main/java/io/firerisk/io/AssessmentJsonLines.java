package io.firerisk.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.MatrixRow;
import io.firerisk.Reason;
import io.firerisk.RequiredAction;
import io.firerisk.SuspendedPart;
import io.firerisk.Text;
import io.firerisk.ThresholdCheck;
import io.firerisk.Venue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one serialisation of an {@link Assessment} as JSON Lines: what {@code firerisk assess -f jsonl}
 * writes, one JSON object per venue and line: the venue's id, name, kind and street, the grade, verdict,
 * elements, counting rows and exclusions, the parts whose use must stop with their ground, articles and who acts,
 * the grading (L, S, R and the rows that set them), the dated actions with their clauses, details and
 * what set each deadline, the findings, the calendar position, and where the record came from; texts in the
 * chosen language; with {@code reasons}, every rule that fired with its clause and sentence. Another
 * program that writes the same venue, assessment, origin and settings writes the same line, byte for byte.
 *
 * <pre>{@code
 * AssessmentJsonLines out = new AssessmentJsonLines(writer, Locale.SIMPLIFIED_CHINESE, false);
 * out.write(facts.venue(), engine.assess(facts), new Origin("venues.jsonl", 12));
 * }</pre>
 *
 * <p>Values are written exactly, escaped as JSON. Not thread-safe; {@link #line} is.
 */
public final class AssessmentJsonLines {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final Locale locale;
    private final boolean reasons;

    /**
     * @param out     where the lines go; flushed by {@link #flush}, never closed
     * @param locale  the language of labels and sentences: {@link Locale#SIMPLIFIED_CHINESE} or {@link Locale#ENGLISH}
     * @param reasons whether to add every rule that fired (the assessment must have been made with
     *                explanations on)
     */
    public AssessmentJsonLines(Writer out, Locale locale, boolean reasons) {
        this.out = Objects.requireNonNull(out, "out");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.reasons = reasons;
    }

    /** The line for one venue, without its line break. */
    public static String line(Venue venue, Assessment a, Origin source, Locale locale, boolean reasons) {
        StringWriter w = new StringWriter(2048);
        try {
            new AssessmentJsonLines(w, locale, reasons).object(venue, a, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the venue's line, ending in {@code \n}. */
    public void write(Venue venue, Assessment a, Origin source) throws IOException {
        object(venue, a, source);
        out.write('\n');
    }

    public void flush() throws IOException {
        out.flush();
    }

    private String of(Text text) {
        return text == null ? "" : text.in(locale);
    }

    private void object(Venue venue, Assessment a, Origin source) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("venueId", a.venueId());
        g.writeStringField("name", venue.name());
        g.writeStringField("kind", venue.kind());
        g.writeStringField("street", venue.street());
        g.writeStringField("assessedOn", a.assessedOn().toString());
        g.writeStringField("campaign", a.campaignId() + " " + a.campaignVersion());
        g.writeStringField("grade", a.grade().name());
        g.writeStringField("gradeLabel", of(a.grade().label()));
        g.writeStringField("verdict", a.verdict().name());
        g.writeStringField("standard", a.determination().standard());
        g.writeBooleanField("collectiveDecisionNeeded", a.determination().needsCollectiveDecision());
        strings(g, "directElements", a.determination().directElements());
        strings(g, "comprehensiveElements", a.determination().comprehensiveElements());
        g.writeArrayFieldStart("thresholds");
        for (ThresholdCheck t : a.determination().thresholds()) {
            g.writeStartObject();
            g.writeStringField("row", t.row());
            g.writeNumberField("count", t.count());
            g.writeNumberField("threshold", t.threshold());
            g.writeBooleanField("reached", t.reached());
            g.writeStringField("clause", t.clause().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        // The exclusions that kept the venue from a suspected major hazard (GB 35181-2017 5.1.3, 2025 4.2 b).
        strings(g, "exclusions", a.determination().exclusions().stream().map(io.firerisk.Label::code).toList());
        g.writeBooleanField("suspend", a.suspensionRequired());
        g.writeArrayFieldStart("suspendedParts");
        for (SuspendedPart p : a.suspension().parts()) {
            g.writeStartObject();
            g.writeStringField("area", p.area());
            g.writeBooleanField("wholeVenue", p.wholeVenue());
            g.writeStringField("ground", p.ground().code());
            g.writeStringField("groundLabel", of(p.ground().text()));
            strings(g, "clauses", p.clauses().stream().map(ClauseRef::toString).toList());
            g.writeStringField("actor", of(p.actor()));
            g.writeStringField("resumesWhen", of(p.resumesWhen()));
            strings(g, "findings", p.findingIds());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("grading");
        g.writeNumberField("likelihood", a.grading().likelihood());
        g.writeNumberField("severity", a.grading().severity());
        g.writeNumberField("score", a.grading().score());
        g.writeNumberField("bandFrom", a.grading().bandFrom());
        rows(g, "likelihoodRows", a.grading().likelihoodRows());
        rows(g, "severityRows", a.grading().severityRows());
        g.writeEndObject();
        g.writeArrayFieldStart("actions");
        for (RequiredAction act : a.actions()) {
            g.writeStartObject();
            g.writeStringField("code", act.code());
            g.writeStringField("label", of(act.label()));
            if (act.findingId().isPresent()) {
                g.writeStringField("finding", act.findingId().get());
            }
            if (act.due().isPresent()) {
                g.writeStringField("due", act.due().get().toString());
            }
            act.dueBasis().ifPresent(b -> {
                try {
                    g.writeObjectFieldStart("dueBasis");
                    g.writeStringField("kind", b.kind().name());
                    if (b.days().isPresent()) {
                        g.writeNumberField("days", b.days().getAsInt());
                    }
                    if (b.from().isPresent()) {
                        g.writeStringField("from", b.from().get().toString());
                    }
                    if (!b.rule().isEmpty()) {
                        g.writeStringField("rule", b.rule());
                    }
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeStringField("priority", act.priority().name());
            strings(g, "clauses", act.clauses().stream().map(ClauseRef::toString).toList());
            strings(g, "details", act.details().stream().map(this::of).toList());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (AssessedFinding f : a.findings()) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("code", f.hazardCode());
            g.writeStringField("label", of(f.label()));
            g.writeStringField("status", f.status().name());
            g.writeBooleanField("counted", f.counted());
            g.writeBooleanField("overdue", f.overdue());
            g.writeBooleanField("correctedOnSpot", f.correctedOnSpot());
            if (!f.area().isEmpty()) {
                g.writeStringField("area", f.area());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (reasons) {
            g.writeArrayFieldStart("reasons");
            for (Reason r : a.reasons()) {
                g.writeStartObject();
                g.writeStringField("rule", r.rule());
                g.writeStringField("clause", r.clause().toString());
                g.writeStringField("sentence", of(r.sentence()));
                strings(g, "facts", r.facts());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("alertLevel", a.calendar().alertLevel().code());
        g.writeStringField("phase", a.calendar().phase().map(l -> l.code()).orElse(""));
        g.writeStringField("keyPeriod", a.calendar().keyPeriod().map(l -> l.code()).orElse(""));
        g.writeBooleanField("restsOnUnverifiedClauses", a.restsOnUnverifiedClauses());
        g.writeStringField("source", source.toString());
        g.writeEndObject();
        g.close();
    }

    private void rows(JsonGenerator g, String name, List<MatrixRow> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (MatrixRow r : rows) {
            g.writeStartObject();
            if (r.isRaise()) {
                g.writeNumberField("raise", r.raise());
            } else {
                g.writeStringField("row", r.code());
                g.writeStringField("label", of(r.label()));
            }
            g.writeNumberField("level", r.level());
            if (r.findingId().isPresent()) {
                g.writeStringField("finding", r.findingId().get());
            }
            if (!r.rule().isEmpty()) {
                g.writeStringField("rule", r.rule());
            }
            g.writeStringField("clause", r.clause().toString());
            Text because = r.because();
            if (!because.isEmpty()) {
                g.writeStringField("because", of(because));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
