package io.firerisk.cli;

import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;

import java.io.Closeable;
import java.io.IOException;

/** Where assessments go, one venue at a time and in input order, then the run's summary. */
interface ResultWriter extends Closeable {

    void write(VenueRecord.Parsed input, Assessment assessment) throws IOException;

    void finish(Summary summary) throws IOException;
}
