package io.firerisk.cli;

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

    /** One line: its number from 1, its text (bad bytes shown as U+FFFD), and whether it decoded cleanly. */
    record Line(long number, String text, boolean malformed) {}

    /** A line longer than this is not a record anyone wrote by hand or exported; stop before it exhausts memory. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

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
            if (length + chunk > MAX_LINE_BYTES) {
                throw new IOException("line " + (number + 1) + " is longer than " + MAX_LINE_BYTES
                        + " bytes: this is not a text file of records");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            consumed += chunk;
            if (pos < limit) {
                pos++;
                consumed++;
                break;
            }
        }
        number++;
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
