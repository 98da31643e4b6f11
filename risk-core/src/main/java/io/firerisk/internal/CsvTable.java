package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.io.CsvReader;
import io.firerisk.io.CsvRecord;

import java.io.IOException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign table (or scenario table) as analysts save it from a spreadsheet, read by the one CSV
 * reader ({@link CsvReader}: the same rules as input files) into rows that remember their line, so every
 * data error can name file, row and column. Cells are read without the blanks around them.
 *
 * <p>Lines whose first field starts with {@code #} are comments; blank lines are skipped.
 */
public final class CsvTable {

    /** One data row: its 1-based line in the file and its fields by header name. */
    public final class Row {
        private final int line;
        private final List<String> fields;

        Row(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        public int line() {
            return line;
        }

        public String file() {
            return file;
        }

        /** The field under {@code column}, trimmed; empty when the row is short or the column absent. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= fields.size()) {
                return "";
            }
            return fields.get(index).strip();
        }

        public boolean has(String column) {
            return !get(column).isEmpty();
        }

        /** 1-based column number of {@code column}, 0 when the header lacks it. */
        public int columnNumber(String column) {
            Integer index = columns.get(column);
            return index == null ? 0 : index + 1;
        }

        public Problem problem(String column, String message) {
            return Problem.error(file, line, columnNumber(column), column, message);
        }

        /** A required field; records a problem and returns empty when it is blank. */
        public Optional<String> required(String column, List<Problem> problems) {
            String value = get(column);
            if (value.isEmpty()) {
                problems.add(problem(column, "is required"));
                return Optional.empty();
            }
            return Optional.of(value);
        }

        public Optional<Integer> integer(String column, int min, int max, List<Problem> problems) {
            String value = get(column);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (!Numbers.isWhole(value)) {
                    throw new NumberFormatException(value);
                }
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    problems.add(problem(column, "'" + value + "' must be between " + min + " and " + max));
                    return Optional.empty();
                }
                return Optional.of(parsed);
            } catch (NumberFormatException e) {
                problems.add(problem(column, "'" + value + "' is not a whole number"));
                return Optional.empty();
            }
        }

        public Optional<Double> decimal(String column, double min, double max, List<Problem> problems) {
            String value = get(column);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (!Numbers.isDecimal(value)) {
                    throw new NumberFormatException(value);
                }
                double parsed = Double.parseDouble(value);
                if (parsed < min || parsed > max) {
                    problems.add(problem(column, "'" + value + "' must be between " + min + " and " + max));
                    return Optional.empty();
                }
                return Optional.of(parsed);
            } catch (NumberFormatException e) {
                problems.add(problem(column, "'" + value + "' is not a number"));
                return Optional.empty();
            }
        }

        /** Y/N, yes/no, true/false, 是/否; blank gives {@code fallback}. */
        public boolean flag(String column, boolean fallback, List<Problem> problems) {
            String value = get(column);
            if (value.isEmpty()) {
                return fallback;
            }
            Optional<Boolean> parsed = parseFlag(value);
            if (parsed.isEmpty()) {
                problems.add(problem(column, "'" + value + "' must be Y or N"));
                return fallback;
            }
            return parsed.get();
        }

        /** Semicolon-separated list, trimmed, empties dropped. */
        public List<String> list(String column) {
            String value = get(column);
            List<String> items = new ArrayList<>();
            if (!value.isEmpty()) {
                for (String part : value.split("[;；]")) {
                    if (!part.isBlank()) {
                        items.add(part.strip());
                    }
                }
            }
            return items;
        }
    }

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        this.rows = rows;
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The line each value of {@code column} first stands on, for pointing an analyst at a row. */
    public Map<String, Integer> firstLines(String column) {
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            lines.putIfAbsent(row.get(column), row.line());
        }
        return lines;
    }

    /** Records a problem for each required column the header lacks; true when all are present. */
    public boolean requireColumns(List<String> required, List<Problem> problems) {
        boolean ok = true;
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.add(Problem.error(file, 1, 0, "missing column '" + column + "' (the header has "
                        + String.join(", ", header) + ")"));
                ok = false;
            }
        }
        return ok;
    }

    public static Optional<Boolean> parseFlag(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "是" -> { return Optional.of(true); }
            case "n", "no", "false", "0", "否" -> { return Optional.of(false); }
            default -> { return Optional.empty(); }
        }
    }

    /**
     * Parses {@code text} with the one CSV reader ({@link CsvReader}), so a table reads as an input file
     * would. Structural errors (a quote left open or stray, text after a closing quote) are added to
     * {@code problems} at their line and the rows around them are kept, so one file can report several
     * problems at once.
     */
    public static CsvTable parse(String file, String text, List<Problem> problems) {
        List<String> header = null;
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvTable table = null;
        try (CsvReader reader = CsvReader.of(text)) {
            reader.skipComments();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                if (!record.error().isEmpty()) {
                    problems.add(Problem.error(file, (int) record.line(), record.column(), record.error()));
                    continue;
                }
                List<String> fields = record.fields();
                boolean comment = !fields.isEmpty() && fields.get(0).stripLeading().startsWith("#");
                if (record.blank() || comment) {
                    continue;
                }
                if (header == null) {
                    header = fields.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    table = new CsvTable(file, header, rows);
                    reader.expectColumns(header.size());
                    continue;
                }
                if (fields.size() > header.size() && !fields.subList(header.size(), fields.size()).stream()
                        .allMatch(String::isBlank)) {
                    problems.add(Problem.error(file, (int) record.line(), header.size() + 1, "row has " + fields.size()
                            + " fields but the header has " + header.size()));
                }
                rows.add(table.new Row((int) record.line(), fields));
            }
        } catch (IOException e) {
            // In-memory text: only a UTF-16 byte-order mark gets here, and campaign files are checked as UTF-8.
            problems.add(Problem.error(file, 1, 0, e.getMessage()));
        }
        if (table == null) {
            problems.add(Problem.error(file, 1, 0, "the file is empty: a header row is required"));
            return new CsvTable(file, List.of(), List.of());
        }
        return table;
    }
}
