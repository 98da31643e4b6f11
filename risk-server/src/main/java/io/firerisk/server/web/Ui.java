package io.firerisk.server.web;

import io.firerisk.Text;
import io.firerisk.campaign.Campaign;
import io.firerisk.server.security.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every page needs besides its own data: the language and its messages, the as-of date, the
 * campaign, who is signed in, the CSRF token for forms, and links that keep the as-of date. Templates
 * write every value through JTE's HTML output, which escapes it; nothing here escapes by hand.
 */
public final class Ui {
    private final MessageSource messages;
    private final Locale locale;
    private final AsOf asOf;
    private final LocalDate today;
    private final Campaign campaign;
    private final Viewer viewer;
    private final CsrfToken csrf;
    private final String path;
    private final Map<String, String[]> params;

    Ui(MessageSource messages, Locale locale, AsOf asOf, LocalDate today, Campaign campaign, Viewer viewer,
            CsrfToken csrf, String path, Map<String, String[]> params) {
        this.messages = messages;
        this.locale = locale;
        this.asOf = asOf;
        this.today = today;
        this.campaign = campaign;
        this.viewer = viewer;
        this.csrf = csrf;
        this.path = path;
        this.params = Map.copyOf(params);
    }

    /** A message in the page's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A campaign or ledger text in the page's language. */
    public String text(Text text) {
        return text.in(locale);
    }

    public String lang() {
        return locale.getLanguage().equals("en") ? "en" : "zh";
    }

    public Locale locale() {
        return locale;
    }

    public LocalDate asOf() {
        return asOf.date();
    }

    public LocalDate today() {
        return today;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Optional<Viewer> viewer() {
        return Optional.ofNullable(viewer);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    /**
     * A link inside the desk that keeps the as-of date: {@code href("/hazards", "state", "OPEN")}. Pairs
     * of name and value; a null or empty value is left out. Values are percent-encoded.
     */
    public String href(String target, String... pairs) {
        // Written out rather than through UriComponentsBuilder: a page of the hazard list or the dashboard makes
        // hundreds of these, and the builder was a third of what rendering the dashboard cost. The same
        // characters are left as they are (RFC 3986 path and query-parameter characters) and the rest
        // percent-encoded as UTF-8, as the builder's encode() does.
        StringBuilder b = new StringBuilder(target.length() + 24 * (pairs.length / 2 + 1));
        encode(target, PATH, b);
        char sep = '?';
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                b.append(sep);
                encode(pairs[i], QUERY_PARAM, b);
                b.append('=');
                encode(pairs[i + 1], QUERY_PARAM, b);
                sep = '&';
            }
        }
        return b.append(sep).append("asOf=").append(asOf.date()).toString();
    }

    /** Characters left as they are in a path: RFC 3986 pchar and '/'. */
    static final boolean[] PATH = allowed("-._~" + "!$&'()*+,;=" + ":@" + "/");
    /** In a query parameter's name or value: pchar, '/' and '?', but not '=' and '&'. */
    static final boolean[] QUERY_PARAM = allowed("-._~" + "!$'()*+,;" + ":@" + "/?");

    private static boolean[] allowed(String extra) {
        boolean[] a = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            a[c] = true;
            a[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            a[c] = true;
        }
        extra.chars().forEach(c -> a[c] = true);
        return a;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static void encode(String text, boolean[] allowed, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && allowed[c]) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            if (Character.isHighSurrogate(c) && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            for (byte x : text.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
            }
            i = end - 1;
        }
    }

    /** This page in the other language (the choice is remembered in a cookie). */
    public String switchLanguage() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach((name, values) -> {
            if (!name.equals("lang")) {
                for (String v : values) {
                    b.queryParam(name, v);
                }
            }
        });
        b.queryParam("lang", lang().equals("en") ? "zh" : "en");
        return b.encode().build().toUriString();
    }

    /** The current page's path, for forms that come back to it (the as-of picker). */
    public String path() {
        return path;
    }

    /** A rate as a percentage with one decimal, or "—" when there is nothing to divide by. */
    public String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
