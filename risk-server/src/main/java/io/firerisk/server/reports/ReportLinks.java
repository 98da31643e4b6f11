package io.firerisk.server.reports;

import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.report.PeriodicAnalysis;
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
