package io.firerisk.spark;

import io.firerisk.Assessment;
import io.firerisk.Outcome;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.analysis.CampaignDiff;
import io.firerisk.analysis.DiffReport;
import io.firerisk.analysis.VenueChange;
import io.firerisk.io.VenueRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The same venues under two campaigns, A and B, on Spark: each record read as {@code assess} reads it, each
 * venue assessed by both of its executor's engines ({@link CampaignDiff}, as {@code firerisk diff} compares),
 * and only the venues whose grade, verdict, suspension or actions change written, in the JSON form
 * {@code firerisk diff --json} lists them ({@link VenueChange#json()}), beside the rejected records.
 */
final class DiffJob {

    static final String CHANGED = "changed";

    /** What one run did: every record read is compared or rejected; some compared venues changed. */
    record Summary(long records, long compared, long rejected, long changed, Map<VenueChange.Aspect, Long> aspects,
            int tasks) {
        String line(String out) {
            return records + " records: " + compared + " compared, " + changed + " changed (grade "
                    + aspects.get(VenueChange.Aspect.GRADE) + ", verdict " + aspects.get(VenueChange.Aspect.VERDICT)
                    + ", suspension " + aspects.get(VenueChange.Aspect.SUSPENSION) + ", actions "
                    + aspects.get(VenueChange.Aspect.ACTIONS) + ", refused " + aspects.get(VenueChange.Aspect.REFUSAL)
                    + "), " + rejected + " rejected (" + tasks + " tasks); written to " + out;
        }
    }

    private static final org.apache.spark.sql.types.DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);

    /** Changes and rejects in one table, partitioned by outcome ({@code changed}, {@code rejected}). */
    static final StructType TABLE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("file", DataTypes.StringType, true),
            DataTypes.createStructField("line", DataTypes.LongType, true),
            DataTypes.createStructField("venueId", DataTypes.StringType, true),
            DataTypes.createStructField("name", DataTypes.StringType, true),
            DataTypes.createStructField("aspects", STRINGS, true),
            DataTypes.createStructField("gradeA", DataTypes.StringType, true),
            DataTypes.createStructField("gradeB", DataTypes.StringType, true),
            DataTypes.createStructField("verdictA", DataTypes.StringType, true),
            DataTypes.createStructField("verdictB", DataTypes.StringType, true),
            DataTypes.createStructField("suspendA", DataTypes.BooleanType, true),
            DataTypes.createStructField("suspendB", DataTypes.BooleanType, true),
            DataTypes.createStructField("refusedA", DataTypes.StringType, true),
            DataTypes.createStructField("refusedB", DataTypes.StringType, true),
            DataTypes.createStructField("rulesOnlyUnderA", STRINGS, true),
            DataTypes.createStructField("rulesOnlyUnderB", STRINGS, true),
            DataTypes.createStructField("json", DataTypes.StringType, true),
            DataTypes.createStructField("field", DataTypes.StringType, true),
            DataTypes.createStructField("message", DataTypes.StringType, true),
            DataTypes.createStructField("record", DataTypes.StringType, true),
            DataTypes.createStructField("outcome", DataTypes.StringType, true)));

    private DiffJob() {}

    static Summary run(SparkSession spark, CampaignRef a, CampaignRef b, List<VenueSplit> tasks, JobOptions o) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        LongAccumulator records = spark.sparkContext().longAccumulator("records");
        LongAccumulator compared = spark.sparkContext().longAccumulator("compared");
        LongAccumulator rejected = spark.sparkContext().longAccumulator("rejected");
        LongAccumulator changed = spark.sparkContext().longAccumulator("changed");
        Map<VenueChange.Aspect, LongAccumulator> aspects = new EnumMap<>(VenueChange.Aspect.class);
        for (VenueChange.Aspect aspect : VenueChange.Aspect.values()) {
            aspects.put(aspect, spark.sparkContext().longAccumulator(aspect.name().toLowerCase(Locale.ROOT)));
        }
        LocalDate date = o.date;
        boolean lines = o.format == JobOptions.OutFormat.JSONL;
        JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(split -> {
            RiskEngine before = a.engine();
            RiskEngine after = b.engine();
            Iterator<VenueRecord> in = split.records(conf, records::add);
            return new Iterator<Row>() {
                private Row next;

                @Override
                public boolean hasNext() {
                    while (next == null && in.hasNext()) {
                        VenueRecord record = in.next();
                        if (record instanceof VenueRecord.Rejected bad) {
                            rejected.add(1);
                            next = lines ? Rows.rejectLine(bad) : reject(bad);
                            break;
                        }
                        VenueRecord.Parsed parsed = (VenueRecord.Parsed) record;
                        VenueFacts facts = date != null ? parsed.facts().on(date) : parsed.facts();
                        compared.add(1);
                        DiffReport report = CampaignDiff.compare(before, after, List.of(facts));
                        if (!report.changes().isEmpty()) {
                            VenueChange c = report.changes().get(0);
                            changed.add(1);
                            c.aspects().forEach(x -> aspects.get(x).add(1));
                            next = lines ? RowFactory.create(c.json(), CHANGED) : change(parsed, c);
                        }
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row r = next;
                    next = null;
                    return r;
                }
            };
        });
        Dataset<Row> table = spark.createDataFrame(rows, lines ? Rows.LINES : TABLE);
        SaveMode mode = o.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (lines) {
            table.write().mode(mode).partitionBy("outcome").text(o.out);
        } else {
            table.write().mode(mode).partitionBy("outcome").parquet(o.out);
        }
        Map<VenueChange.Aspect, Long> counts = new EnumMap<>(VenueChange.Aspect.class);
        aspects.forEach((k, v) -> counts.put(k, v.value()));
        return new Summary(records.value(), compared.value(), rejected.value(), changed.value(), counts, tasks.size());
    }

    private static Row change(VenueRecord.Parsed parsed, VenueChange c) {
        Assessment x = assessment(c.before());
        Assessment y = assessment(c.after());
        List<String> aspects = new ArrayList<>();
        c.aspects().stream().sorted().forEach(s -> aspects.add(s.name().toLowerCase(Locale.ROOT)));
        return RowFactory.create(parsed.origin().file(), parsed.origin().line(), c.venueId(), c.name(),
                aspects.toArray(), x == null ? null : x.grade().name(), y == null ? null : y.grade().name(),
                x == null ? null : x.verdict().name(), y == null ? null : y.verdict().name(),
                x == null ? null : x.suspensionRequired(), y == null ? null : y.suspensionRequired(),
                refusal(c.before()), refusal(c.after()), c.rulesBefore().toArray(), c.rulesAfter().toArray(), c.json(),
                null, null, null, CHANGED);
    }

    private static Row reject(VenueRecord.Rejected r) {
        return RowFactory.create(r.origin().file(), r.origin().line(), r.venueId(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, r.field(), r.message(), r.raw(), Rows.REJECTED);
    }

    private static Assessment assessment(Outcome o) {
        return o instanceof Outcome.Assessed assessed ? assessed.assessment() : null;
    }

    private static String refusal(Outcome o) {
        return o instanceof Outcome.Rejected r ? r.error().getMessage() : null;
    }
}
