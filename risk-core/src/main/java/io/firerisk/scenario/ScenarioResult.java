package io.firerisk.scenario;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one scenario.
 *
 * @param scenario   the scenario
 * @param assessment what the engine said, empty when it refused the facts
 * @param error      why the engine refused, when it did
 * @param mismatches each way the result differs from the expectation, as {@code what: expected X, got Y}
 */
public record ScenarioResult(Scenario scenario, Optional<Assessment> assessment, Optional<AssessmentException> error,
        List<String> mismatches) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /**
     * The result as an analyst reads it: {@code ok} or {@code FAIL}, where the row is and what it
     * shows; for a failure, each difference as expected against actual and the rules that fired.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(passed() ? "ok   " : "FAIL ").append(scenario.where());
        if (!scenario.description().isEmpty()) {
            sb.append(' ').append(scenario.description());
        }
        if (!passed()) {
            mismatches.forEach(m -> sb.append("\n       ").append(m));
            sb.append("\n       rules fired: ").append(assessment
                    .map(a -> a.firedRules().isEmpty() ? "none" : String.join("; ", a.firedRules()))
                    .orElse("none (the engine refused the facts)"));
        }
        return sb.toString();
    }
}
