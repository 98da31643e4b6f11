package io.firerisk.server.attachments;

import io.firerisk.ledger.Evidence;

import java.time.Instant;

/**
 * An uploaded file as the desk keeps it: a random id (the file's name on disk too, with the extension
 * of its kind), the venue it is evidence about, what its content was found to be, its size and
 * SHA-256, the name the sender gave (shown, never used as a path) and who uploaded it when.
 */
public record StoredAttachment(String attachmentId, String venueId, String mediaType, long bytes, String sha256,
        String originalName, String uploadedBy, Instant uploadedAt) {

    /** The reference the ledger records, {@code attachment:<id>}. */
    public String uri() {
        return AttachmentStore.SCHEME + attachmentId;
    }

    /** The ledger's evidence reference to this file. */
    public Evidence evidence(String caption) {
        FileKind kind = FileKind.valueOf(kindName());
        return new Evidence(kind.evidenceKind(), uri(), sha256, bytes, mediaType, caption);
    }

    /** The name the file is served under: the id and the extension of its kind, nothing the sender chose. */
    public String downloadName() {
        return "evidence-" + attachmentId + "." + FileKind.valueOf(kindName()).extension();
    }

    private String kindName() {
        for (FileKind k : FileKind.values()) {
            if (k.mediaType().equals(mediaType)) {
                return k.name();
            }
        }
        throw new IllegalStateException("attachment " + attachmentId + " has an unknown media type " + mediaType);
    }
}
