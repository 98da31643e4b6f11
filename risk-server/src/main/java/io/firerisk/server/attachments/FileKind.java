package io.firerisk.server.attachments;

import io.firerisk.ledger.Evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the desk accepts as evidence, recognised by their first bytes (their "magic"),
 * never by the name or the content type the sender claims: a file named {@code photo.jpg} that does not
 * begin as a JPEG does is refused.
 */
public enum FileKind {
    JPEG("image/jpeg", "jpg", Evidence.Kind.PHOTO),
    PNG("image/png", "png", Evidence.Kind.PHOTO),
    WEBP("image/webp", "webp", Evidence.Kind.PHOTO),
    /** What phones' cameras write (HEIF/HEIC). */
    HEIC("image/heic", "heic", Evidence.Kind.PHOTO),
    PDF("application/pdf", "pdf", Evidence.Kind.DOCUMENT);

    /** Bytes enough to tell every kind apart. */
    static final int HEAD = 16;

    private final String mediaType;
    private final String extension;
    private final Evidence.Kind evidenceKind;

    FileKind(String mediaType, String extension, Evidence.Kind evidenceKind) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.evidenceKind = evidenceKind;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public Evidence.Kind evidenceKind() {
        return evidenceKind;
    }

    /** The kind the file's first bytes show, if it is one the desk accepts. */
    public static Optional<FileKind> of(byte[] head) {
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (starts(head, 4, 'f', 't', 'y', 'p') && head.length >= 12) {
            String brand = new String(Arrays.copyOfRange(head, 8, 12), StandardCharsets.US_ASCII);
            if (brand.equals("heic") || brand.equals("heix") || brand.equals("mif1") || brand.equals("heim")
                    || brand.equals("heis")) {
                return Optional.of(HEIC);
            }
        }
        if (starts(head, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
