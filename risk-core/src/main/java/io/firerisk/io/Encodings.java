package io.firerisk.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The encodings input may be in, and what to say when a line is not in the one chosen. Chinese input is
 * UTF-8 or GBK (Excel's CSV on Chinese Windows) or its superset GB18030; any other encoding would read
 * Chinese as wrong characters without an error, so none is accepted. The hints name the
 * {@code firerisk} option that chooses the file's encoding ({@code --encoding}, or
 * {@code --findings-encoding} for a findings table), the one way users choose one; {@link #named} reads
 * what they give there, for every program that takes input (firerisk, firerisk-spark).
 */
public final class Encodings {
    private Encodings() {}

    /** The option that chooses the encoding of a venue table or JSON Lines file. */
    static final String OPTION = "--encoding";
    /** The option that chooses the encoding of a findings table. */
    static final String FINDINGS_OPTION = "--findings-encoding";

    private static final Set<String> ACCEPTED = Set.of("UTF-8", "GBK", "GB18030");

    /**
     * The encoding a user names for input: {@code UTF-8} (also {@code UTF8}), {@code GBK} (Excel's CSV on
     * Chinese Windows, also named {@code CP936}, {@code MS936}, {@code windows-936}, or {@code GB2312} and
     * {@code EUC-CN} for its subset, which GBK reads alike) or {@code GB18030}; case, underscores and
     * surrounding blanks do not matter.
     *
     * @throws IllegalArgumentException for any other name, saying which may be given
     */
    public static Charset named(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.strip().toUpperCase(Locale.ROOT).replace('_', '-')) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "CP936", "MS936", "WINDOWS-936", "GB2312", "EUC-CN" -> Charset.forName("GBK");
            case "GB18030" -> Charset.forName("GB18030");
            default -> throw new IllegalArgumentException("'" + name + "' is not an encoding Chinese input is read"
                    + " in: give UTF-8 (the default, with or without BOM), GBK (Excel's CSV on Chinese Windows) or"
                    + " GB18030");
        };
    }

    /** {@code charset} when input may be in it; otherwise an {@link IllegalArgumentException} saying which may. */
    static Charset require(Charset charset) {
        Objects.requireNonNull(charset, "charset");
        if (!ACCEPTED.contains(charset.name())) {
            throw new IllegalArgumentException("input is read as UTF-8 (with or without a byte-order mark), GBK or"
                    + " GB18030, not " + charset.name() + ": Chinese text in any other encoding would be read as wrong"
                    + " characters; save the file as UTF-8");
        }
        return charset;
    }

    /** A line that is not valid text in {@code charset}. */
    static String hint(Charset charset, String option) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "the line is not valid UTF-8 text: if the file was saved as GBK (Excel's default for CSV on"
                    + " Chinese Windows), run again with " + option + " GBK";
        }
        return "the line is not valid " + charset.name() + " text: if the file is UTF-8, run again with " + option
                + " UTF-8";
    }

    /** A line of a file read as GBK that is plainly UTF-8. */
    static String utf8ReadAs(Charset charset, String option) {
        return "the line is UTF-8 text, not " + charset.name() + ": read as " + charset.name() + " it would give wrong"
                + " characters; run again with " + option + " UTF-8";
    }
}
