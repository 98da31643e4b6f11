package io.firerisk.spark;

import io.firerisk.AssessmentException;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.io.VenueRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Assesses venue files on Spark: every file read by the one venue reader in {@code tasks} stripes (see
 * {@link VenueSplit}), each record assessed by its executor's engine (see {@link CampaignRef}), results and
 * rejects written in one pass, partitioned by outcome, and every record counted.
 */
final class AssessJob {

    /** What one run did: every record read is assessed or rejected. */
    record Summary(long records, long assessed, long rejected, int tasks) {
        String line(String out) {
            return records + " records: " + assessed + " assessed, " + rejected + " rejected (" + tasks
                    + " tasks); written to " + out;
        }
    }

    private AssessJob() {}

    /** The tasks for the files: each file shared by {@code perFile} stripes, or by the parallelism over the files. */
    static List<VenueSplit> stripes(List<VenueSplit> files, Integer perFile, int parallelism) {
        int k = perFile != null ? perFile : Math.max(1, (parallelism + files.size() - 1) / files.size());
        List<VenueSplit> tasks = new ArrayList<>(files.size() * k);
        for (VenueSplit f : files) {
            for (int i = 0; i < k; i++) {
                tasks.add(f.withStripe(i, k));
            }
        }
        return tasks;
    }

    static Summary run(SparkSession spark, CampaignRef campaign, List<VenueSplit> tasks, JobOptions o, Locale locale,
            boolean reasons) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        LongAccumulator records = spark.sparkContext().longAccumulator("records");
        LongAccumulator assessed = spark.sparkContext().longAccumulator("assessed");
        LongAccumulator rejected = spark.sparkContext().longAccumulator("rejected");
        LocalDate date = o.date;
        boolean lines = o.format == JobOptions.OutFormat.JSONL;
        JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(split -> {
            RiskEngine engine = campaign.engine();
            Iterator<VenueRecord> in = split.records(conf, records::add);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Row next() {
                    VenueRecord record = in.next();
                    if (record instanceof VenueRecord.Parsed parsed) {
                        VenueFacts facts = date != null ? parsed.facts().on(date) : parsed.facts();
                        try {
                            io.firerisk.Assessment a = engine.assess(facts);
                            assessed.add(1);
                            return lines ? Rows.resultLine(facts.venue(), a, parsed.origin(), locale, reasons)
                                    : Rows.result(facts.venue(), a, parsed.origin(), campaign, locale, reasons);
                        } catch (AssessmentException e) {
                            record = parsed.rejectedBy(e);
                        } catch (RuntimeException e) {
                            // Not expected (the engine promises AssessmentException), but one record never ends the job.
                            record = new VenueRecord.Rejected(parsed.origin(), facts.venue().id(), "",
                                    "could not be assessed: " + e, parsed.raw());
                        }
                    }
                    rejected.add(1);
                    VenueRecord.Rejected bad = (VenueRecord.Rejected) record;
                    return lines ? Rows.rejectLine(bad) : Rows.reject(bad);
                }
            };
        });
        Dataset<Row> table = spark.createDataFrame(rows, lines ? Rows.LINES : Rows.TABLE);
        SaveMode mode = o.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (lines) {
            table.write().mode(mode).partitionBy("outcome").text(o.out);
        } else {
            table.write().mode(mode).partitionBy("outcome").parquet(o.out);
        }
        return new Summary(records.value(), assessed.value(), rejected.value(), tasks.size());
    }
}
