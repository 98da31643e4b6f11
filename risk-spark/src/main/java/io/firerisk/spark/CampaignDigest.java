package io.firerisk.spark;

import io.firerisk.CampaignException;
import io.firerisk.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The identity of a campaign's content: SHA-256 over every file of its folder (hidden and editor files left
 * out), each as its path relative to the folder, its length and its bytes, in path order. Two copies digest
 * alike exactly when their files are the same, wherever they lie; an executor keys its engines by it.
 */
final class CampaignDigest {

    private CampaignDigest() {}

    static String ofFolder(Path folder) {
        return digest(folder.toAbsolutePath().normalize(), folder.toString());
    }

    /** The digest of the campaign bundled under {@code campaigns/<id>/} on the classpath, in a jar or a folder. */
    static String ofBundled(String id, ClassLoader loader) {
        String location = "campaigns/" + id + "/campaign.yaml";
        URL url = loader.getResource(location);
        if (url == null) {
            throw new CampaignException(id, List.of(Problem.error("", 0, 0, "no campaign '" + id
                    + "' on the classpath (looked for " + location + ")")));
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return digest(Path.of(uri).getParent(), id);
            }
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                return digest(fs.provider().getPath(uri).getParent(), id);
            } finally {
                if (opened) {
                    fs.close();
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new CampaignException(id, List.of(Problem.error("", 0, 0, "cannot read campaign from " + url + ": " + e)));
        }
    }

    private static String digest(Path root, String name) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> !hidden(root.relativize(p)))
                    .sorted((a, b) -> relative(root, a).compareTo(relative(root, b))).toList();
            for (Path p : files) {
                byte[] bytes = Files.readAllBytes(p);
                sha.update(relative(root, p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(bytes);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CampaignException(name, List.of(Problem.error("", 0, 0, "cannot read campaign folder: " + e)));
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Hidden files and editors' lock and backup files are not the campaign's (the loader skips them too). */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("~")) {
                return true;
            }
        }
        return false;
    }
}
