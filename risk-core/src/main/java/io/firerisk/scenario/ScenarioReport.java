package io.firerisk.scenario;

import java.util.List;

/**
 * The outcome of a scenario suite: one result per scenario, in table order.
 *
 * @param campaignId      the campaign the scenarios ran against
 * @param campaignVersion its version
 * @param results         the results
 */
public record ScenarioReport(String campaignId, String campaignVersion, List<ScenarioResult> results) {

    public ScenarioReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Every result as {@link ScenarioResult#describe()} says it, one per line or block, then the {@link #summary()}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        results.forEach(r -> sb.append(r.describe()).append('\n'));
        return sb.append(summary()).toString();
    }

    /** {@code 62 passed, 0 failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
