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
    void anEmptyValueAloneBetweenBracketsTakesItsBracketsWithIt() {
        // Given sentences that put a value in brackets, as most rules do with a finding's location
        Template zh = Template.parse("存在{$n}项综合判定要素（{$x}），判定标准为3项以上；{$f}（{$loc}）", Map.of());
        Template en = Template.parse("{$n} elements present ({$x}); {$f} [{$loc}]: rectify", Map.of());
        Map<String, Object> nothing = Map.of("$n", 0, "$x", List.of(), "$f", "灭火器失效", "$loc", "");
        Map<String, Object> something = Map.of("$n", 2, "$x", List.of("7.3.3", "7.5"), "$f", "灭火器失效", "$loc", "大堂");

        // When nothing fills the brackets, they go, with the space an English one takes; otherwise they stay
        assertThat(zh.render(nothing::get, Locale.CHINESE)).isEqualTo("存在0项综合判定要素，判定标准为3项以上；灭火器失效");
        assertThat(en.render(nothing::get, Locale.ENGLISH)).isEqualTo("0 elements present; 灭火器失效: rectify");
        assertThat(zh.render(something::get, Locale.CHINESE))
                .isEqualTo("存在2项综合判定要素（7.3.3、7.5），判定标准为3项以上；灭火器失效（大堂）");
        assertThat(en.render(something::get, Locale.ENGLISH)).isEqualTo("2 elements present (7.3.3, 7.5); 灭火器失效 [大堂]: rectify");
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
