package io.firerisk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactValidationTest {

    @Test
    void venueWithNegativeOccupantsIsRejectedNamingFieldAndValue() {
        assertThatThrownBy(() -> Venue.builder("V-9", "HALL").occupantCapacity(-5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Venue 'V-9'.occupantCapacity must be between 0 and 1000000 (was -5)");
    }

    @Test
    void venueWithBlankIdIsRejected() {
        assertThatThrownBy(() -> Venue.builder("  ", "HALL").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Venue.id must not be blank (was \"  \")");
    }

    @Test
    void venueWithImpossibleHeightIsRejected() {
        assertThatThrownBy(() -> Venue.builder("V-1", "HALL").heightMeters(5_000.0).build())
                .hasMessage("Venue 'V-1'.heightMeters must be between 0.0 and 1000.0 (was 5000.0)");
        assertThatThrownBy(() -> Venue.builder("V-1", "HALL").heightMeters(Double.NaN).build())
                .hasMessageContaining("heightMeters");
    }

    @Test
    void venueIdWithControlCharactersIsRejected() {
        assertThatThrownBy(() -> Venue.builder("V\u00071", "HALL").build())
                .hasMessageContaining("Venue.id must not contain control characters")
                .hasMessageContaining("\\u0007");
    }

    @Test
    void venueIdWithADirectionOverrideIsRejectedSinceItWouldDisplayAsAnotherId() {
        assertThatThrownBy(() -> Venue.builder("WZ-\u202E1000", "HALL").build())
                .isInstanceOf(InvalidFactException.class)
                .hasMessageContaining("Venue.id must not contain control characters")
                .hasMessageContaining("\\u202e");
    }

    @Test
    void datesOutsideTheYears1900To2999AreRejectedNamingTheField() {
        Venue hall = Venue.builder("V-1", "HALL").build();
        assertThatThrownBy(() -> VenueFacts.of(hall, List.of(), java.time.LocalDate.MAX))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("assessmentDate"))
                .hasMessage("VenueFacts for venue 'V-1'.assessmentDate must be between 1900-01-01 and 2999-12-31"
                        + " (was +999999999-12-31)");
        assertThatThrownBy(() -> Finding.builder("F-1", "CLUTTER").foundOn(java.time.LocalDate.of(20240, 1, 10)).build())
                .hasMessage("Finding 'F-1'.foundOn must be between 1900-01-01 and 2999-12-31 (was +20240-01-10)");
        assertThatThrownBy(() -> new RectificationPlan("张三", null, java.time.LocalDate.of(1899, 12, 31), null, null))
                .hasMessage("RectificationPlan.deadline must be between 1900-01-01 and 2999-12-31 (was 1899-12-31)");
    }

    @Test
    void theRefusalNamesTheRecordAndFieldForProgramsMappingItToTheirInput() {
        assertThatThrownBy(() -> Venue.builder("V.must be", "HALL").occupantCapacity(-1).build())
                .isInstanceOfSatisfying(InvalidFactException.class, e -> {
                    assertThat(e.record()).isEqualTo("Venue");
                    assertThat(e.field()).isEqualTo("occupantCapacity");
                });
        Venue hall = Venue.builder("V-1", "HALL").build();
        assertThatThrownBy(() -> VenueFacts.of(hall, Finding.of("F-1", "CLUTTER"), Finding.of("F-2", "CLUTTER"),
                Finding.of("F-1", "OLD_WIRING")))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("findings[2].id"));
    }

    @Test
    void findingRatioOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> Finding.builder("F-1", "EXIT_WIDTH_SHORT").ratio(1.5).build())
                .hasMessage("Finding 'F-1'.ratio must be between 0.0 and 1.0 (was 1.5)");
    }

    @Test
    void findingIdsMustBeUniqueWithinAVenue() {
        Venue hall = Venue.builder("V-1", "HALL").build();
        assertThatThrownBy(() -> VenueFacts.of(hall, Finding.of("F-1", "CLUTTER"), Finding.of("F-1", "OLD_WIRING")))
                .hasMessage("VenueFacts for venue 'V-1': findings[].id must be unique (\"F-1\" appears twice)");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Finding f = Finding.of("F-1", "CLUTTER");
        assertThat(f.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(f.plan()).isEqualTo(RectificationPlan.NONE);
        assertThat(f.timesFound()).isEqualTo(1);
        Venue v = Venue.builder("V-1", "HALL").build();
        assertThat(v.gasSupply()).isEqualTo(GasSupply.NONE);
        assertThat(v.operatingStatus()).isEqualTo(OperatingStatus.OPERATING);
        assertThat(v.floors()).isEqualTo(1);
    }

    @Test
    void rectificationPlanNamesTheMissingPartsOfFiveInPlace() {
        RectificationPlan plan = new RectificationPlan("张三", "更换应急照明", null, "", null);
        assertThat(plan.missingParts()).containsExactly(RectificationPlan.Part.DEADLINE,
                RectificationPlan.Part.FUNDS, RectificationPlan.Part.CONTINGENCY_PLAN);
    }

    @Test
    void factsAreImmutable() {
        Venue v = Venue.builder("V-1", "HALL").build();
        List<Finding> findings = new java.util.ArrayList<>(List.of(Finding.of("F-1", "CLUTTER")));
        VenueFacts facts = VenueFacts.of(v, findings, null);
        findings.add(Finding.of("F-2", "CLUTTER"));
        assertThat(facts.findings()).hasSize(1);
        assertThatThrownBy(() -> facts.findings().add(Finding.of("F-3", "CLUTTER")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
