package io.firerisk.cli;

import io.firerisk.Assessment;
import io.firerisk.RiskGrade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a run: by grade, by venue kind and by street. Bounded: beyond {@link #MAX_GROUPS}
 * distinct streets (a typo-ridden column, say) the rest are counted under one group.
 */
final class Summary {

    static final int MAX_GROUPS = 10_000;
    static final String OTHER_GROUP = "\u0000other";

    long assessed;
    long rejected;
    long suspectedMajor;
    long suspensions;
    long overdueFindings;
    long reinspections;
    LocalDate firstDate;
    LocalDate lastDate;
    final Map<RiskGrade, Long> byGrade = new EnumMap<>(RiskGrade.class);
    final Map<String, long[]> byKind = new HashMap<>();
    final Map<String, long[]> byStreet = new HashMap<>();
    String rejectsFile = "";

    void add(String kind, String street, Assessment a) {
        assessed++;
        byGrade.merge(a.grade(), 1L, Long::sum);
        suspectedMajor += a.determination().needsCollectiveDecision() ? 1 : 0;
        suspensions += a.suspensionRequired() ? 1 : 0;
        overdueFindings += a.findings().stream().filter(f -> f.overdue()).count();
        reinspections += a.findings().stream().anyMatch(f -> f.status() == io.firerisk.RectificationStatus.RECTIFIED) ? 1 : 0;
        count(byKind, kind, a.grade());
        count(byStreet, street, a.grade());
        LocalDate d = a.assessedOn();
        if (firstDate == null || d.isBefore(firstDate)) {
            firstDate = d;
        }
        if (lastDate == null || d.isAfter(lastDate)) {
            lastDate = d;
        }
    }

    private static void count(Map<String, long[]> groups, String key, RiskGrade grade) {
        long[] counts = groups.get(key);
        if (counts == null) {
            if (groups.size() >= MAX_GROUPS) {
                key = OTHER_GROUP;
            }
            counts = groups.computeIfAbsent(key, k -> new long[RiskGrade.values().length]);
        }
        counts[grade.ordinal()]++;
    }

    long grade(RiskGrade g) {
        return byGrade.getOrDefault(g, 0L);
    }

    /** Groups largest first (then by name), the rest beyond {@code limit} folded into one. */
    static List<Map.Entry<String, long[]>> top(Map<String, long[]> groups, int limit) {
        List<Map.Entry<String, long[]>> all = new ArrayList<>(groups.entrySet());
        all.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -total(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        if (all.size() <= limit) {
            return all;
        }
        long[] rest = new long[RiskGrade.values().length];
        for (Map.Entry<String, long[]> e : all.subList(limit - 1, all.size())) {
            for (int i = 0; i < rest.length; i++) {
                rest[i] += e.getValue()[i];
            }
        }
        List<Map.Entry<String, long[]>> shown = new ArrayList<>(all.subList(0, limit - 1));
        shown.add(Map.entry(OTHER_GROUP, rest));
        return shown;
    }

    static long total(long[] counts) {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** {@code 12 assessed, 0 rejected; BLUE 3  YELLOW 2  ORANGE 0  RED 7; 6 suspected major, 5 to suspend}. */
    String line() {
        StringBuilder grades = new StringBuilder();
        for (RiskGrade g : RiskGrade.values()) {
            grades.append(g.name()).append(' ').append(grade(g)).append("  ");
        }
        return assessed + " assessed, " + rejected + " rejected; " + grades.toString().strip() + "; "
                + suspectedMajor + " suspected major, " + suspensions + " to suspend"
                + (rejected > 0 && !rejectsFile.isEmpty() ? "; rejects in " + rejectsFile : "");
    }
}
