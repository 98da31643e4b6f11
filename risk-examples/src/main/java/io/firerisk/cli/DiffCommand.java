package io.firerisk.cli;

import io.firerisk.io.Origin;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firerisk.CampaignException;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.analysis.CampaignDiff;
import io.firerisk.analysis.DiffReport;
import io.firerisk.analysis.VenueChange;
import io.firerisk.scenario.ScenarioSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.firerisk.Assessment;
import io.firerisk.Outcome;
import io.firerisk.RequiredAction;
import java.util.TreeMap;



/** {@code firerisk diff}: the same venues under two campaigns, and every venue whose outcome changes. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Assesses the same venues under two campaigns (A, the first --campaign, and B, the second) and"
                + " lists every venue whose grade, verdict, suspension or actions change, with the rules that fired"
                + " only under A or only under B, then a summary count.",
                "With one --campaign and --standard twice, compares two editions of a standard instead: A applies the"
                + " first edition on every date, B the second; every verdict that changes is listed with the elements"
                + " found under each.",
                "Venue files are JSON Lines (.jsonl, as firerisk assess reads them) or CSV in the scenario-table"
                + " format (.csv; the expect_ columns are optional and ignored)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (whether or not anything changed)", "1:a campaign or a venue file could not be read",
                "2:wrong usage", "3:some venue records were rejected (see stderr); the others were compared"})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--campaign", required = true, paramLabel = "ID|DIR",
            description = "a campaign folder or bundled campaign id; give it twice: A then B (once with --standard)")
    List<String> campaigns;

    @Option(names = "--standard", paramLabel = "ID",
            description = "an edition of a standard, such as gb35181-2017; give it twice (A then B) with one --campaign"
                    + " to compare the two editions on the same venues")
    List<String> standards;

    @Parameters(arity = "1..*", paramLabel = "VENUES", description = "venue files (.jsonl or .csv)")
    List<Path> venueFiles;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "assess every venue as of this date")
    LocalDate date;

    @Option(names = "--json", description = "write the comparison as one JSON object, for tools")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean editions = standards != null && !standards.isEmpty();
        if (editions && (standards.size() != 2 || campaigns.size() != 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "to compare editions give --standard exactly"
                    + " twice (A then B) and --campaign once (got " + standards.size() + " and " + campaigns.size() + ")");
        }
        if (!editions && campaigns.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --campaign exactly twice, A then B (got " + campaigns.size() + ")");
        }
        List<VenueFacts> venues = new ArrayList<>();
        int rejected = 0;
        for (Path file : venueFiles) {
            try {
                rejected += read(file, venues, err);
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                return 1;
            } catch (CampaignException e) {
                Output.lines(err, e.getMessage());
                return 1;
            }
        }
        if (date != null) {
            venues.replaceAll(v -> v.on(date));
        }
        DiffReport report;
        RiskEngine.Builder builderA = CampaignChoice.of(campaigns.get(0)).builder();
        RiskEngine.Builder builderB = CampaignChoice.of(campaigns.get(editions ? 0 : 1)).builder();
        if (editions) {
            builderA.onlyStandard(standards.get(0));
            builderB.onlyStandard(standards.get(1));
        }
        try (RiskEngine a = builderA.build();
             RiskEngine b = builderB.build()) {
            report = CampaignDiff.compare(a, b, venues);
        } catch (CampaignException e) {
            Output.lines(err, e.getMessage());
            return 1;
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
        } else {
            Output.lines(out, report.describe());
        }
        return rejected > 0 ? AssessCommand.REJECTED : 0;
    }

    /** Adds the venues of one file; returns how many records were rejected (and reported on {@code err}). */
    private static int read(Path file, List<VenueFacts> venues, PrintWriter err) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            venues.addAll(ScenarioSuite.venues(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            return 0;
        }
        int rejected = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                VenueRecord record = VenueReader.jsonLine(new Origin(file.toString(), number), line);
                if (record instanceof VenueRecord.Parsed parsed) {
                    venues.add(parsed.facts());
                } else {
                    rejected++;
                    err.println(RejectsFile.describe((VenueRecord.Rejected) record));
                }
            }
        }
        return rejected;
    }

    private static ObjectNode toJson(DiffReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("a", report.before());
        root.put("b", report.after());
        root.put("compared", report.compared());
        root.put("changed", report.changes().size());
        ObjectNode counts = root.putObject("counts");
        for (VenueChange.Aspect aspect : VenueChange.Aspect.values()) {
            counts.put(aspect.name().toLowerCase(Locale.ROOT), report.count(aspect));
        }
        ArrayNode changes = root.putArray("changes");
        for (VenueChange c : report.changes()) {
            // The one JSON form of a change, shared with the Spark job's diff.
            try {
                changes.add(mapper.readTree(c.json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("VenueChange.json() wrote invalid JSON", e);
            }
        }
        return root;
    }
}
