package io.firerisk.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where results are written: a file given with --out, or standard output (left open). */
final class Output implements Closeable {

    private final Writer writer;
    private final boolean owned;

    private Output(Writer writer, boolean owned) {
        this.writer = writer;
        this.owned = owned;
    }

    /**
     * Opens {@code file}, or wraps {@code stdout} when it is null. A CSV file starts with a byte-order
     * mark, which Excel needs to read UTF-8 Chinese; standard output gets none, for other programs.
     */
    static Output open(Path file, PrintWriter stdout, boolean csv) throws IOException {
        if (file == null) {
            return new Output(stdout, false);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        if (csv) {
            w.write('\uFEFF');
        }
        return new Output(w, true);
    }

    Writer writer() {
        return writer;
    }

    /** Prints a multi-line report made from input text: each line made terminal-safe on its own, the line breaks kept. */
    static void lines(PrintWriter out, String text) {
        for (String line : text.split("\n", -1)) {
            out.println(Safe.text(line));
        }
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            writer.close();
        } else {
            writer.flush();
        }
    }
}
