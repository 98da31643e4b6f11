package io.firerisk.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk's links are encoded exactly as Spring's UriComponentsBuilder.encode() encodes them. */
class HrefEncodingTest {

    private static final List<String> VALUES = List.of("ST-LD", "OPEN", "2024-02-05", "龙都街道", "a b", "a&b=c", "1+1",
            "100%", "x#y", "a/b?c", "'=1+1<script>alert(\"x\")</script>", "é", "😀 emoji", "(x);*,$!:@~._-",
            "tab\tnewline\n", "[x]|\\^`");

    @Test
    void aQueryValueIsEncodedAsSpringsBuilderEncodesIt() {
        for (String v : VALUES) {
            StringBuilder mine = new StringBuilder("/hazards?street=");
            Ui.encode(v, Ui.QUERY_PARAM, mine);
            String spring = UriComponentsBuilder.fromPath("/hazards").queryParam("street", v).encode().build()
                    .toUriString();
            assertThat(mine.toString()).as(v).isEqualTo(spring);
        }
    }

    @Test
    void aPathIsEncodedAsSpringsBuilderEncodesIt() {
        for (String v : VALUES) {
            if (v.contains("?") || v.contains("#")) {
                continue; // not a path
            }
            StringBuilder mine = new StringBuilder();
            Ui.encode("/venues/" + v, Ui.PATH, mine);
            assertThat(mine.toString()).as(v).isEqualTo(UriComponentsBuilder.fromPath("/venues/" + v).encode().build()
                    .toUriString());
        }
    }
}
