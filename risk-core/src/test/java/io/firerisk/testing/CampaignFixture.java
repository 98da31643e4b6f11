package io.firerisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Campaign folders for tests: a copy of a test campaign in a temporary folder, optionally overlaid
 * with a broken-campaign fixture from {@code src/test/resources/broken/<defect>/}, one defect per
 * fixture, named after it.
 */
public final class CampaignFixture {

    private final Path folder;

    private CampaignFixture(Path folder) {
        this.folder = folder;
    }

    /** A copy of the test campaign {@code campaigns/<id>} from the test classpath. */
    public static CampaignFixture copyOf(String id, Path into) {
        Path target = into.resolve(id);
        copyTree(resource("campaigns/" + id), target);
        return new CampaignFixture(target);
    }

    /** The tiny campaign with the named defect's files laid over it. */
    public static CampaignFixture broken(String defect, Path into) {
        CampaignFixture fixture = copyOf("tiny", into);
        copyTree(resource("broken/" + defect), fixture.folder);
        return fixture;
    }

    /** A copy of any campaign folder on disk. */
    public static CampaignFixture copyOfFolder(Path source, Path into) {
        Path target = into.resolve(source.getFileName().toString());
        copyTree(source, target);
        return new CampaignFixture(target);
    }

    public Path folder() {
        return folder;
    }

    public CampaignFixture write(String relative, String text) {
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(folder.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from}; fails when it is absent, so a fixture cannot silently stop breaking anything. */
    public CampaignFixture replace(String relative, String from, String to) {
        String text = read(relative);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain \"" + from + "\"");
        }
        return write(relative, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    public CampaignFixture delete(String relative) {
        try {
            Files.delete(folder.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = CampaignFixture.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
