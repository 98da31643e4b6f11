package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Campaign.digest()}: one identity of a campaign's content, its own files and those of the standards
 * it mounts, wherever they were read from. Spark keys its executors' engines by it, so a changed standard
 * must change it and the same files in a folder and in a jar must not.
 */
class CampaignDigestTest {

    @TempDir
    Path temp;

    @Test
    void aChangedFileOfAMountedStandardChangesTheDigest() {
        // Given the dated campaign with its standard test-2024 in its own standards/ folder
        CampaignFixture campaign = CampaignFixture.copyOf("dated", temp);
        CampaignFixture.copyOfFolder(resource("standards/test-2024"), campaign.folder().resolve("standards"));
        String before = digestOfEngine(RiskEngine.builder().campaignDirectory(campaign.folder()));

        // When only the standard's title changes, not a file of the campaign itself
        campaign.replace("standards/test-2024/standard.yaml", "Test standard, 2024 edition",
                "Test standard, 2024 edition, amended");
        String after = digestOfEngine(RiskEngine.builder().campaignDirectory(campaign.folder()));

        // Then the digest changes, and the builder's digest without compiling is the engine's
        assertThat(before).matches("sha256:[0-9a-f]{64}");
        assertThat(after).matches("sha256:[0-9a-f]{64}").isNotEqualTo(before);
        assertThat(RiskEngine.builder().campaignDirectory(campaign.folder()).campaignDigest()).isEqualTo(after);
    }

    @Test
    void theSameCampaignAndStandardsInAFolderAndInAJarDigestAlike() throws IOException {
        // Given the dated campaign as a folder (its standards mounted from the class path) and in a jar with its
        // standards, the jar seen by a class loader that sees nothing else
        Path folder = CampaignFixture.copyOf("dated", temp).folder();
        Path jar = temp.resolve("campaigns.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, "campaigns/dated/");
            addTree(out, "standards/test-2023/");
            addTree(out, "standards/test-2024/");
        }

        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // When each is loaded
            String fromFolder = digestOfEngine(RiskEngine.builder().campaignDirectory(folder));
            String fromJar = digestOfEngine(RiskEngine.builder().classLoader(jarOnly).campaign("dated"));
            String fromClassPath = digestOfEngine(RiskEngine.builder().campaign("dated"));

            // Then all three digest alike
            assertThat(fromJar).isEqualTo(fromFolder).isEqualTo(fromClassPath);
        }
    }

    @Test
    void applyingOneEditionOnEveryDateIsAnotherCampaign() {
        // Given the dated campaign, which applies test-2023 and then test-2024 by date
        RiskEngine.Builder byDate = RiskEngine.builder().campaign("dated");

        // When it is made to apply test-2024 on every date
        RiskEngine.Builder only2024 = RiskEngine.builder().campaign("dated").onlyStandard("test-2024");

        // Then its digest differs, though its files are the same
        assertThat(only2024.campaignDigest()).isNotEqualTo(byDate.campaignDigest());
    }

    private static String digestOfEngine(RiskEngine.Builder builder) {
        try (RiskEngine engine = builder.build()) {
            return engine.campaign().digest();
        }
    }

    private static void addTree(JarOutputStream out, String prefix) throws IOException {
        Path root = resource(prefix);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(prefix + root.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(CampaignDigestTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
