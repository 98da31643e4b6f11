package io.firerisk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): comma-separated, fields optionally in double
 * quotes, {@code ""} for a quote inside one, quoted fields may span lines. Each row remembers the
 * line it started on and its text, so a bad row can be reported and written to the rejects file.
 */
final class CsvReader implements Closeable {

    /**
     * One row.
     *
     * @param line      the line it starts on, from 1
     * @param fields    its fields, unquoted
     * @param raw       its text as read (lines joined by {@code \n})
     * @param malformed some of its bytes were not valid in the file's encoding
     * @param error     why the row could not be split into fields, or empty
     */
    record Row(long line, List<String> fields, String raw, boolean malformed, String error) {
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private final ByteLines lines;

    CsvReader(ByteLines lines) {
        this.lines = lines;
    }

    long consumed() {
        return lines.consumed();
    }

    String warning() {
        return lines.warning();
    }

    /** The next row, or {@code null} at the end of the file. */
    Row next() throws IOException {
        ByteLines.Line first = lines.next();
        if (first == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder(first.text());
        StringBuilder field = new StringBuilder();
        boolean malformed = first.malformed();
        String text = first.text();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(wasQuoted ? field.toString() : field.toString().strip());
                    return new Row(first.number(), List.copyOf(fields), raw.toString(), malformed, "");
                }
                ByteLines.Line more = lines.next();
                if (more == null) {
                    fields.add(field.toString());
                    return new Row(first.number(), List.copyOf(fields), raw.toString(), malformed,
                            "a quoted field is not closed before the end of the file: the record is truncated");
                }
                raw.append('\n').append(more.text());
                malformed |= more.malformed();
                field.append('\n');
                text = more.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
            i++;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Quotes a value for a CSV cell when it needs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '));
        // A cell starting with = + - @ is run as a formula by spreadsheets: keep input text inert.
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !looksNumeric(value);
        String safe = formula ? "'" + value : value;
        return quote || formula ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean looksNumeric(String value) {
        return value.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
