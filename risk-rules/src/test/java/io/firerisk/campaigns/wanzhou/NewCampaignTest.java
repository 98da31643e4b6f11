package io.firerisk.campaigns.wanzhou;

import io.firerisk.RiskEngine;
import io.firerisk.analysis.CampaignDiff;
import io.firerisk.analysis.Diagnostic;
import io.firerisk.analysis.NewCampaign;
import io.firerisk.analysis.ValidationReport;
import io.firerisk.analysis.Validator;
import io.firerisk.scenario.Scenario;
import io.firerisk.scenario.ScenarioSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Next winter's campaign started from the bundled one. */
class NewCampaignTest {

    @TempDir
    Path temp;

    @Test
    void copyGetsTheNewIdAndNextMajorVersionAndAChecklistOfTheOldPlansParts() throws IOException {
        Path folder = temp.resolve("wanzhou-2024-winter");

        NewCampaign.Result result = NewCampaign.fromBundled(Wanzhou.ID, "wanzhou-2024-winter", folder);

        assertThat(result.id()).isEqualTo("wanzhou-2024-winter");
        assertThat(result.version()).isEqualTo("2.0.0");
        assertThat(result.fromId()).isEqualTo(Wanzhou.ID);
        String yaml = Files.readString(folder.resolve("campaign.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("\nid: wanzhou-2024-winter\n", "\nversion: 2.0.0\n")
                .startsWith("# Started from wanzhou-2023-winter 1.0.0 with firerisk new-campaign: see CHECKLIST.md");
        assertThat(result.checklist()).extracting(NewCampaign.Item::what).anySatisfy(w ->
                assertThat(w).isEqualTo("document: the new plan's document number (now: 万州城管发〔2023〕114号)"));
        assertThat(result.checklist()).extracting(NewCampaign.Item::what)
                .anyMatch(w -> w.startsWith("authority: "))
                .anyMatch(w -> w.startsWith("issued: "))
                .anyMatch(w -> w.startsWith("phase IMPLEMENTATION (组织实施): 2023-12-06 to 2024-03-25"))
                .anyMatch(w -> w.startsWith("key period SPRING_FESTIVAL (春节): 2024-02-10 to 2024-02-17 are last season's "
                        + "dates (from 国务院办公厅 2024年部分节假日安排)"))
                .anyMatch(w -> w.startsWith("clause '万州城管发〔2023〕114号 二(二)' is the old plan's")
                        && w.contains("rules/campaign/suspension.drl:"))
                .anyMatch(w -> w.startsWith("place class OFFICE → CROWDED is the old plan's own classification"));
        assertThat(result.checklist()).anySatisfy(i -> {
            assertThat(i.file()).startsWith("scenarios/");
            assertThat(i.what()).contains("dated inside the old campaign (2023-12-01 to 2024-03-31)");
        });
        String checklist = Files.readString(folder.resolve(NewCampaign.CHECKLIST), StandardCharsets.UTF_8);
        assertThat(checklist).startsWith("# Checklist for wanzhou-2024-winter 2.0.0\n")
                .contains("\n## Dates\n\n- [ ] campaign.yaml:")
                .contains("- [ ] campaign.yaml:" + lineOf(yaml, "document:") + " — document: the new plan's document number");
    }

    @Test
    void copyValidatesAsTheOriginalDoesAndAssessesEveryScenarioVenueTheSame() {
        Path folder = temp.resolve("copy");
        NewCampaign.fromBundled(Wanzhou.ID, "wanzhou-copy", folder);

        ValidationReport original = Validator.validateBundled(Wanzhou.ID);
        ValidationReport copy = Validator.validate(folder);

        assertThat(copy.campaignId()).isEqualTo("wanzhou-copy");
        assertThat(copy.diagnostics()).extracting(Diagnostic::toString)
                .containsExactlyElementsOf(original.diagnostics().stream().map(Diagnostic::toString).toList());
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
            var venues = ScenarioSuite.fromFolder(Wanzhou.folder()).scenarios().stream().map(Scenario::facts).toList();
            assertThat(CampaignDiff.compare(Wanzhou.ENGINE, engine, venues).changes()).isEmpty();
        }
    }

    @Test
    void refusesToWriteOverAFolderThatIsNotEmptyOrToTakeABadId() throws IOException {
        Path used = Files.createDirectories(temp.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> NewCampaign.fromBundled(Wanzhou.ID, "next", used))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists and is not empty");
        assertThatThrownBy(() -> NewCampaign.fromBundled(Wanzhou.ID, "Next Winter", temp.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the new campaign id 'Next Winter' must be lower-case letters, digits and hyphens, such as wanzhou-2024-winter");
        assertThat(used.resolve("campaign.yaml")).doesNotExist();
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }
}
