package io.firerisk.ledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A report as a table, the one shape every file format is written from (a workbook's sheet, a CSV
 * section, an HTML table): a name, Chinese headers, and rows of cells.
 *
 * @param name    what it is, also the sheet name (at most 31 characters, none of {@code []:*?/\})
 * @param columns the columns, in order
 * @param rows    the rows; each cell is a {@link String}, an {@link Integer} or {@link Long}, a {@link Double}
 *                (a share from 0 to 1 when its column is {@link Kind#PERCENT}), a {@link LocalDate}, or
 *                {@code null} for an empty cell
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

    public Table {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 31 || name.chars().anyMatch(c -> "[]:*?/\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a table's name must be 1 to 31 characters without []:*?/\\ (was \""
                    + name + "\")");
        }
        columns = List.copyOf(columns);
        List<List<Object>> copied = new java.util.ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": a row has " + r.size() + " cells for "
                        + columns.size() + " columns");
            }
            // cells may be null (an empty cell), which List.copyOf refuses
            copied.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)));
        }
        rows = java.util.Collections.unmodifiableList(copied);
    }

    /** A column: its header and what its cells hold. */
    public record Column(String header, Kind kind) {}

    /** What a column's cells hold. */
    public enum Kind { TEXT, NUMBER, PERCENT, DATE }

    /** A column of text. */
    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    /** A column of whole numbers. */
    public static Column number(String header) {
        return new Column(header, Kind.NUMBER);
    }

    /** A column of shares from 0 to 1, shown as percentages. */
    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }

    /** A column of dates. */
    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }

    /** A cell as text: dates ISO, shares as percentages with one decimal, empty for none. */
    public static String show(Column column, Object cell) {
        if (cell == null) {
            return "";
        }
        if (column.kind() == Kind.PERCENT && cell instanceof Number n) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
        }
        return cell.toString();
    }
}
