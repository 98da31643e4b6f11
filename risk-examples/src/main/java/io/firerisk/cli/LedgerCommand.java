package io.firerisk.cli;

import io.firerisk.Assessment;
import io.firerisk.CampaignException;
import io.firerisk.VenueFacts;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.ledger.DemoLedger;
import io.firerisk.ledger.Dimension;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.ImportReport;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.LedgerException;
import io.firerisk.ledger.Page;
import io.firerisk.ledger.RebuildReport;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code firerisk ledger …}: the campaign ledger from the command line. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        header = "The campaign ledger: every hazard through the closed loop, replayable as of any date.",
        description = {"Keeps every hazard of the campaign with its history in a database: an embedded H2 file by"
                + " default (--db), or PostgreSQL (--pg-url, with the password in FIRERISK_PG_PASSWORD)."},
        subcommands = {LedgerCommand.Create.class, LedgerCommand.Demo.class, LedgerCommand.Import.class,
                LedgerCommand.ImportVenues.class, LedgerCommand.Export.class, LedgerCommand.VenueCmd.class, LedgerCommand.Overdue.class,
                LedgerCommand.Rebuild.class, LedgerCommand.SheetTemplate.class, LedgerCommand.ExportSheets.class,
                LedgerCommand.ImportSheets.class})
final class LedgerCommand implements Runnable {

    static final int REJECTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the ledger is and which campaign it belongs to. */
    static final class Where {
        @Option(names = {"--db", "--ledger"}, paramLabel = "PATH", defaultValue = "firerisk-ledger",
                description = "embedded H2 database file, without .mv.db (default: ${DEFAULT-VALUE} in the current folder)")
        Path db;

        @Option(names = "--pg-url", paramLabel = "URL",
                description = "a PostgreSQL database instead, such as jdbc:postgresql://localhost:5432/firerisk")
        String pgUrl;

        @Option(names = "--pg-user", paramLabel = "USER", defaultValue = "firerisk", description = "PostgreSQL user (default: ${DEFAULT-VALUE})")
        String pgUser;

        @Option(names = "--pg-password-env", paramLabel = "VAR", defaultValue = "FIRERISK_PG_PASSWORD",
                description = "environment variable holding the PostgreSQL password (default: ${DEFAULT-VALUE})")
        String pgPasswordEnv;

        @Option(names = "--pg-schema", paramLabel = "SCHEMA", description = "PostgreSQL schema (default: the user's)")
        String pgSchema;

        @Mixin
        EngineOptions campaign;

        Ledger open(EngineOptions.Engine engine) {
            Ledger.Builder b = Ledger.builder().campaign(engine.engine());
            if (pgUrl != null) {
                b.postgres(pgUrl, pgUser, System.getenv(pgPasswordEnv));
                if (pgSchema != null) {
                    b.schema(pgSchema);
                }
            } else {
                b.h2(db);
            }
            return b.build();
        }

        String describe() {
            return pgUrl != null ? pgUrl : db.toAbsolutePath() + ".mv.db";
        }
    }

    /** Runs {@code body} with the ledger open, turning what can go wrong into a message and an exit code. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Where where;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        boolean explanations() {
            return false;
        }

        @Override
        public Integer call() {
            try (EngineOptions.Engine engine = where.campaign.engine(explanations()); Ledger ledger = where.open(engine)) {
                return run(ledger);
            } catch (LedgerException | CampaignException | io.firerisk.io.InputException e) {
                err().println(Safe.text(e.getMessage()));
                return 1;
            } catch (Output.Failed e) {
                err().println(Safe.text(e.getMessage()));
                return 1;
            } catch (IOException e) {
                err().println("cannot read: " + Safe.text(e.getMessage()));
                return 1;
            } catch (UncheckedIOException e) {
                err().println(Safe.text(e.getMessage()));
                return 1;
            }
        }

        abstract int run(Ledger ledger) throws IOException, io.firerisk.io.InputException;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, header = "Create the ledger's database, or bring it up to date.")
    static final class Create extends Sub {
        @Override
        int run(Ledger ledger) {
            out().println("ledger of campaign " + ledger.campaign().id() + " ready at " + where.describe() + " ("
                    + ledger.eventCount() + " events)");
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            header = "Fill the ledger with the demo campaign, generated from the bundled sample venues.",
            description = "Inspections of every kind in every month, hazards through every path of the closed loop:"
                    + " on time and late, failed re-inspections, extensions, 挂牌督办, closures and reopenings at 回头看."
                    + " The same seed gives the same events; running it twice records nothing new.")
    static final class Demo extends Sub {
        @Option(names = "--seed", paramLabel = "N", defaultValue = "2023", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Mixin
        InputOptions input;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
                description = "venues with their findings (default: the bundled sample)")
        Path file;

        @Override
        int run(Ledger ledger) throws IOException, io.firerisk.io.InputException {
            List<VenueFacts> venues = new ArrayList<>();
            int bad = 0;
            try (VenueReader source = input.open(file)) {
                for (VenueReader.Pending u = source.next(); u != null; u = source.next()) {
                    VenueRecord r = u.parse();
                    if (r instanceof VenueRecord.Parsed p) {
                        venues.add(p.facts());
                    } else {
                        err().println(RejectsFile.describe((VenueRecord.Rejected) r));
                        bad++;
                    }
                }
            }
            DemoLedger.Summary s = DemoLedger.generate(ledger, venues, seed);
            out().println("demo ledger at " + where.describe() + ": " + s.venues() + " venues, " + s.events()
                    + " events (" + s.recorded() + " recorded now)");
            out().println("  hazard paths: " + s.paths());
            out().println("  inspections: " + s.inspections());
            return bad > 0 ? REJECTED : 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            header = "Import events exported from a ledger (JSON Lines).",
            description = "Each event is checked as if recorded now, save that a plan's or an extension's deadline may"
                    + " be a day already past on the event's own day (a log kept under the earlier rule restores"
                    + " unchanged); a bad line is reported (file:line) and the rest go"
                    + " on. Events the ledger already holds are skipped, so an interrupted import can simply be run again.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every line recorded or already there", "1:the ledger or the file could not be opened",
                    "2:wrong usage", "3:some lines were rejected"})
    static final class Import extends Sub {
        @Parameters(index = "0", paramLabel = "FILE", description = "events, one JSON object a line")
        Path file;

        @Override
        int run(Ledger ledger) {
            ImportReport r = ledger.importEvents(file);
            for (ImportReport.Reject reject : r.rejects()) {
                err().println(Safe.text(file + ":" + reject.line() + ": " + reject.message()));
            }
            out().println(file + ": " + r.read() + " read, " + r.recorded() + " recorded, " + r.alreadyRecorded()
                    + " already in the ledger, " + r.rejects().size() + " rejected; " + r.venuesAssessed()
                    + " venues assessed");
            return r.rejects().isEmpty() ? 0 : REJECTED;
        }
    }

    @Command(name = "import-venues", mixinStandardHelpOptions = true,
            header = "Record inspections from venue files (the JSON Lines or CSV that assess reads).",
            description = "Each venue record becomes one submission: the venue registered (or its changed facts), an"
                    + " inspection on each day its findings were found, each finding as a hazard found, its plan and its"
                    + " enforcement step. A record that does not fit is reported (file:line) and the rest go on; running"
                    + " the same file again records nothing twice.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every record recorded or already there", "1:the ledger or the file could not be opened",
                    "2:wrong usage", "3:some records were rejected"})
    static final class ImportVenues extends Sub {
        @Parameters(index = "0", paramLabel = "FILE", description = "venues: JSON Lines or a CSV table")
        Path file;

        @Mixin
        InputOptions input;

        @Option(names = "--actor", paramLabel = "PERSON", required = true,
                description = "the registered person recording the inspections")
        String actor;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "SPOT_CHECK",
                description = "kind of inspection: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        io.firerisk.ledger.InspectionKind kind;

        @Option(names = "--unit", paramLabel = "UNIT", required = true, description = "unit of venues new to the ledger")
        String unit;

        @Option(names = "--area", paramLabel = "AREA", required = true, description = "area of venues new to the ledger")
        String area;

        @Override
        int run(Ledger ledger) throws IOException, io.firerisk.io.InputException {
            ImportReport r;
            try (VenueReader venues = input.open(file)) {
                r = ledger.importVenues(venues, new io.firerisk.ledger.VenueImport(actor, kind, unit, area));
            }
            for (ImportReport.Reject reject : r.rejects()) {
                err().println(Safe.text(reject.message()));
            }
            out().println(r.source() + ": " + r.read() + " records read, " + r.recorded() + " recorded, "
                    + r.alreadyRecorded() + " already in the ledger, " + r.rejects().size() + " rejected");
            return r.rejects().isEmpty() ? 0 : REJECTED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, header = "Export every event (JSON Lines), in the order recorded.")
    static final class Export extends Sub {
        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "where to write")
        Path file;

        @Override
        int run(Ledger ledger) {
            long n = ledger.exportEvents(file);
            out().println(n + " events written to " + file);
            return 0;
        }
    }

    @Command(name = "sheet-template", mixinStandardHelpOptions = true,
            header = "Write the inspection workbook template (检查记录.xlsx) that import-sheets reads.")
    static final class SheetTemplate extends Sub {
        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "the .xlsx to write")
        Path file;

        @Override
        int run(Ledger ledger) throws IOException {
            writeBinary(file, out -> io.firerisk.ledger.excel.InspectionSheets.template(ledger.campaign(), out));
            out().println("template written to " + Safe.text(file.toString()));
            return 0;
        }
    }

    @Command(name = "export-sheets", mixinStandardHelpOptions = true,
            header = "Write the inspections of a period and the hazards found in them as an inspection workbook.")
    static final class ExportSheets extends Sub {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day (default: the campaign's first)")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day (default: the campaign's last)")
        LocalDate to;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "the .xlsx to write")
        Path file;

        @Override
        int run(Ledger ledger) throws IOException {
            LocalDate first = from != null ? from : ledger.campaign().calendar().start();
            LocalDate last = to != null ? to : ledger.campaign().calendar().end();
            writeBinary(file, out -> io.firerisk.ledger.excel.InspectionSheets.export(ledger, first, last, out));
            out().println("inspections " + first + " to " + last + " written to " + Safe.text(file.toString()));
            return 0;
        }
    }

    @Command(name = "import-sheets", mixinStandardHelpOptions = true,
            header = "Record a filled inspection workbook: all of it, or nothing and every bad row listed.")
    static final class ImportSheets extends Sub {
        @Parameters(index = "0", paramLabel = "FILE", description = "the .xlsx (the template of sheet-template, filled)")
        Path file;

        @Override
        int run(Ledger ledger) {
            io.firerisk.ledger.excel.SheetImport r = io.firerisk.ledger.excel.InspectionSheets.read(ledger, file);
            for (io.firerisk.ledger.excel.SheetProblem p : r.problems()) {
                err().println(Safe.text(p.toString()));
            }
            if (!r.recorded()) {
                err().println(Safe.text(file.toString()) + ": nothing recorded, " + r.problems().size() + " problem(s) in "
                        + r.rows() + " row(s)");
                return REJECTED;
            }
            out().println(Safe.text(file.toString()) + ": " + r.rows() + " rows, " + r.inspections() + " inspections and "
                    + r.hazards() + " hazards recorded, " + r.alreadyRecorded() + " already recorded");
            return 0;
        }
    }

    /** What writes a file's bytes into a stream. */
    interface BinaryBody {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Writes a binary file (a workbook, a PDF) whole or not at all (beside the target, then renamed over it). */
    static void writeBinary(Path file, BinaryBody body) throws IOException {
        try (OutputFile target = OutputFile.create(file)) {
            java.io.OutputStream stream = new java.io.BufferedOutputStream(target.stream(), 1 << 16);
            body.write(stream);
            stream.flush();
            target.commit();
        } catch (IOException e) {
            throw new Output.Failed(file.toString(), Output.reason(e), e);
        }
    }

    @Command(name = "venue", mixinStandardHelpOptions = true,
            header = "A venue's state as of a date: its hazards, the engine's assessment, and its history.")
    static final class VenueCmd extends Sub {
        @Parameters(index = "0", paramLabel = "VENUE", description = "the venue id")
        String venueId;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "as of the end of this day (default: today)")
        LocalDate date;

        @Override
        boolean explanations() {
            return true;
        }

        @Override
        int run(Ledger ledger) {
            LocalDate day = date != null ? date : ledger.today();
            VenueView v = ledger.venue(venueId, day).orElse(null);
            if (v == null) {
                err().println("venue '" + Safe.text(venueId) + "' is not in the ledger as of " + day);
                return 1;
            }
            PrintWriter o = out();
            Assessment a = v.assessment();
            Directory.Unit unit = ledger.directory().units().get(v.unitId());
            String kind = ledger.campaign().venueKinds().containsKey(v.venue().kind())
                    ? ledger.campaign().venueKinds().get(v.venue().kind()).label().zh() : v.venue().kind();
            o.println(Safe.text(v.venueId() + " " + v.venue().name()) + "（" + Safe.text(kind) + "），责任单位 "
                    + Safe.text(unit == null ? v.unitId() : unit.name()) + "，" + Safe.text(String.join(" / ",
                    v.areaPath().stream().map(Directory.Area::name).toList())));
            o.println("截至 " + day + "：风险等级 " + a.grade() + "（" + a.grade().label().zh() + "），"
                    + a.verdict().label().zh() + (a.suspensionRequired() ? "，须停用" : ""));
            o.println("隐患（" + v.hazards().size() + "）：");
            for (HazardView h : v.hazards()) {
                o.println("  " + Safe.text(h.hazardId()) + "  " + Safe.text(h.label().zh()) + "（" + Safe.text(h.location())
                        + "）  " + h.state().label().zh() + "  期限 " + h.deadline()
                        + (h.overdue() ? "  逾期" + h.daysOverdue() + "天" : "")
                        + h.escalation().map(l -> "  " + l.label().zh()).orElse("")
                        + h.supervision().map(s -> "  挂牌督办 " + Safe.text(s.documentNo())).orElse(""));
            }
            o.println("要求的措施：");
            a.actions().forEach(act -> o.println("  " + act.due().map(LocalDate::toString).orElse("          ") + "  "
                    + Safe.text(act.label().zh()) + act.findingId().map(f -> "（" + Safe.text(f) + "）").orElse("")));
            o.println("经过：");
            ZoneId zone = ledger.campaign().timeZone();
            for (RecordedEvent e : ledger.timeline(venueId)) {
                if (LocalDate.ofInstant(e.happenedAt(), zone).isAfter(day)) {
                    break;
                }
                o.println("  " + e.happenedAt().atZone(zone).toLocalDateTime() + "  " + e.type().label().zh() + "  "
                        + Safe.text(e.stream()) + "  " + Safe.text(e.actor()));
            }
            return 0;
        }
    }

    @Command(name = "overdue", mixinStandardHelpOptions = true, header = "Hazards overdue on a date, most overdue first.")
    static final class Overdue extends Sub {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "as of the end of this day (default: today)")
        LocalDate date;

        @Option(names = "--street", paramLabel = "CODE", description = "only this street (街道) code")
        List<String> streets = new ArrayList<>();

        @Option(names = "--unit", paramLabel = "ID", description = "only this unit")
        List<String> units = new ArrayList<>();

        @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "rows to list (default: ${DEFAULT-VALUE})")
        int limit;

        @Override
        int run(Ledger ledger) {
            LocalDate day = date != null ? date : ledger.today();
            HazardQuery.Builder q = HazardQuery.builder().asOf(day).overdue(true)
                    .sort(HazardQuery.Sort.DAYS_OVERDUE, false).page(0, Math.max(1, Math.min(limit, HazardQuery.MAX_LIMIT)));
            q.streets(streets.toArray(String[]::new)).units(units.toArray(String[]::new));
            Page<HazardRow> page = ledger.hazards(q.build());
            Directory directory = ledger.directory();
            PrintWriter o = out();
            o.println("截至 " + day + " 逾期隐患 " + page.total() + " 项" + (page.hasMore() ? "（列出前 " + page.items().size()
                    + " 项）" : "") + "：");
            o.println("  逾期天数  督办等级  隐患编号  场所  街道  责任单位  状态  期限");
            for (HazardRow r : page.items()) {
                o.println(String.format("  %6d  %6d  %s  %s  %s  %s  %s  %s", r.daysOverdue(), r.escalationLevel(),
                        Safe.text(r.hazardId()), Safe.text(r.venueName()), Safe.text(areaName(directory, r.street())),
                        Safe.text(unitName(directory, r.unitId())),
                        r.state().label().zh(), r.deadline()));
            }
            if (page.total() > 0) {
                o.println("按街道：" + ledger.counts(q.page(0, 1).build(), Dimension.STREET).stream()
                        .map(c -> Safe.text(areaName(directory, c.key().get(0))) + " " + c.hazards()).toList());
            }
            return 0;
        }

        private static String areaName(Directory d, String code) {
            Directory.Area a = d.areas().get(code);
            return a == null ? code : a.name();
        }

        private static String unitName(Directory d, String id) {
            Directory.Unit u = d.units().get(id);
            return u == null ? id : u.name();
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            header = "Rebuild every projection from the log and re-assess every venue as of today.")
    static final class Rebuild extends Sub {
        @Override
        int run(Ledger ledger) {
            RebuildReport r = ledger.rebuildProjections();
            out().println("replayed " + r.events() + " events into " + r.hazards() + " hazards and " + r.venues()
                    + " venues in " + r.replay().toMillis() + " ms; assessed " + r.venuesAssessed() + " venues as of "
                    + r.assessedOn() + " in " + r.assessment().toMillis() + " ms");
            return 0;
        }
    }
}
