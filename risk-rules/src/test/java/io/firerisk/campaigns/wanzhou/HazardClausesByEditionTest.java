package io.firerisk.campaigns.wanzhou;

import io.firerisk.AssessedFinding;
import io.firerisk.Finding;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.Verification;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hazard code both GB 35181 editions define cites, on a date, the clause of the edition in force then
 * (2017 up to 2025-10-31, 2025 from 2025-11-01 in the bundled campaign), with that edition's verification.
 */
class HazardClausesByEditionTest {

    static final Campaign CAMPAIGN = Wanzhou.ENGINE.campaign();
    static final LocalDate UNDER_2017 = LocalDate.of(2024, 2, 5);
    static final LocalDate UNDER_2025 = LocalDate.of(2025, 11, 15);

    static HazardType on(String code, LocalDate date) {
        return CAMPAIGN.hazardOn(code, date).orElseThrow();
    }

    @Test
    void aLockedExitCitesTheClauseOfTheEditionInForceOnTheDate() {
        // Given EXIT_LOCKED_OR_BLOCKED, 7.3.3 of GB 35181-2017 and 6.3.2 of GB 35181-2025
        HazardType type = CAMPAIGN.hazard("EXIT_LOCKED_OR_BLOCKED").orElseThrow();

        // Then the catalogue keeps both editions' clauses, and a date cites its own edition's
        assertThat(type.editions()).containsEntry("gb35181-2017",
                new HazardType.Edition("GB 35181-2017 7.3.3", Verification.VERIFIED))
                .containsEntry("gb35181-2025", new HazardType.Edition("GB 35181-2025 6.3.2", Verification.VERIFIED));
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", UNDER_2017).clause()).isEqualTo("GB 35181-2017 7.3.3");
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", LocalDate.of(2025, 10, 31)).clause()).isEqualTo("GB 35181-2017 7.3.3");
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", LocalDate.of(2025, 11, 1)).clause()).isEqualTo("GB 35181-2025 6.3.2");
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", UNDER_2025).clause()).isEqualTo("GB 35181-2025 6.3.2");
        // and everything but the clause is the one hazard
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", UNDER_2017).label()).isEqualTo(type.label());
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", UNDER_2017).elements()).isEqualTo(type.elements());
    }

    @Test
    void aDateBeforeEveryEditionCitesTheEarliestEdition() {
        assertThat(on("EXIT_LOCKED_OR_BLOCKED", LocalDate.of(2018, 6, 30)).clause()).isEqualTo("GB 35181-2017 7.3.3");
    }

    @Test
    void aCriterionOneEditionLeavesUnverifiedIsUnverifiedOnTheDatesThatEditionIsInForce() {
        // Given bars on an evacuation route: 7.3.9 of GB 35181-2017 unverified, 5.1 c) of GB 35181-2025 verified
        assertThat(on("BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE", UNDER_2017).verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(on("BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE", UNDER_2025).verification()).isEqualTo(Verification.VERIFIED);

        // When the engine assesses a crowded place with such bars under each edition
        Venue ktv = Venue.builder("WZ-KTV", "ENTERTAINMENT").name("星光KTV").heightMeters(12.0).floors(3)
                .occupantCapacity(50).build();
        List<Finding> bars = List.of(Finding.builder("F1", "BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE").location("二楼")
                .correctableOnSpot(false).build());
        AssessedFinding in2024 = Wanzhou.ENGINE.assess(VenueFacts.of(ktv, bars, UNDER_2017)).findings().get(0);
        AssessedFinding in2025 = Wanzhou.ENGINE.assess(VenueFacts.of(ktv, bars, UNDER_2025)).findings().get(0);

        // Then the finding carries the verification of the edition in force
        assertThat(in2024.verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(in2025.verification()).isEqualTo(Verification.VERIFIED);
    }

    @Test
    void aCodeOneEditionOrTheCampaignDefinesKeepsItsClauseOnEveryDate() {
        HazardType onlyIn2025 = CAMPAIGN.hazard("METAL_SANDWICH_PANEL_STRUCTURE").orElseThrow();
        assertThat(onlyIn2025.editions()).containsOnlyKeys("gb35181-2025");
        assertThat(on("METAL_SANDWICH_PANEL_STRUCTURE", UNDER_2017).clause()).isEqualTo("GB 35181-2025 5.1 f)");

        HazardType campaigns = CAMPAIGN.hazard("GAS_ALARM_NOT_INSTALLED").orElseThrow();
        assertThat(campaigns.editions()).isEmpty();
        assertThat(on("GAS_ALARM_NOT_INSTALLED", UNDER_2017)).isSameAs(campaigns);
        assertThat(on("GAS_ALARM_NOT_INSTALLED", UNDER_2025).clause()).isEqualTo("安全生产法 第三十六条第四款");
        assertThat(CAMPAIGN.hazardOn("NO_SUCH_CODE", UNDER_2017)).isEmpty();
    }
}
