package io.firerisk.spark;

import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.RequiredAction;
import io.firerisk.SuspendedPart;
import io.firerisk.Text;
import io.firerisk.Venue;
import io.firerisk.io.AssessmentJsonLines;
import io.firerisk.io.Origin;
import io.firerisk.io.VenueRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.List;
import java.util.Locale;

/**
 * The job's output records. A result is the assessment as {@code firerisk assess -f jsonl} writes it (the
 * {@code json} column, byte for byte the program's line) and, for queries, its main parts as columns: grade,
 * verdict, the parts that stop with their ground and articles, the actions with their deadlines and clauses,
 * the campaign (id, version, digest) and the standard edition applied on the venue's date (a campaign spanning
 * two editions applies each on its own dates). A reject is the program's rejects
 * row: file, line, venue, field, message and the record's text. Both carry {@code outcome} ({@code assessed}
 * or {@code rejected}), the column the output is partitioned by.
 */
final class Rows {

    static final String ASSESSED = "assessed";
    static final String REJECTED = "rejected";

    private static final JsonFactory JSON = new JsonFactory();

    private Rows() {}

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);

    static final StructType PART = DataTypes.createStructType(List.of(
            field("area", DataTypes.StringType),
            field("wholeVenue", DataTypes.BooleanType),
            field("ground", DataTypes.StringType),
            field("groundLabel", DataTypes.StringType),
            field("clauses", STRINGS),
            field("actor", DataTypes.StringType),
            field("resumesWhen", DataTypes.StringType),
            field("findings", STRINGS)));

    static final StructType ACTION = DataTypes.createStructType(List.of(
            field("code", DataTypes.StringType),
            field("label", DataTypes.StringType),
            field("finding", DataTypes.StringType),
            field("due", DataTypes.DateType),
            field("priority", DataTypes.StringType),
            field("clauses", STRINGS),
            field("details", STRINGS)));

    /** Results and rejects in one table (the columns of the other kind are null), partitioned by outcome. */
    static final StructType TABLE = DataTypes.createStructType(List.of(
            field("file", DataTypes.StringType),
            field("line", DataTypes.LongType),
            field("venueId", DataTypes.StringType),
            // a result
            field("name", DataTypes.StringType),
            field("kind", DataTypes.StringType),
            field("street", DataTypes.StringType),
            field("assessedOn", DataTypes.DateType),
            field("campaignId", DataTypes.StringType),
            field("campaignVersion", DataTypes.StringType),
            field("campaignDigest", DataTypes.StringType),
            field("standard", DataTypes.StringType),
            field("grade", DataTypes.StringType),
            field("likelihood", DataTypes.IntegerType),
            field("severity", DataTypes.IntegerType),
            field("score", DataTypes.IntegerType),
            field("verdict", DataTypes.StringType),
            field("collectiveDecisionNeeded", DataTypes.BooleanType),
            field("suspend", DataTypes.BooleanType),
            field("suspendedParts", DataTypes.createArrayType(PART, false)),
            field("actions", DataTypes.createArrayType(ACTION, false)),
            field("json", DataTypes.StringType),
            // a reject
            field("field", DataTypes.StringType),
            field("message", DataTypes.StringType),
            field("record", DataTypes.StringType),
            field("outcome", DataTypes.StringType)));

    /** JSON Lines output: the line, and the outcome it is partitioned by. */
    static final StructType LINES = DataTypes.createStructType(List.of(
            field("value", DataTypes.StringType),
            field("outcome", DataTypes.StringType)));

    /** A result; its {@code standard} is the edition the assessment applied on its own date. */
    static Row result(Venue venue, Assessment a, Origin origin, CampaignRef campaign, Locale locale, boolean reasons) {
        String json = AssessmentJsonLines.line(venue, a, origin, locale, reasons);
        Object[] parts = a.suspension().parts().stream().map(p -> part(p, locale)).toArray();
        Object[] actions = a.actions().stream().map(x -> action(x, locale)).toArray();
        return RowFactory.create(origin.file(), origin.line(), a.venueId(),
                venue.name(), venue.kind(), venue.street(), Date.valueOf(a.assessedOn()), a.campaignId(),
                a.campaignVersion(), campaign.digest(), a.determination().standard(), a.grade().name(), a.grading().likelihood(),
                a.grading().severity(), a.grading().score(), a.verdict().name(),
                a.determination().needsCollectiveDecision(), a.suspensionRequired(), parts, actions, json,
                null, null, null, ASSESSED);
    }

    static Row reject(VenueRecord.Rejected r) {
        return RowFactory.create(r.origin().file(), r.origin().line(), r.venueId(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, r.field(), r.message(), r.raw(), REJECTED);
    }

    static Row resultLine(Venue venue, Assessment a, Origin origin, Locale locale, boolean reasons) {
        return RowFactory.create(AssessmentJsonLines.line(venue, a, origin, locale, reasons), ASSESSED);
    }

    /** A reject as one JSON object with the rejects file's columns: file, line, venueId, field, message, record. */
    static Row rejectLine(VenueRecord.Rejected r) {
        StringWriter w = new StringWriter(256 + r.raw().length());
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("file", r.origin().file());
            g.writeNumberField("line", r.origin().line());
            g.writeStringField("venueId", r.venueId());
            g.writeStringField("field", r.field());
            g.writeStringField("message", r.message());
            g.writeStringField("record", r.raw());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RowFactory.create(w.toString(), REJECTED);
    }

    private static Row part(SuspendedPart p, Locale locale) {
        return RowFactory.create(p.area(), p.wholeVenue(), p.ground().code(), of(p.ground().text(), locale),
                clauses(p.clauses()), of(p.actor(), locale), of(p.resumesWhen(), locale), p.findingIds().toArray());
    }

    private static Row action(RequiredAction a, Locale locale) {
        return RowFactory.create(a.code(), of(a.label(), locale), a.findingId().orElse(null),
                a.due().map(Date::valueOf).orElse(null), a.priority().name(), clauses(a.clauses()),
                a.details().stream().map(t -> of(t, locale)).toArray());
    }

    private static Object[] clauses(List<ClauseRef> clauses) {
        return clauses.stream().map(ClauseRef::toString).toArray();
    }

    private static String of(Text text, Locale locale) {
        return text == null ? "" : text.in(locale);
    }
}
