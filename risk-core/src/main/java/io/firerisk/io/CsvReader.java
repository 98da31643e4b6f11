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
 * quoted cells may span lines), UTF-8 with or without a byte-order mark, or GBK.
 *
 * <p>Input is untrusted, so the file is read line by line and each line decoded strictly on its own
 * ({@link CsvRecord#malformed()} instead of question marks: a GBK file read as UTF-8 is rejected line
 * by line, never read as garbled names), and every limit holds record by record: a line longer than
 * {@link #MAX_LINE_BYTES} is skipped unread; a quoted cell may span at most {@link #MAX_RECORD_LINES}
 * lines, and one left open (a truncated line, a stray quote) rejects only the line that opened it,
 * the lines after it being read again as the records they are. The cells of a record are split by
 * Jackson's CSV parser; a record it refuses comes back with its {@link CsvRecord#error()}, naming the
 * column. Every record keeps the line it starts on.
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

    private final ByteLines lines;
    private final ArrayDeque<ByteLines.Line> pending = new ArrayDeque<>();
    private int width = -1;

    private CsvReader(ByteLines lines) {
        this.lines = lines;
    }

    /** Reads {@code in}, decoding it as {@code charset}; a UTF-8 byte-order mark is dropped. */
    public static CsvReader open(InputStream in, Charset charset) {
        return new CsvReader(new ByteLines(in, charset));
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
     * Something about the file the reader should be told, or empty: a file read as GBK that looks like
     * UTF-8 decodes into wrong characters without any error.
     */
    public String warning() {
        return lines.warning();
    }

    /**
     * The header's number of columns: a record spanning several lines that ends up with another number
     * came from a quote left open, and is split again (a one-line record with the wrong number of cells
     * is for the caller to report).
     */
    public void expectColumns(int columns) {
        this.width = columns;
    }

    private ByteLines.Line nextLine() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.poll();
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws IOException when the file cannot be read, or is UTF-16 (which no line-by-line reading can
     *                     make sense of: the message says how to save it)
     */
    public CsvRecord next() throws IOException {
        ByteLines.Line first = nextLine();
        if (first == null) {
            return null;
        }
        if (first.tooLong()) {
            return new CsvRecord(first.number(), List.of(), first.text(), false, first.tooLongMessage());
        }
        if (!opensQuote(first.text(), false)) {
            return split(first.number(), first.text(), first.malformed());
        }
        List<ByteLines.Line> continued = new ArrayList<>();
        StringBuilder raw = new StringBuilder(first.text());
        boolean malformed = first.malformed();
        boolean quoted = true;
        while (quoted) {
            ByteLines.Line more = nextLine();
            if (more == null) {
                return reopen(first, continued, "a quoted cell opened on this line is not closed before the end of"
                        + " the file: the record is truncated");
            }
            continued.add(more);
            if (more.tooLong() || continued.size() >= MAX_RECORD_LINES
                    || raw.length() + more.text().length() > MAX_LINE_BYTES) {
                return reopen(first, continued, "a quoted cell opened on this line is not closed within "
                        + MAX_RECORD_LINES + " lines or " + MAX_LINE_BYTES + " bytes: the line is"
                        + " truncated or holds a stray quote; the lines after it are read as records");
            }
            raw.append('\n').append(more.text());
            malformed |= more.malformed();
            quoted = opensQuote(more.text(), true);
        }
        CsvRecord record = split(first.number(), raw.toString(), malformed);
        // A quoted cell over several lines that does not split, or leaves the row the wrong width, was
        // a quote left open: the lines it ran into are records of their own.
        if (!record.error().isEmpty()) {
            return reopen(first, continued, "a quoted cell opened on this line runs on to line "
                    + continued.get(continued.size() - 1).number() + " and the row then cannot be split ("
                    + record.error() + "): the line is truncated or holds a stray quote; it is read on its own and"
                    + " the lines after it as records");
        }
        if (width > 0 && !fits(record.fields())) {
            return reopen(first, continued, "a quoted cell opened on this line runs on to line "
                    + continued.get(continued.size() - 1).number() + " and leaves the row with "
                    + record.fields().size() + " of the header's " + width + " columns: the line is truncated or"
                    + " holds a stray quote; it is read on its own and the lines after it as records");
        }
        return record;
    }

    /**
     * Whether a line ends inside a quoted cell, given whether it started inside one. A quote opens a
     * cell only at its start (after blanks), as the parser reads it; elsewhere it is text.
     */
    static boolean opensQuote(String text, boolean startsQuoted) {
        boolean quoted = startsQuoted;
        boolean cellStart = !startsQuoted;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == ',') {
                cellStart = true;
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c != ' ' && c != '\t') {
                cellStart = false;
            }
        }
        return quoted;
    }

    /** The record's cells, split by the CSV parser; a record it refuses keeps its text and says why. */
    private static CsvRecord split(long line, String text, boolean malformed) {
        List<String> fields = new ArrayList<>();
        try (CsvParser parser = CSV.createParser(text)) {
            int arrays = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_ARRAY && ++arrays > 1) {
                    return new CsvRecord(line, List.of(), text, malformed, "a carriage return stands inside an"
                            + " unquoted cell: quote the cell, or remove the character");
                }
                if (t == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at character " + at.getColumnNr();
            return new CsvRecord(line, List.of(), text, malformed, "the row cannot be split into cells" + where
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return new CsvRecord(line, List.of(), text, malformed, "the row cannot be split into cells: " + e.getMessage());
        }
        if (fields.isEmpty()) {
            fields.add("");
        }
        return new CsvRecord(line, fields, text, malformed, "");
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
     * The first line alone as a bad record (with the cells it has, so the venue can be named); the
     * lines read after it go back to be read as records.
     */
    private CsvRecord reopen(ByteLines.Line first, List<ByteLines.Line> continued, String error) {
        for (int i = continued.size() - 1; i >= 0; i--) {
            pending.addFirst(continued.get(i));
        }
        // Closing the open quote gives the cells the line has, the venue id among them.
        CsvRecord closed = split(first.number(), first.text() + "\"", first.malformed());
        return new CsvRecord(first.number(), closed.fields(), first.text(), first.malformed(), error);
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
     * ({@link CsvRecord#malformed()}), with the option that fixes it.
     */
    public static String encodingHint(Charset charset) {
        return Encodings.hint(charset);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
