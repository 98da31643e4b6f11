package io.firerisk.internal;

import io.firerisk.AccidentGrade;
import io.firerisk.Problem;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.campaign.AccidentModel;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HighRiseRule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sections of campaign.yaml other than the calendar: the determination's counting rows, the
 * high-rise definition, the accident model, the grades and the parameters, each value checked where it
 * is read, each problem at its line and YAML path.
 */
final class YamlSections extends CampaignPart {

    YamlSections(CampaignFiles files, List<Problem> problems) {
        super(files, problems);
    }

    List<CountingRow> readCountingRows(YamlNode determination, Map<String, Text> placeClasses,
            Map<String, Element> elements, Map<String, Clause> clauses) {
        List<CountingRow> rows = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (YamlNode node : determination.list("counting", true, problems)) {
            node.rejectUnknownKeys(List.of("row", "placeClasses", "elements", "atLeast", "clause"), problems);
            Optional<String> code = node.string("row", true, problems);
            List<String> classes = node.strings("placeClasses", problems);
            List<String> counted = node.strings("elements", problems);
            Optional<Integer> atLeast = node.integer("atLeast", true, 1, 1000, problems);
            Optional<String> clause = node.string("clause", true, problems);
            if (code.isEmpty() || atLeast.isEmpty() || clause.isEmpty()) {
                continue;
            }
            if (!codes.add(code.get())) {
                problems.add(node.problem("row '" + code.get() + "' appears twice"));
            }
            if (classes.isEmpty()) {
                problems.add(node.problem("placeClasses must name at least one place class"));
            }
            for (String c : classes) {
                if (!placeClasses.containsKey(c)) {
                    problems.add(node.get("placeClasses").orElse(node).problem("'" + c + "' is not one of placeClasses"));
                }
            }
            Set<String> elementSet = new LinkedHashSet<>();
            for (String e : counted) {
                if (e.equals("*")) {
                    continue;
                }
                Element element = elements.get(e);
                if (element == null) {
                    problems.add(node.get("elements").orElse(node).problem("'" + e + "' is not an element of " + CampaignReader.ELEMENTS_FILE));
                } else if (element.kind() != ElementKind.COMPREHENSIVE) {
                    problems.add(node.get("elements").orElse(node).problem("'" + e
                            + "' is a direct element; counting rows count comprehensive elements only"));
                } else {
                    elementSet.add(e);
                }
            }
            if (counted.isEmpty()) {
                problems.add(node.problem("elements must list the elements counted, or * for every comprehensive element"));
            }
            knownClause(clause.get(), node.get("clause").orElse(node), clauses);
            rows.add(new CountingRow(code.get(), classes, elementSet, atLeast.get(), clause.get()));
        }
        return rows;
    }

    HighRiseRule readHighRise(YamlNode root, Map<String, Clause> clauses) {
        YamlNode node = root.map("highRise", true, problems).orElse(root);
        node.rejectUnknownKeys(List.of("clause", "aboveMeters", "multiStoreyOnly"), problems);
        String clause = node.string("clause", true, problems).orElse("");
        if (!clause.isEmpty()) {
            knownClause(clause, node.get("clause").orElseThrow(), clauses);
        }
        Map<String, Double> above = new LinkedHashMap<>();
        node.map("aboveMeters", true, problems).ifPresent(m -> m.fields().forEach((k, v) ->
                v.asDecimal(0, 1000, problems).ifPresent(d -> above.put(k, d))));
        Set<String> multi = new LinkedHashSet<>(node.strings("multiStoreyOnly", problems));
        return new HighRiseRule(above, multi, clause);
    }

    AccidentModel readAccidentModel(YamlNode root, Map<String, Text> categories, Map<String, Clause> clauses) {
        YamlNode node = root.map("accidentModel", true, problems).orElse(root);
        node.rejectUnknownKeys(List.of("clause", "exposure", "defaultExposure", "factors", "seriousInjuriesPerDeath",
                "thresholds"), problems);
        String clause = node.string("clause", true, problems).orElse("");
        if (!clause.isEmpty()) {
            knownClause(clause, node.get("clause").orElseThrow(), clauses);
        }
        Map<String, Double> exposure = new LinkedHashMap<>();
        node.map("exposure", true, problems).ifPresent(m -> m.fields().forEach((k, v) -> {
            if (!categories.containsKey(k)) {
                problems.add(v.problem("'" + k + "' is not a category of campaign.yaml"));
            }
            v.asDecimal(0, 1, problems).ifPresent(d -> exposure.put(k, d));
        }));
        double defaultExposure = node.decimal("defaultExposure", true, 0, 1, problems).orElse(0.0);
        Map<String, Double> factors = new LinkedHashMap<>();
        node.map("factors", true, problems).ifPresent(m -> m.fields().forEach((k, v) -> {
            if (!AccidentModel.CONDITIONS.contains(k)) {
                problems.add(v.problem("'" + k + "' is not a condition the estimate knows ("
                        + String.join(", ", AccidentModel.CONDITIONS) + ")"));
            }
            v.asDecimal(0, 1000, problems).ifPresent(d -> factors.put(k, d));
        }));
        double injuries = node.decimal("seriousInjuriesPerDeath", true, 0, 1000, problems).orElse(0.0);
        Map<AccidentGrade, Double> deaths = new EnumMap<>(AccidentGrade.class);
        Map<AccidentGrade, Double> hurt = new EnumMap<>(AccidentGrade.class);
        node.map("thresholds", true, problems).ifPresent(m -> m.fields().forEach((k, v) -> {
            AccidentGrade grade;
            try {
                grade = AccidentGrade.valueOf(k);
            } catch (IllegalArgumentException e) {
                problems.add(v.problem("'" + k + "' must be LARGE, MAJOR or EXTRA_MAJOR"));
                return;
            }
            v.rejectUnknownKeys(List.of("deaths", "seriousInjuries"), problems);
            v.decimal("deaths", true, 0, 1e9, problems).ifPresent(d -> deaths.put(grade, d));
            v.decimal("seriousInjuries", false, 0, 1e9, problems).ifPresent(d -> hurt.put(grade, d));
        }));
        return new AccidentModel(clause, exposure, defaultExposure, factors, injuries, deaths, hurt);
    }

    /** The grades section: the default grade, the rectification period of every grade, the named floors. */
    record Grades(RiskGrade defaultGrade, Map<RiskGrade, Integer> rectifyWithinDays, Map<String, RiskGrade> floors) {}

    Grades readGrades(YamlNode root) {
        YamlNode grades = root.map("grades", true, problems).orElse(root);
        grades.rejectUnknownKeys(List.of("default", "rectifyWithinDays", "floors"), problems);
        RiskGrade defaultGrade = grades.string("default", true, problems).flatMap(g -> grade(grades, "default", g))
                .orElse(RiskGrade.BLUE);
        Map<RiskGrade, Integer> rectifyWithin = new EnumMap<>(RiskGrade.class);
        grades.map("rectifyWithinDays", true, problems).ifPresent(node -> node.fields().forEach((k, v) ->
                grade(node, k, k).ifPresent(g -> v.asInteger(0, 3650, problems).ifPresent(d -> rectifyWithin.put(g, d)))));
        for (RiskGrade g : RiskGrade.values()) {
            if (!rectifyWithin.containsKey(g) && grades.get("rectifyWithinDays").isPresent()) {
                problems.add(grades.get("rectifyWithinDays").get().problem("missing the period for grade " + g));
            }
        }
        Map<String, RiskGrade> gradeFloors = new LinkedHashMap<>();
        grades.map("floors", false, problems).ifPresent(node -> node.fields().forEach((k, v) ->
                grade(node, k, v.text()).ifPresent(g -> gradeFloors.put(k, g))));
        return new Grades(defaultGrade, rectifyWithin, gradeFloors);
    }

    /** The named numbers rules read ({@code campaign.number("…")}). */
    Map<String, Double> readParameters(YamlNode root) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        root.map("parameters", false, problems).ifPresent(node -> node.fields().forEach((k, v) -> {
            if (!v.isScalar()) {
                problems.add(v.problem("a parameter must be a single number"));
            } else {
                v.asDecimal(-1e12, 1e12, problems).ifPresent(d -> parameters.put(k, d));
            }
        }));
        return parameters;
    }
}
