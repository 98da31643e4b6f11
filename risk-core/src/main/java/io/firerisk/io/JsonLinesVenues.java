package io.firerisk.io;

import io.firerisk.VenueFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * JSON Lines: one venue, with its findings, per line (see {@link VenueJson}). Each line's venue id is
 * read as the line is, before the record is parsed on whichever thread: an id given again is rejected
 * naming the line it was first given on, as in a CSV venue table, and a line too long to parse names
 * its venue when the id comes early in it.
 */
final class JsonLinesVenues implements VenueReader {

    private final ByteLines lines;
    private final String name;
    private final long total;
    /** The line each venue id was first read on. */
    private final SeenIds seen = new SeenIds();

    JsonLinesVenues(InputStream in, String name, Charset charset, long total) {
        this.lines = new ByteLines(in, charset, Encodings.OPTION);
        this.name = name;
        this.total = total;
    }

    @Override
    public Pending next() throws IOException {
        ByteLines.Line line;
        do {
            line = lines.next();
        } while (line != null && line.text().isBlank() && !line.malformed() && !line.tooLong());
        if (line == null) {
            return null;
        }
        ByteLines.Line read = line;
        Origin origin = new Origin(name, read.number());
        String id = read.malformed() ? "" : VenueJson.idOf(read.tooLong() ? read.head() : read.text());
        long first = id.isBlank() ? 0 : seen.firstLine(id, read.number());
        if (first > 0) {
            VenueRecord again = new VenueRecord.Rejected(origin, id, "id", "venue '" + id + "' appears again (first on"
                    + " line " + first + "): a venue is given once", read.text());
            return Pending.of(read.text().length(), () -> again);
        }
        String text = read.text();
        if (read.tooLong()) {
            // Only the beginning is kept; the line's first mebibyte (its head) is let go here.
            VenueRecord tooLong = new VenueRecord.Rejected(origin, id, "", read.tooLongMessage(), text);
            return Pending.of(text.length(), () -> tooLong);
        }
        String encodingProblem = read.encodingProblem();
        return Pending.of(text.length(), () -> parse(origin, text, encodingProblem));
    }

    /** One line as a record; a line with an {@code encodingProblem} is rejected with it. */
    static VenueRecord parse(Origin origin, String text, String encodingProblem) {
        if (!encodingProblem.isEmpty()) {
            return new VenueRecord.Rejected(origin, "", "", encodingProblem, text);
        }
        try {
            VenueFacts facts = VenueJson.parse(text);
            return new VenueRecord.Parsed(origin, facts, field -> new Located(origin, VenueJson.inputField(field)),
                    text);
        } catch (BadRecord e) {
            return new VenueRecord.Rejected(origin, e.venueId, e.field, e.getMessage(), text);
        } catch (RuntimeException e) {
            // Not expected: the reader reports bad input as BadRecord. Still, one line must never end the run.
            return new VenueRecord.Rejected(origin, "", "", "the record could not be read: " + e, text);
        }
    }

    @Override
    public long consumed() {
        return lines.consumed();
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
