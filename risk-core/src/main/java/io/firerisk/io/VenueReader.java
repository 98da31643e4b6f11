package io.firerisk.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Venues read from an input one record at a time, so that a file of any size is read in bounded
 * memory: JSON Lines (one venue with its findings per line, {@link #jsonLines}) or CSV as a spreadsheet
 * exports it (a venue table, optionally joined with a findings table by venue id, {@link #csv}).
 *
 * <p>Every record ends as exactly one {@link VenueRecord}: the venue, or a {@link VenueRecord.Rejected}
 * naming the file, line, venue and field at fault. Nothing is silently dropped, merged or guessed: a line
 * that is not valid in the file's encoding, a truncated record, a stray quote, an unknown field, a value
 * out of range, a venue id given a second time are all rejects, and the records around them are still
 * read. A finding row that cannot be read rejects its venue (named from the row's start, even when the
 * row is too long to read), so no venue is assessed without a finding it was given. A problem with the
 * input as a whole (no such column, an empty file, JSON Lines given as a CSV table) is an
 * {@link InputException}.
 *
 * <pre>{@code
 * try (VenueReader venues = VenueReader.jsonLines(in, "venues.jsonl", StandardCharsets.UTF_8, -1)) {
 *     for (VenueReader.Pending p = venues.next(); p != null; p = venues.next()) {
 *         switch (p.parse()) {
 *             case VenueRecord.Parsed v -> engine.assess(v.facts());
 *             case VenueRecord.Rejected r -> rejects.add(r);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Reading is sequential and not thread-safe; {@link Pending#parse()} may run on any thread, so
 * records can be parsed in parallel and still be delivered in input order.
 *
 * <p>Input is UTF-8 (a byte-order mark is dropped) or GBK/GB18030, each file in its own; a reader refuses any
 * other charset with an {@link IllegalArgumentException}. Lines end in {@code \n}, {@code \r\n}, or {@code \r}
 * alone in a file whose first line so ends.
 *
 * <p>Limits, each enforced record by record ({@code SECURITY.md} lists them all): a line of at most
 * {@link CsvReader#MAX_LINE_BYTES}; a quoted CSV cell spanning at most {@link CsvReader#MAX_RECORD_LINES}
 * lines; JSON nested at most {@link #MAX_JSON_NESTING} deep, each key once, one record per line; at most
 * {@link io.firerisk.VenueFacts#MAX_FINDINGS} findings per venue; the fact records' own limits for
 * every value.
 */
public interface VenueReader extends Closeable {

    /** The deepest a JSON record may nest: a venue record needs four levels. */
    int MAX_JSON_NESTING = VenueJson.MAX_NESTING;

    /** A record as read, not yet parsed: parsing may run on another thread. */
    interface Pending {

        /** The record, parsed: the venue or why it is rejected. Never throws for bad input. */
        VenueRecord parse();

        /** About how many characters the record holds, for bounding how much is in flight at once. */
        long size();

        /** A record of about {@code size} characters that {@code parse} turns into a venue or a reject. */
        static Pending of(long size, Supplier<VenueRecord> parse) {
            Objects.requireNonNull(parse, "parse");
            return new Pending() {
                @Override
                public VenueRecord parse() {
                    return parse.get();
                }

                @Override
                public long size() {
                    return size;
                }
            };
        }
    }

    /** A file that can be opened more than once: a CSV findings table is read twice to join in flat memory. */
    @FunctionalInterface
    interface Reopenable {
        InputStream open() throws IOException;
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws IOException    when the input cannot be read
     * @throws InputException when the input as a whole cannot be read as venues
     */
    Pending next() throws IOException, InputException;

    /** Bytes read so far, for a progress bar. */
    long consumed();

    /** The input's size in bytes, -1 when unknown. */
    long total();

    /** What is being read, for messages: the file name, or both tables' names. */
    String name();

    /**
     * Something about the input the user should know, or empty. (The readers of this package say
     * everything in rejects: a file in another encoding than the one chosen is rejected line by line.)
     */
    default String warning() {
        return "";
    }

    /**
     * JSON Lines: one venue with its findings per line (the fields are those of {@code firerisk assess}'s
     * input: {@code id}, {@code kind}, {@code occupants}, {@code findings[].code} …). Blank lines are skipped.
     *
     * @param in      the bytes; closed with the reader
     * @param name    the file's name, for origins and messages
     * @param charset UTF-8 (a byte-order mark is dropped) or GBK/GB18030
     * @param total   the input's size in bytes, -1 when unknown
     */
    static VenueReader jsonLines(InputStream in, String name, Charset charset, long total) {
        return new JsonLinesVenues(in, name, charset, total);
    }

    /**
     * A CSV venue table, without findings. Column names may be the JSON field names or Chinese (场所编号,
     * 名称, 类型 …); a column named 备注 or note is ignored, any other unknown column is an
     * {@link InputException}.
     *
     * @throws InputException when the header cannot be read or names an unknown column
     */
    static VenueReader csv(InputStream venues, String name, Charset charset, long total)
            throws IOException, InputException {
        return new CsvVenues(venues, name, charset, total, null, "", charset);
    }

    /**
     * A CSV venue table and a findings table joined to it by venue id, in any order. The join streams:
     * the findings table is read twice (once to count each venue's rows), and rows are held back only
     * while they arrive before their venue, so tables exported in the same order join in flat memory.
     * A finding whose venue is missing is rejected, never dropped. Both tables are read as {@code charset}.
     *
     * @throws InputException when a header cannot be read or names an unknown column
     */
    static VenueReader csv(InputStream venues, String name, Charset charset, long total, Reopenable findings,
            String findingsName) throws IOException, InputException {
        return csv(venues, name, charset, total, findings, findingsName, charset);
    }

    /**
     * As {@link #csv(InputStream, String, Charset, long, Reopenable, String)}, the findings table in its own
     * encoding (a venue table exported as GBK, a findings table as UTF-8): a line of either that is not
     * valid in its encoding is rejected with the hint naming that table's option ({@code --encoding} or
     * {@code --findings-encoding}).
     *
     * @throws InputException when a header cannot be read or names an unknown column
     */
    static VenueReader csv(InputStream venues, String name, Charset charset, long total, Reopenable findings,
            String findingsName, Charset findingsCharset) throws IOException, InputException {
        Objects.requireNonNull(findings, "findings");
        return new CsvVenues(venues, name, charset, total, findings, findingsName, findingsCharset);
    }

    /**
     * One JSON Lines record parsed on its own, for a program that splits the input itself (a Spark
     * partition, say): exactly what {@link #jsonLines} makes of the same line, except that a line alone
     * cannot know whether its venue id was given on an earlier line.
     */
    static VenueRecord jsonLine(Origin origin, String line) {
        return JsonLinesVenues.parse(origin, line, "");
    }
}
