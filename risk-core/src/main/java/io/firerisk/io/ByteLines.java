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
 * valid in the file's encoding (a GBK file read as UTF-8), or that is plainly UTF-8 in a file read as
 * GBK, is reported as such instead of turning into wrong characters, and the lines around it are still
 * read. Splitting on the bytes {@code \n} and {@code \r} is safe for UTF-8 and for GBK/GB18030, whose
 * multi-byte sequences never contain them.
 *
 * <p>Lines end as the file's first line ends: at {@code \n} (a {@code \r} before it is dropped) in
 * the usual case, and at {@code \r}, {@code \r\n} or {@code \n} alike when the first line ends in a
 * {@code \r} alone (old Mac exports), so such a file is not read as one long line.
 */
final class ByteLines implements Closeable {

    /**
     * One line: its number from 1, its text (bad bytes shown as U+FFFD), and why it cannot be read as
     * text ({@code encodingProblem}, empty when it decoded cleanly). A line over {@link #MAX_LINE_BYTES}
     * keeps only its beginning for the message and the rejects file ({@code text}), says how long it
     * was, and offers its first mebibyte decoded leniently ({@code head}), so that a reader can find the
     * venue it belongs to.
     */
    record Line(long number, String text, String encodingProblem, long tooLongBytes, String head) {
        Line(long number, String text, String encodingProblem) {
            this(number, text, encodingProblem, 0, "");
        }

        boolean malformed() {
            return !encodingProblem.isEmpty();
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
     * A longer line is skipped without being held beyond this, and reported as a bad record.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;
    /** How much of an over-long line is kept to show what it was. */
    static final int KEPT_OF_LONG_LINE = 200;

    private enum Ends { UNKNOWN, LF, CR }

    private final InputStream in;
    private final Charset charset;
    private final String option;
    private final CharsetDecoder strict;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private long number;
    private long consumed;
    private boolean first = true;
    private boolean eof;
    private Ends ends = Ends.UNKNOWN;

    /**
     * @param charset UTF-8 or GBK/GB18030 ({@link Encodings#require})
     * @param option  how the user chooses this file's encoding, for the hint ({@code --encoding})
     */
    ByteLines(InputStream in, Charset charset, String option) {
        this.in = in;
        this.charset = Encodings.require(charset);
        this.option = option;
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
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = pos;
            if (ends == Ends.LF) {
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
            } else {
                while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
                    pos++;
                }
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
                byte end = buffer[pos++];
                consumed++;
                if (end == '\r') {
                    // \r\n is one line end; a \r alone ends lines only in a file whose first line so ends.
                    boolean crlf = (pos < limit || fill()) && buffer[pos] == '\n';
                    if (crlf) {
                        pos++;
                        consumed++;
                    }
                    if (ends == Ends.UNKNOWN) {
                        ends = crlf ? Ends.LF : Ends.CR;
                    }
                } else if (ends == Ends.UNKNOWN) {
                    ends = Ends.LF;
                }
                break;
            }
        }
        number++;
        boolean firstLine = first;
        first = false;
        if (total > MAX_LINE_BYTES) {
            String head = new String(line, 0, Math.min(length, MAX_LINE_BYTES), charset);
            String kept = head.substring(0, Math.min(head.length(), KEPT_OF_LONG_LINE));
            return new Line(number, kept + "…", "", total, head);
        }
        int offset = 0;
        boolean bom = false;
        if (firstLine) {
            if (length >= 2 && ((line[0] == (byte) 0xFF && line[1] == (byte) 0xFE)
                    || (line[0] == (byte) 0xFE && line[1] == (byte) 0xFF))) {
                throw new IOException("the file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8 or as GBK and try again");
            }
            bom = length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
            if (bom && charset.equals(StandardCharsets.UTF_8)) {
                offset = 3;
            }
        }
        if (ends == Ends.LF && length > offset && line[length - 1] == '\r') {
            length--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, offset, length - offset);
        try {
            CharBuffer chars = strict.reset().decode(bytes);
            if (!charset.equals(StandardCharsets.UTF_8) && (bom || looksUtf8(offset, length))) {
                return new Line(number, chars.toString(), Encodings.utf8ReadAs(charset, option));
            }
            return new Line(number, chars.toString(), "");
        } catch (CharacterCodingException e) {
            return new Line(number, new String(line, offset, length - offset, charset), Encodings.hint(charset, option));
        }
    }

    /** Reads more bytes into the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
            limit = 0;
            eof = true;
            return false;
        }
        return true;
    }

    /**
     * Whether a line read as GBK is plainly UTF-8: it is valid UTF-8 and holds a character from beyond
     * the two-byte range (Chinese, in practice). Chinese text in GBK is hardly ever that, and UTF-8 read
     * as GBK decodes into wrong characters without any error, so such a line is refused, not guessed at.
     */
    private boolean looksUtf8(int offset, int length) {
        boolean wide = false;
        for (int i = offset; i < length; i++) {
            if ((line[i] & 0xF0) == 0xE0 || (line[i] & 0xF8) == 0xF0) {
                wide = true;
                break;
            }
        }
        if (!wide) {
            return false;
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(line, offset, length - offset));
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
