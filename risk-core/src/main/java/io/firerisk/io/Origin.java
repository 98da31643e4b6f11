package io.firerisk.io;

import java.util.Objects;

/**
 * Where a record, or a field of it, was written: a file (as the reader was told to name it) and the
 * line it starts on, from 1.
 *
 * @param file the file's name, such as {@code venues.csv} or {@code <stdin>}
 * @param line the line, from 1
 */
public record Origin(String file, long line) {

    public Origin {
        Objects.requireNonNull(file, "file");
    }

    /** {@code venues.csv:12}. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
