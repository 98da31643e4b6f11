package io.firerisk.ledger.notice;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prints a {@link Notice}: as its A4 page (the one template, {@code src/main/jte/notice.jte}, compiled with the
 * library) and as a PDF of that page printed by headless Chromium. The {@code firerisk notice} program and the
 * desk both print through here, so a notice reads the same wherever it is made.
 *
 * <pre>{@code
 * Notice n = Notices.of(ledger).forVenue("WZ-0002", day);
 * NoticePrinter.html(n, writer);                 // the page, to print from the browser on A4
 * NoticePrinter.pdf(n, outputStream);            // the same page as a PDF
 * }</pre>
 */
public final class NoticePrinter {

    /** What to install when a PDF cannot be printed. */
    public static final String HOW_TO_PRINT = PdfPrinter.HOW;

    /**
     * Links the desk shows above the notice on screen (never printed); empty strings show none. The page then
     * links its style sheet at {@code stylesheet} (the desk serves {@link #stylesheet()} there) instead of
     * carrying it inline, which a Content-Security-Policy without 'unsafe-inline' would block.
     */
    public record Links(String back, String pdf, String stylesheet) {
        public Links {
            Objects.requireNonNull(back, "back");
            Objects.requireNonNull(pdf, "pdf");
            Objects.requireNonNull(stylesheet, "stylesheet");
        }
    }

    /** Where {@link #stylesheet()} is on the class path, for a server that serves it as a file. */
    public static final String STYLESHEET_RESOURCE = "io/firerisk/ledger/notice/css/notice.css";

    private static final String STYLESHEET = readStylesheet();

    private static String readStylesheet() {
        try (var in = NoticePrinter.class.getClassLoader().getResourceAsStream(STYLESHEET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STYLESHEET_RESOURCE, e);
        }
    }

    /** The notice's style sheet: A4 page, fonts, tables, print rules. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            NoticePrinter.class.getClassLoader(), NoticePrinter.class.getPackageName());

    private NoticePrinter() {}

    /** Writes the notice's page. */
    public static void html(Notice notice, Writer out) throws IOException {
        render(notice, null, out);
    }

    /** Writes the notice's page with the desk's links above it on screen; they are hidden when printed. */
    public static void html(Notice notice, Links links, Writer out) throws IOException {
        render(notice, Objects.requireNonNull(links, "links"), out);
    }

    /**
     * Writes the notice as a PDF: its page printed by headless Chromium on A4.
     *
     * @throws IOException when Chromium is missing, fails or times out (the message says which and what to install)
     */
    public static void pdf(Notice notice, OutputStream out) throws IOException {
        Objects.requireNonNull(notice, "notice");
        Path html = Files.createTempFile("firerisk-notice-", ".html");
        Path pdf = Files.createTempFile("firerisk-notice-", ".pdf");
        try {
            try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                html(notice, w);
            }
            Files.delete(pdf);
            PdfPrinter.print(html, pdf);
            Files.copy(pdf, out);
        } finally {
            Files.deleteIfExists(html);
            Files.deleteIfExists(pdf);
        }
    }

    /**
     * Writes one of this module's other pages (a report as a file: {@code report-document.jte}) with the same
     * engine and the same escaping as the notice.
     */
    public static void page(String template, Map<String, Object> params, Writer out) throws IOException {
        try {
            TEMPLATES.render(template, params, new VisibleEscapes(new WriterOutput(out)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void render(Notice notice, Links links, Writer out) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("n", Objects.requireNonNull(notice, "notice"));
        params.put("links", links);
        try {
            TEMPLATES.render("notice.jte", params, new VisibleEscapes(new WriterOutput(out)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The one way the template writes a value: HTML-escaped, after control and direction-changing characters
     * (which can make text display as other text) are shown as {@code \\uXXXX}.
     */
    private static final class VisibleEscapes extends OwaspHtmlTemplateOutput {
        VisibleEscapes(WriterOutput out) {
            super(out);
        }

        @Override
        public void writeUserContent(String value) {
            if (value == null) {
                return;
            }
            StringBuilder sb = new StringBuilder(value.length() + 16);
            value.codePoints().forEach(cp -> {
                switch (cp) {
                    case '&' -> sb.append("&amp;");
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '"' -> sb.append("&quot;");
                    case '\'' -> sb.append("&#39;");
                    default -> {
                        if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
                                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
                            sb.append(String.format("\\u%04x", cp));
                        } else {
                            sb.appendCodePoint(cp);
                        }
                    }
                }
            });
            writeContent(sb.toString());
        }
    }
}
