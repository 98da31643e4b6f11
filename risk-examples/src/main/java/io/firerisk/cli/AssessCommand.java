package io.firerisk.cli;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.CampaignException;
import io.firerisk.RequiredAction;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code firerisk assess}: assess a file of venues and print a table. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assesses venues from a JSON Lines file (one venue with its findings per line) and prints"
                + " a table. Without a file, assesses the bundled Wanzhou sample.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was assessed", "1:the campaign or the input could not be read",
                "2:wrong usage", "3:some records were rejected (see stderr)"})
final class AssessCommand implements Callable<Integer> {

    static final String DEFAULT_CAMPAIGN = "wanzhou-2023-winter";
    static final String SAMPLE = "samples/wanzhou-venues.jsonl";
    static final int REJECTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines file of venues (default: the bundled sample)")
    Path file;

    @Option(names = "--campaign", paramLabel = "ID", description = "bundled campaign id (default: ${DEFAULT-VALUE})",
            defaultValue = DEFAULT_CAMPAIGN)
    String campaign;

    @Option(names = "--campaign-dir", paramLabel = "DIR", description = "campaign folder on disk, instead of a bundled one")
    Path campaignDir;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "assess every venue as of this date (default: each record's own date, else today)")
    LocalDate date;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RiskEngine engine;
        try {
            RiskEngine.Builder builder = RiskEngine.builder();
            engine = (campaignDir != null ? builder.campaignDirectory(campaignDir) : builder.campaign(campaign)).build();
        } catch (CampaignException e) {
            err.println(e.getMessage());
            return 1;
        }
        String source = file == null ? "bundled sample " + SAMPLE : file.toString();
        int assessed = 0;
        int rejected = 0;
        Map<RiskGrade, Integer> byGrade = new EnumMap<>(RiskGrade.class);
        int suspensions = 0;
        int suspectedMajor = 0;
        out.println(Width.pad("venue", 12) + Width.pad("name", 26) + Width.pad("grade", 8) + Width.pad("verdict", 18)
                + Width.pad("stop", 6) + Width.pad("actions", 9) + "next deadline");
        try (engine; BufferedReader reader = open()) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    VenueFacts facts = VenueJson.parse(line);
                    if (date != null) {
                        facts = facts.on(date);
                    }
                    Assessment a = engine.assess(facts);
                    assessed++;
                    byGrade.merge(a.grade(), 1, Integer::sum);
                    suspensions += a.suspensionRequired() ? 1 : 0;
                    suspectedMajor += a.determination().needsCollectiveDecision() ? 1 : 0;
                    out.println(row(facts, a));
                } catch (VenueJson.BadRecord e) {
                    rejected++;
                    err.println(source + ":" + lineNo + ": " + (e.field.isEmpty() ? "" : e.field + ": ") + e.getMessage());
                } catch (AssessmentException e) {
                    rejected++;
                    err.println(source + ":" + lineNo + ": " + (e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage());
                }
            }
        }
        out.println();
        StringBuilder grades = new StringBuilder();
        for (RiskGrade g : RiskGrade.values()) {
            grades.append(g.name()).append(' ').append(byGrade.getOrDefault(g, 0)).append("  ");
        }
        out.println(assessed + " assessed, " + rejected + " rejected; " + grades.toString().strip()
                + "; " + suspectedMajor + " suspected major, " + suspensions + " to suspend");
        return rejected > 0 ? REJECTED : 0;
    }

    private String row(VenueFacts facts, Assessment a) {
        String next = a.actions().stream().map(RequiredAction::due).flatMap(java.util.Optional::stream)
                .min(LocalDate::compareTo).map(LocalDate::toString).orElse("-");
        return Width.pad(Width.fit(Safe.text(a.venueId()), 11), 12)
                + Width.pad(Width.fit(Safe.text(facts.venue().name()), 25), 26)
                + Width.pad(a.grade().name(), 8)
                + Width.pad(a.verdict().name(), 18)
                + Width.pad(a.suspensionRequired() ? "YES" : "-", 6)
                + Width.pad(String.valueOf(a.actions().size()), 9)
                + next;
    }

    private BufferedReader open() throws IOException {
        if (file != null) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        InputStream in = AssessCommand.class.getClassLoader().getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IOException("the bundled sample " + SAMPLE + " is missing from the program");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
