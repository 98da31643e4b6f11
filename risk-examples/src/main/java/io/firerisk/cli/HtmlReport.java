package io.firerisk.cli;

import io.firerisk.ClauseRef;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CalendarEntry;

import java.io.IOException;
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
import java.util.stream.Collectors;

/**
 * The report people read: one HTML file with everything inline (styles, SVG charts, a few lines
 * of script), so it opens offline and can be mailed. Every value from the input is escaped, and
 * the page's Content-Security-Policy lets only its own script run and loads nothing from anywhere.
 */
final class HtmlReport {

    private HtmlReport() {}

    static final Map<RiskGrade, String> COLOURS = Map.of(RiskGrade.RED, "#c53030", RiskGrade.ORANGE, "#dd6b20",
            RiskGrade.YELLOW, "#d69e2e", RiskGrade.BLUE, "#2b6cb0");
    private static final List<RiskGrade> WORST_FIRST = List.of(RiskGrade.RED, RiskGrade.ORANGE, RiskGrade.YELLOW,
            RiskGrade.BLUE);

    /** Catches any script error into the page, where a test (or a curious reader) can see it; then filters tables. */
    private static final String SCRIPT = String.join("\n",
            "(function () {",
            "  window.addEventListener('error', function (e) {",
            "    document.documentElement.setAttribute('data-script-error', String(e.message));",
            "  });",
            "  function apply(input) {",
            "    var table = document.getElementById(input.getAttribute('data-filter'));",
            "    var q = input.value.trim().toLowerCase();",
            "    var shown = 0;",
            "    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {",
            "      var match = q === '' || row.textContent.toLowerCase().indexOf(q) >= 0;",
            "      row.hidden = !match;",
            "      if (match) { shown++; }",
            "    });",
            "    var counter = document.querySelector('[data-shown-for=\"' + table.id + '\"]');",
            "    if (counter) { counter.textContent = String(shown); }",
            "  }",
            "  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (input) {",
            "    input.addEventListener('input', function () { apply(input); });",
            "    if (input.value) { apply(input); }",
            "  });",
            "  document.body.setAttribute('data-ready', 'yes');",
            "})();");

    private static final String STYLE = String.join("\n",
            ":root { --red: #c53030; --orange: #dd6b20; --yellow: #d69e2e; --blue: #2b6cb0; }",
            "body { font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC',"
                    + " 'Source Han Sans SC', sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1a202c;"
                    + " line-height: 1.5; }",
            "h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #e2e8f0; padding-bottom: 4px;"
                    + " margin-top: 2em; }",
            ".meta { color: #4a5568; margin: 0.2em 0; }",
            ".cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }",
            ".card { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; min-width: 120px; }",
            ".card .n { font-size: 1.8em; font-weight: 700; } .card .l { color: #4a5568; font-size: 0.9em; }",
            ".card.RED { border-left: 6px solid var(--red); } .card.ORANGE { border-left: 6px solid var(--orange); }",
            ".card.YELLOW { border-left: 6px solid var(--yellow); } .card.BLUE { border-left: 6px solid var(--blue); }",
            "table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 8px 0; }",
            "th, td { border: 1px solid #e2e8f0; padding: 4px 6px; text-align: left; vertical-align: top; }",
            "th { background: #f7fafc; } tbody tr:nth-child(even) { background: #fbfdff; }",
            ".grade { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; white-space: nowrap; }",
            ".grade.RED { background: var(--red); } .grade.ORANGE { background: var(--orange); }",
            ".grade.YELLOW { background: var(--yellow); color: #1a202c; } .grade.BLUE { background: var(--blue); }",
            ".note { color: #4a5568; font-size: 0.9em; } .warn { color: #9b2c2c; }",
            ".formula { font-family: ui-monospace, monospace; font-size: 0.85em; color: #4a5568; }",
            "svg text { font-size: 12px; fill: #1a202c; } svg { max-width: 100%; height: auto; }",
            "input[data-filter] { padding: 4px 8px; width: 280px; }",
            "@media print { input[data-filter] { display: none; } h2 { break-after: avoid; } }");

    static void write(Writer out, Campaign campaign, Lang lang, Summary s, ReportData d, String source) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang == Lang.ZH ? "zh-CN" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                        + " img-src data:; script-src '").append(sha256(SCRIPT)).append("'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(lang.of("消防安全风险评估报告", "Fire risk assessment report")))
                .append(" · ").append(Html.esc(campaign.document())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
        header(h, campaign, lang, s, source);
        totals(h, lang, s);
        charts(h, lang, s, d);
        suspensions(h, lang, d);
        suspected(h, campaign, lang, d);
        actions(h, lang, d);
        if (d.plan != null) {
            plan(h, lang, d.plan);
        }
        calendar(h, campaign, lang, s);
        notes(h, campaign, lang, s);
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void header(StringBuilder h, Campaign c, Lang lang, Summary s, String source) {
        h.append("<header>\n<h1>").append(Html.esc(lang.of("消防安全风险评估报告", "Fire risk assessment report")))
                .append("</h1>\n");
        meta(h, lang, lang.of("依据", "Campaign"), lang.of(c.title()) + lang.of("（", " (") + c.document() + lang.of("，", ", ")
                + c.id() + " " + c.version() + lang.of("）", ")"));
        meta(h, lang, lang.of("发文单位", "Issued by"), lang.of(c.authority()));
        meta(h, lang, lang.of("数据来源", "Input"), source);
        if (s.firstDate != null) {
            meta(h, lang, lang.of("评估日期", "Assessed as of"), s.firstDate.equals(s.lastDate) ? s.firstDate.toString()
                    : s.firstDate + " — " + s.lastDate);
        }
        h.append("</header>\n");
    }

    private static void meta(StringBuilder h, Lang lang, String label, String value) {
        h.append("<p class=\"meta\"><strong>").append(Html.esc(label)).append(lang.of("：", ": ")).append("</strong>")
                .append(Html.esc(value)).append("</p>\n");
    }

    private static void totals(StringBuilder h, Lang lang, Summary s) {
        h.append("<section id=\"totals\">\n<h2>").append(Html.esc(lang.of("总体情况", "Totals"))).append("</h2>\n")
                .append("<div class=\"cards\">\n");
        card(h, "assessed", "", s.assessed, lang.of("已评估场所", "venues assessed"));
        for (RiskGrade g : WORST_FIRST) {
            card(h, "grade-" + g.name(), g.name(), s.grade(g), gradeName(g, lang));
        }
        card(h, "suspected-major", "", s.suspectedMajor, lang.of("疑似重大火灾隐患场所", "venues with a suspected major hazard"));
        card(h, "suspensions", "", s.suspensions, lang.of("须停用部位的场所", "venues with parts to suspend"));
        card(h, "overdue", "", s.overdueFindings, lang.of("逾期未整改隐患", "overdue findings"));
        card(h, "reinspections", "", s.reinspections, lang.of("待复查（回头看）场所", "venues awaiting re-inspection"));
        card(h, "rejected", "", s.rejected, lang.of("未能评估的记录", "records rejected"));
        h.append("</div>\n</section>\n");
    }

    private static void card(StringBuilder h, String key, String cls, long n, String label) {
        h.append("<div class=\"card ").append(cls).append("\"><div class=\"n\" data-count=\"").append(key).append("\">")
                .append(n).append("</div><div class=\"l\">").append(Html.esc(label)).append("</div></div>\n");
    }

    static String gradeName(RiskGrade g, Lang lang) {
        return lang == Lang.ZH ? g.colourZh() + "（" + g.label().zh() + "）" : g.name() + " (" + g.label().en() + ")";
    }

    private static String grade(RiskGrade g, Lang lang) {
        return "<span class=\"grade " + g.name() + "\">" + Html.esc(gradeName(g, lang)) + "</span>";
    }

    private static void charts(StringBuilder h, Lang lang, Summary s, ReportData d) {
        h.append("<section id=\"charts\">\n<h2>").append(Html.esc(lang.of("分布", "Distribution"))).append("</h2>\n");
        List<Bar> grades = new ArrayList<>();
        for (RiskGrade g : WORST_FIRST) {
            long[] counts = new long[RiskGrade.values().length];
            counts[g.ordinal()] = s.grade(g);
            grades.add(new Bar(gradeName(g, lang), counts));
        }
        h.append("<h3>").append(Html.esc(lang.of("按风险等级", "By risk grade"))).append("</h3>\n");
        h.append(bars("chart-grade", grades, lang));
        h.append("<h3>").append(Html.esc(lang.of("按场所类型", "By venue kind"))).append("</h3>\n");
        h.append(bars("chart-kind", Summary.top(s.byKind, 15).stream()
                .map(e -> new Bar(e.getKey().equals(Summary.OTHER_GROUP) ? lang.of("其他", "others")
                        : lang.of(d.kindLabel(e.getKey())), e.getValue())).toList(), lang));
        h.append("<h3>").append(Html.esc(lang.of("按街道", "By street"))).append("</h3>\n");
        h.append(bars("chart-street", Summary.top(s.byStreet, 20).stream()
                .map(e -> new Bar(e.getKey().equals(Summary.OTHER_GROUP) ? lang.of("其他", "others")
                        : e.getKey().isEmpty() ? lang.of("（未填街道）", "(no street)") : e.getKey(), e.getValue())).toList(),
                lang));
        h.append(legend(lang));
        h.append("</section>\n");
    }

    record Bar(String label, long[] counts) {}

    /** Horizontal bars, each stacked by grade worst first; the total at the end of the bar. */
    static String bars(String id, List<Bar> bars, Lang lang) {
        int width = 760;
        int labelWidth = 200;
        int barSpace = width - labelWidth - 70;
        int rowHeight = 26;
        long max = 1;
        for (Bar b : bars) {
            max = Math.max(max, Summary.total(b.counts()));
        }
        int height = Math.max(rowHeight, bars.size() * rowHeight) + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(id).append("\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * rowHeight + 4;
            long total = Summary.total(b.counts());
            svg.append("<g data-label=\"").append(Html.esc(b.label())).append("\" data-total=\"").append(total).append("\">");
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(Html.esc(Width.fit(b.label(), 26))).append("</text>");
            double x = labelWidth;
            for (RiskGrade g : WORST_FIRST) {
                long n = b.counts()[g.ordinal()];
                if (n == 0) {
                    continue;
                }
                double w = (double) n / max * barSpace;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">",
                        x, y + 2, Math.max(w, 1.0), rowHeight - 8, COLOURS.get(g)));
                svg.append("<title>").append(Html.esc(b.label() + " · " + gradeName(g, lang) + ": " + n)).append("</title></rect>");
                x += w;
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", x + 6, y + 16, total));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String legend(Lang lang) {
        StringBuilder l = new StringBuilder("<p class=\"note\">");
        for (RiskGrade g : WORST_FIRST) {
            l.append(grade(g, lang)).append(' ');
        }
        return l.append("</p>\n").toString();
    }

    private static void more(StringBuilder h, Lang lang, ReportData.Bounded<?> list) {
        long hidden = list.offered() - list.sorted().size();
        if (hidden > 0) {
            h.append("<p class=\"note\">").append(Html.esc(lang.of("另有 " + hidden + " 条未列出（可用 --report-limit 调大）",
                    hidden + " more not listed (raise --report-limit)"))).append("</p>\n");
        }
    }

    private static String place(ReportData.Place p) {
        return "<strong>" + Html.esc(p.name().isEmpty() ? p.venueId() : p.name()) + "</strong><br><span class=\"note\">"
                + Html.esc(p.venueId()) + "</span>";
    }

    private static String clauses(List<ClauseRef> clauses) {
        return clauses.stream().map(c -> Html.esc(c.toString())).collect(Collectors.joining("<br>"));
    }

    private static void filter(StringBuilder h, Lang lang, String tableId, long shown) {
        h.append("<p><input type=\"search\" data-filter=\"").append(tableId).append("\" placeholder=\"")
                .append(Html.esc(lang.of("筛选：场所、街道、隐患……", "Filter: venue, street, hazard…"))).append("\"> ")
                .append("<span class=\"note\">").append(Html.esc(lang.of("显示", "showing"))).append(" <span data-shown-for=\"")
                .append(tableId).append("\">").append(shown).append("</span></span></p>\n");
    }

    private static void suspensions(StringBuilder h, Lang lang, ReportData d) {
        List<ReportData.SuspensionEntry> list = d.suspensions.sorted();
        h.append("<section id=\"suspensions\">\n<h2>").append(Html.esc(lang.of("停用清单", "Suspensions")))
                .append(" <small data-count=\"suspended-parts\">").append(d.suspensions.offered()).append("</small></h2>\n");
        h.append("<p class=\"note\">").append(Html.esc(lang.of(
                "依法定停用情形，下列部位须立即停止使用，整改完毕并经检查合格前不得恢复使用；由谁执行见各行。",
                "On a legal ground for stopping use, these parts stop at once and stay out of use until rectified and"
                        + " passed on inspection; each row says who acts."))).append("</p>\n");
        if (list.isEmpty()) {
            h.append("<p>").append(Html.esc(lang.of("无。", "None."))).append("</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"suspension-table\">\n<thead><tr>");
        th(h, lang.of("场所", "Venue"), lang.of("街道", "Street"), lang.of("部位", "Part"), lang.of("隐患", "Hazard"),
                lang.of("法定情形", "Ground"), lang.of("由谁执行", "Who acts"), lang.of("依据", "Clause"),
                lang.of("评估日期", "Date"));
        h.append("</tr></thead>\n<tbody>\n");
        for (ReportData.SuspensionEntry e : list) {
            h.append("<tr data-venue=\"").append(Html.esc(e.place().venueId())).append("\"><td>").append(place(e.place()))
                    .append("</td><td>").append(Html.esc(e.place().street())).append("</td><td>")
                    .append(Html.esc(e.part().isEmpty() ? lang.of("整个场所", "whole venue") : e.part())).append("</td><td>")
                    .append(Html.esc(e.hazards().stream().map(lang::of).collect(java.util.stream.Collectors.joining(lang.of("；", "; ")))))
                    .append("</td><td>").append(Html.esc(lang.of(e.ground()))).append("</td><td>")
                    .append(Html.esc(lang.of(e.actor()))).append("</td><td>")
                    .append(Html.esc(e.clauses().stream().map(ClauseRef::toString).collect(java.util.stream.Collectors.joining("; "))))
                    .append("</td><td>").append(e.place().date()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, lang, d.suspensions);
        h.append("</section>\n");
    }

    private static void suspected(StringBuilder h, Campaign c, Lang lang, ReportData d) {
        List<ReportData.SuspectedEntry> list = d.suspected.sorted();
        h.append("<section id=\"suspected\">\n<h2>").append(Html.esc(lang.of("疑似重大火灾隐患清单",
                "Suspected major fire hazards"))).append(" <small data-count=\"suspected-list\">")
                .append(d.suspected.offered()).append("</small></h2>\n");
        h.append("<p class=\"note warn\">").append(Html.esc(lang.of(c.determinationReminder()))).append("</p>\n");
        if (list.isEmpty()) {
            h.append("<p>").append(Html.esc(lang.of("无。", "None."))).append("</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"suspected-table\">\n<thead><tr>");
        th(h, lang.of("场所", "Venue"), lang.of("街道", "Street"), lang.of("类型", "Kind"),
                lang.of("直接判定要素", "Direct elements"), lang.of("综合判定要素", "Comprehensive elements"),
                lang.of("达到的综合判定标准", "Counting rows reached"), lang.of("涉及隐患", "Hazards"),
                lang.of("评估日期", "Date"));
        h.append("</tr></thead>\n<tbody>\n");
        for (ReportData.SuspectedEntry e : list) {
            h.append("<tr data-venue=\"").append(Html.esc(e.place().venueId())).append("\"><td>").append(place(e.place()))
                    .append("</td><td>").append(Html.esc(e.place().street())).append("</td><td>")
                    .append(Html.esc(lang.of(e.place().kind()))).append("</td><td>")
                    .append(Html.esc(String.join("、", e.direct()))).append("</td><td>")
                    .append(Html.esc(String.join("、", e.comprehensive()))).append("</td><td>")
                    .append(Html.esc(String.join("；", e.thresholds()))).append("</td><td>")
                    .append(e.hazards().stream().map(t -> Html.esc(lang.of(t))).collect(Collectors.joining("<br>")))
                    .append("</td><td>").append(e.place().date()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, lang, d.suspected);
        h.append("</section>\n");
    }

    private static void actions(StringBuilder h, Lang lang, ReportData d) {
        List<ReportData.ActionEntry> list = d.actions.sorted();
        h.append("<section id=\"actions\">\n<h2>").append(Html.esc(lang.of("整改行动计划（按期限）", "Action plan (by deadline)")))
                .append(" <small data-count=\"actions\">").append(d.actions.offered()).append("</small></h2>\n");
        if (list.isEmpty()) {
            h.append("<p>").append(Html.esc(lang.of("无。", "None."))).append("</p>\n</section>\n");
            return;
        }
        filter(h, lang, "action-table", list.size());
        h.append("<table id=\"action-table\">\n<thead><tr>");
        th(h, lang.of("期限", "Due"), lang.of("优先级", "Priority"), lang.of("场所", "Venue"), lang.of("街道", "Street"),
                lang.of("行动", "Action"), lang.of("涉及隐患", "About"), lang.of("依据", "Clauses"));
        h.append("</tr></thead>\n<tbody>\n");
        for (ReportData.ActionEntry e : list) {
            h.append("<tr data-venue=\"").append(Html.esc(e.place().venueId())).append("\"><td>")
                    .append(e.due() == null ? "—" : e.due().toString()).append("</td><td>")
                    .append(Html.esc(lang.of(e.priority().label()))).append("</td><td>").append(place(e.place()))
                    .append("</td><td>").append(Html.esc(e.place().street())).append("</td><td>")
                    .append(Html.esc(lang.of(e.action())));
            for (Text detail : e.details()) {
                h.append("<br><span class=\"note\">").append(Html.esc(lang.of(detail))).append("</span>");
            }
            h.append("</td><td>").append(Html.esc(lang.of(e.about())));
            if (!e.location().isEmpty()) {
                h.append("<br><span class=\"note\">").append(Html.esc(e.location())).append("</span>");
            }
            h.append("</td><td>").append(clauses(e.clauses())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, lang, d.actions);
        h.append("</section>\n");
    }

    private static void plan(StringBuilder h, Lang lang, InspectionPlan p) {
        h.append("<section id=\"inspection-plan\">\n<h2>").append(Html.esc(lang.of("“双随机、一公开”检查计划",
                "Random inspection plan (双随机、一公开)"))).append(" <small data-count=\"plan-rows\">").append(p.rows().size())
                .append("</small></h2>\n");
        meta(h, lang, lang.of("计划日期", "Plan date"), p.date().toString());
        meta(h, lang, lang.of("随机种子", "Seed"), Long.toString(p.seed()));
        meta(h, lang, lang.of("抽取", "Drawn"), lang.of("从 " + p.candidates() + " 个场所中加权随机抽取 " + p.drawn()
                + " 个；另含复查（回头看）" + p.reinspections() + " 个", p.drawn() + " drawn at random, weighted, from "
                + p.candidates() + " venues; plus " + p.reinspections() + " re-inspections (回头看)"));
        h.append("<p class=\"note\">").append(Html.esc(lang.of(
                "方法：每个场所的权重 = 风险等级权重 ×（1 + 逾期权重 × 逾期未整改隐患数）；抽取键 = u^(1/权重)，u 由随机种子与场所编号经 SHA-256 得出；"
                        + "取抽取键最大的场所（加权不放回抽样）。同一种子、同一数据可复现本计划。检查人员从名册中随机抽取，避开上一轮检查过该场所的人员。",
                "Method: weight = grade weight × (1 + overdue weight × overdue findings); draw key = u^(1/weight), with u"
                        + " from SHA-256 of the seed and the venue id; the venues with the largest keys are drawn (weighted"
                        + " sampling without replacement). The same seed and data give the same plan. Inspectors are drawn"
                        + " from the roster at random, leaving out those who inspected the venue last time."))).append("</p>\n");
        for (String w : p.warnings()) {
            h.append("<p class=\"warn\">").append(Html.esc(w)).append("</p>\n");
        }
        filter(h, lang, "plan-table", p.rows().size());
        h.append("<table id=\"plan-table\">\n<thead><tr>");
        th(h, lang.of("序号", "#"), lang.of("场所", "Venue"), lang.of("街道", "Street"), lang.of("风险等级", "Grade"),
                lang.of("检查类型", "Why"), lang.of("复查隐患", "Findings to re-inspect"), lang.of("逾期隐患", "Overdue"),
                lang.of("检查人员", "Inspectors"), lang.of("备注", "Note"));
        h.append("</tr></thead>\n<tbody>\n");
        for (InspectionPlan.Row r : p.rows()) {
            String why = r.reinspection() && r.drawn() ? lang.of("复查（回头看）、随机抽取", "re-inspection, drawn")
                    : r.reinspection() ? lang.of("复查（回头看）", "re-inspection (回头看)") : lang.of("随机抽取", "drawn");
            h.append("<tr data-venue=\"").append(Html.esc(r.venueId())).append("\"><td>").append(r.seq()).append("</td><td>")
                    .append(place(new ReportData.Place(r.venueId(), r.name(), r.street(), Text.EMPTY, null)))
                    .append("</td><td>").append(Html.esc(r.street())).append("</td><td>").append(grade(r.grade(), lang))
                    .append("</td><td>").append(Html.esc(why)).append("</td><td>")
                    .append(Html.esc(String.join("、", r.reinspectFindings()))).append("</td><td>").append(r.overdueFindings())
                    .append("</td><td>").append(r.inspectors().stream().map(i -> Html.esc(i.name().isEmpty() ? i.id()
                            : i.name() + lang.of("（", " (") + i.id() + lang.of("）", ")"))).collect(Collectors.joining("<br>")))
                    .append("</td><td>").append(Html.esc(r.note())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void calendar(StringBuilder h, Campaign c, Lang lang, Summary s) {
        LocalDate from = c.calendar().start();
        LocalDate to = c.calendar().end();
        if (s.firstDate != null && s.firstDate.isBefore(from)) {
            from = s.firstDate;
        }
        if (s.lastDate != null && s.lastDate.isAfter(to)) {
            to = s.lastDate;
        }
        List<CalendarEntry> entries = c.calendar().between(from, to);
        h.append("<section id=\"calendar\">\n<h2>").append(Html.esc(lang.of("工作日程与重点时段", "Campaign calendar and key periods")))
                .append("</h2>\n");
        h.append(timeline(entries, from, to, s, lang));
        h.append("<table id=\"calendar-table\">\n<thead><tr>");
        th(h, lang.of("类型", "Type"), lang.of("名称", "Name"), lang.of("开始", "From"), lang.of("结束", "To"),
                lang.of("防范等级", "Alert level"));
        h.append("</tr></thead>\n<tbody>\n");
        for (CalendarEntry e : entries) {
            h.append("<tr data-entry=\"").append(e.type()).append("\"><td>").append(Html.esc(entryType(e.type(), lang)))
                    .append("</td><td>").append(Html.esc(lang.of(e.label()))).append("</td><td>").append(e.from())
                    .append("</td><td>").append(e.to()).append("</td><td>").append(Html.esc(lang.of(e.alertLevel().text())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">").append(Html.esc(lang.of("依据：", "Clause: ")))
                .append(Html.esc(c.calendar().clause())).append("</p>\n</section>\n");
    }

    private static String entryType(CalendarEntry.Type type, Lang lang) {
        return switch (type) {
            case PHASE -> lang.of("工作阶段", "phase");
            case KEY_PERIOD -> lang.of("重点时段（提高防范等级）", "key period (raised level)");
            case EARLY_WARNING -> lang.of("预警提示", "early warning");
        };
    }

    /** The calendar as three lanes (phases, early warnings, key periods) over the months, the assessed dates shaded. */
    static String timeline(List<CalendarEntry> entries, LocalDate from, LocalDate to, Summary s, Lang lang) {
        int width = 1000;
        int left = 130;
        int right = 10;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        double perDay = (double) (width - left - right) / days;
        int laneHeight = 34;
        int top = 28;
        int height = top + laneHeight * 3 + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"calendar-chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\">\n");
        String[] lanes = {lang.of("工作阶段", "Phases"), lang.of("预警提示", "Early warning"), lang.of("重点时段", "Key periods")};
        for (int i = 0; i < lanes.length; i++) {
            svg.append("<text x=\"4\" y=\"").append(top + i * laneHeight + 21).append("\">").append(Html.esc(lanes[i]))
                    .append("</text>\n");
        }
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            if (m.isBefore(from)) {
                continue;
            }
            double x = left + ChronoUnit.DAYS.between(from, m) * perDay;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#cbd5e0\"/>",
                    x, top - 6, x, height - 20));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>\n", x + 2, top - 10,
                    m.toString().substring(0, 7)));
        }
        if (s.firstDate != null) {
            double x1 = left + Math.max(0, ChronoUnit.DAYS.between(from, s.firstDate)) * perDay;
            double x2 = left + (ChronoUnit.DAYS.between(from, s.lastDate) + 1) * perDay;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#2d3748\""
                    + " fill-opacity=\"0.08\"><title>%s</title></rect>", x1, top - 4, Math.max(2, x2 - x1),
                    laneHeight * 3 + 8, Html.esc(lang.of("评估日期 ", "assessed ") + s.firstDate + " — " + s.lastDate)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>\n", x1, height - 6,
                    Html.esc(lang.of("▲ 评估日期", "▲ assessed"))));
        }
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
            svg.append(String.format(Locale.ROOT, "<g data-entry=\"%s\"><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " rx=\"3\" fill=\"%s\"><title>%s</title></rect>", e.type(), x, top + lane * laneHeight + 4, w,
                    laneHeight - 10, fill, Html.esc(label + " " + e.from() + " — " + e.to() + " · " + lang.of(e.alertLevel().text()))));
            if (Width.of(label) * 6.5 < w) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3,
                        top + lane * laneHeight + 22, Html.esc(label)));
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void notes(StringBuilder h, Campaign c, Lang lang, Summary s) {
        h.append("<section id=\"notes\">\n<h2>").append(Html.esc(lang.of("说明", "Notes"))).append("</h2>\n<ul class=\"note\">\n");
        li(h, lang.of("风险等级、疑似重大火灾隐患、停用和整改期限均由活动规则 " + c.id() + " " + c.version()
                + " 依据所列条款得出。",
                "Grades, suspected major hazards, suspensions and deadlines come from the rules of " + c.id() + " "
                        + c.version() + " and the clauses listed."));
        // The campaign says what its standard requires before a suspected major hazard is final.
        li(h, lang.of(c.determinationReminder()));
        li(h, lang.of("条款后标 [P] 的为部分核实、[U] 的为未核实，使用前请对照原文。",
                "A clause marked [P] is partly verified and [U] unverified: check the source before relying on it."));
        li(h, lang.of("风险等级为可能性 L × 后果 S 的矩阵分级（活动文件 grades），后果等级按场所类别划分，不推算伤亡人数。",
                "The grade is likelihood L × severity S on the campaign's matrix (its grades); severity is a class of"
                        + " the place, never a predicted number of casualties."));
        if (s.rejected > 0) {
            li(h, lang.of(s.rejected + " 条记录未能评估，未计入以上统计" + (s.rejectsFile.isEmpty() ? "" : "，详见 " + s.rejectsFile) + "。",
                    s.rejected + " records could not be assessed and are not counted above"
                            + (s.rejectsFile.isEmpty() ? "" : "; see " + s.rejectsFile) + "."));
        }
        h.append("</ul>\n</section>\n");
    }

    private static void li(StringBuilder h, String text) {
        h.append("<li>").append(Html.esc(text)).append("</li>\n");
    }

    private static void th(StringBuilder h, String... headings) {
        for (String t : headings) {
            h.append("<th>").append(Html.esc(t)).append("</th>");
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
