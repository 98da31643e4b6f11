package io.firerisk.rules;

import io.firerisk.campaign.CountingRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdCountTest {

    static final CountingRow ANY_FOUR = new CountingRow("ANY", List.of("CROWDED"), Set.of(), 4, "T-COUNT");

    @Test
    void countedElementsAreListedAsTheStandardNumbersThemNotAsText() {
        ThresholdCount count = ThresholdCount.of("V1", ANY_FOUR, List.of("7.3.10", "7.9.3", "7.3.9", "7.5"));

        assertThat(count.elements()).containsExactly("7.3.9", "7.3.10", "7.5", "7.9.3");
        assertThat(count.count()).isEqualTo(4);
        assertThat(count.reached()).isTrue();
    }

    @Test
    void onlyTheRowsElementsAreCountedAndBelowTheThresholdIsNotReached() {
        CountingRow crowded = new CountingRow("CROWDED", List.of("CROWDED"), Set.of("7.3.1", "7.5"), 2, "T-COUNT");

        ThresholdCount count = ThresholdCount.of("V1", crowded, List.of("7.3.1", "7.6.1"));

        assertThat(count.elements()).containsExactly("7.3.1");
        assertThat(count.reached()).isFalse();
    }
}
