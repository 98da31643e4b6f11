package io.firerisk.cli;

import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.CampaignException;
import io.firerisk.ClauseRef;
import io.firerisk.Finding;
import io.firerisk.DueBasis;
import io.firerisk.Grading;
import io.firerisk.MatrixRow;
import io.firerisk.Label;
import io.firerisk.Reason;
import io.firerisk.RequiredAction;
import io.firerisk.SuspendedPart;
import io.firerisk.Text;
import io.firerisk.ThresholdCheck;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code firerisk explain}: one venue in full, and what would lower its grade. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explain one venue in full, and what would lower its grade.",
        description = {"Explains the assessment of one venue in full: the grade and what it rests on, the GB 35181"
                + " determination, each rule that fired with its clause and the facts it matched, the parts whose use"
                + " must stop with their legal ground and who acts, the dated actions with what set each deadline, and"
                + " what would lower the grade: the smallest set of open findings whose rectification changes it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the venue was explained", "1:the campaign or the input could not be read, or the venue is not in it",
                "2:wrong usage", "3:the venue's record was rejected (the reason is on stderr)"})
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VENUE", description = "the venue id")
    String venueId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "venues: JSON Lines or a CSV table (default: the bundled sample)")
    Path file;

    @Mixin
    InputOptions input;

    @Mixin
    EngineOptions campaign;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "assess as of this date (default: the record's own date, else today)")
    LocalDate date;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE})")
    Lang lang;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "" + WhatIf.DEFAULT_BUDGET,
            description = "most re-assessments spent looking for the smallest set of findings to rectify"
                    + " (default: ${DEFAULT-VALUE})")
    int budget;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (EngineOptions.Engine engine = campaign.engine(); VenueReader source = input.open(file)) {
            VenueRecord found = find(source);
            if (found == null) {
                err.println("venue '" + Safe.text(venueId) + "' is not in " + source.name());
                return 1;
            }
            if (found instanceof VenueRecord.Rejected bad) {
                err.println(RejectsFile.describe(bad));
                return AssessCommand.REJECTED;
            }
            VenueRecord.Parsed parsed = (VenueRecord.Parsed) found;
            VenueFacts facts = date != null ? parsed.facts().on(date) : parsed.facts();
            Assessment a;
            try {
                a = engine.engine().assess(facts);
            } catch (AssessmentException e) {
                err.println(RejectsFile.describe(parsed.rejectedBy(e)));
                return AssessCommand.REJECTED;
            }
            facts = facts.on(a.assessedOn());
            WhatIf.Answer answer = new WhatIf(engine.engine(), budget).lowerGrade(facts, a);
            print(out, engine.engine().campaign(), parsed, facts, a, answer);
            return 0;
        } catch (CampaignException | InputException e) {
            Output.lines(err, e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read: " + e.getMessage());
            return 1;
        }
    }

    private VenueRecord find(VenueReader source) throws IOException, InputException {
        for (VenueReader.Pending u = source.next(); u != null; u = source.next()) {
            VenueRecord r = u.parse();
            String id = r instanceof VenueRecord.Parsed p ? p.facts().venue().id() : ((VenueRecord.Rejected) r).venueId();
            if (id.equals(venueId)) {
                return r;
            }
        }
        return null;
    }

    private void print(PrintWriter out, Campaign c, VenueRecord.Parsed parsed, VenueFacts facts, Assessment a,
            WhatIf.Answer answer) {
        String kind = c.venueKinds().containsKey(facts.venue().kind()) ? lang.of(c.venueKinds().get(facts.venue().kind()).label())
                : facts.venue().kind();
        out.println(s(a.venueId()) + " " + s(facts.venue().name()) + open() + s(kind)
                + (facts.venue().street().isEmpty() ? "" : comma() + s(facts.venue().street())) + close());
        out.println(lang.of("  来源：", "  Source: ") + parsed.origin());
        out.println(lang.of("  评估日期：", "  Assessed as of: ") + a.assessedOn() + semicolon() + lang.of(c.title()) + open()
                + c.document() + comma() + a.campaignId() + " " + a.campaignVersion() + close());
        out.println(lang.of("  日程：", "  Calendar: ") + (a.calendar().campaignInForce()
                ? a.calendar().phase().map(this::label).orElse("") : lang.of("活动期外（仅适用常设法规标准）",
                "outside the campaign (standing law and standards only)"))
                + a.calendar().keyPeriod().map(k -> semicolon() + lang.of("重点时段 ", "key period ") + label(k)).orElse("")
                + a.calendar().upcomingPeriod().map(k -> semicolon() + lang.of("预警：", "early warning: ") + label(k)).orElse("")
                + semicolon() + lang.of("防范等级 ", "alert level ") + label(a.calendar().alertLevel()));
        if (!a.placeClasses().isEmpty()) {
            out.println(lang.of("  场所类别：", "  Place classes: ") + a.placeClasses().stream()
                    .map(p -> label(p.placeClass()) + " [" + p.clause() + "]").collect(Collectors.joining(semicolon())));
        }

        out.println();
        Grading g = a.grading();
        out.println(lang.of("风险等级：", "Grade: ") + HtmlReport.gradeName(a.grade(), lang) + lang.of("（风险值 R = 可能性 L"
                + g.likelihood() + " × 后果 S" + g.severity() + " = " + g.score() + "，本等级自 " + g.bandFrom() + " 起）",
                " (R = likelihood L" + g.likelihood() + " × severity S" + g.severity() + " = " + g.score()
                        + "; this band starts at " + g.bandFrom() + ")"));
        out.println(lang.of("  可能性 L" + g.likelihood() + "：", "  Likelihood L" + g.likelihood() + ":"));
        for (MatrixRow r : g.likelihoodRows()) {
            boolean sets = r.isRaise() ? r.level() > g.baseLikelihood() && r.level() == g.likelihood()
                    : r.level() == g.baseLikelihood();
            out.println("    " + (sets ? "* " : "- ") + row(r, g.baseLikelihood()));
        }
        out.println(lang.of("  后果 S" + g.severity() + "：", "  Severity S" + g.severity() + ":"));
        for (MatrixRow r : g.severityRows()) {
            out.println("    " + (r.level() == g.severity() ? "* " : "- ") + row(r, 0));
        }
        out.println(lang.of("  （* 为决定该值的行；各行和分级见活动文件 grades）", "  (* marks the rows that set the value; the rows and bands are the campaign's grades)"));

        out.println();
        out.println(lang.of("重大火灾隐患判定：", "GB 35181 determination: ") + lang.of(a.verdict().label()));
        out.println(lang.of("  判定标准：", "  edition applied: ") + (a.determination().standard().isEmpty()
                ? lang.of("无（该日期本活动不适用任何判定标准）", "none (the campaign applies no standard on this date)")
                : a.determination().standard()));
        if (!a.determination().directElements().isEmpty()) {
            out.println(lang.of("  直接判定要素：", "  direct elements: ") + String.join(lang.of("、", ", "), a.determination().directElements()));
        }
        if (!a.determination().comprehensiveElements().isEmpty()) {
            out.println(lang.of("  综合判定要素：", "  comprehensive elements: ")
                    + String.join(lang.of("、", ", "), a.determination().comprehensiveElements()));
        }
        for (ThresholdCheck t : a.determination().thresholds()) {
            out.println("  " + lang.of("综合判定 ", "counting row ") + t.row() + open() + label(t.placeClass()) + close() + colon()
                    + t.count() + "/" + t.threshold() + (t.reached() ? lang.of("，已达到", ", reached") : "")
                    + "  [" + t.clause() + "]");
        }
        for (Label x : a.determination().exclusions()) {
            out.println(lang.of("  排除情形：", "  exclusion: ") + label(x));
        }
        if (a.determination().needsCollectiveDecision()) {
            out.println("  " + lang.of(a.determination().reminder()));
        }

        out.println();
        if (!a.suspensionRequired()) {
            out.println(lang.of("停用：不需要（无法定停用情形，或场所已停止使用）",
                    "Suspension: not required (no legal ground, or the venue is already out of use)"));
        } else {
            out.println(lang.of("停用：须停止使用以下部位", "Suspension: stop using"));
            for (SuspendedPart p : a.suspension().parts()) {
                out.println("  - " + (p.wholeVenue() ? lang.of("整个场所", "the whole venue") : s(p.area())) + open()
                        + lang.of(p.ground().text()) + close());
                out.println(lang.of("    依据：", "    ground: ") + p.clauses().stream().map(ClauseRef::toString)
                        .collect(Collectors.joining(semicolon())));
                out.println(lang.of("    由谁执行：", "    who acts: ") + lang.of(p.actor()));
                out.println(lang.of("    恢复使用：", "    resuming use: ") + lang.of(p.resumesWhen()));
                out.println(lang.of("    隐患：", "    findings: ") + p.findingIds().stream().map(id -> {
                    AssessedFinding f = finding(a, id);
                    return id + (f == null ? "" : " " + s(lang.of(f.label())));
                }).collect(Collectors.joining(semicolon())));
            }
        }

        out.println();
        out.println(lang.of("须办事项：", "Actions:"));
        if (a.actions().isEmpty()) {
            out.println(lang.of("  无", "  none"));
        }
        for (RequiredAction act : a.actions()) {
            out.println("  - " + act.due().map(LocalDate::toString).orElse(lang.of("无期限", "no deadline")) + "  "
                    + lang.of(act.priority().label()) + "  " + lang.of(act.label())
                    + act.findingId().map(id -> open() + id + close()).orElse("")
                    + "  [" + act.clauses().stream().map(ClauseRef::toString).collect(Collectors.joining("; ")) + "]");
            act.dueBasis().ifPresent(b -> out.println("      " + lang.of("期限依据：", "deadline: ") + dueBasis(b, a)));
            for (Text d : act.details()) {
                out.println("      " + s(lang.of(d)));
            }
        }

        out.println();
        out.println(lang.of("触发的规则（" + a.reasons().size() + "）：", "Rules fired (" + a.reasons().size() + "):"));
        int n = 0;
        for (Reason r : a.reasons()) {
            out.println("  " + (++n) + ". " + s(r.rule()) + "  [" + r.clause() + "]" + (r.concern().isEmpty() ? "" : "  " + r.concern()));
            out.println(lang.of("     结论：", "     concluded: ") + s(lang.of(r.sentence())));
            for (String fact : r.facts()) {
                out.println(lang.of("     匹配：", "     matched: ") + s(fact));
            }
        }

        out.println();
        out.println(lang.of("如何降低风险等级：", "What would lower the grade:"));
        whatIf(out, answer);
    }

    private void whatIf(PrintWriter out, WhatIf.Answer w) {
        if (w.open().isEmpty()) {
            out.println(lang.of("  没有未整改的隐患；等级不取决于隐患整改。", "  no open findings: the grade does not rest on rectification."));
            return;
        }
        if (w.smallest().isEmpty()) {
            out.println(lang.of("  整改全部 " + w.open().size() + " 项未整改隐患后等级仍为 " + HtmlReport.gradeName(w.allRectified(), lang)
                            + "：等级取决于场所本身或日程（见上方依据），不取决于隐患整改。",
                    "  rectifying all " + w.open().size() + " open findings still leaves " + HtmlReport.gradeName(w.allRectified(), lang)
                            + ": the grade rests on the venue itself or the calendar (see above), not on rectification."));
            return;
        }
        List<Finding> first = w.smallest().get(0);
        out.println(lang.of("  至少须整改 " + first.size() + " 项（按整改经复查合格重新评估），等级由 " + HtmlReport.gradeName(w.grade(), lang)
                        + " 降为 " + HtmlReport.gradeName(w.lowered().get(0), lang) + "：",
                "  rectify at least " + first.size() + " finding(s) (re-assessed with their rectification verified) and the grade goes from "
                        + HtmlReport.gradeName(w.grade(), lang) + " to " + HtmlReport.gradeName(w.lowered().get(0), lang) + ":"));
        for (int i = 0; i < w.smallest().size(); i++) {
            String set = w.smallest().get(i).stream().map(f -> f.id() + " " + f.hazardCode()
                    + (f.location().isEmpty() ? "" : open() + s(f.location()) + close())).collect(Collectors.joining(comma()));
            out.println("    " + (w.smallest().size() > 1 ? lang.of("方案", "option") + " " + (i + 1) + colon() : "") + set
                    + (w.lowered().get(i) != w.lowered().get(0) ? " → " + HtmlReport.gradeName(w.lowered().get(i), lang) : ""));
        }
        if (!w.exhaustive()) {
            out.println(lang.of("  （组合过多，超出 --budget：上面是去掉任何一项都不行的一组，未必最少）",
                    "  (too many combinations for --budget: the set above cannot lose any finding, but may not be the smallest)"));
        }
        if (w.allRectified() != w.lowered().get(0)) {
            out.println(lang.of("  整改全部 " + w.open().size() + " 项未整改隐患后：" + HtmlReport.gradeName(w.allRectified(), lang),
                    "  with all " + w.open().size() + " open findings rectified: " + HtmlReport.gradeName(w.allRectified(), lang)));
        }
        out.println(lang.of("  （重新评估 " + w.assessments() + " 次）", "  (" + w.assessments() + " re-assessments)"));
    }

    /** One row of the matrix; a raise that cannot lift L above {@code base} (the cap) says so. */
    private String row(MatrixRow r, int base) {
        String what = !r.isRaise() ? lang.of(r.label()) + open() + r.code() + " = " + r.level() + close()
                : r.level() > base ? lang.of("提高 " + r.raise() + " 级，至 L" + r.level(), "raised " + r.raise()
                        + " step(s), to L" + r.level())
                : lang.of("提高 " + r.raise() + " 级，不起作用（L" + base + "已达提高上限）", "a raise of " + r.raise()
                        + " step(s), no effect (L" + base + " is already at or above the cap for raises)");
        String why = r.isDefault() ? lang.of("没有规则归入其他行，取默认行", "no rule put the venue in another row: the default row")
                : s(lang.of(r.because()));
        return what + (why.isEmpty() ? "" : colon() + why) + "  [" + r.clause() + "]";
    }

    /** What set a deadline, in the reader's words: the period, the grade, a limit, or what the work needs. */
    private String dueBasis(DueBasis b, Assessment a) {
        String days = b.days().isPresent() ? String.valueOf(b.days().getAsInt()) : "";
        String from = b.from().map(d -> lang.of("自" + d + "起", " from " + d)).orElse("");
        String rule = b.rule().isEmpty() ? "" : lang.of("（", " (") + s(b.rule()) + close();
        return switch (b.kind()) {
            case ACTION_TABLE -> days.equals("0") ? lang.of("事项表要求当日办理", "the action table says at once")
                    : lang.of("事项表期限" + from + days + "日", "the action table's " + days + " days" + from);
            case RULE -> days.isEmpty() ? lang.of("规则规定的最迟日期", "the latest date a rule sets") + rule
                    // A period of 0 days is "at once", not "within 0 days from" a date.
                    : days.equals("0") ? lang.of("规则要求当日办理", "a rule says at once") + rule
                    : lang.of("期限" + from + days + "日", days + " days" + from) + rule;
            case RECORDED -> lang.of("已确定的整改期限，不顺延", "the deadline already set, never extended");
            case GRADE_PERIOD -> lang.of("风险等级" + HtmlReport.gradeName(a.grade(), lang) + "缩短为" + from + days + "日",
                    "shortened to the " + days + " days grade " + HtmlReport.gradeName(a.grade(), lang) + " allows" + from);
            case CAP -> lang.of("时限要求提前至此", "brought forward by a limit") + rule;
            case WORK_MINIMUM -> lang.of("整改所需至少" + days + "日" + from + "，不再缩短",
                    "the work needs at least " + days + " days" + from + ", so no shorter period applies");
            case TODAY -> lang.of("期限已过，当日办理", "the period has run out: due today");
        };
    }

    private String open() {
        return lang.of("（", " (");
    }

    private String close() {
        return lang.of("）", ")");
    }

    private String comma() {
        return lang.of("，", ", ");
    }

    private String semicolon() {
        return lang.of("；", "; ");
    }

    private String colon() {
        return lang.of("：", ": ");
    }

    private String label(Label l) {
        return lang.of(l.text()).isEmpty() ? l.code() : lang.of(l.text());
    }

    private static AssessedFinding finding(Assessment a, String id) {
        return a.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    private static String s(String text) {
        return Safe.text(text);
    }
}
