package io.firerisk.io;

import io.firerisk.VenueFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** JSON Lines: one venue, with its findings, per line (see {@link VenueJson}). */
final class JsonLinesVenues implements VenueReader {

    private final ByteLines lines;
    private final String name;
    private final Charset charset;
    private final long total;

    JsonLinesVenues(InputStream in, String name, Charset charset, long total) {
        this.lines = new ByteLines(in, charset);
        this.name = name;
        this.charset = charset;
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
        return Pending.of(read.text().length(), () -> read.tooLong()
                ? new VenueRecord.Rejected(origin, "", "", read.tooLongMessage(), read.text())
                : parse(origin, read.text(), read.malformed(), charset));
    }

    /** One line as a record; {@code malformed} lines (not valid in {@code charset}) are rejected with the hint. */
    static VenueRecord parse(Origin origin, String text, boolean malformed, Charset charset) {
        if (malformed) {
            return new VenueRecord.Rejected(origin, "", "", Encodings.hint(charset), text);
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
    public String warning() {
        return lines.warning();
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
