package io.firerisk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
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

    /**
     * The most lines one quoted cell may span. A quote left open (a truncated line, a stray quote)
     * would otherwise swallow the records after it; past this, or at the end of the file, the line
     * that opened it is reported on its own and the lines after it are read again as records.
     */
    static final int MAX_RECORD_LINES = 50;

    private final ByteLines lines;
    private final ArrayDeque<ByteLines.Line> pending = new ArrayDeque<>();
    private int width = -1;

    CsvReader(ByteLines lines) {
        this.lines = lines;
    }

    long consumed() {
        return lines.consumed();
    }

    String warning() {
        return lines.warning();
    }

    /**
     * The header's number of columns: a record spanning several lines that ends up with another
     * number came from a quote left open, and is split again (a one-line record with the wrong
     * number of cells is for the caller to report).
     */
    void expectColumns(int columns) {
        this.width = columns;
    }

    private ByteLines.Line nextLine() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.poll();
    }

    /** The next row, or {@code null} at the end of the file. */
    Row next() throws IOException {
        ByteLines.Line first = nextLine();
        if (first == null) {
            return null;
        }
        if (first.tooLong()) {
            return new Row(first.number(), List.of(), first.text(), false, first.tooLongMessage());
        }
        List<String> fields = new ArrayList<>();
        List<String> firstLineFields = List.of();
        List<ByteLines.Line> continued = new ArrayList<>();
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
                    if (!continued.isEmpty() && width > 0 && !fits(fields)) {
                        return reopen(first, firstLineFields, continued, "a quoted cell opened on this line runs on to line "
                                + continued.get(continued.size() - 1).number() + " and leaves the row with "
                                + fields.size() + " of the header's " + width + " columns: the line is truncated or"
                                + " holds a stray quote; it is read on its own and the lines after it as records");
                    }
                    return new Row(first.number(), List.copyOf(fields), raw.toString(), malformed, "");
                }
                if (continued.isEmpty()) {
                    List<String> sofar = new ArrayList<>(fields);
                    sofar.add(field.toString());
                    firstLineFields = sofar;
                }
                ByteLines.Line more = nextLine();
                if (more == null) {
                    return reopen(first, firstLineFields, continued, "a quoted cell opened on this line is not closed before the end of"
                            + " the file: the record is truncated");
                }
                continued.add(more);
                if (more.tooLong() || continued.size() >= MAX_RECORD_LINES
                        || raw.length() + more.text().length() > ByteLines.MAX_LINE_BYTES) {
                    return reopen(first, firstLineFields, continued, "a quoted cell opened on this line is not closed within "
                            + MAX_RECORD_LINES + " lines or " + ByteLines.MAX_LINE_BYTES + " bytes: the line is"
                            + " truncated or holds a stray quote; the lines after it are read as records");
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

    /** Whether a row has the header's columns: none missing, none extra that hold something. */
    private boolean fits(List<String> fields) {
        if (fields.size() < width) {
            return false;
        }
        for (int i = width; i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first line alone as a bad row (with the cells it has, so the venue can be named); the
     * lines read after it go back to be read as records.
     */
    private Row reopen(ByteLines.Line first, List<String> cells, List<ByteLines.Line> continued, String error) {
        for (int i = continued.size() - 1; i >= 0; i--) {
            pending.addFirst(continued.get(i));
        }
        return new Row(first.number(), List.copyOf(cells), first.text(), first.malformed(), error);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** One CSV line, each value quoted as {@link #cell} does, ending in CRLF. */
    static String row(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(cell(value));
        }
        return line.append("\r\n").toString();
    }

    /** Quotes a value for a CSV cell when it needs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '));
        // A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before
        // one, or blanks before one) is run as a formula by spreadsheets: keep input text inert.
        String head = value.stripLeading();
        boolean formula = !value.isEmpty() && ("\t\r".indexOf(value.charAt(0)) >= 0
                || (!head.isEmpty() && "=+-@".indexOf(head.charAt(0)) >= 0 && !looksNumeric(value)));
        String safe = formula ? "'" + value : value;
        return quote || formula ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean looksNumeric(String value) {
        return value.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
