package io.firerisk.cli;

import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.Page;
import io.firerisk.ledger.excel.Workbooks;
import io.firerisk.ledger.report.ReportDocument;
import io.firerisk.ledger.report.ReportFiles;
import io.firerisk.ledger.report.Reports;
import io.firerisk.ledger.report.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code firerisk report KIND}: a report of the ledger as of a date, as an HTML page, a workbook or CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "A report of the campaign ledger as of a date: HTML, Excel (.xlsx) or CSV.",
        description = {"KIND is weekly (定期分析研判: a period against the one before, by street, unit, category and"
                + " grade), digest (到期与逾期提醒 per unit), accountability (单位督导问效: ranking and follow-up),"
                + " summary (工作总结: the plan's nine tasks in numbers) or ledger (隐患台账, filtered).",
                "The format is taken from --format, else from the output file's extension."})
final class ReportCommand extends LedgerCommand.Sub {

    enum Format { HTML, XLSX, CSV }

    @Parameters(index = "0", paramLabel = "KIND", description = "weekly, digest, accountability, summary or ledger")
    String kind;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "as of the end of this day (default: today)")
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "weekly: the period's first day (default: 6 days before --to)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "weekly: the period's last day (default: --as-of)")
    LocalDate to;

    @Option(names = "--within", paramLabel = "DAYS", description = "digest: due within this many days (default: the campaign's due-soon days)")
    Integer within;

    @Option(names = "--unit", paramLabel = "UNIT", split = ",", description = "digest and ledger: only these units")
    List<String> units = new ArrayList<>();

    @Option(names = "--street", paramLabel = "CODE", split = ",", description = "ledger: only these street codes")
    List<String> streets = new ArrayList<>();

    @Option(names = "--state", paramLabel = "STATE", split = ",", description = "ledger: only these states (OPEN, RECTIFYING, …)")
    List<HazardState> states = new ArrayList<>();

    @Option(names = "--overdue", description = "ledger: only overdue hazards")
    boolean overdue;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html, xlsx or csv")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write (HTML and CSV: standard output when absent)")
    Path out;

    @Override
    int run(Ledger ledger) throws IOException {
        ReportDocument.Kind which;
        Format as;
        try {
            which = ReportDocument.Kind.of(kind);
            as = format();
        } catch (IllegalArgumentException e) {
            err().println(Safe.text(e.getMessage()));
            return 2;
        }
        if (as == Format.XLSX && out == null) {
            err().println("a workbook needs a file: give --out FILE.xlsx");
            return 2;
        }
        LocalDate day = asOf != null ? asOf : ledger.today();
        ReportDocument doc;
        try {
            doc = document(ledger, which, day);
        } catch (IllegalArgumentException e) {
            err().println(Safe.text(e.getMessage()));
            return 2;
        }
        switch (as) {
            case XLSX -> LedgerCommand.writeBinary(out, stream -> Workbooks.write(doc, stream));
            case HTML, CSV -> {
                try (Output o = Output.open(out, out(), as == Format.CSV)) {
                    if (as == Format.HTML) {
                        ReportFiles.html(doc, o.writer());
                    } else {
                        ReportFiles.csv(doc, o.writer());
                    }
                    o.commit();
                }
            }
        }
        if (out != null) {
            out().println(Safe.text(doc.title()) + "（" + Safe.text(doc.subtitle()) + "）written to " + Safe.text(out.toString()));
        }
        return 0;
    }

    private Format format() {
        String f = format;
        if (f == null && out != null) {
            String name = out.getFileName().toString();
            int dot = name.lastIndexOf('.');
            f = dot < 0 ? null : name.substring(dot + 1);
        }
        if (f == null) {
            throw new IllegalArgumentException("say which format: --format html|xlsx|csv (or an --out file ending in one)");
        }
        try {
            return Format.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + f + "' is not one of html, xlsx, csv");
        }
    }

    private ReportDocument document(Ledger ledger, ReportDocument.Kind which, LocalDate day) {
        Reports reports = Reports.of(ledger);
        return switch (which) {
            case WEEKLY -> {
                LocalDate last = to != null ? to : day;
                LocalDate first = from != null ? from : last.minusDays(6);
                yield Tables.periodic(reports.periodic(first, last), ledger.campaign());
            }
            case DIGEST -> {
                var d = within != null ? reports.digest(day, within) : reports.digest(day);
                if (!units.isEmpty()) {
                    d = new io.firerisk.ledger.report.Digest(d.date(), d.withinDays(),
                            d.units().stream().filter(u -> units.contains(u.unitId())).toList());
                }
                yield Tables.digest(d, ledger.campaign());
            }
            case ACCOUNTABILITY -> Tables.accountability(reports.accountability(day), ledger.campaign());
            case SUMMARY -> Tables.summary(reports.finalSummary(day), ledger.campaign());
            case LEDGER -> {
                HazardQuery.Builder q = HazardQuery.builder().asOf(day).units(units.toArray(String[]::new))
                        .streets(streets.toArray(String[]::new)).states(states).sort(HazardQuery.Sort.HAZARD_ID, true);
                if (overdue) {
                    q.overdue(true);
                }
                List<HazardRow> rows = new ArrayList<>();
                for (int offset = 0; ; offset += HazardQuery.MAX_LIMIT) {
                    Page<HazardRow> page = ledger.hazards(q.page(offset, HazardQuery.MAX_LIMIT).build());
                    rows.addAll(page.items());
                    if (!page.hasMore()) {
                        break;
                    }
                }
                yield new ReportDocument(ReportDocument.Kind.LEDGER, ledger.campaign().title().zh() + " 隐患台账",
                        "截至 " + day + "，" + rows.size() + " 条" + filters(), day,
                        List.of("依据 " + ledger.campaign().document() + "；状态、期限、逾期天数均为截至当日日终。"),
                        List.of(Tables.ledger(rows, ledger.directory())));
            }
        };
    }

    private String filters() {
        List<String> f = new ArrayList<>();
        if (!units.isEmpty()) {
            f.add("单位 " + String.join("、", units));
        }
        if (!streets.isEmpty()) {
            f.add("街道 " + String.join("、", streets));
        }
        if (!states.isEmpty()) {
            f.add("状态 " + String.join("、", states.stream().map(s -> s.label().zh()).toList()));
        }
        if (overdue) {
            f.add("仅逾期");
        }
        return f.isEmpty() ? "" : "（" + String.join("，", f) + "）";
    }
}
