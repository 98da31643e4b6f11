package io.firerisk.scenario;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.CampaignException;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.HazardVerdict;
import io.firerisk.OperatingStatus;
import io.firerisk.Problem;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.ResponsibleParty;
import io.firerisk.RiskEngine;
import io.firerisk.StandardRevision;
import io.firerisk.RiskGrade;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.internal.CampaignFiles;
import io.firerisk.internal.CsvTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The scenario tables of a campaign folder ({@code scenarios/*.csv}), ready to run.
 *
 * <p>Each row is one case. Given columns (empty = default):
 * <pre>
 *   id, description          required; id unique in the suite
 *   date                     assessment date, YYYY-MM-DD (required)
 *   kind                     venue kind (required)
 *   name, street             text
 *   height_m, floors         building height in metres, storeys above ground
 *   underground, sleeping,   Y/N
 *   dangerous_goods, judged_not_major, no_real_fire_risk (an on-site inspection confirmed the stopped venue has
 *                            no real fire risk, GB 35181-2025 4.2 b)
 *   occupants                occupant capacity
 *   gas                      NONE, PIPED_NATURAL_GAS, LPG_CYLINDER, PIPED_LPG, OTHER
 *   status                   OPERATING, SUSPENDED, CLOSED
 *   uses                     other venue kinds it also serves as, separated by ';'
 *   place_classes            place classes declared for it, separated by ';'
 *   own                      Y: the campaign authority's own venue (it stops use itself)
 *   findings                 findings separated by ';', each a hazard code then key=value settings:
 *                              ratio=0.31 quantity=3 status=CORRECTED_ON_SPOT correctable=Y location=北门
 *                              area=二楼营业区域 (the floor or area it puts at risk; default the whole venue)
 *                              found=2024-01-02 deadline=2024-01-20 plan=RESPONSIBILITY+MEASURES (or all, none)
 *                              expert=Y times=2 party=UNIT|INDIVIDUAL enforcement=ORDERED_TO_CORRECT|REFUSED_TO_CORRECT
 *                              revision=CAUSED|CAUSED_BUT_LAW_REQUIRES (arises from a standard's revision, 4.2 a)
 *                              id=F9 (default F1, F2, … in order)
 * </pre>
 * Expected columns (empty = not checked):
 * <pre>
 *   expect_grade             RED, ORANGE, YELLOW, BLUE
 *   expect_verdict           SUSPECTED_MAJOR, GENERAL, NONE
 *   expect_suspension        Y/N, or the parts that stop, exactly: ground codes separated by ';', each
 *                            optionally @area (@ alone: the whole venue)
 *   expect_likelihood        L of the risk matrix
 *   expect_severity          S of the risk matrix
 *   expect_actions           action codes separated by ';', each optionally @YYYY-MM-DD or @+N (days after
 *                            the date) for its earliest deadline; !CODE for an action that must be absent;
 *                            the list is exact unless it ends with ...
 *   expect_elements          the GB 35181 elements present, exactly, separated by ';' (- for none)
 *   expect_clauses           clauses that must be cited, separated by ';'
 *   expect_standard          the edition the result names as applied on the date, such as GB 35181-2025
 *                            (- for none: a date before the first edition the campaign applies)
 * </pre>
 */
public final class ScenarioSuite {

    public static final String FOLDER = "scenarios/";
    static final List<String> REQUIRED = List.of("id", "date", "kind");
    static final List<String> KNOWN = List.of("id", "description", "date", "kind", "name", "street", "height_m",
            "floors", "underground", "occupants", "sleeping", "gas", "dangerous_goods", "status", "judged_not_major", "no_real_fire_risk",
            "uses", "place_classes", "own", "findings", "expect_grade", "expect_verdict", "expect_suspension",
            "expect_likelihood", "expect_severity", "expect_actions", "expect_elements", "expect_clauses", "expect_standard");

    private final List<Scenario> scenarios;

    private ScenarioSuite(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /**
     * Reads every {@code scenarios/*.csv} of a campaign folder.
     *
     * @throws CampaignException listing every malformed cell with its file, line and column
     */
    public static ScenarioSuite fromFolder(Path campaignFolder) {
        CampaignFiles files = CampaignFiles.fromFolder(campaignFolder);
        return fromTexts(files.source(), filesUnder(files.files()));
    }

    /**
     * Reads the scenario tables of a campaign bundled on the classpath under {@code campaigns/<id>/}.
     *
     * @throws CampaignException when there is no such campaign, or listing every malformed cell
     */
    public static ScenarioSuite fromBundled(String id) {
        CampaignFiles files = CampaignFiles.fromClasspath(id, ScenarioSuite.class.getClassLoader());
        return fromTexts(files.source(), filesUnder(files.files()));
    }

    /** Reads scenario tables given as file name → CSV text. */
    public static ScenarioSuite fromTexts(String source, Map<String, String> tables) {
        return read(source, tables, true);
    }

    /**
     * Reads the venues of a table in the scenario format, expected columns optional: a list of
     * venues with their findings and dates, such as a campaign diff compares.
     *
     * @param file the file's name, for messages
     * @param text its CSV text
     * @throws CampaignException listing every malformed cell with its file, line and column
     */
    public static List<VenueFacts> venues(String file, String text) {
        return read(file, Map.of(file, text), false).scenarios().stream().map(Scenario::facts).toList();
    }

    private static ScenarioSuite read(String source, Map<String, String> tables, boolean expectations) {
        List<Problem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(tables).entrySet()) {
            CsvTable table = CsvTable.parse(e.getKey(), e.getValue(), problems);
            if (!table.requireColumns(REQUIRED, problems)) {
                continue;
            }
            for (String column : table.header()) {
                if (!KNOWN.contains(column)) {
                    problems.add(Problem.error(e.getKey(), 1, table.header().indexOf(column) + 1, "unknown column '"
                            + column + "' (columns: " + String.join(", ", KNOWN) + ")"));
                }
            }
            for (CsvTable.Row row : table.rows()) {
                parseRow(row, expectations, problems).ifPresent(s -> {
                    String previous = ids.putIfAbsent(s.id(), s.file() + ":" + s.line());
                    if (previous != null) {
                        problems.add(row.problem("id", "'" + s.id() + "' is already used at " + previous));
                    } else {
                        scenarios.add(s);
                    }
                });
            }
        }
        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            throw new CampaignException(expectations ? source + " scenarios" : source, problems);
        }
        return new ScenarioSuite(scenarios);
    }

    /**
     * True for a scenario table of a campaign's snapshot: {@code scenarios/*.csv}, or a standard's
     * {@code standards/<id>/scenarios/*.csv}, or a standard's table written against one campaign,
     * {@code standards/<id>/scenarios/<campaign id>/*.csv}.
     */
    public static boolean isTable(String path) {
        if (!path.endsWith(".csv")) {
            return false;
        }
        if (path.startsWith(FOLDER)) {
            return true;
        }
        String root = io.firerisk.internal.CampaignFiles.STANDARDS_ROOT;
        int slash = path.indexOf('/', root.length());
        return path.startsWith(root) && slash > 0 && path.startsWith(FOLDER, slash + 1);
    }

    /**
     * True for a scenario table that runs with the campaign {@code campaignId}: its own tables, a standard's tables
     * directly under {@code standards/<id>/scenarios/} (they run with every campaign that applies the standard, so
     * they expect only what the standard and the law decide), and a standard's tables under
     * {@code standards/<id>/scenarios/<campaignId>/}, written against that campaign's own grades, actions and place
     * classes, with it alone.
     */
    public static boolean runsWith(String path, String campaignId) {
        if (!isTable(path)) {
            return false;
        }
        if (path.startsWith(FOLDER)) {
            return true;
        }
        String root = io.firerisk.internal.CampaignFiles.STANDARDS_ROOT;
        String rest = path.substring(path.indexOf('/', root.length()) + 1 + FOLDER.length());
        int slash = rest.indexOf('/');
        return slash < 0 || rest.substring(0, slash).equals(campaignId);
    }

    /** The {@code id:} of the snapshot's campaign.yaml, empty when it has none. */
    public static String campaignId(Map<String, String> files) {
        String yaml = files.get(io.firerisk.internal.CampaignReader.CAMPAIGN_FILE);
        if (yaml == null) {
            return "";
        }
        List<Problem> ignored = new ArrayList<>();
        io.firerisk.internal.YamlNode root = io.firerisk.internal.YamlNode.parse(
                io.firerisk.internal.CampaignReader.CAMPAIGN_FILE, yaml, ignored);
        return root != null && root.isMap() ? root.string("id", false, ignored).orElse("") : "";
    }

    private static Map<String, String> filesUnder(Map<String, String> files) {
        String id = campaignId(files);
        Map<String, String> out = new java.util.TreeMap<>();
        files.forEach((path, text) -> {
            if (runsWith(path, id)) {
                out.put(path, text);
            }
        });
        return out;
    }

    /** Runs every scenario against the engine, in table order. */
    public ScenarioReport run(RiskEngine engine) {
        List<ScenarioResult> results = new ArrayList<>(scenarios.size());
        for (Scenario scenario : scenarios) {
            results.add(run(engine, scenario));
        }
        return new ScenarioReport(engine.campaign().id(), engine.campaign().version(), results);
    }

    /** Runs one scenario. */
    public static ScenarioResult run(RiskEngine engine, Scenario scenario) {
        try {
            Assessment a = engine.assess(scenario.facts());
            return new ScenarioResult(scenario, Optional.of(a), Optional.empty(), compare(scenario, a));
        } catch (AssessmentException e) {
            return new ScenarioResult(scenario, Optional.empty(), Optional.of(e),
                    List.of("the engine refused the facts: " + e.getMessage()));
        }
    }

    static List<String> compare(Scenario scenario, Assessment a) {
        Expectation x = scenario.expected();
        List<String> out = new ArrayList<>();
        x.grade().filter(g -> g != a.grade()).ifPresent(g -> out.add("grade: expected " + g + ", got " + a.grade()));
        x.verdict().filter(v -> v != a.verdict())
                .ifPresent(v -> out.add("verdict: expected " + v + ", got " + a.verdict()));
        x.suspension().filter(s -> s != a.suspensionRequired()).ifPresent(s -> out.add("suspension: expected "
                + (s ? "Y" : "N") + ", got " + (a.suspensionRequired() ? "Y" : "N")));
        if (!x.suspendedParts().isEmpty()) {
            List<String> got = a.suspension().parts().stream().map(p -> p.ground().code() + "@" + p.area()).sorted().toList();
            List<String> gotGrounds = a.suspension().parts().stream().map(p -> p.ground().code()).sorted().toList();
            List<String> want = x.suspendedParts().stream().map(p -> p.ground() + p.area().map(ar -> "@" + ar).orElse(""))
                    .sorted().toList();
            boolean withAreas = x.suspendedParts().stream().allMatch(p -> p.area().isPresent());
            boolean noAreas = x.suspendedParts().stream().noneMatch(p -> p.area().isPresent());
            boolean same = withAreas ? got.equals(want) : noAreas ? gotGrounds.equals(want)
                    : got.size() == want.size() && x.suspendedParts().stream().allMatch(p -> p.area().isPresent()
                            ? got.contains(p.ground() + "@" + p.area().get()) : gotGrounds.contains(p.ground()));
            if (!same) {
                out.add("suspended parts: expected " + String.join("; ", want) + ", got "
                        + (got.isEmpty() ? "none" : String.join("; ", got)));
            }
        }
        x.likelihood().filter(l -> l != a.grading().likelihood()).ifPresent(l -> out.add("likelihood: expected L" + l
                + ", got L" + a.grading().likelihood() + " (" + a.grading().formula() + ")"));
        x.severity().filter(v -> v != a.grading().severity()).ifPresent(v -> out.add("severity: expected S" + v
                + ", got S" + a.grading().severity() + " (" + a.grading().formula() + ")"));
        Set<String> actual = a.actionCodes();
        for (Expectation.ExpectedAction expected : x.actions()) {
            List<RequiredAction> found = a.actions(expected.code());
            if (found.isEmpty()) {
                out.add("action " + expected.code() + ": expected, absent");
            } else if (expected.due().isPresent()) {
                Optional<LocalDate> earliest = found.stream().map(RequiredAction::due).flatMap(Optional::stream)
                        .min(LocalDate::compareTo);
                if (!earliest.equals(expected.due())) {
                    out.add("action " + expected.code() + ": expected due " + expected.due().get() + ", got "
                            + earliest.map(LocalDate::toString).orElse("no deadline"));
                }
            }
        }
        for (String absent : x.absentActions()) {
            if (actual.contains(absent)) {
                out.add("action " + absent + ": expected absent, present");
            }
        }
        if (x.actionsExact() && !x.actions().isEmpty()) {
            Set<String> expectedCodes = new TreeSet<>();
            x.actions().forEach(e -> expectedCodes.add(e.code()));
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expectedCodes);
            if (!extra.isEmpty()) {
                out.add("actions: unexpected " + String.join(", ", extra) + " (end the list with ... to allow others)");
            }
        }
        x.elements().ifPresent(expected -> {
            Set<String> present = new TreeSet<>(a.determination().directElements());
            present.addAll(a.determination().comprehensiveElements());
            if (!present.equals(new TreeSet<>(expected))) {
                out.add("elements: expected " + (expected.isEmpty() ? "none" : String.join(";", new TreeSet<>(expected)))
                        + ", got " + (present.isEmpty() ? "none" : String.join(";", present)));
            }
        });
        x.standard().ifPresent(expected -> {
            if (!expected.equals(a.determination().standard())) {
                out.add("standard: expected " + (expected.isEmpty() ? "none" : expected) + ", got "
                        + (a.determination().standard().isEmpty() ? "none" : a.determination().standard()));
            }
        });
        Set<String> cited = a.citedClauses();
        for (String clause : new TreeSet<>(x.clauses())) {
            if (!cited.contains(clause)) {
                out.add("clause " + clause + ": expected cited, not cited");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ parsing

    private static Optional<Scenario> parseRow(CsvTable.Row row, boolean needsExpectation, List<Problem> problems) {
        int before = problems.size();
        String id = row.required("id", problems).orElse("");
        LocalDate date = date(row, "date", problems).orElse(null);
        if (date == null && !row.has("date")) {
            problems.add(row.problem("date", "is required"));
        }
        String kind = row.required("kind", problems).orElse("");
        Venue venue = null;
        try {
            Venue.Builder b = Venue.builder(id.isEmpty() ? "?" : id, kind.isEmpty() ? "?" : kind)
                    .name(row.get("name")).street(row.get("street"))
                    .underground(row.flag("underground", false, problems))
                    .sleepingOnSite(row.flag("sleeping", false, problems))
                    .dangerousGoods(row.flag("dangerous_goods", false, problems));
            row.decimal("height_m", 0, Venue.MAX_HEIGHT_METERS, problems).ifPresent(b::heightMeters);
            row.integer("floors", 1, Venue.MAX_FLOORS, problems).ifPresent(b::floors);
            row.integer("occupants", 0, Venue.MAX_OCCUPANTS, problems).ifPresent(b::occupantCapacity);
            enumCell(row, "gas", GasSupply.class, problems).ifPresent(b::gasSupply);
            enumCell(row, "status", OperatingStatus.class, problems).ifPresent(b::operatingStatus);
            b.uses(row.list("uses")).placeClasses(row.list("place_classes"))
                    .ownedByAuthority(row.flag("own", false, problems));
            venue = b.build();
        } catch (IllegalArgumentException e) {
            problems.add(row.problem("id", e.getMessage()));
        }
        List<Finding> findings = findings(row, date, problems);
        Expectation expected = expectation(row, date, problems);
        if (expected.isEmpty() && needsExpectation) {
            problems.add(row.problem("expect_grade", "the row expects nothing: fill at least one expect_ column"));
        }
        if (problems.size() > before || venue == null || date == null) {
            return Optional.empty();
        }
        try {
            VenueFacts facts = new VenueFacts(venue, findings, date, row.flag("judged_not_major", false, problems),
                    row.flag("no_real_fire_risk", false, problems));
            return Optional.of(new Scenario(id, row.get("description"), row.file(), row.line(), facts, expected));
        } catch (IllegalArgumentException e) {
            problems.add(row.problem("findings", e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<Finding> findings(CsvTable.Row row, LocalDate date, List<Problem> problems) {
        List<Finding> out = new ArrayList<>();
        List<String> items = row.list("findings");
        for (int i = 0; i < items.size(); i++) {
            String[] parts = items.get(i).strip().split("\\s+");
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            for (int k = 1; k < parts.length; k++) {
                int eq = parts[k].indexOf('=');
                if (eq <= 0) {
                    problems.add(row.problem("findings", "finding " + (i + 1) + " (" + parts[0] + "): '" + parts[k]
                            + "' must be key=value"));
                    continue;
                }
                settings.put(parts[k].substring(0, eq).toLowerCase(Locale.ROOT), parts[k].substring(eq + 1));
            }
            String where = "finding " + (i + 1) + " (" + parts[0] + ")";
            Finding.Builder f;
            try {
                f = Finding.builder(settings.getOrDefault("id", "F" + (i + 1)), parts[0]);
            } catch (IllegalArgumentException e) {
                problems.add(row.problem("findings", where + ": " + e.getMessage()));
                continue;
            }
            LocalDate planDeadline = null;
            Set<RectificationPlan.Part> planParts = null;
            for (Map.Entry<String, String> s : settings.entrySet()) {
                String v = s.getValue();
                try {
                    switch (s.getKey()) {
                        case "id" -> { }
                        case "ratio" -> f.ratio(Double.parseDouble(v));
                        case "quantity" -> f.quantity(Integer.parseInt(v));
                        case "status" -> f.status(RectificationStatus.valueOf(v.toUpperCase(Locale.ROOT)));
                        case "correctable" -> f.correctableOnSpot(CsvTable.parseFlag(v).orElseThrow(
                                () -> new IllegalArgumentException("must be Y or N")));
                        case "location" -> f.location(v);
                        case "area" -> f.area(v);
                        case "found" -> f.foundOn(LocalDate.parse(v));
                        case "deadline" -> planDeadline = LocalDate.parse(v);
                        case "plan" -> planParts = planParts(v);
                        case "expert" -> f.expertReviewed(CsvTable.parseFlag(v).orElseThrow(
                                () -> new IllegalArgumentException("must be Y or N")));
                        case "times" -> f.timesFound(Integer.parseInt(v));
                        case "party" -> f.party(ResponsibleParty.valueOf(v.toUpperCase(Locale.ROOT)));
                        case "enforcement" -> f.enforcement(Enforcement.valueOf(v.toUpperCase(Locale.ROOT)));
                        case "revision" -> f.standardRevision(StandardRevision.valueOf(v.toUpperCase(Locale.ROOT)));
                        default -> throw new IllegalArgumentException("unknown setting (known: id, ratio, quantity, "
                                + "status, correctable, location, area, found, deadline, plan, expert, times, party, "
                                + "enforcement, revision)");
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add(row.problem("findings", where + ": " + s.getKey() + "=" + v + ": "
                            + (e instanceof DateTimeParseException ? "not a date (YYYY-MM-DD)" : e.getMessage())));
                }
            }
            if (planParts != null || planDeadline != null) {
                Set<RectificationPlan.Part> has = planParts != null ? planParts
                        : java.util.EnumSet.of(RectificationPlan.Part.DEADLINE);
                LocalDate deadline = has.contains(RectificationPlan.Part.DEADLINE)
                        ? (planDeadline != null ? planDeadline : (date == null ? null : date.plusDays(30))) : null;
                f.plan(new RectificationPlan(
                        has.contains(RectificationPlan.Part.RESPONSIBILITY) ? "(given)" : null,
                        has.contains(RectificationPlan.Part.MEASURES) ? "(given)" : null,
                        deadline,
                        has.contains(RectificationPlan.Part.FUNDS) ? "(given)" : null,
                        has.contains(RectificationPlan.Part.CONTINGENCY_PLAN) ? "(given)" : null));
            }
            try {
                out.add(f.build());
            } catch (IllegalArgumentException e) {
                problems.add(row.problem("findings", where + ": " + e.getMessage()));
            }
        }
        return out;
    }

    private static Set<RectificationPlan.Part> planParts(String value) {
        if (value.equalsIgnoreCase("all")) {
            return java.util.EnumSet.allOf(RectificationPlan.Part.class);
        }
        Set<RectificationPlan.Part> parts = java.util.EnumSet.noneOf(RectificationPlan.Part.class);
        if (value.equalsIgnoreCase("none")) {
            return parts;
        }
        for (String p : value.split("\\+")) {
            parts.add(RectificationPlan.Part.valueOf(p.strip().toUpperCase(Locale.ROOT)));
        }
        return parts;
    }

    private static Expectation expectation(CsvTable.Row row, LocalDate date, List<Problem> problems) {
        Optional<RiskGrade> grade = enumCell(row, "expect_grade", RiskGrade.class, problems);
        Optional<HazardVerdict> verdict = enumCell(row, "expect_verdict", HazardVerdict.class, problems);
        Optional<Boolean> suspension = Optional.empty();
        List<Expectation.ExpectedPart> parts = new ArrayList<>();
        if (row.has("expect_suspension")) {
            Optional<Boolean> flag = CsvTable.parseFlag(row.get("expect_suspension"));
            if (flag.isPresent()) {
                suspension = flag;
            } else {
                suspension = Optional.of(true);
                for (String item : row.list("expect_suspension")) {
                    int at = item.indexOf('@');
                    parts.add(at < 0 ? new Expectation.ExpectedPart(item, Optional.empty())
                            : new Expectation.ExpectedPart(item.substring(0, at).strip(),
                                    Optional.of(item.substring(at + 1).strip())));
                }
            }
        }
        Optional<Integer> likelihood = row.has("expect_likelihood")
                ? row.integer("expect_likelihood", 1, 100, problems) : Optional.empty();
        Optional<Integer> severity = row.has("expect_severity")
                ? row.integer("expect_severity", 1, 100, problems) : Optional.empty();
        List<Expectation.ExpectedAction> actions = new ArrayList<>();
        Set<String> absent = new LinkedHashSet<>();
        boolean exact = true;
        for (String item : row.list("expect_actions")) {
            if (item.equals("...") || item.equals("…")) {
                exact = false;
                continue;
            }
            if (item.startsWith("!")) {
                absent.add(item.substring(1).strip());
                continue;
            }
            int at = item.indexOf('@');
            if (at < 0) {
                actions.add(new Expectation.ExpectedAction(item, Optional.empty()));
                continue;
            }
            String code = item.substring(0, at).strip();
            String due = item.substring(at + 1).strip();
            try {
                LocalDate d = due.startsWith("+") ? (date == null ? null : date.plusDays(Long.parseLong(due.substring(1))))
                        : LocalDate.parse(due);
                actions.add(new Expectation.ExpectedAction(code, Optional.ofNullable(d)));
            } catch (NumberFormatException | DateTimeParseException e) {
                problems.add(row.problem("expect_actions", "'" + item + "': the deadline after @ must be YYYY-MM-DD or +days"));
            }
        }
        Optional<Set<String>> elements = Optional.empty();
        if (row.has("expect_elements")) {
            Set<String> set = new TreeSet<>(row.list("expect_elements"));
            set.remove("-");
            elements = Optional.of(set);
        }
        return new Expectation(grade, verdict, suspension, parts, likelihood, severity, actions, absent, exact, elements,
                new LinkedHashSet<>(row.list("expect_clauses")),
                row.has("expect_standard") ? Optional.of(row.get("expect_standard").strip().equals("-") ? ""
                        : row.get("expect_standard").strip()) : Optional.empty());
    }

    private static Optional<LocalDate> date(CsvTable.Row row, String column, List<Problem> problems) {
        if (!row.has(column)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(row.get(column)));
        } catch (DateTimeParseException e) {
            problems.add(row.problem(column, "'" + row.get(column) + "' is not a date (YYYY-MM-DD)"));
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> enumCell(CsvTable.Row row, String column, Class<E> type,
            List<Problem> problems) {
        if (!row.has(column)) {
            return Optional.empty();
        }
        String value = row.get(column).toUpperCase(Locale.ROOT);
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            Function<E, String> name = Enum::name;
            problems.add(row.problem(column, "'" + row.get(column) + "' must be one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(name).toList())));
            return Optional.empty();
        }
    }
}
