package io.firerisk.campaigns.wanzhou;

import io.firerisk.Finding;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.RuleInfo;
import io.firerisk.campaign.Standard;
import io.firerisk.scenario.Scenario;
import io.firerisk.scenario.ScenarioSuite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/criteria-&lt;edition&gt;.md for one edition of a standard the campaign applies, rendered from what
 * the campaign actually holds: every element of the edition's elements.csv with its hazard codes (every
 * catalogue file, and the edition's evidence.csv), the compiled rules citing its clause, the scenario rows
 * exercising it and the JUnit tests marked {@link Covers} for it; and docs/criteria.md, the index of them.
 */
final class CriteriaDocument {

    static final String REGENERATE = "./mvnw -B -ntp -q -pl risk-rules -am verify -Dtest=CriteriaDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcriteria.write=true";

    private final Campaign campaign;
    private final Standard edition;
    private final ScenarioSuite scenarios;
    private final List<Class<?>> testClasses;

    CriteriaDocument(Campaign campaign, Standard edition, ScenarioSuite scenarios, List<Class<?>> testClasses) {
        this.campaign = campaign;
        this.edition = edition;
        this.scenarios = scenarios;
        this.testClasses = testClasses;
    }

    /** The file of the edition's document, relative to docs/. */
    static String file(Standard edition) {
        return "criteria-" + edition.id() + ".md";
    }

    /** docs/criteria.md: the editions the campaign applies, when, and where each one's criteria are. */
    static String index(Campaign campaign) {
        StringBuilder md = new StringBuilder("# Criteria of the hazard standards, edition by edition\n\n");
        md.append("Generated from the `").append(campaign.id()).append("` campaign by `CriteriaDocumentTest` (risk-rules),\n")
                .append("which fails when these files no longer match the standards' folders, the compiled rules, the scenario\n")
                .append("tables or the tests marked `@Covers`. Do not edit them by hand; regenerate them:\n\n")
                .append("    ").append(REGENERATE).append("\n\n")
                .append("An assessment applies the edition in force on its own date (`standards:` in the campaign's campaign.yaml).\n\n")
                .append("| Edition | Standard folder | Applied from | Applied to | Criteria |\n|---|---|---|---|---|\n");
        for (Standard s : campaign.standards()) {
            md.append("| ").append(s.document()).append(" ").append(s.title().zh()).append(" | `standards/").append(s.id())
                    .append("/` | ").append(s.from()).append(" | ").append(s.to().equals(java.time.LocalDate.MAX) ? "—" : s.to())
                    .append(" | [").append(file(s)).append("](").append(file(s)).append(") |\n");
        }
        return md.toString();
    }

    List<Element> elements() {
        return campaign.elements().values().stream().filter(e -> e.standard().equals(edition.id()))
                .sorted(Comparator.comparing(Element::number, Element.NUMBER_ORDER)).toList();
    }

    List<HazardType> codes(Element e) {
        return campaign.hazards().values().stream().filter(h -> h.elements().contains(e.number()))
                .sorted(Comparator.comparing(HazardType::file).thenComparingInt(HazardType::line)).toList();
    }

    /**
     * The rules citing the element's clause (its own rule), and the edition's rules for a family that cover it:
     * those reading a list naming it ({@code campaign.elements("…")}) or drawing it from elements.csv
     * ({@code Element(kind == …) from campaign.elementsAt($v)}), as the compiler recorded in {@link RuleInfo#family()}.
     */
    List<RuleInfo> rules(Element e) {
        return campaign.rules().stream().filter(r -> r.clause().equals(e.clause()) || family(r, e)).toList();
    }

    /** True when the rule is one of this edition's rules for a family of elements that includes {@code e}. */
    boolean family(RuleInfo r, Element e) {
        return r.concern().equals("rules." + edition.id().replace('-', '_')) && r.family().contains(e.number());
    }

    /** The element lists of the edition (elementLists: in its standard.yaml) the rule reads that name the element. */
    List<String> lists(RuleInfo r, Element e) {
        return r.elementLists().stream().filter(l -> edition.elementLists().getOrDefault(l, List.of()).stream()
                .anyMatch(x -> x.number().equals(e.number()))).toList();
    }

    /** How a family rule reaches the element: the lists naming it, else the element table; empty for its own rule. */
    private String over(RuleInfo r, Element e) {
        if (!family(r, e)) {
            return "";
        }
        List<String> lists = lists(r, e);
        return lists.isEmpty() ? " (over `elements.csv`, " + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " elements at the places they name)"
                : " (over the list " + lists.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Scenario rows that report a code evidencing the element or expect the element present, dated while the edition
     * is in force: a row dated 2025-11-01 or later is judged under GB 35181-2025 and exercises none of the 2017
     * elements, though its hazard code may evidence one of each edition.
     */
    List<Scenario> scenarios(Element e) {
        return scenarios.scenarios().stream().filter(s -> edition.inForceOn(s.facts().assessmentDate()))
                .filter(s -> exercises(s, e.number())).toList();
    }

    /** The rows of {@link #scenarios} named for the element by their id, such as C-7.3.6 or R-7.3.6-hr-30. */
    List<Scenario> namedScenarios(Element e) {
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("(^|-)" + java.util.regex.Pattern.quote(e.number())
                + "($|[-a-z])");
        return scenarios(e).stream().filter(s -> named.matcher(s.id()).find()).toList();
    }

    boolean exercises(Scenario s, String element) {
        for (Finding f : s.facts().findings()) {
            HazardType h = campaign.hazards().get(f.hazardCode());
            if (h != null && h.elements().contains(element)) {
                return true;
            }
        }
        return s.expected().elements().map(set -> set.contains(element)).orElse(false);
    }

    /** "Gb35181DeterminationTest.Ratios#name" for every {@link Covers} test of the element. */
    List<String> tests(Element e) {
        List<String> out = new ArrayList<>();
        for (Class<?> type : testClasses) {
            for (Class<?> c : withNested(type)) {
                Arrays.stream(c.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Covers.class))
                        .filter(m -> List.of(m.getAnnotation(Covers.class).value()).contains(e.number()))
                        .map(Method::getName).sorted()
                        .forEach(m -> out.add(name(c) + "#" + m));
            }
        }
        return out;
    }

    private static List<Class<?>> withNested(Class<?> type) {
        List<Class<?>> all = new ArrayList<>();
        all.add(type);
        Arrays.stream(type.getDeclaredClasses()).sorted(Comparator.comparing(Class::getSimpleName))
                .forEach(n -> all.addAll(withNested(n)));
        return all;
    }

    private static String name(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : name(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    List<CountingRow> countingRows(Element e) {
        return e.kind() == ElementKind.DIRECT ? List.of()
                : edition.countingRows().stream().filter(r -> r.counts(e.number())).toList();
    }

    String render() {
        StringBuilder md = new StringBuilder();
        String folder = "standards/" + edition.id() + "/";
        md.append("# ").append(edition.document()).append(" criteria: elements, hazard codes, rules and tests\n\n");
        md.append(edition.document()).append(" ").append(edition.title().zh()).append(", applied by the `").append(campaign.id())
                .append("` campaign from ").append(edition.from())
                .append(edition.to().equals(java.time.LocalDate.MAX) ? "" : " to " + edition.to()).append(".\n\n");
        md.append("Generated from the `").append(campaign.id()).append("` campaign by `CriteriaDocumentTest` (risk-rules),\n")
                .append("which fails when this file no longer matches `").append(folder).append("elements.csv`, the hazard catalogue (`hazards/*.csv`),\n")
                .append("the compiled rules, the scenario tables or the tests marked `@Covers`. Do not edit it by hand; regenerate it:\n\n")
                .append("    ").append(REGENERATE).append("\n\n");
        md.append("Verified is how sure the element's wording is (its mark in `").append(folder).append("elements.csv`): **V** read in a\n")
                .append("source, **P** partly (wording or number), **U** unverified: check it against the\n")
                .append("official text before relying on a verdict that rests on it.\n\n");

        md.append("## Summary\n\nScenarios counts the rows of `scenarios/*.csv`, dated while the edition is applied, that report a code of\n"
                + "the element or expect it present.\n\n")
                .append("| Element | Kind | Verified | Codes | Rules | Scenarios | JUnit tests |\n|---|---|---|---|---|---|---|\n");
        for (Element e : elements()) {
            md.append("| ").append(e.number()).append(" | ").append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(e.verification().mark()).append(" | ").append(codes(e).size())
                    .append(" | ").append(rules(e).size()).append(" | ").append(scenarios(e).size())
                    .append(" | ").append(tests(e).size()).append(" |\n");
        }

        md.append("\n## Counting rows\n\n| Row | Place classes | Elements counted | At least | Clause |\n|---|---|---|---|---|\n");
        for (CountingRow r : edition.countingRows()) {
            md.append("| ").append(r.row()).append(" | ").append(String.join(", ", r.placeClasses())).append(" | ")
                    .append(r.elements().isEmpty() ? "any" : r.elements().stream().sorted(Element.NUMBER_ORDER).collect(Collectors.joining(", ")))
                    .append(" | ").append(r.atLeast()).append(" | ").append(r.clause()).append(" |\n");
        }

        Set<String> elementClauses = elements().stream().map(Element::clause).collect(Collectors.toSet());
        String concern = "rules." + edition.id().replace('-', '_');
        md.append("\n## Determination rules\n\n| Rule | Clause | Verified | File |\n|---|---|---|---|\n");
        campaign.rules().stream().filter(r -> r.concern().startsWith(concern) && !elementClauses.contains(r.clause()))
                .sorted(Comparator.comparing(RuleInfo::clause).thenComparing(RuleInfo::name))
                .forEach(r -> md.append("| ").append(r.name()).append(" | ").append(r.clause()).append(" | ")
                        .append(campaign.clauses().get(r.clause()).verification().mark()).append(" | `")
                        .append(r.file()).append("` |\n"));

        for (ElementKind kind : ElementKind.values()) {
            List<Element> ofKind = elements().stream().filter(e -> e.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                md.append("\n## ").append(switch (kind.name()) {
                    case "DIRECT" -> "Direct elements";
                    case "COMPREHENSIVE" -> "Comprehensive elements";
                    default -> "Conditions";
                }).append("\n");
                ofKind.forEach(e -> section(md, e));
            }
        }
        return md.toString();
    }

    private void section(StringBuilder md, Element e) {
        md.append("\n### ").append(e.number()).append(" ").append(e.label().zh()).append(" [").append(e.verification().mark())
                .append("]\n\n");
        md.append(e.label().en()).append(".\n\n");
        List<String> codes = codes(e).stream().map(h -> "`" + h.code() + "` (" + h.file()
                + h.measure().map(m -> ", " + m).orElse("") + ")").toList();
        md.append("- Hazard codes: ").append(codes.isEmpty() ? "none" : String.join("; ", codes)).append("\n");
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        rules(e).forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r.name() + over(r, e)));
        if (byFile.isEmpty()) {
            md.append("- Rules: none\n");
        }
        byFile.forEach((file, names) -> {
            md.append("- Rules in `").append(file).append("`:\n");
            names.forEach(n -> md.append("  - ").append(n).append("\n"));
        });
        List<CountingRow> rows = countingRows(e);
        if (!rows.isEmpty()) {
            md.append("- Counted by: ").append(rows.stream().map(r -> r.row() + " (" + String.join("/", r.placeClasses())
                    + ", at least " + r.atLeast() + ")").collect(Collectors.joining(", "))).append("\n");
        }
        List<Scenario> named = namedScenarios(e);
        int others = scenarios(e).size() - named.size();
        md.append("- Scenarios: ").append(named.isEmpty() ? "none named for it"
                : named.stream().map(Scenario::id).collect(Collectors.joining(", ")))
                .append(others > 0 ? "; it also takes part in " + others + " other row" + (others == 1 ? "" : "s") : "")
                .append("\n");
        List<String> tests = tests(e);
        md.append("- JUnit: ").append(tests.isEmpty() ? "none" : String.join(", ", tests)).append("\n");
    }
}
