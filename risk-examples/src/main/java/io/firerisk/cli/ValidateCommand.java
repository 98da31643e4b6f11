package io.firerisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firerisk.analysis.Diagnostic;
import io.firerisk.analysis.ValidationReport;
import io.firerisk.analysis.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code firerisk validate}: check a campaign folder and list every problem with its file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a campaign folder: every rule and data error with its file, line and column, rules naming"
                + " hazard codes, venue kinds, place classes, alert levels or actions the campaign does not define,"
                + " catalogue entries and clauses nothing uses, scenario tables, the calendar and the grades.",
                "Errors make the campaign unusable; warnings point at something probably forgotten."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed, unless --strict)", "1:errors (or warnings with --strict)",
                "2:wrong usage"})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN", description = "campaign folder, or the id of a bundled campaign")
    String campaign;

    @Option(names = "--json", description = "write the report as one JSON object, for tools")
    boolean json;

    @Option(names = "--strict", description = "fail on warnings too")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CampaignChoice choice = CampaignChoice.of(campaign);
        ValidationReport report = choice.isFolder() ? Validator.validate(choice.folder()) : Validator.validateBundled(campaign);
        boolean ok = report.passed() && !(strict && !report.warnings().isEmpty());
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report, ok)));
        } else {
            out.println("Validating " + (report.campaignId().isEmpty() ? choice.toString()
                    : report.campaignId() + " " + report.campaignVersion() + " (" + Safe.text(report.source()) + ")")
                    + ": " + report.rules() + " rules, " + report.scenarios() + " scenarios");
            report.diagnostics().forEach(d -> out.println(Safe.text(d.toString())));
            out.println(report.summary());
        }
        return ok ? 0 : 1;
    }

    static ObjectNode toJson(ValidationReport report, boolean ok) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", report.source());
        ObjectNode campaign = root.putObject("campaign");
        campaign.put("id", report.campaignId());
        campaign.put("version", report.campaignVersion());
        root.put("rules", report.rules());
        root.put("scenarios", report.scenarios());
        root.put("passed", ok);
        root.put("errors", report.errors().size());
        root.put("warnings", report.warnings().size());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
            n.put("check", d.check().id());
            n.put("file", d.file());
            n.put("line", d.line());
            n.put("column", d.column());
            n.put("message", d.message());
        }
        return root;
    }
}
