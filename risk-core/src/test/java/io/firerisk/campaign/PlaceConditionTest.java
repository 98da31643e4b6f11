package io.firerisk.campaign;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The places an element names, as elements.csv writes them (GB 35181-2025 5.1 d: 高层建筑、地下人员密集场所). */
class PlaceConditionTest {

    @Test
    void anUndergroundCrowdedPlaceIsACrowdedPlaceThatIsUnderground() {
        // Given 地下人员密集场所 as elements.csv writes it
        PlaceCondition underground = PlaceCondition.parse("CROWDED+underground");
        // Then only a crowded place below ground meets it
        assertThat(underground.holds(Set.of("CROWDED"), Set.of("underground"))).isTrue();
        assertThat(underground.holds(Set.of("CROWDED"), Set.of())).isFalse();
        assertThat(underground.holds(Set.of("OTHER"), Set.of("underground"))).isFalse();
    }

    @Test
    void anAboveGroundCrowdedPlaceExcludesTheUndergroundOne() {
        PlaceCondition aboveGround = PlaceCondition.parse("CROWDED-underground");
        assertThat(aboveGround.holds(Set.of("CROWDED"), Set.of())).isTrue();
        assertThat(aboveGround.holds(Set.of("CROWDED"), Set.of("underground"))).isFalse();
    }

    @Test
    void aHighRiseBuildingIsAnyPlaceThatIsHighRise() {
        PlaceCondition highRise = PlaceCondition.parse("*+high_rise");
        assertThat(highRise.holds(Set.of("OTHER"), Set.of("high_rise"))).isTrue();
        assertThat(highRise.holds(Set.of("OTHER"), Set.of())).isFalse();
        assertThat(highRise).hasToString("*+high_rise");
    }

    @Test
    void anElementWithoutPlacesAppliesAnywhereAndOneWithSeveralWhereAnyHolds() {
        Element anyPlace = new Element("5.1.a", ElementKind.DIRECT, io.firerisk.Text.of("甲乙类在地下", "A/B below ground"),
                "GB 35181-2025 5.1 a)", io.firerisk.Verification.VERIFIED);
        Element highRiseOrUnderground = new Element("5.1.d", ElementKind.DIRECT, io.firerisk.Text.of("出口", "exits"),
                "GB 35181-2025 5.1 d)", io.firerisk.Verification.VERIFIED,
                java.util.List.of(PlaceCondition.parse("*+high_rise"), PlaceCondition.parse("CROWDED+underground")),
                java.util.List.of());
        assertThat(anyPlace.appliesTo(Set.of("OTHER"), Set.of())).isTrue();
        assertThat(highRiseOrUnderground.appliesTo(Set.of("CROWDED"), Set.of("underground"))).isTrue();
        assertThat(highRiseOrUnderground.appliesTo(Set.of("OTHER"), Set.of("high_rise"))).isTrue();
        assertThat(highRiseOrUnderground.appliesTo(Set.of("CROWDED"), Set.of())).isFalse();
    }

    @Test
    void anUnknownFactOrAMissingClassIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> PlaceCondition.parse("CROWDED+basement"))
                .hasMessageContaining("'basement' is not a venue fact").hasMessageContaining("underground");
        assertThatThrownBy(() -> PlaceCondition.parse("+underground")).hasMessageContaining("names no place class");
        assertThatThrownBy(() -> PlaceCondition.parse("CROWDED+underground-underground")).hasMessageContaining("twice");
    }
}
