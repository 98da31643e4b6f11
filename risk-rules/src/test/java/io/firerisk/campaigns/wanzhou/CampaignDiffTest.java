package io.firerisk.campaigns.wanzhou;

import io.firerisk.HazardVerdict;
import io.firerisk.Outcome;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;
import io.firerisk.analysis.CampaignDiff;
import io.firerisk.analysis.DiffReport;
import io.firerisk.analysis.VenueChange;
import io.firerisk.scenario.ScenarioSuite;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled campaign against a copy of it with one threshold changed: exactly the venues at the threshold change. */
class CampaignDiffTest {

    @TempDir
    Path temp;

    static List<VenueFacts> venues() throws IOException {
        try (InputStream in = CampaignDiffTest.class.getResourceAsStream("/diff/exit-width-venues.csv")) {
            return ScenarioSuite.venues("exit-width-venues.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void raisingTheExitWidthThresholdChangesExactlyTheVenuesBetweenTheOldAndNewThreshold() throws IOException {
        CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                .replace("campaign.yaml", "\nparameters:\n", "\nparameters:\n  gb35181.6.5.exit-width-ratio-below: 0.85\n");

        DiffReport diff;
        try (RiskEngine wider = RiskEngine.builder().campaignDirectory(copy.folder()).build()) {
            diff = CampaignDiff.compare(Wanzhou.ENGINE, wider, venues());
        }

        assertThat(diff.compared()).isEqualTo(8);
        assertThat(diff.changes()).extracting(VenueChange::venueId).containsExactly("V-SHOP-80", "V-SHOP-84", "V-KTV-82");
        assertThat(diff.changes()).allSatisfy(c -> {
            assertThat(c.aspects()).contains(VenueChange.Aspect.GRADE, VenueChange.Aspect.VERDICT, VenueChange.Aspect.ACTIONS);
            assertThat(((Outcome.Assessed) c.before()).assessment().verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(((Outcome.Assessed) c.after()).assessment().verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            // a suspected major hazard sets L5: ORANGE or RED by the place's consequence class
            assertThat(((Outcome.Assessed) c.after()).assessment().grading().likelihood()).isEqualTo(5);
            assertThat(((Outcome.Assessed) c.after()).assessment().grade()).isIn(RiskGrade.ORANGE, RiskGrade.RED);
            assertThat(c.rulesAfter()).anySatisfy(r -> assertThat(r).startsWith("6.5 ").contains("80%"));
            assertThat(c.rulesBefore()).noneSatisfy(r -> assertThat(r).startsWith("6.5 "));
        });
        assertThat(diff.summary()).isEqualTo("8 venues compared, 3 changed: grade 3, verdict 3, suspension 0, actions 3, refused 0");
        assertThat(diff.describe()).startsWith("A = wanzhou-2023-winter 1.0.0\nB = wanzhou-2023-winter 1.0.0\n\nV-SHOP-80 宽度80商店\n")
                .contains("  verdict     GENERAL → SUSPECTED_MAJOR\n")
                .contains("  actions     +COLLECTIVE_DETERMINATION@2024-01-17")
                .containsPattern("\n  only under B: (.*; )?6\\.5 [^\n]*80%")
                .endsWith("\n8 venues compared, 3 changed: grade 3, verdict 3, suspension 0, actions 3, refused 0");
    }

    @Test
    void anExplanationStatesTheThresholdTheCampaignSetsNotTheOneTheRuleWasFirstWrittenWith() throws IOException {
        // Given a copy of the campaign that raises 6.5's exit-width threshold from the standard's 80% to 85%
        CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                .replace("campaign.yaml", "\nparameters:\n", "\nparameters:\n  gb35181.6.5.exit-width-ratio-below: 0.85\n");
        VenueFacts shopAt84 = venues().stream().filter(v -> v.venue().id().equals("V-SHOP-84")).findFirst().orElseThrow();

        // When a shop whose exits are 84% of the required width is assessed under it
        try (RiskEngine wider = RiskEngine.builder().campaignDirectory(copy.folder()).build()) {
            Outcome outcome = wider.assessAll(List.of(shopAt84)).get(0);

            // Then the reason says 84% is under 85%, in both languages
            assertThat(((Outcome.Assessed) outcome).assessment().reasons())
                    .filteredOn(r -> r.rule().startsWith("6.5 "))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.sentence().zh()).contains("安全出口总净宽度仅为规定值的84%，小于85%，构成直接判定要素6.5");
                        assertThat(r.sentence().en()).contains("total exit width is 84% of that required, under 85%: direct element 6.5");
                    });
        }
    }

    @Test
    void aCampaignComparedWithItselfChangesNothing() throws IOException {
        DiffReport diff = CampaignDiff.compare(Wanzhou.ENGINE, Wanzhou.ENGINE, venues());

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.summary()).isEqualTo("8 venues compared, 0 changed: grade 0, verdict 0, suspension 0, actions 0, refused 0");
    }

    @Test
    void aVenueOneCampaignRefusesIsAChange() throws IOException {
        CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                .replace("venue-kinds.csv", "SHOP,商店,shop,PUBLIC\n", "");

        DiffReport diff;
        try (RiskEngine noShops = RiskEngine.builder().campaignDirectory(copy.folder()).build()) {
            diff = CampaignDiff.compare(Wanzhou.ENGINE, noShops, venues());
        }

        assertThat(diff.changes()).extracting(VenueChange::venueId)
                .containsExactly("V-SHOP-79", "V-SHOP-80", "V-SHOP-84", "V-SHOP-85", "V-SHOP-OK");
        assertThat(diff.count(VenueChange.Aspect.REFUSAL)).isEqualTo(5);
        assertThat(diff.changes().get(0).describe("A", "B").get(1)).startsWith("  outcome     ORANGE SUSPECTED_MAJOR → refused (")
                .contains("venue kind 'SHOP' is not defined by the campaign");
    }
}
