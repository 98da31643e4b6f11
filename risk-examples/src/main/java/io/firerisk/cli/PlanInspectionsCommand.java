package io.firerisk.cli;

import io.firerisk.io.CsvWriter;
import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.CampaignException;
import io.firerisk.RiskGrade;
import io.firerisk.ledger.draw.InspectionPlan;
import io.firerisk.ledger.draw.InspectionPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code firerisk plan-inspections}: a 双随机、一公开 inspection plan, as CSV and as a section of the report. */
@Command(name = "plan-inspections", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Draw a 双随机、一公开 inspection plan, with the re-inspections (回头看).",
        description = {"Draws a random inspection plan (双随机、一公开, as the Wanzhou plan's 二(六) asks; the same for any campaign): venues drawn at"
                + " random, weighted by risk grade and overdue rectifications, inspectors drawn at random from a roster,"
                + " never the same inspector at the same venue twice running (give the previous plan with --previous)."
                + " Every venue with a hazard reported rectified is in the plan for a re-inspection (回头看).",
                "The same --seed and input give the same plan; the seed is written into the plan so it can be checked."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the plan was made from every record", "1:the campaign, the input, the roster or the previous"
                + " plan could not be read, or an output could not be written", "2:wrong usage",
                "3:some records were rejected and left out of the draw"})
final class PlanInspectionsCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("seq", "venueId", "name", "street", "kind", "grade", "reason",
            "reinspectFindings", "overdueFindings", "weight", "inspectorIds", "inspectorNames", "planDate", "seed", "note");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "venues: JSON Lines or a CSV table (default: the bundled sample)")
    Path file;

    @Mixin
    InputOptions input;

    @Mixin
    EngineOptions campaign;

    @Option(names = "--roster", required = true, paramLabel = "CSV",
            description = "inspectors who may be drawn: columns id (编号/工号) and name (姓名)")
    Path roster;

    @Option(names = "--previous", paramLabel = "CSV",
            description = "the previous plan (as this command wrote it), so nobody inspects the same venue twice running")
    Path previous;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the draw (default: a new random seed, printed)")
    Long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20",
            description = "venues to draw at random, besides the re-inspections (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--inspectors-per-venue", paramLabel = "N", defaultValue = "2",
            description = "inspectors sent to each venue (default: ${DEFAULT-VALUE})")
    int perVenue;

    @Option(names = "--grade-weights", paramLabel = "GRADE=W", split = ",",
            description = "weight of each grade in the draw (default: RED=8,ORANGE=4,YELLOW=2,BLUE=1)")
    Map<RiskGrade, Double> gradeWeights;

    @Option(names = "--overdue-weight", paramLabel = "W", defaultValue = "1",
            description = "each overdue rectification multiplies the weight by (1 + W × overdue) (default: ${DEFAULT-VALUE})")
    double overdueWeight;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "the plan's date; every venue is assessed as of it (default: today)")
    LocalDate date;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the plan as CSV here (default: standard output)")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the HTML report, with the plan as a section")
    Path report;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE})")
    Lang lang;

    @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "firerisk-rejects.csv",
            description = "CSV file for records that could not be assessed, removed when a run has none"
                    + " (default: ${DEFAULT-VALUE})")
    Path rejects;

    @Option(names = "--report-limit", paramLabel = "N", defaultValue = "500",
            description = "most rows in each list of the HTML report (default: ${DEFAULT-VALUE})")
    int reportLimit;

    @Option(names = "--threads", paramLabel = "N", description = "assessment threads (default: ${DEFAULT-VALUE}, one per processor)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0 || perVenue < 1 || overdueWeight < 0 || reportLimit < 1 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--count must be >= 0, --inspectors-per-venue, --report-limit and --threads >= 1, --overdue-weight >= 0");
        }
        Map<RiskGrade, Double> weights = new EnumMap<>(InspectionPlanner.DEFAULT_WEIGHTS);
        if (gradeWeights != null) {
            for (Map.Entry<RiskGrade, Double> w : gradeWeights.entrySet()) {
                if (w.getValue() < 0 || w.getValue().isNaN() || w.getValue().isInfinite()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--grade-weights: " + w.getKey()
                            + " must be a weight >= 0 (was " + w.getValue() + ")");
                }
                weights.put(w.getKey(), w.getValue());
            }
        }
        new PathClash().input("FILE", file).input("--findings", input.findings).input("--roster", roster)
                .input("--previous", previous).output("-o", out).output("--report", report).output("--rejects", rejects)
                .check(spec.commandLine());
        long drawSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        if (seed == null) {
            err.println("seed " + drawSeed + " (give --seed " + drawSeed + " to draw this plan again)");
        }
        try (EngineOptions.Engine engine = campaign.engine(false)) {
            List<InspectionPlan.Inspector> inspectors = PlanFiles.roster(roster, input.encoding);
            Map<String, Set<String>> before = previous == null ? Map.of() : PlanFiles.previous(previous, input.encoding);
            LocalDate planDate = date != null ? date : LocalDate.now(engine.engine().campaign().timeZone());
            InspectionPlanner planner = new InspectionPlanner(drawSeed, count, weights, overdueWeight);
            HtmlReportWriter html = null;
            Summary summary;
            try (VenueReader source = input.open(file); RejectsFile rejected = new RejectsFile(rejects);
                 Output reportOut = report == null ? null : Output.open(report, null, false);
                 Output csv = Output.open(out, spec.commandLine().getOut(), true)) {
                if (reportOut != null) {
                    html = new HtmlReportWriter(reportOut.writer(), engine.engine().campaign(), lang, reportLimit,
                            source.name(), planDate);
                }
                HtmlReportWriter h = html;
                summary = new BatchRunner(engine.engine(), planDate, threads, rejected, err,
                        new Progress(err, false, 0)).run(source, (in, a) -> {
                            planner.add(in.facts().venue(), a);
                            if (h != null) {
                                h.write(in, a);
                            }
                        });
                InspectionPlan plan = planner.plan(planDate, inspectors, before, perVenue, lang.locale);
                writeCsv(csv.writer(), plan);
                if (html != null) {
                    html.data.plan = plan;
                    html.finish(summary);
                }
                // Only once the plan and the report are in place may anything say they are.
                csv.commit();
                if (reportOut != null) {
                    reportOut.commit();
                }
                rejected.commit();
                for (String w : plan.warnings()) {
                    err.println("warning: " + w);
                }
                err.println(lang.of("检查计划：" + plan.rows().size() + " 个场所（复查 " + plan.reinspections() + "，随机抽取 "
                        + plan.drawn() + "，候选 " + plan.candidates() + "），种子 " + drawSeed, "inspection plan: "
                        + plan.rows().size() + " venues (" + plan.reinspections() + " re-inspections, " + plan.drawn()
                        + " drawn from " + plan.candidates() + "), seed " + drawSeed));
                err.println(summary.line());
            }
            return summary.rejected > 0 ? AssessCommand.REJECTED : 0;
        } catch (CampaignException | InputException e) {
            Output.lines(err, e.getMessage());
            return 1;
        } catch (Output.Failed e) {
            Output.lines(err, e.getMessage() + "; the files of an earlier plan are left as they were");
            return 1;
        } catch (IOException e) {
            Output.lines(err, (file == null ? "the sample" : file.toString()) + ": cannot be read: " + e.getMessage());
            return 1;
        }
    }

    private void writeCsv(Writer w, InspectionPlan plan) throws IOException {
        w.write(CsvWriter.row(COLUMNS));
        for (InspectionPlan.Row r : plan.rows()) {
            String reason = r.reinspection() ? "REINSPECTION" : "DRAWN";
            List<String> cells = List.of(String.valueOf(r.seq()), r.venueId(), r.name(), r.street(), r.kind(),
                    r.grade().name(), reason, String.join(";", r.reinspectFindings()), String.valueOf(r.overdueFindings()),
                    String.format(Locale.ROOT, "%.2f", r.weight()),
                    String.join(";", r.inspectors().stream().map(InspectionPlan.Inspector::id).toList()),
                    String.join(";", r.inspectors().stream().map(InspectionPlan.Inspector::name).toList()),
                    plan.date().toString(), String.valueOf(plan.seed()), r.note());
            w.write(CsvWriter.row(cells));
        }
        w.flush();
    }
}
