package io.firerisk.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV that spreadsheets open as written: cells quoted when they need it, rows ending in CRLF,
 * and no cell that a spreadsheet would run as a formula. Input text is untrusted: a cell starting with
 * {@code = + - @} (after blanks too) or with a tab or carriage return is written with a leading
 * {@code '}, so it shows as text; plain numbers such as {@code -5} are left alone.
 */
public final class CsvWriter {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one row. */
    public void write(List<String> values) throws IOException {
        out.write(row(values));
    }

    /** One CSV line, each value as {@link #cell} writes it, ending in CRLF. */
    public static String row(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(cell(value));
        }
        return line.append("\r\n").toString();
    }

    /** A value as a CSV cell: quoted when it needs it, never a formula. {@code null} is an empty cell. */
    public static String cell(String value) {
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
                || (!head.isEmpty() && "=+-@".indexOf(head.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()));
        String safe = formula ? "'" + value : value;
        return quote || formula ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
