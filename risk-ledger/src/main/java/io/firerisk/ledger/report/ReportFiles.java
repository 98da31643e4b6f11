package io.firerisk.ledger.report;

import io.firerisk.io.CsvWriter;
import io.firerisk.ledger.notice.NoticePrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report as a file other than a workbook ({@link io.firerisk.ledger.excel.Workbooks}): CSV through the
 * project's one CSV writer, and a standalone HTML page through the same template engine as the desk and the
 * notice. The program ({@code firerisk report}) and the desk write both from here, so the files say the same.
 */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * The report as CSV: a report of one table is that table; a report of several starts with its title,
     * what it covers and its notes, then each table under its name, a blank line between.
     */
    public static void csv(ReportDocument doc, Writer w) throws IOException {
        Objects.requireNonNull(doc, "doc");
        CsvWriter csv = new CsvWriter(w);
        boolean one = doc.tables().size() == 1;
        if (!one) {
            csv.write(List.of("说明"));
            csv.write(List.of(doc.title()));
            csv.write(List.of(doc.subtitle()));
            for (String note : doc.notes()) {
                csv.write(List.of(note));
            }
            csv.write(List.of());
        }
        for (Table t : doc.tables()) {
            if (!one) {
                csv.write(List.of(t.name()));
            }
            csv.write(t.columns().stream().map(Table.Column::header).toList());
            for (List<Object> row : t.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(Table.show(t.columns().get(i), row.get(i)));
                }
                csv.write(cells);
            }
            if (!one) {
                csv.write(List.of());
            }
        }
        w.flush();
    }

    /** The report as one HTML page with its style inline and nothing loaded from elsewhere; prints on A4. */
    public static void html(ReportDocument doc, Writer w) throws IOException {
        NoticePrinter.page("report-document.jte", Map.of("doc", Objects.requireNonNull(doc, "doc")), w);
        w.flush();
    }
}
