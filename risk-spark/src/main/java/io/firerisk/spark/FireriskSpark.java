package io.firerisk.spark;

import io.firerisk.CampaignException;
import io.firerisk.io.InputException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The firerisk job on Apache Spark: {@code assess} venue files into results and rejects, {@code diff} them
 * under two campaigns. Run by {@code spark-submit} on a cluster, or locally with Spark's jars beside it
 * ({@code java @risk-spark/target/firerisk-spark-local.args assess …}, {@code local[*]} unless
 * {@code --master} or {@code spark.master} says otherwise).
 *
 * <p>Exit codes: 0 every record assessed or rejected and counted (rejects are output, not failure), 1 the
 * campaign or an input could not be read or the output could not be written, 2 wrong usage, 3 some records
 * were rejected and {@code --fail-on-rejects} was given.
 */
@Command(name = "firerisk-spark", mixinStandardHelpOptions = true, versionProvider = FireriskSpark.Version.class,
        subcommands = {FireriskSpark.Assess.class, FireriskSpark.Diff.class},
        description = "Assess and compare venues with the firerisk engine on Apache Spark.")
public final class FireriskSpark implements Runnable {

    static final int REJECTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs the job with the given streams in this JVM's Spark session (created when there is none). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FireriskSpark());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LocalDate.class, FireriskSpark::date);
        return cli.execute(args);
    }

    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
        }
        if (date.isBefore(io.firerisk.VenueFacts.EARLIEST_DATE) || date.isAfter(io.firerisk.VenueFacts.LATEST_DATE)) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not between "
                    + io.firerisk.VenueFacts.EARLIEST_DATE + " and " + io.firerisk.VenueFacts.LATEST_DATE);
        }
        return date;
    }

    /** The session: spark-submit's, else a local one on every core ({@code --master} chooses another). */
    static SparkSession session(String app, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master);
        } else if (!new SparkConf().contains("spark.master") && SparkSession.getActiveSession().isEmpty()) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FireriskSpark.class.getPackage().getImplementationVersion();
            return new String[] {"firerisk-spark " + (v == null ? "(development build)" : v) + ", Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }

    /** Which campaign: a bundled one by id, or a folder (shipped to the executors with the job). */
    static final class CampaignOptions {
        @Option(names = "--campaign", paramLabel = "ID", defaultValue = "wanzhou-2023-winter",
                description = "bundled campaign id (default: ${DEFAULT-VALUE})")
        String campaign;

        @Option(names = "--campaign-dir", paramLabel = "DIR", description = "campaign folder, instead of a bundled"
                + " one; on a cluster ship it with spark-submit --archives campaign.zip#NAME and give NAME")
        Path campaignDir;
    }

    @Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Assesses venue files (JSON Lines, or CSV venue tables with --findings) as firerisk assess"
                    + " does, writing the results and the rejected records, partitioned by outcome, as Parquet or as"
                    + " JSON Lines. Every record read is counted as assessed or rejected."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every record assessed or rejected (rejects counted and written)",
                    "1:the campaign or an input could not be read, or the output could not be written", "2:wrong usage",
                    "3:some records were rejected and --fail-on-rejects was given"})
    static final class Assess implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "VENUES", description = "venue files or folders of them (any file"
                + " system Spark reaches)")
        List<String> inputs;

        @Mixin
        JobOptions job;

        @CommandLine.ArgGroup(exclusive = false)
        CampaignOptions campaign = new CampaignOptions();

        @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
                description = "language of labels and sentences: zh or en (default: ${DEFAULT-VALUE})")
        Lang lang;

        @Option(names = "--reasons", description = "record every rule that fired, with its clause and sentence, in"
                + " the JSON line (slower)")
        boolean reasons;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else"
                + " local[*])")
        String master;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (job.tasksPerFile != null && job.tasksPerFile < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tasks-per-file must be at least 1");
            }
            try {
                CampaignRef ref = CampaignRef.of(campaign.campaign, campaign.campaignDir, reasons);
                SparkSession spark = session("firerisk assess", master);
                List<VenueSplit> files = Inputs.list(spark.sparkContext().hadoopConfiguration(), inputs,
                        job.inputFormat, job.encoding, job.findings, job.findingsEncoding());
                List<VenueSplit> tasks = AssessJob.stripes(files, job.tasksPerFile,
                        spark.sparkContext().defaultParallelism());
                AssessJob.Summary s = AssessJob.run(spark, ref, tasks, job, lang.locale, reasons);
                spec.commandLine().getOut().println(s.line(job.out));
                return s.rejected() > 0 && job.failOnRejects ? REJECTED : 0;
            } catch (CampaignException | InputException e) {
                err.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("cannot read the input: " + e.getMessage());
                return 1;
            } catch (Exception e) {
                // Spark's AnalysisException (the output exists) is checked in Scala's eyes only; a task's failure
                // arrives wrapped in a SparkException.
                return failed(err, e);
            }
        }
    }

    /** The language of labels and sentences in results. */
    enum Lang {
        ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

        final Locale locale;

        Lang(Locale locale) {
            this.locale = locale;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Assesses the same venues under two campaigns (A, the first --campaign, and B, the second)"
                    + " as firerisk diff does, and writes every venue whose grade, verdict, suspension or actions change,"
                    + " with the rules that fired only under A or only under B, beside the rejected records.",
                    "Venue files are read as assess reads them (JSON Lines, or a CSV venue table with --findings)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:compared (whether or not anything changed); rejects counted and written",
                    "1:a campaign or an input could not be read, or the output could not be written", "2:wrong usage",
                    "3:some records were rejected and --fail-on-rejects was given"})
    static final class Diff implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--campaign", required = true, paramLabel = "ID|DIR",
                description = "a campaign folder or bundled campaign id; give it twice: A then B")
        List<String> campaigns;

        @Parameters(arity = "1..*", paramLabel = "VENUES", description = "venue files or folders of them")
        List<String> inputs;

        @Mixin
        JobOptions job;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else"
                + " local[*])")
        String master;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (campaigns.size() != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --campaign exactly twice, A then B (got " + campaigns.size() + ")");
            }
            if (job.tasksPerFile != null && job.tasksPerFile < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tasks-per-file must be at least 1");
            }
            try {
                CampaignRef a = campaign(campaigns.get(0));
                CampaignRef b = campaign(campaigns.get(1));
                SparkSession spark = session("firerisk diff", master);
                List<VenueSplit> files = Inputs.list(spark.sparkContext().hadoopConfiguration(), inputs,
                        job.inputFormat, job.encoding, job.findings, job.findingsEncoding());
                List<VenueSplit> tasks = AssessJob.stripes(files, job.tasksPerFile,
                        spark.sparkContext().defaultParallelism());
                DiffJob.Summary s = DiffJob.run(spark, a, b, tasks, job);
                spec.commandLine().getOut().println(s.line(job.out));
                return s.rejected() > 0 && job.failOnRejects ? REJECTED : 0;
            } catch (CampaignException | InputException e) {
                err.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("cannot read the input: " + e.getMessage());
                return 1;
            } catch (Exception e) {
                return failed(err, e);
            }
        }

        /** As firerisk diff takes it: a folder when one exists at that path, otherwise a bundled campaign's id. */
        private static CampaignRef campaign(String argument) {
            Path path = Path.of(argument);
            // Diffs name the rules that fired on each side, so both engines record them.
            return Files.isDirectory(path) ? CampaignRef.of(null, path, true) : CampaignRef.of(argument, null, true);
        }
    }

    /** A job that failed: its cause's message (Spark wraps what a task threw), exit code 1. */
    static int failed(PrintWriter err, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof AnalysisException) {
            err.println("the output could not be written: " + e.getMessage());
        } else {
            err.println("the job failed: " + root.getMessage());
        }
        return 1;
    }
}
