package io.firerisk.internal;

import io.firerisk.Priority;
import io.firerisk.Problem;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.Verification;
import io.firerisk.campaign.ActionType;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.Ground;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.HighRiseRule;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.Phase;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.campaign.RiskMatrix;
import io.firerisk.campaign.SuspensionPolicy;
import io.firerisk.campaign.VenueKind;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the data files of a campaign folder (everything but the rules) into a {@link Campaign},
 * collecting every problem with its file, line and column rather than stopping at the first.
 *
 * <p>The folder:
 * <pre>
 *   campaign.yaml        identity, calendar, grades (the risk matrix), suspension grounds, counting rows, parameters
 *   clauses.csv          every clause rules and data cite, with its verification mark
 *   elements.csv         the hazard standard's determination elements
 *   hazards.csv, hazards/*.csv   the hazard catalogue (several files are merged)
 *   venue-kinds.csv      venue kinds
 *   place-classes.csv    which kinds (or, with kind * and a when condition, which venues) belong to which
 *                        place classes, and on whose authority
 *   actions.csv          the actions rules may require
 *   rules/**.drl         the rules (compiled by {@link RuleCompiler})
 *   scenarios/*.csv      scenario tables (read by the scenario runner)
 * </pre>
 */
public final class CampaignReader {

    public static final String CAMPAIGN_FILE = "campaign.yaml";
    public static final String CLAUSES_FILE = "clauses.csv";
    public static final String ELEMENTS_FILE = "elements.csv";
    public static final String HAZARDS_FILE = "hazards.csv";
    public static final String HAZARDS_FOLDER = "hazards/";
    public static final String VENUE_KINDS_FILE = "venue-kinds.csv";
    public static final String PLACE_CLASSES_FILE = "place-classes.csv";
    public static final String ACTIONS_FILE = "actions.csv";

    static final List<String> CLAUSE_COLUMNS = List.of("id", "zh", "en", "source", "scope", "verified");
    static final List<String> ELEMENT_COLUMNS = List.of("element", "kind", "zh", "en", "clause", "verified");
    static final List<String> HAZARD_COLUMNS = List.of("code", "zh", "en", "category", "element", "clause",
            "correctable", "rectify_days", "verified");
    static final List<String> VENUE_KIND_COLUMNS = List.of("kind", "zh", "en", "building");
    static final List<String> PLACE_CLASS_COLUMNS = List.of("kind", "place_class", "source", "clause");
    static final List<String> ACTION_COLUMNS = List.of("code", "zh", "en", "priority", "days", "per", "by_grade");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** What a campaign id may be: lower-case letters, digits and hyphens. */
    public static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** What a campaign version may be; groups 1 and 2 are the major and minor numbers. */
    public static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?([-.][A-Za-z0-9.]+)?");

    private final CampaignFiles files;
    private final List<Problem> problems = new ArrayList<>();

    private CampaignReader(CampaignFiles files) {
        this.files = files;
    }

    /** The campaign's data, or empty with {@code problems} filled when any file has an error. */
    public static Optional<Campaign> read(CampaignFiles files, List<Problem> problems) {
        CampaignReader reader = new CampaignReader(files);
        reader.problems.addAll(files.problems());
        Campaign campaign = reader.read();
        problems.addAll(reader.problems);
        boolean failed = reader.problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
        return failed ? Optional.empty() : Optional.ofNullable(campaign);
    }

    private Campaign read() {
        Optional<String> yamlText = files.text(CAMPAIGN_FILE);
        if (yamlText.isEmpty()) {
            problems.add(Problem.error(CAMPAIGN_FILE, 0, 0, "missing: every campaign folder needs a campaign.yaml"));
            return null;
        }
        YamlNode root = YamlNode.parse(CAMPAIGN_FILE, yamlText.get(), problems);
        root.rejectUnknownKeys(List.of("id", "version", "title", "authority", "document", "issued", "standard",
                "timeZone", "determination", "placeClasses", "placeClassWhenNone", "categories", "highRise", "grades",
                "alertLevels", "calendar", "suspension", "parameters"), problems);

        String id = root.string("id", true, problems).orElse("invalid");
        if (!CAMPAIGN_ID.matcher(id).matches()) {
            problems.add(root.get("id").orElse(root).problem("'" + id
                    + "' must be lower-case letters, digits and hyphens, such as wanzhou-2023-winter"));
        }
        String version = root.string("version", true, problems).orElse("0");
        if (!VERSION.matcher(version).matches()) {
            problems.add(root.get("version").orElse(root).problem("'" + version
                    + "' must look like 1.0 or 1.2.3 (optionally with a -suffix)"));
        }
        Text title = text(root, "title", true);
        Text authority = text(root, "authority", true);
        String document = root.string("document", true, problems).orElse("");
        LocalDate issued = root.date("issued", true, problems).orElse(LocalDate.MIN);
        String standard = root.string("standard", true, problems).orElse("");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Optional<String> zoneText = root.string("timeZone", false, problems);
        if (zoneText.isPresent()) {
            try {
                zone = ZoneId.of(zoneText.get());
            } catch (DateTimeException e) {
                problems.add(root.get("timeZone").orElseThrow().problem("'" + zoneText.get()
                        + "' is not a time zone (use a region such as Asia/Shanghai)"));
            }
        }

        Map<String, Clause> clauses = readClauses();
        Map<String, Text> placeClasses = labelMap(root, "placeClasses", true, List.of("clause"));
        Map<String, String> placeClassClauses = new LinkedHashMap<>();
        root.map("placeClasses", false, problems).ifPresent(m -> m.fields().forEach((code, v) -> {
            if (v.isMap()) {
                v.string("clause", false, problems).ifPresent(c -> {
                    knownClause(c, v.get("clause").orElseThrow(), clauses);
                    placeClassClauses.put(code, c);
                });
            }
        }));
        String placeClassWhenNone = root.string("placeClassWhenNone", true, problems).orElse("");
        if (!placeClassWhenNone.isEmpty() && !placeClasses.containsKey(placeClassWhenNone)) {
            problems.add(root.get("placeClassWhenNone").orElseThrow().problem("'" + placeClassWhenNone
                    + "' is not one of placeClasses (" + String.join(", ", placeClasses.keySet()) + ")"));
        }
        Map<String, Text> categories = labelMap(root, "categories", true);
        Map<String, Element> elements = readElements(clauses);
        YamlNode grades = root.map("grades", true, problems).orElse(root);
        grades.rejectUnknownKeys(List.of("clause", "rectifyWithinDays", "bands", "likelihood", "severity"), problems);
        RiskMatrix matrix = readMatrix(grades, clauses);
        SuspensionPolicy suspension = readSuspension(root, clauses);
        Map<String, HazardType> hazards = readHazards(clauses, elements, categories, matrix, suspension);
        Map<String, VenueKind> venueKinds = readVenueKinds();
        List<PlaceClassRule> placeClassRules = readPlaceClasses(venueKinds, placeClasses, clauses);
        Map<String, ActionType> actions = readActions();

        YamlNode determination = root.map("determination", true, problems).orElse(root);
        determination.rejectUnknownKeys(List.of("reminder", "exclusions", "counting"), problems);
        Text reminder = text(determination, "reminder", true);
        Map<String, Text> exclusions = labelMap(determination, "exclusions", false);
        List<CountingRow> countingRows = readCountingRows(determination, placeClasses, elements, clauses);

        HighRiseRule highRise = readHighRise(root, clauses);
        Map<String, Text> alertLevels = labelMap(root, "alertLevels", true);
        CampaignCalendar calendar = readCalendar(root, alertLevels, clauses);

        Map<RiskGrade, Integer> rectifyWithin = new EnumMap<>(RiskGrade.class);
        grades.map("rectifyWithinDays", true, problems).ifPresent(node -> node.fields().forEach((k, v) ->
                grade(node, k, k).ifPresent(g -> v.asInteger(0, 3650, problems).ifPresent(d -> rectifyWithin.put(g, d)))));
        for (RiskGrade g : RiskGrade.values()) {
            if (!rectifyWithin.containsKey(g) && grades.get("rectifyWithinDays").isPresent()) {
                problems.add(grades.get("rectifyWithinDays").get().problem("missing the period for grade " + g));
            }
        }

        Map<String, Double> parameters = new LinkedHashMap<>();
        root.map("parameters", false, problems).ifPresent(node -> node.fields().forEach((k, v) -> {
            if (!v.isScalar()) {
                problems.add(v.problem("a parameter must be a single number"));
            } else {
                v.asDecimal(-1e12, 1e12, problems).ifPresent(d -> parameters.put(k, d));
            }
        }));

        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            return null;
        }
        return new Campaign(id, version, title, authority, document, issued, standard, zone, files.source(), reminder,
                clauses, elements, categories, hazards, venueKinds, placeClasses, placeClassClauses, placeClassWhenNone,
                placeClassRules, exclusions, countingRows, actions, highRise, calendar, matrix, suspension,
                rectifyWithin, parameters, List.of());
    }

    // ---------------------------------------------------------------- CSV tables

    private Optional<CsvTable> table(String file, List<String> columns, boolean required) {
        Optional<String> text = files.text(file);
        if (text.isEmpty()) {
            if (required) {
                problems.add(Problem.error(file, 0, 0, "missing: the campaign folder needs this file"));
            }
            return Optional.empty();
        }
        CsvTable table = CsvTable.parse(file, text.get(), problems);
        if (!table.requireColumns(columns, problems)) {
            return Optional.empty();
        }
        return Optional.of(table);
    }

    private Map<String, Clause> readClauses() {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        table(CLAUSES_FILE, CLAUSE_COLUMNS, true).ifPresent(t -> {
            for (CsvTable.Row row : t.rows()) {
                Optional<String> id = row.required("id", problems);
                Optional<String> zh = row.required("zh", problems);
                Optional<String> scope = row.required("scope", problems);
                Optional<Verification> verified = verification(row);
                if (id.isEmpty() || zh.isEmpty() || scope.isEmpty() || verified.isEmpty()) {
                    continue;
                }
                boolean campaignOnly;
                switch (scope.get().toUpperCase(Locale.ROOT)) {
                    case "CAMPAIGN" -> campaignOnly = true;
                    case "STANDING" -> campaignOnly = false;
                    default -> {
                        problems.add(row.problem("scope", "'" + scope.get() + "' must be STANDING (law and standards, "
                                + "in force on any date) or CAMPAIGN (the plan's own requirement)"));
                        continue;
                    }
                }
                if (duplicate(lines, id.get(), row, "id")) {
                    continue;
                }
                clauses.put(id.get(), new Clause(id.get(), Text.of(zh.get(), row.get("en")), row.get("source"),
                        campaignOnly, verified.get(), row.get("note")));
            }
        });
        return clauses;
    }

    private Map<String, Element> readElements(Map<String, Clause> clauses) {
        Map<String, Element> elements = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        table(ELEMENTS_FILE, ELEMENT_COLUMNS, true).ifPresent(t -> {
            for (CsvTable.Row row : t.rows()) {
                Optional<String> number = row.required("element", problems);
                Optional<String> kind = row.required("kind", problems);
                Optional<String> zh = row.required("zh", problems);
                Optional<String> clause = row.required("clause", problems);
                Optional<Verification> verified = verification(row);
                if (number.isEmpty() || kind.isEmpty() || zh.isEmpty() || clause.isEmpty() || verified.isEmpty()) {
                    continue;
                }
                ElementKind elementKind;
                try {
                    elementKind = ElementKind.valueOf(kind.get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(row.problem("kind", "'" + kind.get() + "' must be DIRECT or COMPREHENSIVE"));
                    continue;
                }
                knownClause(clause.get(), row, "clause", clauses);
                if (duplicate(lines, number.get(), row, "element")) {
                    continue;
                }
                elements.put(number.get(), new Element(number.get(), elementKind, Text.of(zh.get(), row.get("en")),
                        clause.get(), verified.get()));
            }
        });
        return elements;
    }

    private Map<String, HazardType> readHazards(Map<String, Clause> clauses, Map<String, Element> elements,
            Map<String, Text> categories, RiskMatrix matrix, SuspensionPolicy suspension) {
        List<String> catalogueFiles = new ArrayList<>();
        if (files.text(HAZARDS_FILE).isPresent()) {
            catalogueFiles.add(HAZARDS_FILE);
        }
        catalogueFiles.addAll(files.paths(HAZARDS_FOLDER, ".csv"));
        if (catalogueFiles.isEmpty()) {
            problems.add(Problem.error(HAZARDS_FILE, 0, 0,
                    "missing: the hazard catalogue (hazards.csv, or CSV files under hazards/) is required"));
        }
        Map<String, HazardType> hazards = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        for (String file : catalogueFiles) {
            table(file, HAZARD_COLUMNS, true).ifPresent(t -> {
                for (CsvTable.Row row : t.rows()) {
                    Optional<String> code = row.required("code", problems);
                    Optional<String> zh = row.required("zh", problems);
                    Optional<String> category = row.required("category", problems);
                    Optional<String> clause = row.required("clause", problems);
                    Optional<Verification> verified = verification(row);
                    if (code.isEmpty() || zh.isEmpty() || category.isEmpty() || clause.isEmpty() || verified.isEmpty()) {
                        continue;
                    }
                    if (!CODE.matcher(code.get()).matches()) {
                        problems.add(row.problem("code", "'" + code.get()
                                + "' must be upper-case letters, digits and underscores, starting with a letter"));
                        continue;
                    }
                    if (!categories.containsKey(category.get())) {
                        problems.add(row.problem("category", "'" + category.get()
                                + "' is not a category of campaign.yaml (" + String.join(", ", categories.keySet()) + ")"));
                    }
                    List<String> evidenced = row.list("element");
                    for (String element : evidenced) {
                        if (!elements.containsKey(element)) {
                            problems.add(row.problem("element", "'" + element + "' is not an element of " + ELEMENTS_FILE));
                        }
                    }
                    knownClause(clause.get(), row, "clause", clauses);
                    boolean correctable = row.flag("correctable", false, problems);
                    int days = row.integer("rectify_days", 0, 3650, problems).orElse(30);
                    int minimum = row.has("min_days") ? row.integer("min_days", 0, 3650, problems).orElse(days) : days;
                    if (minimum > days) {
                        problems.add(row.problem("min_days", "the least the work needs (" + minimum
                                + " days) is longer than its usual period (rectify_days " + days + ")"));
                    }
                    String likelihood = row.get("likelihood");
                    if (!likelihood.isEmpty() && matrix != null && !matrix.likelihood().containsKey(likelihood)) {
                        problems.add(row.problem("likelihood", "'" + likelihood + "' is not a row of the likelihood "
                                + "table (grades.likelihood.rows in campaign.yaml: "
                                + String.join(", ", new java.util.TreeSet<>(matrix.likelihood().keySet())) + ")"));
                    }
                    List<String> grounds = row.list("grounds");
                    for (String ground : grounds) {
                        if (!suspension.grounds().containsKey(ground)) {
                            problems.add(row.problem("grounds", "'" + ground + "' is not a suspension ground "
                                    + "(suspension.grounds in campaign.yaml)"));
                        }
                    }
                    String measure = row.get("measure");
                    if (!measure.isEmpty() && !measure.equals(HazardType.MEASURE_RATIO)
                            && !measure.equals(HazardType.MEASURE_QUANTITY)) {
                        problems.add(row.problem("measure", "'" + measure + "' must be ratio, quantity or empty"));
                    }
                    String previous = where.putIfAbsent(code.get(), row.file() + ":" + row.line());
                    if (previous != null) {
                        problems.add(row.problem("code", "'" + code.get() + "' is already defined at " + previous));
                        continue;
                    }
                    hazards.put(code.get(), new HazardType(code.get(), Text.of(zh.get(), row.get("en")),
                            category.get(), evidenced, clause.get(),
                            row.list("applies_to"), correctable, days, minimum, likelihood, grounds,
                            measure.isEmpty() ? Optional.empty() : Optional.of(measure), verified.get(), row.file(),
                            row.line()));
                }
            });
        }
        return hazards;
    }

    private Map<String, VenueKind> readVenueKinds() {
        Map<String, VenueKind> kinds = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        table(VENUE_KINDS_FILE, VENUE_KIND_COLUMNS, true).ifPresent(t -> {
            for (CsvTable.Row row : t.rows()) {
                Optional<String> kind = row.required("kind", problems);
                Optional<String> zh = row.required("zh", problems);
                Optional<String> building = row.required("building", problems);
                if (kind.isEmpty() || zh.isEmpty() || building.isEmpty()) {
                    continue;
                }
                if (!CODE.matcher(kind.get()).matches()) {
                    problems.add(row.problem("kind", "'" + kind.get() + "' must be upper-case letters, digits and underscores"));
                    continue;
                }
                if (duplicate(lines, kind.get(), row, "kind")) {
                    continue;
                }
                kinds.put(kind.get(), new VenueKind(kind.get(), Text.of(zh.get(), row.get("en")), building.get()));
            }
        });
        return kinds;
    }

    private List<PlaceClassRule> readPlaceClasses(Map<String, VenueKind> kinds, Map<String, Text> placeClasses,
            Map<String, Clause> clauses) {
        List<PlaceClassRule> rules = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        table(PLACE_CLASSES_FILE, PLACE_CLASS_COLUMNS, true).ifPresent(t -> {
            for (CsvTable.Row row : t.rows()) {
                Optional<String> kind = row.required("kind", problems);
                Optional<String> placeClass = row.required("place_class", problems);
                Optional<String> source = row.required("source", problems);
                Optional<String> clause = row.required("clause", problems);
                if (kind.isEmpty() || placeClass.isEmpty() || source.isEmpty() || clause.isEmpty()) {
                    continue;
                }
                boolean ok = true;
                String when = row.get("when").toLowerCase(Locale.ROOT);
                if (!when.isEmpty() && !PlaceClassRule.CONDITIONS.contains(when)) {
                    problems.add(row.problem("when", "'" + row.get("when") + "' must be empty or one of "
                            + String.join(", ", PlaceClassRule.CONDITIONS)));
                    ok = false;
                }
                if (kind.get().equals(PlaceClassRule.ANY_KIND)) {
                    if (when.isEmpty()) {
                        problems.add(row.problem("when", "is required when kind is * (a row for every kind holds on a "
                                + "fact of the venue: " + String.join(", ", PlaceClassRule.CONDITIONS) + ")"));
                        ok = false;
                    }
                } else if (!kinds.containsKey(kind.get())) {
                    problems.add(row.problem("kind", "'" + kind.get() + "' is not a venue kind of " + VENUE_KINDS_FILE
                            + " (or * for every kind)"));
                    ok = false;
                }
                if (!placeClasses.containsKey(placeClass.get())) {
                    problems.add(row.problem("place_class", "'" + placeClass.get()
                            + "' is not one of the placeClasses of campaign.yaml (" + String.join(", ", placeClasses.keySet()) + ")"));
                    ok = false;
                }
                String src = source.get().toUpperCase(Locale.ROOT);
                if (!List.of(PlaceClassRule.STATUTE, PlaceClassRule.STANDARD, PlaceClassRule.CAMPAIGN).contains(src)) {
                    problems.add(row.problem("source", "'" + source.get() + "' must be STATUTE, STANDARD or CAMPAIGN"));
                    ok = false;
                }
                ok &= knownClause(clause.get(), row, "clause", clauses);
                if (!seen.add(kind.get() + "/" + placeClass.get() + "/" + src + "/" + when)) {
                    problems.add(row.problem("place_class", "duplicate row for " + kind.get() + " → " + placeClass.get()));
                    ok = false;
                }
                if (ok) {
                    rules.add(new PlaceClassRule(kind.get(), placeClass.get(), src, clause.get(), when));
                }
            }
        });
        return rules;
    }

    private Map<String, ActionType> readActions() {
        Map<String, ActionType> actions = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        table(ACTIONS_FILE, ACTION_COLUMNS, true).ifPresent(t -> {
            for (CsvTable.Row row : t.rows()) {
                Optional<String> code = row.required("code", problems);
                Optional<String> zh = row.required("zh", problems);
                Optional<String> priority = row.required("priority", problems);
                if (code.isEmpty() || zh.isEmpty() || priority.isEmpty()) {
                    continue;
                }
                if (!CODE.matcher(code.get()).matches()) {
                    problems.add(row.problem("code", "'" + code.get() + "' must be upper-case letters, digits and underscores"));
                    continue;
                }
                Priority p;
                try {
                    p = Priority.valueOf(priority.get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(row.problem("priority", "'" + priority.get() + "' must be IMMEDIATE, HIGH, NORMAL or LOW"));
                    continue;
                }
                OptionalInt days = row.integer("days", 0, 3650, problems).map(OptionalInt::of).orElse(OptionalInt.empty());
                String per = row.get("per").toUpperCase(Locale.ROOT);
                if (!per.equals("FINDING") && !per.equals("VENUE")) {
                    problems.add(row.problem("per", "'" + row.get("per") + "' must be FINDING or VENUE"));
                    continue;
                }
                boolean byGrade = row.flag("by_grade", false, problems);
                if (duplicate(lines, code.get(), row, "code")) {
                    continue;
                }
                actions.put(code.get(), new ActionType(code.get(), Text.of(zh.get(), row.get("en")), p, days,
                        per.equals("FINDING"), byGrade));
            }
        });
        return actions;
    }

    // ---------------------------------------------------------------- campaign.yaml sections

    private List<CountingRow> readCountingRows(YamlNode determination, Map<String, Text> placeClasses,
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
                    problems.add(node.get("elements").orElse(node).problem("'" + e + "' is not an element of " + ELEMENTS_FILE));
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

    private HighRiseRule readHighRise(YamlNode root, Map<String, Clause> clauses) {
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

    private CampaignCalendar readCalendar(YamlNode root, Map<String, Text> alertLevels, Map<String, Clause> clauses) {
        YamlNode node = root.map("calendar", true, problems).orElse(root);
        node.rejectUnknownKeys(List.of("clause", "normalLevel", "warningLevel", "leadDays", "marginDays", "phases",
                "keyPeriods"), problems);
        String clause = node.string("clause", true, problems).orElse("");
        if (!clause.isEmpty()) {
            knownClause(clause, node.get("clause").orElseThrow(), clauses);
        }
        String normal = level(node, "normalLevel", alertLevels);
        String warning = level(node, "warningLevel", alertLevels);
        int leadDays = node.integer("leadDays", true, 0, 366, problems).orElse(0);
        int marginDays = node.integer("marginDays", false, 0, 366, problems).orElse(0);

        // Codes name phases and periods in results and reports; one code, one span.
        Map<String, String> codes = new HashMap<>();
        List<Phase> phases = new ArrayList<>();
        List<YamlNode> phaseNodes = node.list("phases", true, problems);
        int beforePhases = problems.size();
        for (YamlNode p : phaseNodes) {
            p.rejectUnknownKeys(List.of("code", "zh", "en", "from", "to", "clause"), problems);
            Optional<String> code = p.string("code", true, problems);
            Optional<String> zh = p.string("zh", true, problems);
            Optional<LocalDate> from = p.date("from", true, problems);
            Optional<LocalDate> to = p.date("to", true, problems);
            Optional<String> phaseClause = p.string("clause", true, problems);
            if (code.isEmpty() || zh.isEmpty() || from.isEmpty() || to.isEmpty() || phaseClause.isEmpty()) {
                continue;
            }
            knownClause(phaseClause.get(), p.get("clause").orElseThrow(), clauses);
            if (to.get().isBefore(from.get())) {
                problems.add(p.get("to").orElseThrow().problem("phase " + code.get() + " ends (" + to.get()
                        + ") before it starts (" + from.get() + ")"));
                continue;
            }
            if (uniqueCode(codes, code.get(), "phase", p)) {
                continue;
            }
            if (!phases.isEmpty()) {
                Phase previous = phases.get(phases.size() - 1);
                YamlNode fromNode = p.get("from").orElseThrow();
                if (from.get().isBefore(previous.from())) {
                    problems.add(fromNode.problem("phase " + code.get() + " starts on " + from.get()
                            + ", before phase " + previous.code() + " (" + previous.from() + " to " + previous.to()
                            + ") listed above it: list the phases in date order"));
                } else if (!from.get().isAfter(previous.to())) {
                    problems.add(fromNode.problem("phase " + code.get() + " starts on " + from.get()
                            + ", which overlaps phase " + previous.code() + " (" + previous.from() + " to "
                            + previous.to() + "): phases must follow one another in date order"));
                } else if (from.get().isAfter(previous.to().plusDays(1))) {
                    // A day between phases would count as "campaign in force" with no phase in force.
                    problems.add(fromNode.problem("phase " + code.get() + " starts on " + from.get()
                            + " but phase " + previous.code() + " ends on " + previous.to() + ": "
                            + previous.to().plusDays(1) + (from.get().minusDays(1).equals(previous.to().plusDays(1))
                            ? "" : " to " + from.get().minusDays(1)) + " would belong to no phase (each phase starts "
                            + "the day after the one before it ends)"));
                }
            }
            phases.add(new Phase(code.get(), Text.of(zh.get(), p.string("en", false, problems).orElse("")), from.get(),
                    to.get(), phaseClause.get()));
        }
        if (phaseNodes.isEmpty() && node.get("phases").isPresent()) {
            problems.add(node.get("phases").get().problem("a campaign needs at least one phase"));
        }
        // With a broken phase the campaign's span is unknown; judging key periods against it would
        // only add errors that go away once the phase is fixed.
        boolean phasesSound = problems.size() == beforePhases && !phases.isEmpty();
        LocalDate start = phases.stream().map(Phase::from).min(LocalDate::compareTo).orElse(null);
        LocalDate end = phases.stream().map(Phase::to).max(LocalDate::compareTo).orElse(null);

        List<KeyPeriod> periods = new ArrayList<>();
        for (YamlNode k : node.list("keyPeriods", false, problems)) {
            k.rejectUnknownKeys(List.of("code", "zh", "en", "from", "to", "level", "leadDays", "marginDays", "clause",
                    "source"), problems);
            Optional<String> code = k.string("code", true, problems);
            Optional<String> zh = k.string("zh", true, problems);
            Optional<LocalDate> from = k.date("from", true, problems);
            Optional<LocalDate> to = k.date("to", true, problems);
            String level = level(k, "level", alertLevels);
            int lead = k.integer("leadDays", false, 0, 366, problems).orElse(leadDays);
            int margin = k.integer("marginDays", false, 0, 366, problems).orElse(marginDays);
            String periodClause = k.string("clause", false, problems).orElse(clause);
            String source = k.string("source", false, problems).orElse("");
            if (code.isEmpty() || zh.isEmpty() || from.isEmpty() || to.isEmpty() || level.isEmpty()) {
                continue;
            }
            if (k.get("clause").isPresent()) {
                knownClause(periodClause, k.get("clause").get(), clauses);
            }
            if (!source.isEmpty()) {
                knownClause(source, k.get("source").get(), clauses);
            }
            if (to.get().isBefore(from.get())) {
                problems.add(k.get("to").orElseThrow().problem("key period " + code.get() + " ends (" + to.get()
                        + ") before it starts (" + from.get() + ")"));
                continue;
            }
            if (level.equals(normal)) {
                problems.add(k.get("level").orElseThrow().problem("key period " + code.get() + " is at the normal level "
                        + normal + ": a key period raises the level (calendar.normalLevel is " + normal + ")"));
            }
            if (uniqueCode(codes, code.get(), "key period", k)) {
                continue;
            }
            KeyPeriod period = new KeyPeriod(code.get(), Text.of(zh.get(), k.string("en", false, problems).orElse("")),
                    from.get(), to.get(), level, lead, margin, periodClause, source);
            if (phasesSound && !insideCampaign(period, k, node, start, end)) {
                continue;
            }
            for (KeyPeriod other : periods) {
                if (!period.raisedFrom().isAfter(other.raisedTo()) && !other.raisedFrom().isAfter(period.raisedTo())) {
                    boolean datesOverlap = !period.from().isAfter(other.to()) && !other.from().isAfter(period.to());
                    YamlNode field = datesOverlap ? k.get("from").orElseThrow()
                            : k.get("marginDays").orElse(node.get("marginDays").orElse(k));
                    problems.add(field.problem("key period " + code.get() + " overlaps key period " + other.code()
                            + " (" + other.raisedFrom() + " to " + other.raisedTo() + ")"
                            + (datesOverlap ? "" : " once their margins are added: shorten the margin")));
                }
            }
            periods.add(period);
        }
        periods.sort(java.util.Comparator.comparing(KeyPeriod::raisedFrom));
        if (phases.isEmpty()) {
            return null;
        }
        return new CampaignCalendar(phases, periods, alertLevels, normal, warning, clause);
    }

    /** False, with the problem recorded, when the code is already used by a phase or key period. */
    private boolean uniqueCode(Map<String, String> codes, String code, String what, YamlNode node) {
        String previous = codes.putIfAbsent(code, what + " at " + node.path());
        if (previous != null) {
            problems.add(node.get("code").orElseThrow().problem("'" + code + "' is already the code of the "
                    + previous + ": each phase and key period needs its own code"));
            return true;
        }
        return false;
    }

    /**
     * Checks that a key period, with its margin and its early-warning lead-up, lies inside the
     * campaign: a raised level or a warning on a day the campaign is not in force would never be
     * seen. The problem names the field to change: the dates, the margin or the lead.
     */
    private boolean insideCampaign(KeyPeriod period, YamlNode k, YamlNode calendar, LocalDate start, LocalDate end) {
        String campaign = " the campaign (" + start + " to " + end + ")";
        if (period.from().isBefore(start) || period.from().isAfter(end) || period.to().isAfter(end)) {
            String field = period.from().isBefore(start) || period.from().isAfter(end) ? "from" : "to";
            problems.add(k.get(field).orElseThrow().problem("key period " + period.code() + " ("
                    + period.raisedFrom() + " to " + period.raisedTo() + " with its margin) lies outside" + campaign
                    + ": key periods must fall inside the phases"));
            return false;
        }
        if (period.raisedFrom().isBefore(start) || period.raisedTo().isAfter(end)) {
            YamlNode field = k.get("marginDays").orElse(calendar.get("marginDays").orElse(k));
            problems.add(field.problem("a margin of " + period.marginDays() + " days makes key period "
                    + period.code() + " (" + period.from() + " to " + period.to() + ") run from " + period.raisedFrom()
                    + " to " + period.raisedTo() + ", outside" + campaign + ": shorten the margin"));
            return false;
        }
        if (period.leadDays() > 0 && period.warningFrom().isBefore(start)) {
            YamlNode field = k.get("leadDays").orElse(calendar.get("leadDays").orElse(k));
            problems.add(field.problem("an early warning of " + period.leadDays() + " days before key period "
                    + period.code() + " (from " + period.raisedFrom() + ") would start on " + period.warningFrom()
                    + ", before" + campaign + " starts: shorten the lead for this period (keyPeriods[].leadDays)"));
            return false;
        }
        return true;
    }

    private String level(YamlNode node, String key, Map<String, Text> alertLevels) {
        Optional<String> level = node.string(key, true, problems);
        if (level.isPresent() && !alertLevels.containsKey(level.get())) {
            problems.add(node.get(key).orElseThrow().problem("'" + level.get() + "' is not one of alertLevels ("
                    + String.join(", ", alertLevels.keySet()) + ")"));
            return "";
        }
        return level.orElse("");
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
        Map<RiskGrade, Integer> bands = new java.util.EnumMap<>(RiskGrade.class);
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
    private SuspensionPolicy readSuspension(YamlNode root, Map<String, Clause> clauses) {
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

    // ---------------------------------------------------------------- helpers

    private Text text(YamlNode parent, String key, boolean required) {
        Optional<YamlNode> node = required ? parent.required(key, problems) : parent.get(key);
        if (node.isEmpty()) {
            return Text.EMPTY;
        }
        return text(node.get());
    }

    private Text text(YamlNode node) {
        return text(node, List.of());
    }

    private Text text(YamlNode node, List<String> extra) {
        if (node.isScalar()) {
            return Text.of(node.text(), "");
        }
        if (!node.isMap()) {
            problems.add(node.problem("must be text, or zh: and en: texts"));
            return Text.EMPTY;
        }
        List<String> known = new ArrayList<>(List.of("zh", "en"));
        known.addAll(extra);
        node.rejectUnknownKeys(known, problems);
        return Text.of(node.string("zh", true, problems).orElse(""), node.string("en", false, problems).orElse(""));
    }

    private Map<String, Text> labelMap(YamlNode parent, String key, boolean required) {
        return labelMap(parent, key, required, List.of());
    }

    /** Code → text; {@code extra} names keys besides zh and en a label may carry (read by the caller). */
    private Map<String, Text> labelMap(YamlNode parent, String key, boolean required, List<String> extra) {
        Map<String, Text> out = new LinkedHashMap<>();
        parent.map(key, required, problems).ifPresent(m -> m.fields().forEach((code, v) -> {
            if (!CODE.matcher(code).matches()) {
                problems.add(v.problem("'" + code + "' must be upper-case letters, digits and underscores"));
            }
            out.put(code, text(v, extra));
        }));
        if (required && out.isEmpty() && parent.get(key).isPresent()) {
            problems.add(parent.get(key).get().problem("must define at least one entry"));
        }
        return out;
    }

    private Optional<Verification> verification(CsvTable.Row row) {
        Optional<String> mark = row.required("verified", problems);
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Verification.fromMark(mark.get()));
        } catch (IllegalArgumentException e) {
            problems.add(row.problem("verified", "'" + mark.get() + "' must be V (verified), P (partly) or U (unverified)"));
            return Optional.empty();
        }
    }

    private Optional<RiskGrade> grade(YamlNode node, String key, String value) {
        try {
            return Optional.of(RiskGrade.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.add(node.get(key).orElse(node).problem("'" + value + "' must be RED, ORANGE, YELLOW or BLUE"));
            return Optional.empty();
        }
    }

    private boolean knownClause(String clause, CsvTable.Row row, String column, Map<String, Clause> clauses) {
        if (!clauses.containsKey(clause)) {
            problems.add(row.problem(column, "'" + clause + "' is not a clause of " + CLAUSES_FILE));
            return false;
        }
        return true;
    }

    private void knownClause(String clause, YamlNode node, Map<String, Clause> clauses) {
        if (!clauses.containsKey(clause)) {
            problems.add(node.problem("'" + clause + "' is not a clause of " + CLAUSES_FILE));
        }
    }

    private boolean duplicate(Map<String, Integer> lines, String key, CsvTable.Row row, String column) {
        Integer previous = lines.putIfAbsent(key, row.line());
        if (previous != null) {
            problems.add(row.problem(column, "'" + key + "' is already defined on line " + previous));
            return true;
        }
        return false;
    }
}
