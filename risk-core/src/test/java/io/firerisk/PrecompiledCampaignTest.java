package io.firerisk;

import io.firerisk.analysis.CampaignPrecompiler;
import io.firerisk.internal.CampaignFiles;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule packages compiled at build time are used when, and only when, they match the rule files. */
class PrecompiledCampaignTest {

    @TempDir
    Path temp;

    static final VenueFacts HALL_WITH_TOO_FEW_EXITS = VenueFacts.of(
            Venue.builder("HALL-1", "HALL").name("礼堂").occupantCapacity(300).build(),
            List.of(Finding.of("F1", "EXITS_TOO_FEW"), Finding.of("F2", "OLD_WIRING")), LocalDate.of(2024, 2, 10));

    private static Assessment assess(Path folder) {
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
            return engine.assess(HALL_WITH_TOO_FEW_EXITS);
        }
    }

    @Test
    void precompiledCampaignAssessesExactlyAsTheSourceDoes() throws Exception {
        CampaignFixture source = CampaignFixture.copyOf("tiny", temp.resolve("source"));
        CampaignFixture precompiled = CampaignFixture.copyOf("tiny", temp.resolve("precompiled"));

        Path blob = CampaignPrecompiler.precompile(precompiled.folder());

        assertThat(blob).isEqualTo(precompiled.folder().resolve(CampaignPrecompiler.OUTPUT));
        assertThat(Files.size(blob)).isPositive();
        Assessment fromSource = assess(source.folder());
        Assessment fromBlob = assess(precompiled.folder());
        assertThat(fromBlob).isEqualTo(fromSource);
        assertThat(fromBlob.grade()).isEqualTo(RiskGrade.RED);
        assertThat(fromBlob.reasons()).isNotEmpty();
    }

    @Test
    void editedRulesAreCompiledFromSourceNotFromAStaleBlob() throws Exception {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp);
        CampaignPrecompiler.precompile(fixture.folder());

        // After the blob was built, the analyst changes the severity row a crowded place is in.
        fixture.replace("rules/core/tiny.drl", "campaign.severity($v, \"CROWD\")", "campaign.severity($v, \"PEOPLE\")");

        assertThat(assess(fixture.folder()).grade()).isEqualTo(RiskGrade.ORANGE);
    }

    /** The layout of risk-rules' resources: {@code campaigns/dated} beside {@code standards/test-2023}, {@code test-2024}. */
    private Path bundledLayout() throws Exception {
        Path root = temp.resolve("classpath");
        CampaignFixture.copyOf("dated", root.resolve("campaigns"));
        for (String standard : List.of("test-2023", "test-2024")) {
            CampaignFixture.copyOfFolder(Path.of(getClass().getResource("/standards/" + standard).toURI()),
                    root.resolve("standards"));
        }
        return root;
    }

    @Test
    void bundledCampaignReadThroughItsFileListHoldsExactlyWhatItsFolderHolds() throws Exception {
        // Given a campaign precompiled by the build, beside the standards it names
        Path root = bundledLayout();
        Path folder = root.resolve("campaigns/dated");
        CampaignPrecompiler.precompile(folder);
        assertThat(folder.resolve(CampaignFiles.INDEX)).exists();

        // When it is read from the class path
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            CampaignFiles bundled = CampaignFiles.fromClasspath("dated", loader);

            // Then it holds the campaign's files and its standards', and the compiled rules, as the folder does
            CampaignFiles fromFolder = CampaignFiles.fromFolder(folder);
            assertThat(bundled.files()).isEqualTo(fromFolder.files());
            assertThat(bundled.files()).containsKeys("campaign.yaml", "standards/test-2023/standard.yaml",
                    "standards/test-2024/standard.yaml");
            assertThat(bundled.precompiled()).isPresent();
            assertThat(bundled.precompiled().get()).isEqualTo(fromFolder.precompiled().get());
            assertThat(bundled.problems()).isEmpty();
        }
    }

    @Test
    void fileListNamingAMissingFileIsIgnoredAndTheFolderRead() throws Exception {
        // Given a precompiled campaign, one of whose listed files was removed after the build
        Path root = bundledLayout();
        Path folder = root.resolve("campaigns/dated");
        CampaignPrecompiler.precompile(folder);
        Files.delete(folder.resolve("actions.csv"));

        // When it is read from the class path, Then what it holds is what is there, not what the list says
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            CampaignFiles bundled = CampaignFiles.fromClasspath("dated", loader);
            assertThat(bundled.files()).doesNotContainKey("actions.csv").containsKey("campaign.yaml");
            assertThat(bundled.files()).isEqualTo(CampaignFiles.fromFolder(folder).files());
        }
    }

    @Test
    void corruptBlobIsIgnoredAndTheSourceCompiled() throws Exception {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp);
        Path blob = CampaignPrecompiler.precompile(fixture.folder());
        Files.write(blob, new byte[] {1, 2, 3, 4});

        assertThat(assess(fixture.folder()).grade()).isEqualTo(RiskGrade.RED);
    }
}
