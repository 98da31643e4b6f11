package io.firerisk.cli;

import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;

import java.io.Closeable;
import java.io.IOException;

/** Where assessments go, one venue at a time and in input order, then the run's summary. */
interface ResultWriter extends Closeable {

    void write(VenueRecord.Parsed input, Assessment assessment) throws IOException;

    /** The run is over: write what depends on all of it (the HTML report); by default, only flush. */
    default void finish(Summary summary) throws IOException {
        close();
    }

    /** Flushes; the output itself belongs to the command, which closes it. */
    @Override
    void close() throws IOException;
}
