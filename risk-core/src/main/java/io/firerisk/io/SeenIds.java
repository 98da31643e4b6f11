package io.firerisk.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The venue ids a reader has read, each with the line it was first read on, so that an id given again
 * is rejected naming that line. A reader sees every venue of a file, so this grows with the input:
 * instead of the strings (about 120 bytes a venue in a {@code HashMap<String, Long>}), it keeps a
 * 128-bit fingerprint of each id (the first half of its SHA-256) and the line, in an open-addressing
 * table: 24 bytes a slot, at most three quarters full, so about 45 bytes a venue. Two different ids
 * share a fingerprint with a probability of about n²/2¹²⁹ (10⁻²⁵ for ten million venues), and SHA-256
 * keeps a crafted input from arranging it. Not thread-safe: one per reader.
 */
final class SeenIds {

    private final MessageDigest sha256;
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    /** The line of the id in the slot; 0 for an empty slot (lines count from 1). */
    private long[] lines = new long[1024];
    private int size;

    SeenIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Records that {@code id} is read on {@code line}, unless it was read before.
     *
     * @return the line it was first read on, or 0 when this is the first time
     */
    long firstLine(String id, long line) {
        byte[] d = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
        long h = toLong(d, 0);
        long l = toLong(d, 8);
        int mask = lines.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (lines[i] == 0) {
                high[i] = h;
                low[i] = l;
                lines[i] = Math.max(1, line);
                if (++size * 4L > lines.length * 3L) {
                    grow();
                }
                return 0;
            }
            if (high[i] == h && low[i] == l) {
                return lines[i];
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldLines = lines;
        high = new long[oldLines.length * 2];
        low = new long[oldLines.length * 2];
        lines = new long[oldLines.length * 2];
        int mask = lines.length - 1;
        for (int j = 0; j < oldLines.length; j++) {
            if (oldLines[j] == 0) {
                continue;
            }
            long h = oldHigh[j];
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (lines[i] != 0) {
                i = (i + 1) & mask;
            }
            high[i] = h;
            low[i] = oldLow[j];
            lines[i] = oldLines[j];
        }
    }

    private static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }
}
