package io.firerisk.cli;

import io.firerisk.VenueFacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code firerisk} program: assess venues against a fire-prevention campaign from the command line. */
@Command(name = "firerisk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Assesses venues against a fire-prevention campaign: risk grade, suspected major fire hazard,"
                + " suspension and dated actions, each tied to its clause.",
        subcommands = {AssessCommand.class, ExplainCommand.class, PlanInspectionsCommand.class, ValidateCommand.class,
                TestCommand.class, DiffCommand.class, NewCampaignCommand.class, LedgerCommand.class, ReportCommand.class, NoticeCommand.class,
                CommandLine.HelpCommand.class})
public final class Firerisk implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(Stdout.out(), Stdout.err(), args));
    }

    /** A {@code --date}: ISO, and within the years the fact records accept. */
    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
        }
        if (date.isBefore(VenueFacts.EARLIEST_DATE) || date.isAfter(VenueFacts.LATEST_DATE)) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not between " + VenueFacts.EARLIEST_DATE
                    + " and " + VenueFacts.LATEST_DATE);
        }
        return date;
    }

    /** Runs the program with the given streams and returns its exit code; for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Firerisk());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LocalDate.class, Firerisk::date);
        int code = cli.execute(args);
        // Whatever the command, output it could not write is a failure: a report on a full disk is not a report.
        try {
            Output.check(out);
        } catch (Output.Failed e) {
            if (code != 1) {
                err.println("firerisk: " + e.getMessage());
                code = 1;
            }
        }
        err.flush();
        return code;
    }
}
