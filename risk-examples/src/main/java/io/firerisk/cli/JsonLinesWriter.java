package io.firerisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.GradeBasis;
import io.firerisk.Reason;
import io.firerisk.RequiredAction;
import io.firerisk.SuspendedPart;
import io.firerisk.ThresholdCheck;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object per venue and line: the grade, verdict, suspension, actions and what they rest
 * on, with texts in the chosen language; with {@code --reasons}, every rule that fired.
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
            g.writeStringField("finding", p.findingId());
            g.writeStringField("location", p.location());
            g.writeStringField("potentialAccident", p.estimate().grade().name());
            g.writeStringField("estimate", p.estimate().formula());
            g.writeStringField("clause", p.clause().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("gradeBasis");
        for (GradeBasis b : a.gradeBasis()) {
            g.writeStartObject();
            g.writeStringField("grade", b.grade().name());
            if (b.isRaise()) {
                g.writeNumberField("raise", b.raise());
            }
            g.writeStringField("clause", b.clause().toString());
            if (!b.because().isEmpty()) {
                g.writeStringField("because", lang.of(b.because()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
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
            g.writeStringField("priority", act.priority().name());
            strings(g, "clauses", act.clauses().stream().map(ClauseRef::toString).toList());
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
            g.writeStringField("potentialAccident", f.potentialAccident().grade().name());
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
