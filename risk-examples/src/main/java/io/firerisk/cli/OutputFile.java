package io.firerisk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file the program writes, which appears only when it is complete. The bytes go to a temporary file
 * beside the target ({@code .NAME.RANDOM.part}, in the same folder so that the final move is a rename);
 * {@link #commit} flushes it to the disk and moves it over the target in one step. A run that fails,
 * is interrupted (Ctrl-C, {@code kill}) or hits a full disk therefore never leaves a truncated or empty
 * file where a good one was: the temporary file is removed ({@link #close} without commit, or a
 * shutdown hook on an interrupt) and the target keeps its previous content. Only a hard kill
 * ({@code kill -9}, a power cut) can leave a {@code .part} file behind, never a damaged target.
 *
 * <p>A target that exists and is not a regular file ({@code /dev/null}, {@code /dev/stdout}, a named
 * pipe) is written directly: it cannot be replaced, and must not be. A symbolic link is followed: the
 * file it names is replaced and the link kept. A replaced file keeps its permissions.
 */
final class OutputFile implements Closeable {

    /** Temporary files not yet committed or removed, for the shutdown hook. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Thread cleanup = new Thread(() -> LIVE.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the JVM is exiting: nothing more can be done
            }
        }), "firerisk-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    private OutputFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
    }

    /** Starts writing {@code file}; nothing changes at {@code file} itself until {@link #commit}. */
    static OutputFile create(Path file) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new OutputFile(target, null, FileChannel.open(target, StandardOpenOption.WRITE));
        }
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = target.getFileName().toString();
        Path temp = target.resolveSibling("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
        LIVE.add(temp);
        try {
            return new OutputFile(target, temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            LIVE.remove(temp);
            throw e;
        }
    }

    /** Where the bytes go until {@link #commit}. Not buffered. */
    OutputStream stream() {
        return stream;
    }

    /**
     * The file is complete: its bytes are forced to the disk (so a full disk shows here, not later) and
     * it replaces the target. Call after the last write has been flushed to {@link #stream}.
     */
    void commit() throws IOException {
        if (done) {
            return;
        }
        if (temp == null) {
            done = true;
            channel.close();
            return;
        }
        channel.force(true);
        channel.close();
        keepPermissions();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        LIVE.remove(temp);
    }

    /** The file being replaced keeps its permissions; a new one gets the usual ones (the umask's). */
    private void keepPermissions() {
        try {
            PosixFileAttributeView was = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            PosixFileAttributeView now = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (was != null && now != null && Files.exists(target)) {
                now.setPermissions(was.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the content is what matters
        }
    }

    /** Without {@link #commit}: the temporary file is removed and the target left as it was. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException e) {
            // being abandoned anyway
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // left for the shutdown hook to try again
                return;
            }
            LIVE.remove(temp);
        }
    }
}
