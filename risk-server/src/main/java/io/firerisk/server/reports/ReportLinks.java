package io.firerisk.server.reports;

import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.report.FinalSummary;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.ledger.report.Table;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The hazard list behind each number of a report: the same filters the report counted with, as of the day
 * the figure is taken on (the end of its period), so that the list's length is the number clicked.
 */
public final class ReportLinks {
    private ReportLinks() {}

    /** The hazard-list parameter of a breakdown. */
    public static String param(PeriodicAnalysis.By by) {
        return switch (by) {
            case STREET -> "street";
            case UNIT -> "unit";
            case CATEGORY -> "category";
            case GRADE -> "grade";
        };
    }

    /** Found in the period (key empty: all). */
    public static String found(PeriodicAnalysis.By by, String key, LocalDate from, LocalDate to) {
        return list(to, by, key, "foundFrom", from.toString(), "foundTo", to.toString());
    }

    /** Closed (销号) in the period. */
    public static String closed(PeriodicAnalysis.By by, String key, LocalDate from, LocalDate to) {
        return list(to, by, key, "closedFrom", from.toString(), "closedTo", to.toString());
    }

    /** Not yet closed at the end of the period. */
    public static String open(PeriodicAnalysis.By by, String key, LocalDate to) {
        List<String> pairs = new ArrayList<>();
        for (HazardState s : HazardState.values()) {
            if (s.isOpen()) {
                pairs.add("state");
                pairs.add(s.name());
            }
        }
        return list(to, by, key, pairs.toArray(String[]::new));
    }

    /** Overdue at the end of the period. */
    public static String overdue(PeriodicAnalysis.By by, String key, LocalDate to) {
        return list(to, by, key, "overdue", "true");
    }

    /** Reopened (回头看重开) in the period: the hazards that had a reopening on one of its days. */
    public static String reopened(PeriodicAnalysis.By by, String key, LocalDate from, LocalDate to) {
        return list(to, by, key, "reopenedFrom", from.toString(), "reopenedTo", to.toString());
    }

    /** Hazards of one type found in the period. */
    public static String foundOfType(String code, LocalDate from, LocalDate to) {
        return list(to, null, "", "code", code, "foundFrom", from.toString(), "foundTo", to.toString());
    }

    /** The open states, as the hazard list's {@code state} pairs. */
    private static List<String> openStates() {
        List<String> pairs = new ArrayList<>();
        for (HazardState s : HazardState.values()) {
            if (s.isOpen()) {
                pairs.add("state");
                pairs.add(s.name());
            }
        }
        return pairs;
    }

    /**
     * One of a summary's five figures ({@code which}: 0 found, 1 closed, 2 reopened, 3 open at the end, 4 overdue
     * at the end) from {@code from} to {@code asOf}, with more filter pairs (a task, a category, a unit).
     */
    public static String figure(int which, LocalDate from, LocalDate asOf, String... more) {
        List<String> pairs = new ArrayList<>(List.of(more));
        switch (which) {
            case 0 -> pairs.addAll(List.of("foundFrom", from.toString(), "foundTo", asOf.toString()));
            case 1 -> pairs.addAll(List.of("closedFrom", from.toString(), "closedTo", asOf.toString()));
            case 2 -> pairs.addAll(List.of("reopenedFrom", from.toString(), "reopenedTo", asOf.toString()));
            case 3 -> pairs.addAll(openStates());
            case 4 -> pairs.addAll(List.of("overdue", "true"));
            default -> throw new IllegalArgumentException("figure " + which + " (0 … 4)");
        }
        return list(asOf, null, "", pairs.toArray(String[]::new));
    }

    /**
     * The list behind a cell of the final summary's tables (as {@code Tables.summary} lays them out), or empty
     * for a cell that is no count of hazards (a name, a date, a count of inspections).
     *
     * @param readiness the campaign's readiness category (二(九)), empty when it has none
     */
    public static String summaryCell(FinalSummary s, String readiness, Table t, int row, int column) {
        LocalDate from = s.from();
        LocalDate asOf = s.asOf();
        if (asOf.isBefore(from)) {
            return "";
        }
        switch (t.name()) {
            case "总体情况" -> {
                if (column >= 1 && column <= 5) {
                    return row == 0 ? figure(column - 1, from, asOf)
                            : readiness.isEmpty() ? "" : figure(column - 1, from, asOf, "category", readiness);
                }
            }
            case "重点任务" -> {
                if (column >= 2 && column <= 6 && row < s.tasks().size()) {
                    return figure(column - 2, from, asOf, "task", s.tasks().get(row).code());
                }
                if (column == 7 && row < s.tasks().size() && !s.tasks().get(row).inspectionKinds().isEmpty()) {
                    return inspections(from, asOf, asOf,
                            s.tasks().get(row).inspectionKinds().toArray(InspectionKind[]::new));
                }
            }
            case "未完成事项" -> {
                if ((column == 2 || column == 3) && row < s.unfinished().size()) {
                    String unit = s.unfinished().get(row).unitId();
                    return column == 2 ? open(PeriodicAnalysis.By.UNIT, unit, asOf)
                            : overdue(PeriodicAnalysis.By.UNIT, unit, asOf);
                }
            }
            case "检查情况" -> {
                if (column == 1 && row < s.inspections().size()) {
                    return inspections(from, asOf, asOf, s.inspections().get(row).kind());
                }
            }
            case "工作日程" -> {
                if (column == 6 && row < s.calendar().size()) {
                    var e = s.calendar().get(row).entry();
                    LocalDate first = e.from().isBefore(from) ? from : e.from();
                    LocalDate last = e.to().isAfter(asOf) ? asOf : e.to();
                    return last.isBefore(first) ? "" : inspections(first, last, asOf);
                }
                if ((column == 4 || column == 5) && row < s.calendar().size()) {
                    var e = s.calendar().get(row).entry();
                    if (e.from().isAfter(asOf)) {
                        return "";
                    }
                    LocalDate to = e.to().isAfter(asOf) ? asOf : e.to();
                    return list(asOf, null, "", column == 4 ? "foundFrom" : "closedFrom", e.from().toString(),
                            column == 4 ? "foundTo" : "closedTo", to.toString());
                }
            }
            default -> { }
        }
        return "";
    }

    /**
     * The inspection list behind a count of inspections: those made from {@code from} to {@code to} (both included)
     * of the kinds given (none: any), on the page as of {@code asOf}.
     */
    public static String inspections(LocalDate from, LocalDate to, LocalDate asOf, InspectionKind... kinds) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/inspections");
        java.util.Arrays.stream(kinds).sorted().forEach(k -> b.queryParam("kind", k.name()));
        return b.queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("asOf", asOf.toString()).encode().build().toUriString();
    }

    /** The open states as filter pairs, then {@code more}: for {@link #unit}. */
    public static String[] openWith(String... more) {
        List<String> pairs = new ArrayList<>(openStates());
        pairs.addAll(List.of(more));
        return pairs.toArray(String[]::new);
    }

    /** A unit's hazards as of a date, with more filters. */
    public static String unit(String unitId, LocalDate asOf, String... pairs) {
        return list(asOf, PeriodicAnalysis.By.UNIT, unitId, pairs);
    }

    /** Whether a line's key can be filtered on (an unknown street or grade cannot). */
    public static boolean linkable(PeriodicAnalysis.By by, String key) {
        return by == null || !key.isEmpty();
    }

    private static String list(LocalDate asOf, PeriodicAnalysis.By by, String key, String... pairs) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/hazards");
        if (by != null && key != null && !key.isEmpty()) {
            b.queryParam(param(by), key);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            b.queryParam(pairs[i], pairs[i + 1]);
        }
        return b.queryParam("asOf", asOf.toString()).encode().build().toUriString();
    }
}
