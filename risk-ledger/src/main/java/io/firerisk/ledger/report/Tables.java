package io.firerisk.ledger.report;

import io.firerisk.campaign.CalendarEntry;
import io.firerisk.campaign.Campaign;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.HazardRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.firerisk.ledger.report.Table.date;
import static io.firerisk.ledger.report.Table.number;
import static io.firerisk.ledger.report.Table.percent;
import static io.firerisk.ledger.report.Table.text;

/**
 * Each report as the tables its files hold, with Chinese headers: what the bureau hands in as a
 * workbook, a CSV or a printed page. One place decides the columns, so every format says the same.
 */
public final class Tables {

    private Tables() {}

    private static final List<Table.Column> FIGURES = List.of(number("发现"), number("上期发现"), number("销号"),
            number("上期销号"), number("回头看反弹"), number("上期反弹"), number("期末未销号"), number("上期末未销号"),
            number("期末逾期"), number("上期末逾期"));

    private static List<Object> figures(Figures now, Figures before) {
        return Arrays.asList(now.found(), before.found(), now.closed(), before.closed(), now.reopened(),
                before.reopened(), now.openAtEnd(), before.openAtEnd(), now.overdueAtEnd(), before.overdueAtEnd());
    }

    private static List<Table.Column> columns(List<Table.Column> first, List<Table.Column> then) {
        List<Table.Column> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static List<Object> row(List<Object> first, List<Object> then) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The periodic analysis: totals, one table per breakdown, top hazard types, key periods, major hazards, inspections. */
    public static ReportDocument periodic(PeriodicAnalysis p, Campaign campaign) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("总体情况", columns(List.of(text("范围")), FIGURES),
                List.of(row(List.of("全部"), figures(p.totals().current(), p.totals().previous())))));
        for (PeriodicAnalysis.Breakdown b : p.breakdowns()) {
            List<List<Object>> rows = new ArrayList<>();
            for (PeriodicAnalysis.Line l : b.lines()) {
                rows.add(row(List.of(l.key(), l.label().zh()), figures(l.current(), l.previous())));
            }
            tables.add(new Table("按" + b.by().label().zh(), columns(List.of(text("代码"), text(b.by().label().zh())),
                    FIGURES), rows));
        }
        List<List<Object>> top = new ArrayList<>();
        for (PeriodicAnalysis.TopType t : p.topHazardTypes()) {
            top.add(List.of(t.code(), t.label().zh(), campaign.categories().getOrDefault(t.category(),
                    io.firerisk.Text.of(t.category(), t.category())).zh(), t.found(), t.previousFound()));
        }
        tables.add(new Table("突出隐患类型", List.of(text("隐患代码"), text("隐患"), text("类别"), number("本期发现"),
                number("上期发现")), top));
        List<List<Object>> periods = new ArrayList<>();
        for (CalendarEntry c : p.keyPeriods()) {
            periods.add(List.of(c.type() == CalendarEntry.Type.EARLY_WARNING ? "预警期" : "重要节点", c.label().zh(),
                    c.from(), c.to(), c.alertLevel().text().zh()));
        }
        tables.add(new Table("重要节点", List.of(text("类型"), text("节点"), date("起"), date("止"), text("防范等级")),
                periods));
        tables.add(majorTable(p.majorHazards()));
        List<List<Object>> kinds = new ArrayList<>();
        for (PeriodicAnalysis.KindCount k : p.inspections()) {
            kinds.add(List.of(k.kind().label().zh(), k.count(), k.previous()));
        }
        tables.add(new Table("检查情况", List.of(text("检查类型"), number("本期"), number("上期")), kinds));
        return new ReportDocument(ReportDocument.Kind.WEEKLY, campaign.title().zh() + " 定期分析研判",
                p.from() + " 至 " + p.to() + "（上期 " + p.previousFrom() + " 至 " + p.previousTo() + "）", p.to(),
                List.of("依据 " + campaign.document() + " 三(二) 定期分析研判；数字取自隐患台账截至 " + p.to() + " 日终的记录。",
                        "疑似重大火灾隐患须经集体讨论（不少于3人）认定（GB 35181-2017 4.2），本表不作最终认定。"),
                tables);
    }

    private static Table majorTable(List<MajorVenue> majors) {
        List<List<Object>> rows = new ArrayList<>();
        for (MajorVenue m : majors) {
            String docs = String.join("；", m.supervision().stream().map(s -> s.hazardId() + " "
                    + s.supervisingUnitName() + " " + s.supervision().documentNo() + "（" + s.supervision().since()
                    + " 起）").toList());
            rows.add(Arrays.asList(m.venueId(), m.venueName(), m.unitName(), m.suspectedMajor() ? "是" : "否",
                    String.join("、", m.openHazards()), m.status().zh(), docs.isEmpty() ? null : docs));
        }
        return new Table("重大火灾隐患", List.of(text("场所编号"), text("场所"), text("责任单位"), text("引擎判为疑似重大"),
                text("未销号隐患"), text("挂牌督办状态"), text("督办文号")), rows);
    }

    /** The digest: one row per hazard, grouped by unit. */
    public static ReportDocument digest(Digest d, Campaign campaign) {
        List<List<Object>> rows = new ArrayList<>();
        for (Digest.UnitDigest u : d.units()) {
            for (Digest.Item i : u.overdue()) {
                rows.add(item(u, "逾期", i));
            }
            for (Digest.Item i : u.dueSoon()) {
                rows.add(item(u, d.withinDays() + "天内到期", i));
            }
        }
        List<List<Object>> units = new ArrayList<>();
        for (Digest.UnitDigest u : d.units()) {
            units.add(List.of(u.unitId(), u.unitName(), u.dueSoon().size(), u.overdue().size(), u.escalated().size()));
        }
        return new ReportDocument(ReportDocument.Kind.DIGEST, campaign.title().zh() + " 到期与逾期提醒",
                d.date() + "，" + d.withinDays() + " 天内到期及已逾期隐患", d.date(),
                List.of("催办、督办、提级督办按台账规则（ledger.yaml escalation，活动自定，非方案规定）计算。"),
                List.of(new Table("各单位", List.of(text("单位编号"), text("责任单位"), number("即将到期"), number("逾期"),
                        number("已升级督办")), units),
                        new Table("明细", List.of(text("单位编号"), text("责任单位"), text("类别"), text("隐患编号"),
                                text("场所"), text("隐患"), text("状态"), date("整改期限"), number("剩余天数"),
                                number("逾期天数"), text("督办等级"), text("今日升级"), text("挂牌督办")), rows)));
    }

    private static List<Object> item(Digest.UnitDigest u, String what, Digest.Item i) {
        return Arrays.asList(u.unitId(), u.unitName(), what, i.hazardId(), i.venueName(), i.label().zh(),
                i.state().label().zh(), i.deadline(), i.daysLeft(), i.daysOverdue(),
                i.escalation().isEmpty() ? null : i.escalation().zh(), i.escalatedToday() ? "是" : "否",
                i.supervised() ? "是" : "否");
    }

    /** Unit accountability: the ranking with every figure and the reasons for follow-up. */
    public static ReportDocument accountability(UnitAccountability a, Campaign campaign) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitAccountability.UnitRecord u : a.units()) {
            rows.add(Arrays.asList(u.rank(), u.unitId(), u.unitName(), u.venues(), u.hazards(), u.due(), u.onTime(),
                    u.onTimeRate().isPresent() ? (Object) u.onTimeRate().getAsDouble() : null, u.overdue(),
                    u.overdueDays(), u.maxDaysOverdue(), u.repeated(), u.reopened(), u.ownPremises(), u.selfInspected(),
                    u.selfInspectionDone().map(b -> b ? "已自查" : "未完成").orElse("无自有场所"), u.readinessGapsOpen(),
                    u.followUp() ? "是" : "否", String.join("；", u.followUpReasons())));
        }
        List<String> notes = new ArrayList<>();
        a.criteria().ifPresentOrElse(c -> notes.add("列入督导问效的条件依据 " + c.clause() + "（严格督导问效）"
                + (c.assumption() ? "；各项数值为本活动设定，方案未规定。" : "。")),
                () -> notes.add("本活动未设定督导问效条件（ledger.yaml reports.followUp），不列入任何单位。"));
        notes.add("按期整改：最近一次报告整改在当时期限内，且截至统计日不逾期。");
        return new ReportDocument(ReportDocument.Kind.ACCOUNTABILITY, campaign.title().zh() + " 单位督导问效",
                "截至 " + a.asOf(), a.asOf(), notes,
                List.of(new Table("单位排名", List.of(number("排名"), text("单位编号"), text("责任单位"), number("场所数"),
                        number("隐患数"), number("应整改"), number("按期整改"), percent("按期整改率"), number("逾期隐患"),
                        number("逾期天数合计"), number("最长逾期天数"), number("重复隐患"), number("回头看反弹"),
                        number("自有场所"), number("已自查场所"), text("自查自改"), number("应急准备缺项"),
                        text("列入督导"), text("督导原因")), rows)));
    }

    /** The final summary: totals, tasks, major hazards, suspensions, inspections, unfinished work, the calendar. */
    public static ReportDocument summary(FinalSummary s, Campaign campaign) {
        List<Table> tables = new ArrayList<>();
        List<Table.Column> fig = List.of(number("发现"), number("销号"), number("回头看反弹"), number("未销号"), number("逾期"));
        tables.add(new Table("总体情况", columns(List.of(text("范围")), fig),
                List.of(row(List.of("全部隐患"), fig(s.totals())), row(List.of("应急准备缺项（二(九)）"),
                        fig(s.readinessGaps())))));
        List<List<Object>> tasks = new ArrayList<>();
        for (FinalSummary.TaskResult t : s.tasks()) {
            tasks.add(row(List.of(t.code(), t.title().zh()), row(fig(t.hazards()), List.of(t.inspections()))));
        }
        tables.add(new Table("重点任务", columns(List.of(text("任务"), text("内容")), columns(fig,
                List.of(number("相关检查")))), tasks));
        tables.add(majorTable(s.majorHazards()));
        List<List<Object>> sus = new ArrayList<>();
        for (FinalSummary.Suspended p : s.suspensions()) {
            sus.add(List.of(p.venueId(), p.venueName(), p.unitName(), p.area().isEmpty() ? "整个场所" : p.area(),
                    p.ground().text().zh(), String.join("；", p.clauses().stream().map(c -> c.id()).toList())));
        }
        tables.add(new Table("停止使用", List.of(text("场所编号"), text("场所"), text("责任单位"), text("部位"),
                text("依据情形"), text("法律依据")), sus));
        List<List<Object>> kinds = new ArrayList<>();
        for (PeriodicAnalysis.KindCount k : s.inspections()) {
            kinds.add(List.of(k.kind().label().zh(), k.count()));
        }
        tables.add(new Table("检查情况", List.of(text("检查类型"), number("次数")), kinds));
        List<List<Object>> open = new ArrayList<>();
        for (FinalSummary.Unfinished u : s.unfinished()) {
            open.add(List.of(u.unitId(), u.unitName(), u.open(), u.overdue(), String.join("、", u.hazardIds())));
        }
        tables.add(new Table("未完成事项", List.of(text("单位编号"), text("责任单位"), number("未销号"), number("逾期"),
                text("隐患编号")), open));
        List<List<Object>> cal = new ArrayList<>();
        for (FinalSummary.CalendarRun c : s.calendar()) {
            cal.add(List.of(c.entry().type() == CalendarEntry.Type.PHASE ? "阶段" : "重要节点", c.entry().label().zh(),
                    c.entry().from(), c.entry().to(), c.found(), c.closed(), c.inspections()));
        }
        tables.add(new Table("工作日程", List.of(text("类型"), text("名称"), date("起"), date("止"), number("发现隐患"),
                number("销号"), number("检查")), cal));
        List<String> notes = new ArrayList<>();
        notes.add("依据 " + s.document() + " 三(三) 总结提升；一条隐患可同时计入多项任务（归属规则见 ledger.yaml reports.tasks）。");
        s.notInLedger().forEach(t -> notes.add(t.zh()));
        return new ReportDocument(ReportDocument.Kind.SUMMARY, campaign.title().zh() + " 工作总结",
                s.from() + " 至 " + s.to() + "，截至 " + s.asOf(), s.asOf(), notes, tables);
    }

    private static List<Object> fig(Figures f) {
        return List.of(f.found(), f.closed(), f.reopened(), f.openAtEnd(), f.overdueAtEnd());
    }

    /** The columns of the hazard ledger (隐患台账), as exported and as read back. */
    public static final List<Table.Column> LEDGER_COLUMNS = List.of(text("隐患编号"), text("场所编号"), text("场所名称"),
            text("责任单位"), text("街道"), text("社区"), text("网格"), text("隐患代码"), text("隐患类别"), text("状态"),
            date("发现日期"), date("整改期限"), number("逾期天数"), number("督办等级"), text("挂牌督办"), number("延期次数"),
            number("回头看反弹次数"), number("复查不通过次数"), date("销号日期"), text("风险等级"));

    /** The hazard ledger (隐患台账) as listed, one row per hazard. */
    public static Table ledger(List<HazardRow> rows, Directory directory) {
        List<List<Object>> out = new ArrayList<>();
        for (HazardRow r : rows) {
            Directory.Unit unit = directory.units().get(r.unitId());
            out.add(Arrays.asList(r.hazardId(), r.venueId(), r.venueName(), unit == null ? r.unitId() : unit.name(),
                    r.street(), r.community(), r.grid(), r.hazardCode(), r.category(), r.state().label().zh(), r.foundOn(),
                    r.deadline(), r.daysOverdue(), r.escalationLevel(), r.supervised() ? "是" : "否", r.extensionsApproved(),
                    r.reopenings(), r.failedReinspections(), r.closedOn().orElse(null),
                    r.grade().map(g -> g.colourZh()).orElse(null)));
        }
        return new Table("隐患台账", LEDGER_COLUMNS, out);
    }
}
