package io.firerisk.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text file line by line, decoding each line on its own and strictly. A line that is not
 * valid in the file's encoding (a GBK file read as UTF-8, typically) is reported as such instead of
 * turning into question marks, and the lines around it are still read. Splitting on the byte
 * {@code \n} is safe for UTF-8 and for GBK/GB18030, whose multi-byte sequences never contain it.
 */
final class ByteLines implements Closeable {

    /**
     * One line: its number from 1, its text (bad bytes shown as U+FFFD), and whether it decoded
     * cleanly. A line over {@link #MAX_LINE_BYTES} keeps only its beginning, for the message and the
     * rejects file, and says how long it was.
     */
    record Line(long number, String text, boolean malformed, long tooLongBytes) {
        Line(long number, String text, boolean malformed) {
            this(number, text, malformed, 0);
        }

        boolean tooLong() {
            return tooLongBytes > 0;
        }

        /** Why a line over the limit is refused, for the rejects file. */
        String tooLongMessage() {
            return "the line is " + tooLongBytes + " bytes long, over the limit of " + MAX_LINE_BYTES
                    + " bytes for one record: it was skipped (only its beginning is kept here)";
        }
    }

    /**
     * The longest line read as a record: 1 MiB, far more than a venue with the most findings
     * allowed takes, and small enough that the records in flight on every thread fit in memory.
     * A longer line is skipped without being held, and reported as a bad record.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;
    /** How much of an over-long line is kept to show what it was. */
    static final int KEPT_OF_LONG_LINE = 200;

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder strict;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private long number;
    private long consumed;
    private boolean first = true;
    private boolean eof;
    private boolean utf8BomSeen;
    private Boolean utf8Text;

    ByteLines(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Bytes read so far, for a progress bar. */
    long consumed() {
        return consumed;
    }

    /** The next line without its line ending, or {@code null} at the end of the file. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            total += chunk;
            // Past the limit the rest of the line is only counted, never held.
            int keep = (int) Math.min(chunk, Math.max(0, MAX_LINE_BYTES + 1L - length));
            if (length + keep > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + keep));
            }
            System.arraycopy(buffer, start, line, length, keep);
            length += keep;
            consumed += chunk;
            if (pos < limit) {
                pos++;
                consumed++;
                break;
            }
        }
        number++;
        if (total > MAX_LINE_BYTES) {
            first = false;
            String kept = new String(line, 0, Math.min(length, KEPT_OF_LONG_LINE), charset);
            return new Line(number, kept + "…", false, total);
        }
        int offset = 0;
        if (first) {
            first = false;
            if (length >= 2 && ((line[0] == (byte) 0xFF && line[1] == (byte) 0xFE)
                    || (line[0] == (byte) 0xFE && line[1] == (byte) 0xFF))) {
                throw new IOException("the file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8 or as GBK and try again");
            }
            if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                utf8BomSeen = true;
                if (charset.equals(StandardCharsets.UTF_8)) {
                    offset = 3;
                }
            }
        }
        if (utf8Text == null && !charset.equals(StandardCharsets.UTF_8)) {
            for (int i = offset; i < length; i++) {
                if (line[i] < 0) {
                    utf8Text = isUtf8(line, offset, length - offset);
                    break;
                }
            }
        }
        if (length > offset && line[length - 1] == '\r') {
            length--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, offset, length - offset);
        try {
            CharBuffer chars = strict.reset().decode(bytes);
            return new Line(number, chars.toString(), false);
        } catch (CharacterCodingException e) {
            return new Line(number, new String(line, offset, length - offset, charset), true);
        }
    }

    /**
     * A file read in another encoding that looks like UTF-8 (a UTF-8 byte-order mark, or Chinese
     * that is valid UTF-8) decodes into wrong characters without any error: say so.
     */
    String warning() {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "";
        }
        if (utf8BomSeen || Boolean.TRUE.equals(utf8Text)) {
            return "the file looks like UTF-8, but --encoding " + charset.name() + " was given: names may come out"
                    + " garbled; leave out --encoding if so";
        }
        return "";
    }

    private static boolean isUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
