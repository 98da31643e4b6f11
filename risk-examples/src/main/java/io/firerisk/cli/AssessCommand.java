package io.firerisk.cli;

import io.firerisk.Assessment;
import io.firerisk.io.AssessmentJsonLines;
import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.CampaignException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code firerisk assess}: assess a file of venues and write a table, JSON Lines, CSV or an HTML report. */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Assess venues from JSON Lines or CSV; write a table, JSON Lines, CSV or an HTML report.",
        description = {"Assesses venues against the campaign and writes the results: a table on the terminal,"
                + " JSON Lines, CSV or a single-file HTML report.",
                "Input: JSON Lines (one venue with its findings per line), or CSV tables as a spreadsheet exports"
                + " them (a venue table, and with --findings a findings table joined by venue id). Without FILE,"
                + " assesses the bundled sample of Wanzhou venues.",
                "A record that cannot be read or assessed is reported on stderr with file, line and field, written"
                + " to the rejects file, and the run goes on.",
                "Files written (--out, --rejects) appear only when complete: a run that fails or is interrupted leaves"
                + " the previous ones as they were. An output that is an input is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was assessed", "1:the campaign or the input could not be read, or an output"
                + " could not be written", "2:wrong usage", "3:some records were rejected (see stderr and the rejects file)"})
final class AssessCommand implements Callable<Integer> {

    static final int REJECTED = 3;

    enum Format { TABLE, JSONL, CSV, HTML }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "venues: JSON Lines or a CSV table; - reads standard input (default: the bundled sample)")
    Path file;

    @Mixin
    InputOptions input;

    @Mixin
    EngineOptions campaign;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "assess every venue as of this date (default: each record's own date, else today)")
    LocalDate date;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, jsonl, csv or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the results here (default: standard output)")
    Path out;

    @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "firerisk-rejects.csv",
            description = "CSV file for records that could not be assessed, written when there are any and removed"
                    + " when a run has none (default: ${DEFAULT-VALUE})")
    Path rejects;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
            description = "language of the report and labels: zh or en (default: ${DEFAULT-VALUE})")
    Lang lang;

    @Option(names = "--report-limit", paramLabel = "N", defaultValue = "500",
            description = "most rows in each list of the HTML report; the counts always cover every venue"
                    + " (default: ${DEFAULT-VALUE})")
    int reportLimit;

    @Option(names = "--threads", paramLabel = "N", description = "assessment threads (default: ${DEFAULT-VALUE}, one per processor)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "no progress bar, even on a terminal")
    boolean noProgress;

    @Option(names = "--reasons", description = "record every rule that fired, with its clause and sentence, in JSON Lines"
            + " output (slower; firerisk explain shows one venue in full)")
    boolean reasons;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (reportLimit < 1 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report-limit and --threads must be at least 1");
        }
        new PathClash().input("FILE", file).input("--findings", input.findings).output("-o", out)
                .output("--rejects", rejects).check(spec.commandLine());
        String reading = file == null ? "the sample" : file.toString().equals("-") ? "<stdin>" : file.toString();
        try (EngineOptions.Engine engine = campaign.engine(reasons);
             VenueReader source = input.open(file);
             Output output = Output.open(out, spec.commandLine().getOut(), format == Format.CSV);
             RejectsFile rejected = new RejectsFile(rejects)) {
            reading = source.name();
            ResultWriter writer = writer(output.writer(), engine, source);
            Progress progress = new Progress(err, !noProgress && out != null && Progress.onTerminal(), System.nanoTime());
            Summary summary = new BatchRunner(engine.engine(), date, threads, rejected, err, progress)
                    .run(source, writer::write);
            writer.finish(summary);
            // Only once the results are in place may anything say they are.
            output.commit();
            rejected.commit();
            if (format != Format.TABLE) {
                err.println(summary.line());
            }
            return summary.rejected > 0 ? REJECTED : 0;
        } catch (CampaignException | InputException e) {
            Output.lines(err, e.getMessage());
            return 1;
        } catch (Output.Failed e) {
            Output.lines(err, e.getMessage() + (out == null ? "" : "; " + out + " is left as it was"));
            return 1;
        } catch (IOException e) {
            Output.lines(err, reading + ": cannot be read: " + e.getMessage()
                    + (out == null ? "" : "; " + out + " is left as it was"));
            return 1;
        }
    }

    private ResultWriter writer(Writer w, EngineOptions.Engine engine, VenueReader source) throws IOException {
        return switch (format) {
            case TABLE -> new TableWriter(w);
            case JSONL -> new ResultWriter() {
                private final AssessmentJsonLines lines = new AssessmentJsonLines(w, lang.locale, reasons);

                @Override
                public void write(VenueRecord.Parsed input, Assessment a) throws IOException {
                    lines.write(input.facts().venue(), a, input.origin());
                }

                @Override
                public void close() throws IOException {
                    lines.flush();
                }
            };
            case CSV -> new CsvResultWriter(w, lang);
            case HTML -> new HtmlReportWriter(w, engine.engine().campaign(), lang, reportLimit, source.name(), date);
        };
    }
}
