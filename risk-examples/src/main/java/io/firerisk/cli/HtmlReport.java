package io.firerisk.cli;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;
import io.firerisk.RiskGrade;
import io.firerisk.campaign.CalendarEntry;
import io.firerisk.campaign.Campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report people read: one HTML file with everything inline (styles, SVG charts, a few lines of
 * script), so it opens offline and can be mailed. The page is the template {@code src/main/jte/report.jte}
 * (with its parts beside it), compiled to Java when the program is built; this class gathers what it
 * shows. Every value a template writes goes through {@link EscapingOutput}: escaped for HTML, control and
 * direction-changing characters shown as {@code \\uXXXX}, so no cell can forget. The page's
 * Content-Security-Policy lets only its own script run (by its hash) and loads nothing from anywhere.
 */
final class HtmlReport {

    private HtmlReport() {}

    static final Map<RiskGrade, String> COLOURS = Map.of(RiskGrade.RED, "#c53030", RiskGrade.ORANGE, "#dd6b20",
            RiskGrade.YELLOW, "#d69e2e", RiskGrade.BLUE, "#2b6cb0");
    static final List<RiskGrade> WORST_FIRST = List.of(RiskGrade.RED, RiskGrade.ORANGE, RiskGrade.YELLOW,
            RiskGrade.BLUE);

    /** Catches any script error into the page, where a test (or a curious reader) can see it; then filters tables. */
    static final String SCRIPT = resource("report/report.js").strip();
    private static final String SCRIPT_HASH = sha256(SCRIPT);

    /** The templates, compiled at build time (jte-maven-plugin) for HTML: nothing is compiled at run time. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), HtmlReport.class.getPackageName());

    /** A card of the totals: its count, what it counts, and a grade's colour when it is one. */
    record Card(String key, String style, long count, String label) {}

    record Segment(String x, int y, String width, int height, String fill, String title) {}

    record BarRow(String label, String shownLabel, long total, int labelX, int textY, List<Segment> segments,
            String totalX) {}

    record BarChart(String id, int width, int height, List<BarRow> rows) {}

    record Lane(int y, String label) {}

    record Month(String x, int y1, int y2, String textX, int textY, String label) {}

    record Assessed(String x, int y, String width, int height, String title, int labelY, String label) {}

    record Entry(String type, String x, int y, String width, int height, String fill, String title, String label,
            String textX, int textY) {}

    record Timeline(int width, int height, List<Lane> lanes, List<Month> months, Assessed assessed, List<Entry> entries) {}

    /** Everything the page shows. */
    record Page(Lang lang, Campaign campaign, Summary summary, ReportData data, String source, List<Card> cards,
            BarChart byGrade, BarChart byKind, BarChart byStreet, Timeline timeline, List<CalendarEntry> calendar) {

        String script() {
            return SCRIPT;
        }

        String scriptHash() {
            return SCRIPT_HASH;
        }
    }

    static void write(Writer out, Campaign campaign, Lang lang, Summary s, ReportData d, String source) throws IOException {
        LocalDate from = campaign.calendar().start();
        LocalDate to = campaign.calendar().end();
        if (s.firstDate != null && s.firstDate.isBefore(from)) {
            from = s.firstDate;
        }
        if (s.lastDate != null && s.lastDate.isAfter(to)) {
            to = s.lastDate;
        }
        List<CalendarEntry> entries = campaign.calendar().between(from, to);
        Page page = new Page(lang, campaign, s, d, source, cards(lang, s), byGrade(lang, s), byKind(lang, s, d),
                byStreet(lang, s), timeline(entries, from, to, s, lang), entries);
        try {
            TEMPLATES.render("report.jte", page, new EscapingOutput(new WriterOutput(out)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Renders another page of the program (a ledger report, a notice) with the same engine and the same escaping. */
    static void render(String template, Object param, Writer out) throws IOException {
        try {
            TEMPLATES.render(template, param, new EscapingOutput(new WriterOutput(out)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The one way a template writes a value: HTML-escaped ({@code & < > " '}), after control and
     * direction-changing characters are made visible, in text and in attributes alike.
     */
    static final class EscapingOutput extends OwaspHtmlTemplateOutput {
        EscapingOutput(WriterOutput out) {
            super(out);
        }

        @Override
        public void writeUserContent(String value) {
            if (value != null) {
                writeContent(Html.esc(value));
            }
        }
    }

    private static List<Card> cards(Lang lang, Summary s) {
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("assessed", "", s.assessed, lang.of("已评估场所", "venues assessed")));
        for (RiskGrade g : WORST_FIRST) {
            cards.add(new Card("grade-" + g.name(), g.name(), s.grade(g), gradeName(g, lang)));
        }
        cards.add(new Card("suspected-major", "", s.suspectedMajor, lang.of("疑似重大火灾隐患场所", "venues with a suspected major hazard")));
        cards.add(new Card("suspensions", "", s.suspensions, lang.of("须停用部位的场所", "venues with parts to suspend")));
        cards.add(new Card("overdue", "", s.overdueFindings, lang.of("逾期未整改隐患", "overdue findings")));
        cards.add(new Card("reinspections", "", s.reinspections, lang.of("待复查（回头看）场所", "venues awaiting re-inspection")));
        cards.add(new Card("rejected", "", s.rejected, lang.of("未能评估的记录", "records rejected")));
        return cards;
    }

    static String gradeName(RiskGrade g, Lang lang) {
        return lang == Lang.ZH ? g.colourZh() + "（" + g.label().zh() + "）" : g.name() + " (" + g.label().en() + ")";
    }

    static String entryType(CalendarEntry.Type type, Lang lang) {
        return switch (type) {
            case PHASE -> lang.of("工作阶段", "phase");
            case KEY_PERIOD -> lang.of("重点时段（提高防范等级）", "key period (raised level)");
            case EARLY_WARNING -> lang.of("预警提示", "early warning");
        };
    }

    record Bar(String label, long[] counts) {}

    private static BarChart byGrade(Lang lang, Summary s) {
        List<Bar> grades = new ArrayList<>();
        for (RiskGrade g : WORST_FIRST) {
            long[] counts = new long[RiskGrade.values().length];
            counts[g.ordinal()] = s.grade(g);
            grades.add(new Bar(gradeName(g, lang), counts));
        }
        return bars("chart-grade", grades, lang);
    }

    private static BarChart byKind(Lang lang, Summary s, ReportData d) {
        return bars("chart-kind", Summary.top(s.byKind, 15).stream()
                .map(e -> new Bar(e.getKey().equals(Summary.OTHER_GROUP) ? lang.of("其他", "others")
                        : lang.of(d.kindLabel(e.getKey())), e.getValue())).toList(), lang);
    }

    private static BarChart byStreet(Lang lang, Summary s) {
        return bars("chart-street", Summary.top(s.byStreet, 20).stream()
                .map(e -> new Bar(e.getKey().equals(Summary.OTHER_GROUP) ? lang.of("其他", "others")
                        : e.getKey().isEmpty() ? lang.of("（未填街道）", "(no street)") : e.getKey(), e.getValue())).toList(),
                lang);
    }

    /** Horizontal bars, each stacked by grade worst first; the total at the end of the bar. */
    static BarChart bars(String id, List<Bar> bars, Lang lang) {
        int width = 760;
        int labelWidth = 200;
        int barSpace = width - labelWidth - 70;
        int rowHeight = 26;
        long max = 1;
        for (Bar b : bars) {
            max = Math.max(max, Summary.total(b.counts()));
        }
        int height = Math.max(rowHeight, bars.size() * rowHeight) + 8;
        List<BarRow> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * rowHeight + 4;
            long total = Summary.total(b.counts());
            List<Segment> segments = new ArrayList<>();
            double x = labelWidth;
            for (RiskGrade g : WORST_FIRST) {
                long n = b.counts()[g.ordinal()];
                if (n == 0) {
                    continue;
                }
                double w = (double) n / max * barSpace;
                segments.add(new Segment(decimal(x), y + 2, decimal(Math.max(w, 1.0)), rowHeight - 8, COLOURS.get(g),
                        b.label() + " · " + gradeName(g, lang) + ": " + n));
                x += w;
            }
            rows.add(new BarRow(b.label(), Width.fit(b.label(), 26), total, labelWidth - 8, y + 16, segments,
                    decimal(x + 6)));
        }
        return new BarChart(id, width, height, rows);
    }

    /** The calendar as three lanes (phases, early warnings, key periods) over the months, the assessed dates shaded. */
    static Timeline timeline(List<CalendarEntry> entries, LocalDate from, LocalDate to, Summary s, Lang lang) {
        int width = 1000;
        int left = 130;
        int right = 10;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        double perDay = (double) (width - left - right) / days;
        int laneHeight = 34;
        int top = 28;
        int height = top + laneHeight * 3 + 24;
        String[] names = {lang.of("工作阶段", "Phases"), lang.of("预警提示", "Early warning"), lang.of("重点时段", "Key periods")};
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            lanes.add(new Lane(top + i * laneHeight + 21, names[i]));
        }
        List<Month> months = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            if (m.isBefore(from)) {
                continue;
            }
            double x = left + ChronoUnit.DAYS.between(from, m) * perDay;
            months.add(new Month(decimal(x), top - 6, height - 20, decimal(x + 2), top - 10, m.toString().substring(0, 7)));
        }
        Assessed assessed = null;
        if (s.firstDate != null) {
            double x1 = left + Math.max(0, ChronoUnit.DAYS.between(from, s.firstDate)) * perDay;
            double x2 = left + (ChronoUnit.DAYS.between(from, s.lastDate) + 1) * perDay;
            assessed = new Assessed(decimal(x1), top - 4, decimal(Math.max(2, x2 - x1)), laneHeight * 3 + 8,
                    lang.of("评估日期 ", "assessed ") + s.firstDate + " — " + s.lastDate, height - 6,
                    lang.of("▲ 评估日期", "▲ assessed"));
        }
        List<Entry> shown = new ArrayList<>();
        for (CalendarEntry e : entries) {
            int lane = switch (e.type()) {
                case PHASE -> 0;
                case EARLY_WARNING -> 1;
                case KEY_PERIOD -> 2;
            };
            LocalDate a = e.from().isBefore(from) ? from : e.from();
            LocalDate b = e.to().isAfter(to) ? to : e.to();
            double x = left + ChronoUnit.DAYS.between(from, a) * perDay;
            double w = Math.max(2, (ChronoUnit.DAYS.between(a, b) + 1) * perDay);
            String fill = switch (e.type()) {
                case PHASE -> "#a0aec0";
                case EARLY_WARNING -> "#f6ad55";
                case KEY_PERIOD -> "#e53e3e";
            };
            String label = lang.of(e.label());
            shown.add(new Entry(e.type().name(), decimal(x), top + lane * laneHeight + 4, decimal(w), laneHeight - 10, fill,
                    label + " " + e.from() + " — " + e.to() + " · " + lang.of(e.alertLevel().text()),
                    Width.of(label) * 6.5 < w ? label : null, decimal(x + 3), top + lane * laneHeight + 22));
        }
        return new Timeline(width, height, lanes, months, assessed, shown);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
