package io.firerisk.scenario;

import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a scenario expects. Every part is optional: an empty cell in the table checks nothing.
 *
 * @param grade          the grade
 * @param verdict        the hazard verdict
 * @param suspension     whether use must be suspended
 * @param suspendedParts the parts that must stop, exactly, each a ground code with its area after {@code @}
 *                       when given ({@code NO_SAFE_EVACUATION@二楼营业区域}); empty to check only {@code suspension}
 * @param likelihood     L of the risk matrix
 * @param severity       S of the risk matrix
 * @param actions        actions that must be present, each optionally with its deadline
 * @param absentActions  actions that must not be present
 * @param actionsExact   true when {@code actions} is the whole list (no trailing {@code ...} in the cell)
 * @param elements       the GB 35181 elements present (direct and comprehensive), exactly
 * @param clauses        clauses that must be cited
 * @param standard       the edition of the standard the result must name as applied ({@code GB 35181-2025}),
 *                       empty string for none; empty to check nothing
 */
public record Expectation(
        Optional<RiskGrade> grade,
        Optional<HazardVerdict> verdict,
        Optional<Boolean> suspension,
        List<ExpectedPart> suspendedParts,
        Optional<Integer> likelihood,
        Optional<Integer> severity,
        List<ExpectedAction> actions,
        Set<String> absentActions,
        boolean actionsExact,
        Optional<Set<String>> elements,
        Set<String> clauses,
        Optional<String> standard) {

    /** An action the scenario expects, with its deadline when the cell gives one. */
    public record ExpectedAction(String code, Optional<LocalDate> due) {
        @Override
        public String toString() {
            return code + due.map(d -> "@" + d).orElse("");
        }
    }

    /** A part the scenario expects to stop: its ground, and its area when the cell gives one ({@code @} and nothing after it: the whole venue). */
    public record ExpectedPart(String ground, Optional<String> area) {
        @Override
        public String toString() {
            return ground + area.map(a -> "@" + a).orElse("");
        }
    }

    public Expectation {
        suspendedParts = List.copyOf(suspendedParts);
        actions = List.copyOf(actions);
        absentActions = Set.copyOf(absentActions);
        clauses = Set.copyOf(clauses);
    }

    /** An expectation that does not check the edition applied. */
    public Expectation(Optional<RiskGrade> grade, Optional<HazardVerdict> verdict, Optional<Boolean> suspension,
            List<ExpectedPart> suspendedParts, Optional<Integer> likelihood, Optional<Integer> severity,
            List<ExpectedAction> actions, Set<String> absentActions, boolean actionsExact,
            Optional<Set<String>> elements, Set<String> clauses) {
        this(grade, verdict, suspension, suspendedParts, likelihood, severity, actions, absentActions, actionsExact,
                elements, clauses, Optional.empty());
    }

    /** True when the row checks nothing at all, which is almost certainly a mistake. */
    public boolean isEmpty() {
        return grade.isEmpty() && verdict.isEmpty() && suspension.isEmpty() && likelihood.isEmpty()
                && severity.isEmpty() && actions.isEmpty()
                && absentActions.isEmpty() && elements.isEmpty() && clauses.isEmpty() && standard.isEmpty();
    }
}
