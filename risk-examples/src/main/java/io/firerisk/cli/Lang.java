package io.firerisk.cli;

import io.firerisk.Text;

import java.util.Locale;

/** The language of what people read: Chinese, the campaign's language, by default. */
enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE),
    EN(Locale.ENGLISH);

    final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    String of(Text text) {
        return text == null ? "" : text.in(locale);
    }

    /** One of two literal texts, for the program's own words. */
    String of(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
