package io.firerisk;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in Chinese, the campaign's language, with an English alternative.
 *
 * <p>Campaign files supply both; where the English is missing the Chinese stands in, so a
 * report never shows an empty cell.
 */
public record Text(String zh, String en) {

    public static final Text EMPTY = new Text("", "");

    public Text {
        zh = zh == null ? "" : zh;
        en = en == null || en.isBlank() ? zh : en;
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    /** The text in the given language: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }

    @Override
    public String toString() {
        return zh.equals(en) ? zh : zh + " / " + en;
    }
}
