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
 * own text so it can be corrected and run again. UTF-8 with a byte-order mark so that Excel shows the
 * Chinese.
 *
 * <p>The file always describes the last run that finished: it is written beside its place (an
 * {@link OutputFile}) and, at {@link #commit}, moved over a file left by an earlier run, or, when this
 * run rejected nothing, that earlier file is removed, so an old list of rejects never passes for this
 * run's. A run that fails or is interrupted leaves it as it was.
 */
final class RejectsFile implements Closeable {

    static final String HEADER = "file,line,venueId,field,message,record";

    private final Path path;
    private OutputFile file;
    private BufferedWriter out;
    private boolean removedStale;

    RejectsFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void add(VenueRecord.Rejected bad) throws IOException {
        try {
            if (out == null) {
                file = OutputFile.create(path);
                out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
                out.write('\uFEFF');
                out.write(HEADER);
                out.write("\r\n");
            }
            out.write(CsvWriter.row(Arrays.asList(bad.origin().file(), String.valueOf(bad.origin().line()),
                    bad.venueId(), bad.field(), bad.message(), bad.raw())));
        } catch (IOException e) {
            throw new Output.Failed(path.toString(), Output.reason(e), e);
        }
    }

    /** {@code venues.csv:12: venue 'WZ-1': occupants: must be …}, for the terminal. */
    static String describe(VenueRecord.Rejected bad) {
        return bad.origin() + ": " + (bad.venueId().isEmpty() ? "" : "venue '" + Safe.text(bad.venueId()) + "': ")
                + (bad.field().isEmpty() ? "" : Safe.text(bad.field()) + ": ") + Safe.text(bad.message());
    }

    /** Whether this run rejected anything (and so, once committed, the file holds its rejects). */
    boolean written() {
        return out != null;
    }

    /** Whether {@link #commit} removed a rejects file an earlier run had left. */
    boolean removedStale() {
        return removedStale;
    }

    /**
     * The run is over: its rejects replace the file, or, when there are none, a rejects file left by an
     * earlier run is removed (only a regular file: {@code --rejects /dev/null} stays).
     */
    void commit() throws IOException {
        try {
            if (out != null) {
                out.flush();
                file.commit();
            } else if (Files.isRegularFile(path)) {
                Files.delete(path);
                removedStale = true;
            }
        } catch (IOException e) {
            throw new Output.Failed(path.toString(), Output.reason(e), e);
        }
    }

    /** Without {@link #commit}: this run's rejects are dropped and the file stays as it was. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
