package io.firerisk.analysis;

import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.RuleInfo;
import io.firerisk.scenario.ScenarioReport;
import io.firerisk.scenario.ScenarioResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a campaign's scenario tables exercise: which rules fired in some scenario and which never
 * did, which hazard codes appear in no scenario, which grades and verdicts no scenario reaches,
 * and how the hazard categories spread over the grades.
 *
 * <pre>{@code
 * ScenarioReport run = ScenarioSuite.fromFolder(folder).run(engine);
 * CoverageReport coverage = Coverage.of(engine.campaign(), run);
 * coverage.neverFired();          // the rules no scenario shows working
 * coverage.toMarkdown();          // the whole report, with the category × grade matrix
 * }</pre>
 */
public final class Coverage {

    /** The matrix row for scenarios without any finding. */
    public static final String NO_FINDINGS = "(no findings)";

    private Coverage() {}

    /**
     * Measures the coverage of a scenario run. Scenarios the engine refused count as run but reach
     * nothing.
     *
     * @param campaign the campaign the scenarios ran against, with its rules ({@code engine.campaign()})
     * @param run      the scenario results, from an engine with explanations on (the default)
     * @throws IllegalArgumentException when the run was made without explanations, so that which rules
     *                                  fired cannot be told
     */
    public static CoverageReport of(Campaign campaign, ScenarioReport run) {
        boolean concluded = run.results().stream().flatMap(r -> r.assessment().stream())
                .anyMatch(a -> a.grading().likelihoodRows().stream().anyMatch(r -> !r.isDefault())
                        || !a.actions().isEmpty());
        boolean explained = run.results().stream().flatMap(r -> r.assessment().stream())
                .anyMatch(a -> !a.reasons().isEmpty());
        if (concluded && !explained) {
            throw new IllegalArgumentException("the scenarios ran on an engine with explanations off, so which rules "
                    + "fired is unknown: measure coverage with explanations on (RiskEngine.Builder.explanations(true))");
        }
        Map<String, Integer> rules = new LinkedHashMap<>();
        List<RuleInfo> ordered = new ArrayList<>(campaign.rules());
        ordered.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleInfo r : ordered) {
            rules.put(r.name(), 0);
            files.put(r.name(), r.file());
        }
        Map<String, Integer> codes = zeros(campaign.hazards().keySet());
        Map<String, Integer> actions = zeros(campaign.actions().keySet());
        Map<String, Integer> elements = zeros(campaign.elementNumbers());
        Map<RiskGrade, Integer> grades = new EnumMap<>(RiskGrade.class);
        Map<HazardVerdict, Integer> verdicts = new EnumMap<>(HazardVerdict.class);
        for (RiskGrade g : RiskGrade.values()) {
            grades.put(g, 0);
        }
        for (HazardVerdict v : HazardVerdict.values()) {
            verdicts.put(v, 0);
        }
        Map<String, Map<RiskGrade, Integer>> matrix = new TreeMap<>();
        for (String category : campaign.categories().keySet()) {
            matrix.put(category, emptyRow());
        }
        matrix.put(NO_FINDINGS, emptyRow());
        int assessed = 0;
        for (ScenarioResult result : run.results()) {
            result.scenario().facts().findings().stream().map(f -> f.hazardCode()).distinct()
                    .forEach(code -> codes.computeIfPresent(code, (k, n) -> n + 1));
            Optional<Assessment> a = result.assessment();
            if (a.isEmpty()) {
                continue;
            }
            assessed++;
            Assessment assessment = a.get();
            assessment.firedRules().forEach(r -> rules.computeIfPresent(r, (k, n) -> n + 1));
            assessment.actionCodes().forEach(c -> actions.computeIfPresent(c, (k, n) -> n + 1));
            Set<String> present = new HashSet<>(assessment.determination().directElements());
            present.addAll(assessment.determination().comprehensiveElements());
            present.forEach(e -> elements.computeIfPresent(e, (k, n) -> n + 1));
            grades.merge(assessment.grade(), 1, Integer::sum);
            verdicts.merge(assessment.verdict(), 1, Integer::sum);
            Set<String> categories = new HashSet<>();
            for (AssessedFinding f : assessment.findings()) {
                categories.add(f.category());
            }
            if (categories.isEmpty()) {
                categories.add(NO_FINDINGS);
            }
            for (String category : categories) {
                matrix.computeIfAbsent(category, c -> emptyRow()).merge(assessment.grade(), 1, Integer::sum);
            }
        }
        List<CoverageReport.RuleUse> uses = new ArrayList<>();
        rules.forEach((name, n) -> uses.add(new CoverageReport.RuleUse(name, files.get(name), n)));
        return new CoverageReport(campaign.id(), campaign.version(), run.results().size(), assessed, uses,
                new TreeMap<>(codes), grades, verdicts, new TreeMap<>(actions), new TreeMap<>(elements), matrix);
    }

    private static Map<String, Integer> zeros(Set<String> keys) {
        Map<String, Integer> map = new TreeMap<>();
        keys.forEach(k -> map.put(k, 0));
        return map;
    }

    private static Map<RiskGrade, Integer> emptyRow() {
        Map<RiskGrade, Integer> row = new EnumMap<>(RiskGrade.class);
        for (RiskGrade g : RiskGrade.values()) {
            row.put(g, 0);
        }
        return row;
    }
}
