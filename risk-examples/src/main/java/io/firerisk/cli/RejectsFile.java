package io.firerisk.cli;

import io.firerisk.io.CsvWriter;
import io.firerisk.io.VenueRecord;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The records a run could not assess, one CSV row each: where, which field, why, and the record's
 * own text so it can be corrected and run again. Created on the first reject only; UTF-8 with a
 * byte-order mark so that Excel shows the Chinese.
 */
final class RejectsFile implements Closeable {

    static final String HEADER = "file,line,venueId,field,message,record";

    private final Path path;
    private BufferedWriter out;

    RejectsFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void add(VenueRecord.Rejected bad) throws IOException {
        if (out == null) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8));
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
        }
        out.write(CsvWriter.row(Arrays.asList(bad.origin().file(), String.valueOf(bad.origin().line()), bad.venueId(),
                bad.field(), bad.message(), bad.raw())));
    }

    /** {@code venues.csv:12: venue 'WZ-1': occupants: must be …}, for the terminal. */
    static String describe(VenueRecord.Rejected bad) {
        return bad.origin() + ": " + (bad.venueId().isEmpty() ? "" : "venue '" + Safe.text(bad.venueId()) + "': ")
                + (bad.field().isEmpty() ? "" : Safe.text(bad.field()) + ": ") + Safe.text(bad.message());
    }

    boolean written() {
        return out != null;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
