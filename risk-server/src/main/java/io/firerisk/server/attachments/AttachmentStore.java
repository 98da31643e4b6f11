package io.firerisk.server.attachments;

import io.firerisk.server.DeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evidence files uploaded through the desk. A file is kept only when its first bytes show a kind the
 * desk accepts ({@link FileKind}) and it is no larger than the setting; it is written under a random
 * name into the configured directory (outside the web root: no URL maps onto it) and described by a
 * row of {@code desk_attachment}. The ledger records {@code attachment:<id>} with its checksum.
 */
@Service
public class AttachmentStore {

    static final String SCHEME = "attachment:";
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_NAME = 255;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path directory;
    private final boolean temporary;
    private final long maxBytes;
    private final java.time.Duration unclaimedFor;

    AttachmentStore(JdbcTemplate jdbc, Clock clock, DeskProperties properties) throws IOException {
        this.jdbc = jdbc;
        this.clock = clock;
        DeskProperties.Attachments settings = properties.attachments();
        if (settings.directory().isPresent()) {
            this.directory = settings.directory().get().toAbsolutePath();
            this.temporary = false;
        } else if (properties.demo().enabled()) {
            this.directory = Files.createTempDirectory("firerisk-desk-attachments-");
            this.temporary = true;
        } else {
            this.directory = Path.of("firerisk-attachments").toAbsolutePath();
            this.temporary = false;
        }
        Files.createDirectories(directory);
        this.maxBytes = settings.maxSize().toBytes();
        this.unclaimedFor = settings.unclaimedFor();
        LOG.info("evidence files are kept in {} (at most {} bytes each)", directory, maxBytes);
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Keeps an uploaded file as evidence about a venue.
     *
     * @param claimedName the name the sender gave; kept to show, with any folder part and control
     *                    characters removed, never used as a path
     * @throws UploadRefusedException the file is empty, too large or not of an accepted kind; nothing kept
     */
    public StoredAttachment store(String venueId, InputStream content, String claimedName, String uploadedBy) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Path part = directory.resolve(id + ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] head = new byte[FileKind.HEAD];
        int headLength = 0;
        long total = 0;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (headLength < head.length) {
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                total += n;
                if (total > maxBytes) {
                    throw new UploadRefusedException("upload.tooLarge", maxBytes / (1024 * 1024));
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("cannot write an uploaded file into " + directory, e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        String name = displayName(claimedName);
        if (total == 0) {
            deleteQuietly(part);
            throw new UploadRefusedException("upload.empty", name);
        }
        Optional<FileKind> kind = FileKind.of(java.util.Arrays.copyOf(head, headLength));
        if (kind.isEmpty()) {
            deleteQuietly(part);
            throw new UploadRefusedException("upload.type", name);
        }
        StoredAttachment a = new StoredAttachment(id, venueId, kind.get().mediaType(), total,
                HexFormat.of().formatHex(sha.digest()), name, uploadedBy, clock.instant());
        try {
            Files.move(part, file(a));
            jdbc.update("INSERT INTO desk_attachment (attachment_id, venue_id, media_type, bytes, sha256, original_name, "
                            + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.attachmentId(), a.venueId(),
                    a.mediaType(), a.bytes(), a.sha256(), a.originalName(), a.uploadedBy(), Timestamp.from(a.uploadedAt()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(part);
            deleteQuietly(file(a));
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot keep an uploaded file in " + directory, io);
            }
            throw (RuntimeException) e;
        }
        return a;
    }

    /** The attachment of an id or a reference ({@code attachment:<id>}), if the desk keeps it. */
    public Optional<StoredAttachment> find(String idOrUri) {
        String id = idOrUri != null && idOrUri.startsWith(SCHEME) ? idOrUri.substring(SCHEME.length()) : idOrUri;
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        List<StoredAttachment> rows = jdbc.query("SELECT attachment_id, venue_id, media_type, bytes, sha256, "
                + "original_name, uploaded_by, uploaded_at FROM desk_attachment WHERE attachment_id = ?", (rs, n) ->
                new StoredAttachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), id);
        return rows.stream().findFirst();
    }

    /** Files uploaded before {@code instant}, oldest first, at most {@code limit}. */
    public List<StoredAttachment> uploadedBefore(Instant instant, int limit) {
        return jdbc.query("SELECT attachment_id, venue_id, media_type, bytes, sha256, original_name, uploaded_by, "
                + "uploaded_at FROM desk_attachment WHERE uploaded_at < ? ORDER BY uploaded_at, attachment_id "
                + "FETCH FIRST ? ROWS ONLY", (rs, n) ->
                new StoredAttachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), Timestamp.from(instant), limit);
    }

    /** How long an upload no event names is kept. */
    public java.time.Duration unclaimedFor() {
        return unclaimedFor;
    }

    /**
     * Whether a submission may still name this upload: within half of {@link #unclaimedFor()} of its
     * upload, so that the sweep of unclaimed files never removes one a submission is naming.
     */
    public boolean claimable(StoredAttachment a) {
        return a.uploadedAt().plus(unclaimedFor.dividedBy(2)).isAfter(clock.instant());
    }

    /** The file's content. */
    public InputStream open(StoredAttachment a) throws IOException {
        return Files.newInputStream(file(a));
    }

    /** Forgets files kept for a submission the ledger then refused: nothing of it stays. */
    public void discard(List<StoredAttachment> attachments) {
        for (StoredAttachment a : attachments) {
            jdbc.update("DELETE FROM desk_attachment WHERE attachment_id = ?", a.attachmentId());
            deleteQuietly(file(a));
        }
    }

    /** How many files the directory holds (for tests and the health of the store). */
    public long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    /** The directory the files are in. */
    public Path directory() {
        return directory;
    }

    @jakarta.annotation.PreDestroy
    void removeTemporary() throws IOException {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path file(StoredAttachment a) {
        FileKind kind = java.util.Arrays.stream(FileKind.values()).filter(k -> k.mediaType().equals(a.mediaType()))
                .findFirst().orElseThrow();
        return directory.resolve(a.attachmentId() + "." + kind.extension());
    }

    /** The sender's name for the file, to show: its last path part, no control characters, at most 255. */
    static String displayName(String claimed) {
        if (claimed == null) {
            return "";
        }
        String name = claimed.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}", p, e);
        }
    }
}
