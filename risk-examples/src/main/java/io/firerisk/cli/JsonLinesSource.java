package io.firerisk.cli;

import io.firerisk.VenueFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** JSON Lines: one venue, with its findings, per line (see {@link VenueJson}). */
final class JsonLinesSource implements VenueSource {

    private final ByteLines lines;
    private final String name;
    private final Charset charset;
    private final long total;

    JsonLinesSource(InputStream in, String name, Charset charset, long total) {
        this.lines = new ByteLines(in, charset);
        this.name = name;
        this.charset = charset;
        this.total = total;
    }

    @Override
    public Unit next() throws IOException {
        ByteLines.Line line;
        do {
            line = lines.next();
        } while (line != null && line.text().isBlank() && !line.malformed() && !line.tooLong());
        if (line == null) {
            return null;
        }
        ByteLines.Line read = line;
        return VenueSource.Unit.of(read.text().length(), () -> parse(read));
    }

    private InputRecord parse(ByteLines.Line line) {
        InputRecord.Origin origin = new InputRecord.Origin(name, line.number());
        if (line.tooLong()) {
            return new InputRecord.Bad(origin, "", "", line.tooLongMessage(), line.text());
        }
        if (line.malformed()) {
            return new InputRecord.Bad(origin, "", "", Encodings.hint(charset), line.text());
        }
        try {
            VenueFacts facts = VenueJson.parse(line.text());
            return new InputRecord.Parsed(origin, facts,
                    field -> new InputRecord.Located(origin, VenueJson.inputField(field)), line.text());
        } catch (BadRecord e) {
            return new InputRecord.Bad(origin, e.venueId, e.field, e.getMessage(), line.text());
        } catch (RuntimeException e) {
            // Not expected: the reader reports bad input as BadRecord. Still, one line must never end the run.
            return new InputRecord.Bad(origin, "", "", "the record could not be read: " + e, line.text());
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
