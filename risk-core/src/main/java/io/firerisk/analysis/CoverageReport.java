package io.firerisk.analysis;

import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scenario run exercised; see {@link Coverage}. Every count is a number of scenarios.
 *
 * @param campaignId      the campaign
 * @param campaignVersion its version
 * @param scenarios       scenarios run
 * @param assessed        scenarios the engine assessed (the others it refused)
 * @param rules           every rule of the campaign with the scenarios it fired in, by file then name
 * @param hazardCodes     every catalogue code with the scenarios whose findings use it
 * @param grades          every grade with the scenarios that reached it
 * @param verdicts        every verdict with the scenarios that reached it
 * @param actions         every action with the scenarios that required it
 * @param elements        every GB 35181 element with the scenarios in which it was present
 * @param matrix          hazard category (rows, plus {@link Coverage#NO_FINDINGS}) × grade: the scenarios with a
 *                        finding of that category that ended at that grade
 */
public record CoverageReport(
        String campaignId,
        String campaignVersion,
        int scenarios,
        int assessed,
        List<RuleUse> rules,
        Map<String, Integer> hazardCodes,
        Map<RiskGrade, Integer> grades,
        Map<HazardVerdict, Integer> verdicts,
        Map<String, Integer> actions,
        Map<String, Integer> elements,
        Map<String, Map<RiskGrade, Integer>> matrix) {

    /** A rule and the number of scenarios it fired in. */
    public record RuleUse(String rule, String file, int scenarios) {}

    public CoverageReport {
        rules = List.copyOf(rules);
        hazardCodes = Collections.unmodifiableMap(new LinkedHashMap<>(hazardCodes));
        grades = Collections.unmodifiableMap(new EnumMap<>(grades));
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
        Map<String, Map<RiskGrade, Integer>> copy = new LinkedHashMap<>();
        matrix.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        matrix = Collections.unmodifiableMap(copy);
    }

    /** The rules no scenario fired, by file then name. */
    public List<RuleUse> neverFired() {
        return rules.stream().filter(r -> r.scenarios() == 0).toList();
    }

    /** How many rules fired in at least one scenario. */
    public int rulesFired() {
        return (int) rules.stream().filter(r -> r.scenarios() > 0).count();
    }

    /** Catalogue codes no scenario's findings use. */
    public List<String> hazardCodesNeverUsed() {
        return zero(hazardCodes);
    }

    /** Grades no scenario reached, lowest first. */
    public List<RiskGrade> gradesNeverReached() {
        return grades.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** Verdicts no scenario reached. */
    public List<HazardVerdict> verdictsNeverReached() {
        return verdicts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** Actions no scenario required. */
    public List<String> actionsNeverRequired() {
        return zero(actions);
    }

    /** Elements present in no scenario. */
    public List<String> elementsNeverPresent() {
        return zero(elements);
    }

    private static List<String> zero(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** {@code rules 10/13 (77%), hazard codes 4/6, grades 3/4}. */
    public String summary() {
        return "rules " + rulesFired() + "/" + rules.size() + " (" + percent(rulesFired(), rules.size()) + "), hazard codes "
                + (hazardCodes.size() - hazardCodesNeverUsed().size()) + "/" + hazardCodes.size() + ", grades "
                + (grades.size() - gradesNeverReached().size()) + "/" + grades.size() + ", verdicts "
                + (verdicts.size() - verdictsNeverReached().size()) + "/" + verdicts.size();
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }

    /** The whole report as Markdown: readable as plain text, and rendered as tables where Markdown is. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Scenario coverage: " + campaignId + " " + campaignVersion);
        lines.add("");
        lines.add(scenarios + " scenarios run, " + assessed + " assessed. Coverage: " + summary() + ".");
        lines.add("");
        lines.add("## Rules never fired (" + neverFired().size() + " of " + rules.size() + ")");
        lines.add("");
        if (neverFired().isEmpty()) {
            lines.add("Every rule fired in at least one scenario.");
        }
        neverFired().forEach(r -> lines.add("- " + r.file() + ": " + r.rule()));
        lines.add("");
        section(lines, "Hazard codes in no scenario", hazardCodesNeverUsed(), hazardCodes.size());
        section(lines, "Grades no scenario reaches", gradesNeverReached().stream().map(Enum::name).toList(), grades.size());
        section(lines, "Verdicts no scenario reaches", verdictsNeverReached().stream().map(Enum::name).toList(),
                verdicts.size());
        section(lines, "Actions no scenario requires", actionsNeverRequired(), actions.size());
        section(lines, "Elements present in no scenario", elementsNeverPresent(), elements.size());
        lines.add("## Hazard category × grade");
        lines.add("");
        lines.add("Scenarios with a finding of the category, by the grade they ended at.");
        lines.add("");
        StringBuilder header = new StringBuilder("| category |");
        StringBuilder rule = new StringBuilder("|---|");
        for (RiskGrade g : RiskGrade.values()) {
            header.append(' ').append(g.name()).append(" |");
            rule.append("---:|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        matrix.forEach((category, row) -> {
            StringBuilder sb = new StringBuilder("| ").append(category).append(" |");
            for (RiskGrade g : RiskGrade.values()) {
                sb.append(' ').append(row.getOrDefault(g, 0)).append(" |");
            }
            lines.add(sb.toString());
        });
        lines.add("");
        lines.add("## Rules by scenarios fired in");
        lines.add("");
        lines.add("| scenarios | rule | file |");
        lines.add("|---:|---|---|");
        rules.forEach(r -> lines.add("| " + r.scenarios() + " | " + r.rule().replace("|", "\\|") + " | " + r.file() + " |"));
        return String.join("\n", lines) + "\n";
    }

    private static void section(List<String> lines, String title, List<String> items, int of) {
        lines.add("## " + title + " (" + items.size() + " of " + of + ")");
        lines.add("");
        lines.add(items.isEmpty() ? "None." : String.join(", ", items));
        lines.add("");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "coverage of %s %s: %s", campaignId, campaignVersion, summary());
    }
}
