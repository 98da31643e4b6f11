package io.firerisk.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encodings a user may name for input, read one way for every program that takes input. */
class EncodingsTest {

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({"UTF-8, UTF-8", "utf8, UTF-8", "' utf_8 ', UTF-8", "GBK, GBK", "cp936, GBK", "MS936, GBK",
            "windows-936, GBK", "GB2312, GBK", "euc-cn, GBK", "gb18030, GB18030"})
    void theNamesChineseInputGoesByAreReadAsUtf8GbkOrGb18030(String given, String charset) {
        // Given a name a user may type for an encoding of Chinese text; When it is read; Then it is that charset
        assertThat(Encodings.named(given).name()).isEqualTo(charset);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"ISO-8859-1", "Big5", "UTF-16", "latin1", ""})
    void anyOtherEncodingIsRefusedNamingTheOnesThatMayBeGiven(String given) {
        // Given an encoding Chinese input would be misread in; When it is named; Then it is refused, saying what may be
        assertThatThrownBy(() -> Encodings.named(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + given + "' is not an encoding Chinese input is read in")
                .hasMessageContaining("UTF-8").hasMessageContaining("GBK").hasMessageContaining("GB18030");
    }
}
