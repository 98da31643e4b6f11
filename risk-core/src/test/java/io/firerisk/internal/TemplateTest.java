package io.firerisk.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTest {

    @Test
    void orderedCollectionsRenderInTheirOrderAndOthersSorted() {
        Template t = Template.parse("要素{$x}");
        TreeSet<String> byNumber = new TreeSet<>((a, b) -> Integer.compare(a.length(), b.length()) != 0
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        byNumber.addAll(List.of("7.3.10", "7.3.9"));

        assertThat(t.render(Map.<String, Object>of("$x", List.of("7.3.9", "7.3.10"))::get, Locale.CHINESE))
                .isEqualTo("要素7.3.9、7.3.10");
        assertThat(t.render(Map.<String, Object>of("$x", byNumber)::get, Locale.CHINESE)).isEqualTo("要素7.3.9、7.3.10");
        assertThat(t.render(Map.<String, Object>of("$x", Set.of("7.3.9", "7.3.10"))::get, Locale.ENGLISH))
                .isEqualTo("要素7.3.10, 7.3.9");
    }
}
