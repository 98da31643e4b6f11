package io.firerisk.cli;

import java.io.Closeable;
import java.io.IOException;

/**
 * Venues read from an input, one record at a time, so that a file of any size is processed in
 * bounded memory. Reading is sequential; turning a unit into a record may happen on any thread.
 */
interface VenueSource extends Closeable {

    /** A record as read, not yet parsed: parsing may run on a worker thread. */
    interface Unit {
        InputRecord parse();

        /** About how many characters the record holds, for bounding how much is in flight at once. */
        default long size() {
            return 0;
        }

        static Unit of(long size, java.util.function.Supplier<InputRecord> parse) {
            return new Unit() {
                @Override
                public InputRecord parse() {
                    return parse.get();
                }

                @Override
                public long size() {
                    return size;
                }
            };
        }
    }

    /** The next unit, or {@code null} at the end of the input. */
    Unit next() throws IOException, InputException;

    /** Bytes read so far and in total (total is -1 when unknown), for a progress bar. */
    long consumed();

    long total();

    /** What is being read, for messages. */
    String name();

    /** Something about the input the user should know (such as a doubtful encoding), or empty. */
    default String warning() {
        return "";
    }
}
