package io.firerisk.ledger.excel;

import io.firerisk.ledger.report.ReportDocument;
import io.firerisk.ledger.report.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes tables as an {@code .xlsx} workbook: a sheet per table with its Chinese headers in a frozen,
 * bold first row, a filter over it, column widths that fit the widest cell (a Chinese character
 * counted twice), dates as dates and shares as percentages. A report's title, dates and notes go on a
 * first sheet, 说明, so every table sheet starts with its header row. A column of figures (numbers, shares,
 * dates) is right-aligned, its header too, and a column of text left-aligned, so a header stands over its figures
 * (set on every cell: Excel's "general" alignment would put a text header left of right-aligned numbers).
 *
 * <p>Rows are streamed ({@link SXSSFWorkbook}, 200 rows in memory): the whole hazard ledger of a
 * district writes in constant memory. Widths are measured while the rows are written, not by POI's
 * autosize, which needs every row in memory and the fonts of a desktop.
 */
public final class Workbooks {

    /** Excel's limit on a column's width, in characters. */
    private static final int MAX_WIDTH = 60;
    /** Excel's limit on the rows of a sheet, header included. */
    static final int MAX_ROWS = 1_048_576;

    private Workbooks() {}

    /** A report: its 说明 sheet, then a sheet per table. The stream is left open. */
    public static void write(ReportDocument report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb);
            Sheet about = wb.createSheet("说明");
            int r = 0;
            cell(about.createRow(r++), 0, report.title(), styles.header);
            about.createRow(r++).createCell(0).setCellValue(report.subtitle());
            for (String note : report.notes()) {
                about.createRow(r++).createCell(0).setCellValue(note);
            }
            about.setColumnWidth(0, 100 * 256);
            for (Table t : report.tables()) {
                sheet(wb, styles, t);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** Tables alone, a sheet each. The stream is left open. */
    public static void write(List<Table> tables, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb);
            for (Table t : tables) {
                sheet(wb, styles, t);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static void sheet(Workbook wb, Styles styles, Table t) {
        if (t.rows().size() + 1 > MAX_ROWS) {
            throw new IllegalArgumentException("table " + t.name() + " has " + t.rows().size()
                    + " rows; a sheet holds at most " + (MAX_ROWS - 1) + " below its header: filter it");
        }
        Sheet sheet = wb.createSheet(t.name());
        int[] widths = new int[t.columns().size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < t.columns().size(); c++) {
            String name = t.columns().get(c).header();
            cell(header, c, name, figures(t.columns().get(c)) ? styles.figureHeader : styles.header);
            widths[c] = width(name) + 3; // room for the filter's button
        }
        int r = 1;
        for (List<Object> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                Table.Column column = t.columns().get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(column.kind() == Table.Kind.PERCENT ? styles.percent
                            : figures(column) ? styles.number : styles.text);
                } else {
                    cell.setCellValue(v.toString());
                    cell.setCellStyle(figures(column) ? styles.number : styles.text);
                }
                widths[c] = Math.max(widths[c], width(Table.show(column, v)));
            }
        }
        sheet.createFreezePane(0, 1);
        if (!t.columns().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, t.columns().size() - 1));
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 1) * 256);
        }
    }

    /** Whether a column holds figures (right-aligned, its header too) rather than text (left-aligned). */
    private static boolean figures(Table.Column column) {
        return column.kind() != Table.Kind.TEXT;
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A number as a person writes it: {@code 1.5}, {@code 60}, never {@code 60.0} or {@code 1.5E2}. */
    static String number(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    /** How many character widths a text takes: a Chinese (or other wide) character counts twice. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += cp >= 0x1100 && (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60)) ? 2 : 1;
        }
        return w;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle figureHeader;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle percent;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.LEFT);
            figureHeader = wb.createCellStyle();
            figureHeader.cloneStyleFrom(header);
            figureHeader.setAlignment(HorizontalAlignment.RIGHT);
            text = wb.createCellStyle();
            text.setAlignment(HorizontalAlignment.LEFT);
            number = wb.createCellStyle();
            number.setAlignment(HorizontalAlignment.RIGHT);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setAlignment(HorizontalAlignment.RIGHT);
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            percent.setAlignment(HorizontalAlignment.RIGHT);
        }
    }
}
