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
}
