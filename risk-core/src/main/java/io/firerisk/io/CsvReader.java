package io.firerisk.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader of firerisk, for input files and campaign tables alike: CSV as spreadsheets
 * write it (RFC 4180: commas, cells optionally in double quotes, {@code ""} for a quote inside one,
 * quoted cells may span lines), UTF-8 with or without a byte-order mark, or GBK/GB18030; lines end in
 * {@code \n}, {@code \r\n} or, in a file whose first line so ends, {@code \r}.
 *
 * <p>Input is untrusted, so the file is read line by line and each line decoded strictly on its own
 * ({@link CsvRecord#malformed()} instead of wrong characters: a GBK file read as UTF-8, or a UTF-8 one
 * read as GBK, is rejected line by line), and every limit holds record by record: a line longer than
 * {@link #MAX_LINE_BYTES} is skipped unread (the cells at its start are kept, so its row can be named);
 * a quoted cell may span at most {@link #MAX_RECORD_LINES} lines.
 *
 * <p>A record is never guessed at. A quote must open its cell and be followed by a comma or the end of
 * the line once it closes; a quote anywhere else (a stray quote, or the far end of one) is an error
 * for that record, naming the column. A quoted cell that spans lines is read as one cell only when no
 * line it takes in could be a row of its own: once the header's width is known
 * ({@link #expectColumns}), a line inside the cell that holds as many cells as the header means the
 * quote may have swallowed rows, and so does a record that then has another number of columns. Then
 * only the line that opened the quote is rejected, naming the lines the quote ran into, and those
 * lines are read again as the records they are. The cells of a record are split by Jackson's CSV
 * parser. Every record keeps the line it starts on.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(Files.newInputStream(path), StandardCharsets.UTF_8)) {
 *     for (CsvRecord r = csv.next(); r != null; r = csv.next()) { … r.line(), r.fields(), r.error() … }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader per file.
 */
public final class CsvReader implements Closeable {

    /** The longest line read as a record: 1 MiB. A longer one is skipped without being held. */
    public static final int MAX_LINE_BYTES = ByteLines.MAX_LINE_BYTES;

    /**
     * The most lines one quoted cell may span. A quote left open would otherwise swallow the records
     * after it; past this, or at the end of the file, the line that opened it is reported on its own
     * and the lines after it are read again as records.
     */
    public static final int MAX_RECORD_LINES = 50;

    /** Without a schema each record is an array of strings; blanks around unquoted cells are layout. */
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** How the quotes of one line stand: see {@link #scan}. */
    private record Scan(boolean endsQuoted, int columns, int openedIn, String problem, int problemColumn) {}

    private final ByteLines lines;
    private final ArrayDeque<ByteLines.Line> pending = new ArrayDeque<>();
    private int width = -1;
    private boolean comments;

    private CsvReader(ByteLines lines) {
        this.lines = lines;
    }

    /**
     * Reads {@code in}, decoding it as {@code charset}; a UTF-8 byte-order mark is dropped.
     *
     * @throws IllegalArgumentException when {@code charset} is not UTF-8, GBK or GB18030
     */
    public static CsvReader open(InputStream in, Charset charset) {
        return open(in, charset, Encodings.OPTION);
    }

    /** As {@link #open(InputStream, Charset)}; a line's encoding hint names {@code option}. */
    static CsvReader open(InputStream in, Charset charset, String option) {
        return new CsvReader(new ByteLines(in, charset, option));
    }

    /** Reads a text already in memory (a campaign table). */
    public static CsvReader of(String text) {
        return open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Bytes read so far, for a progress bar. */
    public long consumed() {
        return lines.consumed();
    }

    /**
     * The header's number of columns, for the records after it: a line taken into a quoted cell that
     * holds this many cells, or a record spanning lines that ends up with another number, came from a
     * stray quote, and is split again (a one-line record with the wrong number of cells is for the
     * caller to report).
     */
    public void expectColumns(int columns) {
        this.width = columns;
    }

    /**
     * Lines starting with {@code #} (after blanks) are comments, skipped unread, as campaign tables have
     * them; a comment may hold any text, quotes included. (A line inside a quoted cell is not a comment.)
     */
    public void skipComments() {
        this.comments = true;
    }

    private ByteLines.Line nextLine() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.poll();
    }

    /** The next line that starts a record: comment lines are passed over when they are skipped. */
    private ByteLines.Line firstLine() throws IOException {
        ByteLines.Line line = nextLine();
        while (comments && line != null && !line.tooLong() && line.text().stripLeading().startsWith("#")) {
            line = nextLine();
        }
        return line;
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws IOException when the file cannot be read, or is UTF-16 (which no line-by-line reading can
     *                     make sense of: the message says how to save it)
     */
    public CsvRecord next() throws IOException {
        ByteLines.Line first = firstLine();
        if (first == null) {
            return null;
        }
        if (first.tooLong()) {
            // The line's last cell is cut short: only the cells before it are whole.
            List<String> cells = cellsOf(first.head());
            List<String> whole = cells.subList(0, Math.max(0, cells.size() - 1)).stream()
                    .map(c -> c.length() > ByteLines.KEPT_OF_LONG_LINE ? c.substring(0, ByteLines.KEPT_OF_LONG_LINE) : c)
                    .toList();
            return new CsvRecord(first.number(), whole, first.text(), false, first.tooLongMessage(), 0);
        }
        Scan scan = scan(first.text(), false, 1);
        if (!scan.problem().isEmpty()) {
            return bad(first, scan.problem(), scan.problemColumn());
        }
        if (!scan.endsQuoted()) {
            return split(first.number(), first.text(), first);
        }
        int column = scan.openedIn();
        String opened = "a quoted cell opened on this line (column " + column + ")";
        List<ByteLines.Line> continued = new ArrayList<>();
        StringBuilder raw = new StringBuilder(first.text());
        boolean malformed = first.malformed();
        while (true) {
            ByteLines.Line more = nextLine();
            if (more == null) {
                return reopen(first, continued, opened + " is not closed before the end of the file: the record is"
                        + " truncated", column);
            }
            continued.add(more);
            long at = more.number();
            if (more.tooLong() || continued.size() >= MAX_RECORD_LINES
                    || raw.length() + more.text().length() > MAX_LINE_BYTES) {
                return reopen(first, continued, opened + " is not closed within " + MAX_RECORD_LINES + " lines or "
                        + MAX_LINE_BYTES + " bytes: the line is truncated or holds a stray quote; the lines after it"
                        + " are read as records", column);
            }
            if (width > 0 && scan(more.text(), false, 1).columns() >= width) {
                return reopen(first, continued, opened + " runs on into line " + at + ", which reads as a row of"
                        + " its own (lines " + first.number() + "–" + at + "): the quote is stray or the line"
                        + " truncated; this line is rejected and the lines after it are read as rows", column);
            }
            Scan next = scan(more.text(), true, column);
            if (!next.problem().isEmpty()) {
                return reopen(first, continued, opened + " runs on to line " + at + " (lines " + first.number() + "–"
                        + at + "), where " + next.problem() + "; this line is rejected and the lines after it are"
                        + " read as rows", column);
            }
            raw.append('\n').append(more.text());
            malformed |= more.malformed();
            if (!next.endsQuoted()) {
                break;
            }
            column = next.openedIn();
        }
        long last = continued.get(continued.size() - 1).number();
        CsvRecord record = split(first.number(), raw.toString(), malformed ? continued.stream()
                .filter(ByteLines.Line::malformed).findFirst().orElse(first) : first);
        // A quoted cell over several lines that does not split, or leaves the row the wrong width, was
        // a quote left open: the lines it ran into are records of their own.
        if (!record.error().isEmpty() && !record.malformed()) {
            return reopen(first, continued, opened + " runs on to line " + last + " (lines " + first.number() + "–"
                    + last + ") and the row then cannot be split (" + record.error() + "): the line is truncated or"
                    + " holds a stray quote; it is read on its own and the lines after it as records", scan.openedIn());
        }
        if (width > 0 && !fits(record.fields())) {
            return reopen(first, continued, opened + " runs on to line " + last + " (lines " + first.number() + "–"
                    + last + ") and leaves the row with " + record.fields().size() + " of the header's " + width
                    + " columns: the line is truncated or holds a stray quote; it is read on its own and the lines"
                    + " after it as records", scan.openedIn());
        }
        return record;
    }

    /**
     * How the quotes of a line stand, given whether it starts inside a quoted cell (then its first
     * cell is column {@code column}, else column 1): whether it ends inside one, how many columns it
     * reaches, the column a quote still open at its end opened in, and the first quote out of place.
     * A quote opens a cell only at its start (after blanks), and a closing quote may be followed only
     * by blanks and a comma or the end of the line; any other quote is out of place. Counting goes on
     * past one, reading it as text.
     */
    private static Scan scan(String text, boolean startsQuoted, int column) {
        boolean quoted = startsQuoted;
        boolean cellStart = !startsQuoted;
        boolean closed = false;
        int openedIn = startsQuoted ? column : 0;
        int columns = column;
        String problem = "";
        int problemColumn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        closed = true;
                    }
                }
            } else if (c == ',') {
                columns++;
                cellStart = true;
                closed = false;
            } else if (closed) {
                if (c != ' ' && c != '\t' && problem.isEmpty()) {
                    problem = "the quoted cell in column " + columns + " closes and is followed by '" + c + "' instead"
                            + " of a comma or the end of the line (a quote inside a cell is written twice, \"\", in a"
                            + " quoted cell): the quote is stray";
                    problemColumn = columns;
                }
            } else if (c == '"') {
                if (cellStart) {
                    quoted = true;
                    cellStart = false;
                    openedIn = columns;
                } else if (problem.isEmpty()) {
                    problem = "column " + columns + " holds a quote inside a cell that is not quoted (a cell holding"
                            + " a quote is quoted and the quote written twice, \"\", as spreadsheets write it): the"
                            + " quote is stray";
                    problemColumn = columns;
                }
            } else if (c != ' ' && c != '\t') {
                cellStart = false;
            }
        }
        return new Scan(quoted, columns, quoted ? openedIn : 0, problem, problemColumn);
    }

    /** The record's cells, split by the CSV parser; a record it refuses keeps its text and says why. */
    private static CsvRecord split(long line, String text, ByteLines.Line decoded) {
        boolean malformed = decoded.malformed();
        String error = decoded.encodingProblem();
        List<String> fields = new ArrayList<>();
        try (CsvParser parser = CSV.createParser(text)) {
            int arrays = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_ARRAY && ++arrays > 1) {
                    return new CsvRecord(line, cellsOf(text), text, malformed, malformed ? error : "a carriage return"
                            + " stands inside an unquoted cell: quote the cell, or remove the character", 0);
                }
                if (t == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at character " + at.getColumnNr();
            return new CsvRecord(line, cellsOf(text), text, malformed, malformed ? error
                    : "the row cannot be split into cells" + where + ": " + e.getOriginalMessage(), 0);
        } catch (IOException e) {
            return new CsvRecord(line, cellsOf(text), text, malformed, malformed ? error
                    : "the row cannot be split into cells: " + e.getMessage(), 0);
        }
        if (fields.isEmpty()) {
            fields.add("");
        }
        return new CsvRecord(line, fields, text, malformed, error, 0);
    }

    /**
     * The cells a line that cannot be read seems to hold, to name its row: split at every comma, quotes
     * dropped. Whatever the quotes meant, the first cell is then what the row starts with.
     */
    private static List<String> cellsOf(String text) {
        List<String> cells = new ArrayList<>();
        for (String cell : text.split(",", -1)) {
            cells.add(cell.replace("\"", "").strip());
        }
        return cells;
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

    /** One line that cannot be read, alone: the cells it seems to hold (to name its row) and why. */
    private static CsvRecord bad(ByteLines.Line line, String error, int column) {
        return new CsvRecord(line.number(), cellsOf(line.text()), line.text(), line.malformed(),
                line.malformed() ? line.encodingProblem() : error, line.malformed() ? 0 : column);
    }

    /**
     * The first line alone as a bad record (with the cells it seems to hold, so the venue can be named);
     * the lines read after it go back to be read as records.
     */
    private CsvRecord reopen(ByteLines.Line first, List<ByteLines.Line> continued, String error, int column) {
        for (int i = continued.size() - 1; i >= 0; i--) {
            pending.addFirst(continued.get(i));
        }
        return bad(first, error, column);
    }

    /**
     * A column name as it is matched: case, blanks, underscores, hyphens, dots and a unit in brackets do
     * not count ({@code "Height (m)"} → {@code height}, {@code 建筑高度（米）} → {@code 建筑高度}).
     */
    public static String columnKey(String name) {
        return VenueCsv.normalise(name);
    }

    /**
     * What to tell the user about a record that is not valid text in {@code charset}
     * ({@link CsvRecord#malformed()}), with the option that fixes it. The record's own
     * {@link CsvRecord#error()} says the same, and also when a file read as GBK is plainly UTF-8.
     */
    public static String encodingHint(Charset charset) {
        return Encodings.hint(charset, Encodings.OPTION);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
