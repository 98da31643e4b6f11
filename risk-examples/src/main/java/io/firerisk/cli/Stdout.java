package io.firerisk.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The program's standard output or error as a {@link PrintWriter} that remembers why a write failed.
 * A PrintWriter (like {@code System.out}) swallows write errors and keeps only a flag; this one also
 * keeps the system's reason ({@code No space left on device}), so that {@code firerisk assess > file}
 * on a full disk says so and exits non-zero instead of reporting results it never wrote.
 */
final class Stdout extends PrintWriter {

    private final Recording stream;

    private Stdout(Recording stream) {
        super(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /** Standard output, written through the file descriptor, not through {@code System.out}, which hides errors. */
    static Stdout out() {
        return new Stdout(new Recording(new FileOutputStream(FileDescriptor.out)));
    }

    /** Standard error. */
    static Stdout err() {
        return new Stdout(new Recording(new FileOutputStream(FileDescriptor.err)));
    }

    /** For tests: any stream, such as one that fails as a full disk does. */
    static Stdout of(OutputStream out) {
        return new Stdout(new Recording(out));
    }

    /** Why the first write that failed failed, or empty. */
    String failure() {
        return stream.failure == null ? "" : stream.failure;
    }

    private static final class Recording extends FilterOutputStream {
        private volatile String failure;

        Recording(OutputStream out) {
            super(out);
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            return e;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }
    }
}
