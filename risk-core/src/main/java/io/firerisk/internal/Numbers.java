package io.firerisk.internal;

import java.util.regex.Pattern;

/**
 * The one spelling of a number in firerisk's text files (CSV input cells, campaign tables, campaign.yaml):
 * ASCII digits, an optional sign and an optional decimal part, such as {@code 12}, {@code -3} or
 * {@code 0.85}. Java's own parsers take more ({@code 10f}, {@code 10d}, {@code 1e3}, {@code 0x1p3},
 * {@code Infinity}, digits of other scripts), none of which a spreadsheet or an analyst means as a
 * number; so text is checked here before it is parsed. Forms a reader adds on top (thousands grouped
 * by commas, a percent sign) it strips before asking.
 */
public final class Numbers {
    private Numbers() {}

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    /** Whether {@code text} is a number as firerisk writes one: {@code 12}, {@code -0.5}, {@code 18.25}. */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /** Whether {@code text} is a whole number as firerisk writes one: {@code 12}, {@code -3}. */
    public static boolean isWhole(String text) {
        return WHOLE.matcher(text).matches();
    }
}
