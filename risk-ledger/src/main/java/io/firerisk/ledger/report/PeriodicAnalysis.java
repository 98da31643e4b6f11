package io.firerisk.ledger.report;

import io.firerisk.Text;
import io.firerisk.campaign.CalendarEntry;
import io.firerisk.ledger.InspectionKind;

import java.time.LocalDate;
import java.util.List;

/**
 * 定期分析研判 (万州城管发〔2023〕114号 三(二)) for a period, each figure beside the same figure for the
 * period of equal length just before it.
 *
 * @param from             first day of the period
 * @param to               last day (the report is as of its end)
 * @param previousFrom     first day of the period before
 * @param previousTo       last day of the period before
 * @param totals           the whole ledger
 * @param breakdowns       by street, unit, category and grade
 * @param topHazardTypes   the hazard types found most in the period, most first
 * @param keyPeriods       the key periods (and their early warnings) that fall in the period
 * @param majorHazards     venues with a suspected or determined major hazard open at the end, with their 挂牌督办
 * @param inspections      inspections made in the period by kind
 */
public record PeriodicAnalysis(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
        Line totals, List<Breakdown> breakdowns, List<TopType> topHazardTypes, List<CalendarEntry> keyPeriods,
        List<MajorVenue> majorHazards, List<KindCount> inspections) {

    public PeriodicAnalysis {
        breakdowns = List.copyOf(breakdowns);
        topHazardTypes = List.copyOf(topHazardTypes);
        keyPeriods = List.copyOf(keyPeriods);
        majorHazards = List.copyOf(majorHazards);
        inspections = List.copyOf(inspections);
    }

    /** The breakdown by {@code by}. */
    public Breakdown by(By by) {
        return breakdowns.stream().filter(b -> b.by() == by).findFirst().orElseThrow();
    }

    /** What the figures are broken down by. */
    public enum By {
        STREET("街道", "street"), UNIT("责任单位", "unit"), CATEGORY("隐患类别", "category"), GRADE("风险等级", "grade");

        private final Text label;

        By(String zh, String en) {
            this.label = Text.of(zh, en);
        }

        public Text label() {
            return label;
        }
    }

    /** One breakdown, its lines sorted by key. */
    public record Breakdown(By by, List<Line> lines) {
        public Breakdown {
            lines = List.copyOf(lines);
        }

        /** The line with that key, or all zeros. */
        public Line line(String key) {
            return lines.stream().filter(l -> l.key().equals(key)).findFirst()
                    .orElse(new Line(key, Text.of(key, key), Figures.ZERO, Figures.ZERO));
        }
    }

    /**
     * One line: a street, unit, category or grade (its code, empty when unknown) with its name.
     *
     * @param current  in this period
     * @param previous in the period before
     */
    public record Line(String key, Text label, Figures current, Figures previous) {}

    /** A hazard type found in the period, and how often in the period before. */
    public record TopType(String code, Text label, String category, int found, int previousFound) {}

    /** Inspections of one kind in this period and the one before. */
    public record KindCount(InspectionKind kind, int count, int previous) {}
}
