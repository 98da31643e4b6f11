package io.firerisk.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text for encoding problems: what went wrong and what fixes it. It names {@code firerisk}'s
 * {@code --encoding} option, the one way users choose an encoding today.
 */
final class Encodings {
    private Encodings() {}

    static String hint(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "the line is not valid UTF-8 text: if the file was saved as GBK (Excel's default for CSV on"
                    + " Chinese Windows), run again with --encoding GBK";
        }
        return "the line is not valid " + charset.name() + " text: if the file is UTF-8, leave out --encoding "
                + charset.name();
    }
}
