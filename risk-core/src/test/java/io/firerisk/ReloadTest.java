package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import io.firerisk.testing.WhileServing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reloading a changed campaign folder while the engine serves assessments: every assessment names
 * the campaign version that produced it and is wholly that version's, and a reload that fails
 * leaves the last good version serving.
 */
class ReloadTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 15);
    /**
     * What a hall with too few exits (L3 × S3 = 9) is graded, by version: version 0.2.0 starts the red
     * band at 10.
     */
    static final Map<String, RiskGrade> GRADE_BY_VERSION = Map.of("0.1.0", RiskGrade.RED, "0.2.0", RiskGrade.ORANGE);
    static final Map<String, Integer> RED_FROM_BY_VERSION = Map.of("0.1.0", 9, "0.2.0", 10);

    @TempDir
    Path temp;
    CampaignFixture fixture;
    RiskEngine engine;

    @BeforeEach
    void load() {
        fixture = CampaignFixture.copyOf("tiny", temp);
        engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    Assessment hallWithTooFewExits() {
        Venue hall = Venue.builder("HALL-1", "HALL").name("礼堂").occupantCapacity(50).build();
        return engine.assess(VenueFacts.of(hall, List.of(Finding.of("F1", "EXITS_TOO_FEW")), DAY));
    }

    void editToVersion(String version) {
        String yaml = fixture.read("campaign.yaml").replaceFirst("(?m)^version: .*$", "version: " + version);
        yaml = yaml.replaceFirst("bands: \\{RED: \\d+,", "bands: {RED: " + RED_FROM_BY_VERSION.get(version) + ",");
        fixture.write("campaign.yaml", yaml);
    }

    @Test
    void everyAssessmentNamesTheCampaignAndVersionThatProducedIt() {
        Assessment before = hallWithTooFewExits();
        editToVersion("0.2.0");
        engine.reload();
        Assessment after = hallWithTooFewExits();

        assertThat(before.campaignId()).isEqualTo("tiny");
        assertThat(before.campaignVersion()).isEqualTo("0.1.0");
        assertThat(before.grade()).isEqualTo(RiskGrade.RED);
        assertThat(after.campaignVersion()).isEqualTo("0.2.0");
        assertThat(after.grade()).isEqualTo(RiskGrade.ORANGE);
    }

    @Test
    void assessmentsRunningDuringReloadsAreEachWhollyOneVersion() throws Exception {
        List<Assessment> seen = serveWhile(() -> {
            for (String version : List.of("0.2.0", "0.1.0", "0.2.0")) {
                editToVersion(version);
                engine.reload();
            }
        });

        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(a -> assertThat(a.grade())
                .as("an assessment named %s must have that version's grade", a.campaignVersion())
                .isEqualTo(GRADE_BY_VERSION.get(a.campaignVersion())));
        assertThat(seen).extracting(Assessment::campaignVersion).contains("0.1.0", "0.2.0");
        assertThat(engine.campaign().version()).isEqualTo("0.2.0");
    }

    @Test
    void reloadThatFailsWhileServingKeepsServingTheLastGoodVersion() throws Exception {
        editToVersion("0.2.0");
        engine.reload();
        fixture.write("rules/core/broken.drl", "package rules.core;\nrule \"half written\" when\n    $f : HazardFinding(\nthen end\n");
        List<CampaignException> failures = new ArrayList<>();

        List<Assessment> seen = serveWhile(() -> {
            for (int i = 0; i < 2; i++) {
                failures.add(catchThrowableOfType(CampaignException.class, engine::reload));
            }
        });

        assertThat(failures).hasSize(2).allSatisfy(e -> {
            assertThat(e).isNotNull();
            assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("rules/core/broken.drl"));
        });
        assertThat(seen).isNotEmpty().allSatisfy(a -> {
            assertThat(a.campaignVersion()).isEqualTo("0.2.0");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
        });
        assertThat(engine.campaign().version()).isEqualTo("0.2.0");

        fixture.delete("rules/core/broken.drl");
        editToVersion("0.1.0");
        assertThat(engine.reload().version()).isEqualTo("0.1.0");
        assertThat(hallWithTooFewExits().grade()).isEqualTo(RiskGrade.RED);
    }

    /**
     * Runs {@code reloads} on this thread while two threads assess without pause; returns every
     * assessment they made, and fails if any assessment failed.
     */
    private List<Assessment> serveWhile(WhileServing.Action reloads) throws Exception {
        ConcurrentLinkedQueue<Assessment> seen = new ConcurrentLinkedQueue<>();
        WhileServing.run(2, (thread, stop) -> {
            do {
                seen.add(hallWithTooFewExits());
            } while (!stop.getAsBoolean());
        }, reloads);
        return new ArrayList<>(seen);
    }
}
