package io.firerisk.cli;

import io.firerisk.CampaignException;
import io.firerisk.analysis.NewCampaign;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code firerisk new-campaign}: start next season's (or another district's) campaign from an existing one. */
@Command(name = "new-campaign", mixinStandardHelpOptions = true,
        description = {"Copies a campaign folder (or a bundled campaign) to a new folder, gives it a new id and the"
                + " next major version, and writes CHECKLIST.md there: everything that still describes the old plan"
                + " (title, authority, document number, dates, the old plan's own clauses, scenarios dated for the"
                + " old campaign, thresholds to review), each with its file and line.",
                "Standards are shared, not copied: with --start the new campaign names, of each standard the old one"
                + " applies, the edition in force on its first day and any later bundled edition, each from its own date.",
                "The copy loads and validates as it is: edit it one item at a time and check as you go."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:the old campaign could not be read, or the new folder could not be written",
                "2:wrong usage"})
final class NewCampaignCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ID|DIR", description = "the campaign to start from")
    String from;

    @Option(names = "--id", required = true, paramLabel = "NEW_ID",
            description = "the new campaign's id: lower-case letters, digits and hyphens")
    String id;

    @Option(names = "--out", paramLabel = "DIR", description = "where to create it (default: a folder named after the new id)")
    Path out;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD",
            description = "the new campaign's first day: it names the standard editions in force from then"
                    + " (default: the old campaign's standards as they are)")
    java.time.LocalDate start;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : Path.of(id);
        CampaignChoice source = CampaignChoice.of(from);
        NewCampaign.Result result;
        try {
            if (start == null) {
                result = source.isFolder() ? NewCampaign.fromFolder(source.folder(), id, target)
                        : NewCampaign.fromBundled(from, id, target);
            } else {
                result = source.isFolder() ? NewCampaign.fromFolder(source.folder(), id, target, start)
                        : NewCampaign.fromBundled(from, id, target, start);
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException | CampaignException e) {
            Output.lines(err, e.getMessage());
            return 1;
        }
        stdout.println("Created " + result.id() + " " + result.version() + " in " + result.folder() + " from "
                + result.fromId() + " " + result.fromVersion() + ".");
        Map<String, Integer> sections = new LinkedHashMap<>();
        result.checklist().forEach(i -> sections.merge(i.section(), 1, Integer::sum));
        stdout.println(result.checklist().size() + " things still describe the old plan; see "
                + result.folder().resolve(NewCampaign.CHECKLIST) + ":");
        sections.forEach((section, n) -> stdout.println("  " + section + ": " + n));
        return 0;
    }
}
