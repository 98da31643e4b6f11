package io.firerisk.cli;

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

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object per venue and line: the grade with its L × S rows, the verdict, the parts whose use
 * must stop with their ground and who acts, the actions with their details and what set each deadline,
 * with texts in the chosen language; with {@code --reasons}, every rule that fired.
 */
final class JsonLinesWriter implements ResultWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final Lang lang;
    private final boolean reasons;

    JsonLinesWriter(Writer out, Lang lang, boolean reasons) {
        this.out = out;
        this.lang = lang;
        this.reasons = reasons;
    }

    @Override
    public void write(InputRecord.Parsed input, Assessment a) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("venueId", a.venueId());
        g.writeStringField("name", input.facts().venue().name());
        g.writeStringField("kind", input.facts().venue().kind());
        g.writeStringField("street", input.facts().venue().street());
        g.writeStringField("assessedOn", a.assessedOn().toString());
        g.writeStringField("campaign", a.campaignId() + " " + a.campaignVersion());
        g.writeStringField("grade", a.grade().name());
        g.writeStringField("gradeLabel", lang.of(a.grade().label()));
        g.writeStringField("verdict", a.verdict().name());
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
        g.writeBooleanField("suspend", a.suspensionRequired());
        g.writeArrayFieldStart("suspendedParts");
        for (SuspendedPart p : a.suspension().parts()) {
            g.writeStartObject();
            g.writeStringField("area", p.area());
            g.writeBooleanField("wholeVenue", p.wholeVenue());
            g.writeStringField("ground", p.ground().code());
            g.writeStringField("groundLabel", lang.of(p.ground().text()));
            strings(g, "clauses", p.clauses().stream().map(ClauseRef::toString).toList());
            g.writeStringField("actor", lang.of(p.actor()));
            g.writeStringField("resumesWhen", lang.of(p.resumesWhen()));
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
            g.writeStringField("label", lang.of(act.label()));
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
                    throw new java.io.UncheckedIOException(e);
                }
            });
            g.writeStringField("priority", act.priority().name());
            strings(g, "clauses", act.clauses().stream().map(ClauseRef::toString).toList());
            strings(g, "details", act.details().stream().map(lang::of).toList());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (AssessedFinding f : a.findings()) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("code", f.hazardCode());
            g.writeStringField("label", lang.of(f.label()));
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
                g.writeStringField("sentence", lang.of(r.sentence()));
                strings(g, "facts", r.facts());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("alertLevel", a.calendar().alertLevel().code());
        g.writeStringField("phase", a.calendar().phase().map(l -> l.code()).orElse(""));
        g.writeStringField("keyPeriod", a.calendar().keyPeriod().map(l -> l.code()).orElse(""));
        g.writeBooleanField("restsOnUnverifiedClauses", a.restsOnUnverifiedClauses());
        g.writeStringField("source", input.origin().toString());
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    private void rows(JsonGenerator g, String name, List<MatrixRow> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (MatrixRow r : rows) {
            g.writeStartObject();
            if (r.isRaise()) {
                g.writeNumberField("raise", r.raise());
            } else {
                g.writeStringField("row", r.code());
                g.writeStringField("label", lang.of(r.label()));
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
                g.writeStringField("because", lang.of(because));
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

    @Override
    public void finish(Summary summary) throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
