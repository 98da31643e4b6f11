package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.Ground;
import io.firerisk.campaign.HighRiseRule;
import io.firerisk.campaign.RiskMatrix;
import io.firerisk.campaign.SuspensionPolicy;

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
 * high-rise definition, the grades (the risk matrix), the legal grounds for suspension and the parameters, each value checked where it
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
                if (!c.equals(CountingRow.ANY_PLACE) && !placeClasses.containsKey(c)) {
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

    /**
     * The grades section: the risk matrix (the L and S tables with their default rows and the cap for
     * raises of L, and the bands by their lowest score) and the longest rectification period of each grade.
     */
    record Grades(RiskMatrix matrix, Map<RiskGrade, Integer> rectifyWithinDays) {}

    Grades readGrades(YamlNode root, Map<String, Clause> clauses) {
        YamlNode grades = root.map("grades", true, problems).orElse(root);
        grades.rejectUnknownKeys(List.of("clause", "rectifyWithinDays", "bands", "likelihood", "severity"), problems);
        RiskMatrix matrix = readMatrix(grades, clauses);
        Map<RiskGrade, Integer> rectifyWithin = new EnumMap<>(RiskGrade.class);
        grades.map("rectifyWithinDays", true, problems).ifPresent(node -> node.fields().forEach((k, v) ->
                grade(node, k, k).ifPresent(g -> v.asInteger(0, 3650, problems).ifPresent(d -> rectifyWithin.put(g, d)))));
        for (RiskGrade g : RiskGrade.values()) {
            if (!rectifyWithin.containsKey(g) && grades.get("rectifyWithinDays").isPresent()) {
                problems.add(grades.get("rectifyWithinDays").get().problem("missing the period for grade " + g));
            }
        }
        return new Grades(matrix, rectifyWithin);
    }

    /**
     * The risk matrix under {@code grades}: the L and S tables (rows with a level and a text, and the
     * default row of a venue no rule puts in one), the cap for raises of L, and the bands. A band is
     * given by its lowest score; the bands must rise with the grade, and BLUE must start at 1 so that
     * every score has a grade.
     */
    private RiskMatrix readMatrix(YamlNode grades, Map<String, Clause> clauses) {
        String clause = grades.string("clause", true, problems).orElse("");
        if (!clause.isEmpty()) {
            knownClause(clause, grades.get("clause").orElseThrow(), clauses);
        }
        Map<RiskGrade, Integer> bands = new EnumMap<>(RiskGrade.class);
        grades.map("bands", true, problems).ifPresent(node -> node.fields().forEach((k, v) ->
                grade(node, k, k).ifPresent(g -> v.asInteger(1, 10_000, problems).ifPresent(n -> bands.put(g, n)))));
        Optional<YamlNode> bandNode = grades.get("bands");
        if (bandNode.isPresent() && bandNode.get().isMap()) {
            Integer previous = null;
            for (RiskGrade g : RiskGrade.values()) {
                Integer from = bands.get(g);
                if (from == null) {
                    problems.add(bandNode.get().problem("missing the band of grade " + g + " (its lowest score)"));
                    continue;
                }
                if (g == RiskGrade.BLUE && from != 1) {
                    problems.add(bandNode.get().get(g.name()).orElseThrow().problem("BLUE must start at 1, so that "
                            + "every score has a grade (was " + from + ")"));
                }
                if (previous != null && from <= previous) {
                    problems.add(bandNode.get().get(g.name()).orElseThrow().problem("the band of " + g + " starts at "
                            + from + ", not above the band below it (" + previous + "): a higher score must never "
                            + "give a lower grade"));
                }
                previous = from;
            }
        }
        YamlNode l = grades.map("likelihood", true, problems).orElse(grades);
        l.rejectUnknownKeys(List.of("default", "raiseCap", "rows"), problems);
        Map<String, RiskMatrix.Level> likelihood = levels(l, "likelihood");
        String lDefault = defaultRow(l, likelihood, "likelihood");
        int cap = l.integer("raiseCap", true, 1, 100, problems).orElse(1);
        int lMax = likelihood.values().stream().mapToInt(RiskMatrix.Level::level).max().orElse(cap);
        if (l.get("raiseCap").isPresent() && cap > lMax) {
            problems.add(l.get("raiseCap").get().problem("raiseCap " + cap + " is above the highest likelihood level ("
                    + lMax + ")"));
        }
        YamlNode sNode = grades.map("severity", true, problems).orElse(grades);
        sNode.rejectUnknownKeys(List.of("default", "rows"), problems);
        Map<String, RiskMatrix.Level> severity = levels(sNode, "severity");
        String sDefault = defaultRow(sNode, severity, "severity");
        return new RiskMatrix(clause, bands, likelihood, lDefault, cap, severity, sDefault);
    }

    private Map<String, RiskMatrix.Level> levels(YamlNode table, String name) {
        Map<String, RiskMatrix.Level> rows = new LinkedHashMap<>();
        table.map("rows", true, problems).ifPresent(m -> m.fields().forEach((code, v) -> {
            if (!CODE.matcher(code).matches()) {
                problems.add(v.problem("'" + code + "' must be upper-case letters, digits and underscores"));
            }
            if (!v.isMap()) {
                problems.add(v.problem("a " + name + " row is {level: n, zh: …, en: …}"));
                return;
            }
            v.rejectUnknownKeys(List.of("level", "zh", "en"), problems);
            Optional<Integer> level = v.integer("level", true, 1, 100, problems);
            String zh = v.string("zh", true, problems).orElse("");
            String en = v.string("en", false, problems).orElse("");
            level.ifPresent(n -> rows.put(code, new RiskMatrix.Level(code, n, Text.of(zh, en))));
        }));
        if (rows.isEmpty() && table.get("rows").isPresent()) {
            problems.add(table.get("rows").get().problem("the " + name + " table needs at least one row"));
        }
        return rows;
    }

    private String defaultRow(YamlNode table, Map<String, RiskMatrix.Level> rows, String name) {
        String row = table.string("default", true, problems).orElse("");
        if (!row.isEmpty() && !rows.containsKey(row) && table.get("rows").isPresent()) {
            problems.add(table.get("default").orElseThrow().problem("'" + row + "' is not a row of the " + name
                    + " table (" + String.join(", ", rows.keySet()) + ")"));
        }
        return row;
    }

    /** The legal grounds for stopping use, and when use resumes; a campaign without them stops nothing. */
    SuspensionPolicy readSuspension(YamlNode root, Map<String, Clause> clauses) {
        Optional<YamlNode> found = root.map("suspension", false, problems);
        if (found.isEmpty()) {
            return SuspensionPolicy.NONE;
        }
        YamlNode node = found.get();
        node.rejectUnknownKeys(List.of("resumes", "grounds"), problems);
        YamlNode resumes = node.map("resumes", true, problems).orElse(node);
        resumes.rejectUnknownKeys(List.of("zh", "en", "clause"), problems);
        Text resumesWhen = Text.of(resumes.string("zh", true, problems).orElse(""),
                resumes.string("en", false, problems).orElse(""));
        String resumptionClause = resumes.string("clause", true, problems).orElse("");
        if (!resumptionClause.isEmpty()) {
            knownClause(resumptionClause, resumes.get("clause").orElseThrow(), clauses);
        }
        Map<String, Ground> grounds = new LinkedHashMap<>();
        node.map("grounds", true, problems).ifPresent(m -> m.fields().forEach((code, g) -> {
            if (!CODE.matcher(code).matches()) {
                problems.add(g.problem("'" + code + "' must be upper-case letters, digits and underscores"));
            }
            if (!g.isMap()) {
                problems.add(g.problem("a ground is {zh: …, en: …, clauses: […], dwellings: false, ownFacility: …, otherFacility: …}"));
                return;
            }
            g.rejectUnknownKeys(List.of("zh", "en", "clauses", "dwellings", "ownFacility", "otherFacility"), problems);
            String zh = g.string("zh", true, problems).orElse("");
            String en = g.string("en", false, problems).orElse("");
            List<String> cited = g.strings("clauses", problems);
            if (cited.isEmpty()) {
                problems.add(g.problem("ground " + code + " cites no clause: every ground rests on an article"));
            }
            for (String c : cited) {
                knownClause(c, g.get("clauses").orElseThrow(), clauses);
            }
            boolean dwellings = g.string("dwellings", false, problems).map(v -> {
                Optional<Boolean> flag = CsvTable.parseFlag(v);
                if (flag.isEmpty()) {
                    problems.add(g.get("dwellings").orElseThrow().problem("'" + v + "' must be true or false"));
                }
                return flag.orElse(false);
            }).orElse(false);
            Text own = text(g, "ownFacility", true);
            Text other = text(g, "otherFacility", true);
            grounds.put(code, new Ground(code, Text.of(zh, en), cited, dwellings, own, other));
        }));
        return new SuspensionPolicy(grounds, resumesWhen, resumptionClause);
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
