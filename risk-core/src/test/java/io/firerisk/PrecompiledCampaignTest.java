package io.firerisk;

import io.firerisk.analysis.CampaignPrecompiler;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void corruptBlobIsIgnoredAndTheSourceCompiled() throws Exception {
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp);
        Path blob = CampaignPrecompiler.precompile(fixture.folder());
        Files.write(blob, new byte[] {1, 2, 3, 4});

        assertThat(assess(fixture.folder()).grade()).isEqualTo(RiskGrade.RED);
    }
}
