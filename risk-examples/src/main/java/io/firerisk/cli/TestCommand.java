package io.firerisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firerisk.CampaignException;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.analysis.Coverage;
import io.firerisk.analysis.CoverageReport;
import io.firerisk.scenario.ScenarioReport;
import io.firerisk.scenario.ScenarioResult;
import io.firerisk.scenario.ScenarioSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code firerisk test}: run a campaign's scenario tables and say what failed, and what they leave untested. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the scenario tables (scenarios/*.csv) of a campaign: each failure as expected against"
                + " actual with the rules that fired, then a line 'N passed, N failed'.",
                "With --coverage, also which rules never fired, which hazard codes and grades no scenario reaches,"
                + " and a hazard-category × grade matrix, printed and written to a Markdown file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario passed", "1:a scenario failed, or the campaign or its scenarios could not be read",
                "2:wrong usage"})
final class TestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN", description = "campaign folder, or the id of a bundled campaign")
    String campaign;

    @Option(names = {"-v", "--verbose"}, description = "list the scenarios that passed too")
    boolean verbose;

    @Option(names = "--coverage", description = "report what the scenarios exercise, and write it to --coverage-file")
    boolean coverage;

    @Option(names = "--coverage-file", paramLabel = "FILE",
            description = "where --coverage writes its report (default: coverage-<campaign id>.md in the current folder)")
    Path coverageFile;

    @Option(names = "--json", description = "write the results (and the coverage) as one JSON object, for tools")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignChoice choice = CampaignChoice.of(campaign);
        ScenarioReport report;
        CoverageReport measured = null;
        try (RiskEngine engine = choice.builder().build()) {
            ScenarioSuite suite = choice.isFolder() ? ScenarioSuite.fromFolder(choice.folder())
                    : ScenarioSuite.fromBundled(campaign);
            report = suite.run(engine);
            if (coverage) {
                measured = Coverage.of(engine.campaign(), report);
            }
            if (!json) {
                out.println("Testing " + engine.campaign().id() + " " + engine.campaign().version() + " ("
                        + Safe.text(engine.campaign().source()) + "): " + suite.scenarios().size() + " scenarios");
            }
        } catch (CampaignException e) {
            Output.lines(err, e.getMessage());
            return 1;
        }
        Path written = null;
        if (measured != null) {
            written = coverageFile != null ? coverageFile : Path.of("coverage-" + measured.campaignId() + ".md");
            try (Output file = Output.open(written, null, false)) {
                file.writer().write(measured.toMarkdown());
                file.commit();
            } catch (Output.Failed e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report, measured)));
        } else {
            for (ScenarioResult r : report.results()) {
                if (verbose || !r.passed()) {
                    Output.lines(out, r.describe());
                }
            }
            if (measured != null) {
                out.println();
                out.print(measured.toMarkdown());
                out.println();
                out.println("coverage written to " + written);
            }
            out.println(report.summary());
        }
        return report.failed() == 0 ? 0 : 1;
    }

    private static ObjectNode toJson(ScenarioReport report, CoverageReport coverage) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode campaign = root.putObject("campaign");
        campaign.put("id", report.campaignId());
        campaign.put("version", report.campaignVersion());
        root.put("passed", report.passed());
        root.put("failed", report.failed());
        ArrayNode results = root.putArray("results");
        for (ScenarioResult r : report.results()) {
            ObjectNode n = results.addObject();
            n.put("id", r.scenario().id());
            n.put("file", r.scenario().file());
            n.put("line", r.scenario().line());
            n.put("description", r.scenario().description());
            n.put("passed", r.passed());
            ArrayNode mismatches = n.putArray("mismatches");
            r.mismatches().forEach(mismatches::add);
            ArrayNode fired = n.putArray("firedRules");
            r.assessment().ifPresent(a -> a.firedRules().forEach(fired::add));
        }
        if (coverage != null) {
            ObjectNode c = root.putObject("coverage");
            c.put("summary", coverage.summary());
            c.put("rules", coverage.rules().size());
            c.put("rulesFired", coverage.rulesFired());
            ArrayNode never = c.putArray("neverFired");
            coverage.neverFired().forEach(r -> never.addObject().put("rule", r.rule()).put("file", r.file()));
            ArrayNode codes = c.putArray("hazardCodesNeverUsed");
            coverage.hazardCodesNeverUsed().forEach(codes::add);
            ArrayNode grades = c.putArray("gradesNeverReached");
            coverage.gradesNeverReached().forEach(g -> grades.add(g.name()));
            ArrayNode verdicts = c.putArray("verdictsNeverReached");
            coverage.verdictsNeverReached().forEach(v -> verdicts.add(v.name()));
            ArrayNode actions = c.putArray("actionsNeverRequired");
            coverage.actionsNeverRequired().forEach(actions::add);
            ObjectNode matrix = c.putObject("matrix");
            coverage.matrix().forEach((category, row) -> {
                ObjectNode r = matrix.putObject(category);
                for (RiskGrade g : RiskGrade.values()) {
                    r.put(g.name(), row.getOrDefault(g, 0));
                }
            });
        }
        return root;
    }
}
