package io.firerisk.ledger;

import io.firerisk.Text;

/**
 * A photo, document or video held elsewhere (the desk's upload store, a 数字城管 platform) and
 * referred to by the ledger: the ledger keeps the reference and its checksum, never the file.
 *
 * <p>The ledger refuses a reference past its limits, naming the field ({@code evidence[1].uri}):
 * a URI of at most {@value #MAX_URI_LENGTH} characters with scheme {@code https}, {@code http},
 * {@code s3}, {@code urn} or {@code attachment} and no blanks or quotes; a SHA-256 of 64 hex digits;
 * a size of 1 byte to {@value #MAX_BYTES} bytes; a media type of the kind; a caption of at most
 * {@value #MAX_CAPTION_LENGTH} characters; at most {@value #MAX_PER_EVENT} references per event.
 *
 * @param kind      what it is
 * @param uri       where it is kept
 * @param sha256    the file's SHA-256, lower-case hex, so a swapped file is noticed
 * @param bytes     the file's size
 * @param mediaType such as {@code image/jpeg}
 * @param caption   what it shows, may be empty
 */
public record Evidence(Kind kind, String uri, String sha256, long bytes, String mediaType, String caption) {

    public static final int MAX_URI_LENGTH = 1_024;
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_CAPTION_LENGTH = 500;
    public static final int MAX_PER_EVENT = 20;

    public enum Kind {
        PHOTO("照片", "photo"), DOCUMENT("文书", "document"), VIDEO("视频", "video");

        private final Text label;

        Kind(String zh, String en) {
            this.label = Text.of(zh, en);
        }

        public Text label() {
            return label;
        }
    }

    public Evidence {
        caption = caption == null ? "" : caption;
    }

    public static Evidence photo(String uri, String sha256, long bytes) {
        return new Evidence(Kind.PHOTO, uri, sha256, bytes, "image/jpeg", "");
    }
}
