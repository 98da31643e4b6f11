package io.firerisk.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where results are written: a file given with --out, or standard output. Every write is checked. A file
 * is an {@link OutputFile}: it appears, whole, only at {@link #commit}, and a run that ends any other way
 * leaves the previous file as it was. On standard output, which the program cannot take back, a write
 * that fails (a full disk behind {@code > file}, a closed pipe) stops the run with the reason at the next
 * block written, and {@link #commit} checks the last block, so nothing after it may claim the results
 * were written.
 */
final class Output implements Closeable {

    /** A write to an output failed: the message names the output and the reason. */
    static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(String output, String reason, Throwable cause) {
            super("cannot write " + output + ": " + reason, cause);
        }
    }

    private final String name;
    private final Writer writer;
    private final OutputFile file;

    private Output(String name, Writer writer, OutputFile file) {
        this.name = name;
        this.writer = writer;
        this.file = file;
    }

    /**
     * Opens {@code file} (its temporary file, that is), or wraps {@code stdout} when it is null. A CSV file
     * starts with a byte-order mark, which Excel needs to read UTF-8 Chinese; standard output gets none,
     * for other programs.
     */
    static Output open(Path file, PrintWriter stdout, boolean csv) throws IOException {
        if (file == null) {
            return new Output(STDOUT, new Checked(STDOUT, new StdoutWriter(stdout)), null);
        }
        OutputFile out;
        try {
            out = OutputFile.create(file);
        } catch (IOException e) {
            throw new Failed(file.toString(), reason(e), e);
        }
        Writer w = new Checked(file.toString(), new BufferedWriter(new OutputStreamWriter(out.stream(),
                StandardCharsets.UTF_8), 1 << 16));
        Output output = new Output(file.toString(), w, out);
        if (csv) {
            w.write('\uFEFF');
        }
        return output;
    }

    static final String STDOUT = "standard output";

    Writer writer() {
        return writer;
    }

    /** {@code results.csv}, or {@code standard output}. */
    String name() {
        return name;
    }

    /**
     * Everything is written: flushed and checked, and a file moved into place.
     *
     * @throws Failed when the last of it could not be written (the previous file then stays as it was)
     */
    void commit() throws IOException {
        writer.flush();
        if (file != null) {
            try {
                file.commit();
            } catch (IOException e) {
                throw new Failed(name, reason(e), e);
            }
        }
    }

    /** Prints a multi-line report made from input text: each line made terminal-safe on its own, the line breaks kept. */
    static void lines(PrintWriter out, String text) {
        for (String line : text.split("\n", -1)) {
            out.println(Safe.text(line));
        }
    }

    /** Without {@link #commit}: a file's temporary file is removed; standard output is flushed as it is. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        } else {
            try {
                writer.flush();
            } catch (IOException e) {
                // the failure was reported when it happened
            }
        }
    }

    /** What the system said, such as {@code No space left on device}. */
    static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Turns any write error into a {@link Failed} naming the output. */
    private static final class Checked extends Writer {
        private final String name;
        private final Writer out;

        Checked(String name, Writer out) {
            this.name = name;
            this.out = out;
        }

        private Failed failed(IOException e) {
            return e instanceof Failed f ? f : new Failed(name, reason(e), e);
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            try {
                out.write(chars, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            try {
                out.write(s, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(int c) throws IOException {
            try {
                out.write(c);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /**
     * Standard output through the command's {@link PrintWriter}, which swallows write errors: text is
     * passed on in blocks, and after each the writer's error flag is checked, so a failure stops the run
     * within a block instead of being found (or not) at the end.
     */
    private static final class StdoutWriter extends Writer {
        private static final int BLOCK = 1 << 16;
        private final PrintWriter out;
        private final StringBuilder pending = new StringBuilder(BLOCK);

        StdoutWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            pending.append(chars, off, len);
            if (pending.length() >= BLOCK) {
                flush();
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            pending.append(s, off, off + len);
            if (pending.length() >= BLOCK) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            if (pending.length() > 0) {
                out.write(pending.toString());
                pending.setLength(0);
            }
            check(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * Flushes the command's standard output and fails when any write to it failed, with the reason the
     * system gave when the writer is the program's own ({@link Stdout}).
     */
    static void check(PrintWriter out) throws Failed {
        if (out.checkError()) {
            String reason = out instanceof Stdout s && !s.failure().isEmpty() ? s.failure() : "the stream was closed"
                    + " or the disk is full";
            throw new Failed(STDOUT, reason, null);
        }
    }
}
