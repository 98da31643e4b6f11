package io.firerisk.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateTest {

    @Test
    void orderedCollectionsRenderInTheirOrderAndOthersSorted() {
        Template t = Template.parse("要素{$x}", Map.of());
        TreeSet<String> byNumber = new TreeSet<>((a, b) -> Integer.compare(a.length(), b.length()) != 0
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        byNumber.addAll(List.of("7.3.10", "7.3.9"));

        assertThat(t.render(Map.<String, Object>of("$x", List.of("7.3.9", "7.3.10"))::get, Locale.CHINESE))
                .isEqualTo("要素7.3.9、7.3.10");
        assertThat(t.render(Map.<String, Object>of("$x", byNumber)::get, Locale.CHINESE)).isEqualTo("要素7.3.9、7.3.10");
        assertThat(t.render(Map.<String, Object>of("$x", Set.of("7.3.9", "7.3.10"))::get, Locale.ENGLISH))
                .isEqualTo("要素7.3.10, 7.3.9");
    }

    @Test
    void parameterPlaceholdersStateTheCampaignsThresholdAsWritten() {
        // Given thresholds a binary double cannot hold exactly (0.3 × 100 is 30.000000000000004)
        Map<String, Double> parameters = Map.of("damaged-above", 0.3, "width-below", 0.755, "days", 3.0);

        // When a sentence quotes them
        Template t = Template.parse("损坏率{$r}%，大于{percent:damaged-above}%；宽度小于{percent:width-below}%；{number:days}日内", parameters);

        // Then they read as the analyst wrote them, whatever the facts
        assertThat(t.render(Map.<String, Object>of("$r", 31L)::get, Locale.CHINESE))
                .isEqualTo("损坏率31%，大于30%；宽度小于75.5%；3日内");
        assertThat(t.holes()).extracting(Template.Hole::binding).containsExactly("$r");
    }

    @Test
    void aPlaceholderNamingAnUndefinedParameterIsRefusedWithItsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("大于{percent:no-such-key}%", Map.of("other", 1.0)))
                .withMessageContaining("character 3").withMessageContaining("'no-such-key'")
                .withMessageContaining("parameters: in campaign.yaml");
    }
}
