package io.firerisk.cli;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * What would lower a venue's grade: the smallest sets of open findings whose rectification gives a
 * lower grade, found by re-assessing the venue with those findings rectified and confirmed on
 * re-inspection (status VERIFIED). Not RECTIFIED: a finding the unit only reports rectified keeps a
 * suspended part suspended until the re-inspection passes (方案 二(二)), so the grade would not move.
 * Rectifying more never raises a grade, so the search is cheap where it matters: first
 * one assessment with every open finding rectified (if even that does not lower the grade, no set
 * will), then a greedy pass that drops findings not needed (an upper bound, and a set that works),
 * then sets of growing size below that bound, stopping at the first size that works. A budget caps
 * the assessments; when the exhaustive search would exceed it, the greedy set is reported as such.
 */
final class WhatIf {

    /** Assessments the exhaustive search may use; a venue needs this only with many open findings. */
    static final int DEFAULT_BUDGET = 2_000;

    /**
     * The answer.
     *
     * @param grade        the grade now
     * @param open         the open findings considered
     * @param allRectified the grade with every open finding rectified and verified
     * @param smallest     the smallest sets that lower the grade (at most a few, same size), empty if none
     * @param lowered      the grade each set of {@code smallest} leads to
     * @param exhaustive   true when {@code smallest} is proved smallest; false when the budget ran out and the
     *                     set is only one no finding can be dropped from
     * @param assessments  how many re-assessments it took
     */
    record Answer(RiskGrade grade, List<Finding> open, RiskGrade allRectified, List<List<Finding>> smallest,
            List<RiskGrade> lowered, boolean exhaustive, int assessments) {}

    static final int SHOWN = 5;

    private final RiskEngine engine;
    private final int budget;
    private int assessments;

    WhatIf(RiskEngine engine, int budget) {
        this.engine = engine;
        this.budget = budget;
    }

    Answer lowerGrade(VenueFacts facts, Assessment now) {
        List<Finding> open = facts.findings().stream().filter(f -> f.status().isOpen()).toList();
        RiskGrade grade = now.grade();
        if (open.isEmpty()) {
            return new Answer(grade, open, grade, List.of(), List.of(), true, 0);
        }
        RiskGrade all = gradeWith(facts, open);
        if (!grade.isWorseThan(all)) {
            return new Answer(grade, open, all, List.of(), List.of(), true, assessments);
        }
        // Greedy: drop each finding whose rectification is not needed; what is left still lowers the grade.
        List<Finding> needed = new ArrayList<>(open);
        for (Finding f : open) {
            List<Finding> without = new ArrayList<>(needed);
            without.remove(f);
            if (!without.isEmpty() && grade.isWorseThan(gradeWith(facts, without))) {
                needed = without;
            }
        }
        List<List<Finding>> best = new ArrayList<>();
        List<RiskGrade> lowered = new ArrayList<>();
        boolean exhaustive = true;
        for (int size = 1; size < needed.size() && best.isEmpty(); size++) {
            if (assessments + combinations(open.size(), size) > budget) {
                exhaustive = false;
                break;
            }
            int[] pick = new int[size];
            for (int i = 0; i < size; i++) {
                pick[i] = i;
            }
            do {
                List<Finding> set = new ArrayList<>(size);
                for (int i : pick) {
                    set.add(open.get(i));
                }
                RiskGrade g = gradeWith(facts, set);
                if (grade.isWorseThan(g) && best.size() < SHOWN) {
                    best.add(set);
                    lowered.add(g);
                }
            } while (next(pick, open.size()));
        }
        if (best.isEmpty()) {
            best.add(needed);
            lowered.add(gradeWith(facts, needed));
        }
        return new Answer(grade, open, all, best, lowered, exhaustive, assessments);
    }

    private RiskGrade gradeWith(VenueFacts facts, List<Finding> rectified) {
        assessments++;
        List<Finding> changed = new ArrayList<>(facts.findings().size());
        for (Finding f : facts.findings()) {
            changed.add(rectified.contains(f) ? f.toBuilder().status(RectificationStatus.VERIFIED).build() : f);
        }
        return engine.assess(new VenueFacts(facts.venue(), changed, facts.assessmentDate(), facts.judgedNotMajor(),
                facts.noRealFireRisk())).grade();
    }

    /** Advances {@code pick} to the next k-combination of {@code 0..n-1} in lexicographic order. */
    private static boolean next(int[] pick, int n) {
        int k = pick.length;
        int i = k - 1;
        while (i >= 0 && pick[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }

    private static long combinations(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return c;
    }
}
