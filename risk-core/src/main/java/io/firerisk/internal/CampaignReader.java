package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.Text;
import io.firerisk.campaign.ActionType;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.HighRiseRule;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.campaign.Standard;
import io.firerisk.campaign.SuspensionPolicy;
import io.firerisk.campaign.VenueKind;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the data files of a campaign folder (everything but the rules) into a {@link Campaign},
 * collecting every problem with its file, line, column and field rather than stopping at the first.
 * Each kind of file has its part: {@link DataTables} the CSV tables, {@link YamlSections} campaign.yaml
 * but its calendar, {@link CalendarReader} the calendar, whose consistency {@link CalendarRules} judges;
 * this class puts them together in the order their cross-references need.
 *
 * <p>The folder:
 * <pre>
 *   campaign.yaml        identity, the standards it applies and when, calendar, grades (the risk matrix),
 *                        suspension grounds, parameters
 *   clauses.csv          every clause its own rules and data cite, with its verification mark
 *   hazards.csv, hazards/*.csv   the hazard catalogue (several files are merged)
 *   venue-kinds.csv      venue kinds
 *   place-classes.csv    which kinds (or, with kind * and a when condition, which venues) belong to which
 *                        place classes, and on whose authority
 *   actions.csv          the actions rules may require
 *   rules/**.drl         the rules (compiled by {@link RuleCompiler})
 *   scenarios/*.csv      scenario tables (read by the scenario runner)
 * </pre>
 *
 * <p>A standard it applies is a folder of its own, in the snapshot under {@code standards/<id>/}:
 * <pre>
 *   standard.yaml        identity (id, code, document, title, effective), determination (reminder,
 *                        exclusions, counting rows), parameters
 *   clauses.csv          the clauses it cites
 *   elements.csv         its determination elements
 *   hazards/*.csv        the hazard codes it defines
 *   evidence.csv         which of its elements codes defined elsewhere evidence (code, elements)
 *   rules/&lt;id&gt;/**.drl  its rules, package rules.&lt;id with - as _&gt;, each joining InForce(standard == "&lt;id&gt;")
 *   scenarios/*.csv      its scenario tables
 * </pre>
 * A campaign that names no standard carries one determination itself: {@code standard:} and
 * {@code determination:} in campaign.yaml and its own elements.csv, in force on every date.
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

    /** What a campaign id may be: lower-case letters, digits and hyphens. */
    public static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** What a campaign version may be; groups 1 and 2 are the major and minor numbers. */
    public static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?([-.][A-Za-z0-9.]+)?");

    /**
     * What reading a folder gave: the campaign when its data has no error, and what was read on the way,
     * so a validator checks the same tree and tables the loader judged instead of reading them again.
     *
     * @param campaign the campaign's data, empty when any file has an error
     * @param yaml     campaign.yaml as read, with every node's line and path; {@code null} when it is missing
     * @param tables   the CSV tables read, by file
     */
    public record Reading(Optional<Campaign> campaign, YamlNode yaml, Map<String, CsvTable> tables) {}

    private final CampaignFiles files;
    private final List<Problem> problems = new ArrayList<>();
    private final DataTables tables;
    private final YamlSections yaml;
    private final CalendarReader calendar;
    private YamlNode root;

    private CampaignReader(CampaignFiles files) {
        this.files = files;
        this.tables = new DataTables(files, problems);
        this.yaml = new YamlSections(files, problems);
        this.calendar = new CalendarReader(files, problems);
    }

    /** The campaign's data, or empty with {@code problems} filled when any file has an error. */
    public static Optional<Campaign> read(CampaignFiles files, List<Problem> problems) {
        return readAll(files, problems).campaign();
    }

    /** The campaign's data and what was read on the way; {@code problems} gets every problem found. */
    public static Reading readAll(CampaignFiles files, List<Problem> problems) {
        CampaignReader reader = new CampaignReader(files);
        reader.problems.addAll(files.problems());
        Campaign campaign = reader.read();
        problems.addAll(reader.problems);
        boolean failed = reader.problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
        return new Reading(failed ? Optional.empty() : Optional.ofNullable(campaign), reader.root,
                Map.copyOf(reader.tables.tables));
    }

    private Campaign read() {
        Optional<String> yamlText = files.text(CAMPAIGN_FILE);
        if (yamlText.isEmpty()) {
            problems.add(Problem.error(CAMPAIGN_FILE, 0, 0, "missing: every campaign folder needs a campaign.yaml"));
            return null;
        }
        YamlNode root = YamlNode.parse(CAMPAIGN_FILE, yamlText.get(), problems);
        this.root = root;
        if (root.syntaxError()) {
            // Nothing of campaign.yaml was read: its syntax error is its one problem, and the tables are checked
            // on their own, not against categories, place classes, matrix rows and grounds that were never read.
            Map<String, Clause> clauses = tables.readClauses();
            tables.readHazards(clauses, files.text(ELEMENTS_FILE).isPresent() ? tables.readElements(clauses) : Map.of(),
                    null, null, null);
            tables.readPlaceClasses(tables.readVenueKinds(), null, clauses);
            tables.readActions();
            return null;
        }
        root.rejectUnknownKeys(List.of("id", "version", "title", "authority", "document", "issued", "standard",
                "standards", "decisionReminder", "timeZone", "determination", "placeClasses", "placeClassWhenNone", "categories", "highRise", "grades",
                "alertLevels", "calendar", "suspension", "hazardLists", "kindLists", "parameters"), problems);

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
        Text title = yaml.text(root, "title", true);
        Text authority = yaml.text(root, "authority", true);
        String document = root.string("document", true, problems).orElse("");
        LocalDate issued = root.date("issued", true, problems).orElse(LocalDate.MIN);
        boolean shared = root.get("standards").isPresent();
        String standard = "";
        if (shared) {
            for (String own : List.of("standard", "determination")) {
                root.get(own).ifPresent(n -> problems.add(n.problem("a campaign that names its standards (standards:) "
                        + "takes '" + own + "' from them: move it to the standard's " + CampaignFiles.STANDARD_FILE)));
            }
        } else {
            standard = root.string("standard", true, problems).orElse("");
        }
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

        List<StandardReader.Use> uses = shared ? StandardReader.uses(root, files, problems) : new ArrayList<>();
        String only = files.onlyStandard().orElse(null);
        if (only != null) {
            if (!shared) {
                problems.add(root.problem("the campaign names no standards (standards:): it carries its own "
                        + "determination, so there is no edition to choose"));
            } else if (uses.stream().noneMatch(u -> u.id().equals(only))) {
                StandardReader.extra(only, root.get("standards").orElse(root), files, problems).ifPresent(uses::add);
            }
        }
        List<String> clauseFiles = new ArrayList<>(List.of(CLAUSES_FILE));
        uses.forEach(u -> clauseFiles.add(u.folder() + CLAUSES_FILE));
        Map<String, Clause> clauses = tables.readClauses(clauseFiles);
        // Place classes: the campaign's, and those a standard defines (the places its elements name).
        Map<String, Text> placeClasses = yaml.labelMap(root, "placeClasses", true, List.of("clause"));
        Map<String, String> placeClassClauses = new LinkedHashMap<>();
        Map<String, String> placeClassFiles = new LinkedHashMap<>();
        List<YamlNode> placeClassRoots = new ArrayList<>(List.of(root));
        uses.forEach(u -> placeClassRoots.add(u.root()));
        for (YamlNode at : placeClassRoots) {
            if (at != root) {
                yaml.labelMap(at, "placeClasses", false, List.of("clause")).forEach((code, label) -> {
                    if (placeClasses.putIfAbsent(code, label) != null) {
                        problems.add(at.get("placeClasses").flatMap(n -> n.get(code)).orElse(at).problem("place class '"
                                + code + "' is already defined in " + placeClassFiles.getOrDefault(code, CAMPAIGN_FILE)));
                    }
                });
            }
            at.map("placeClasses", false, problems).ifPresent(m -> m.fields().forEach((code, v) -> {
                placeClassFiles.putIfAbsent(code, v.problem("").file());
                if (v.isMap()) {
                    v.string("clause", false, problems).ifPresent(c -> {
                        yaml.knownClause(c, v.get("clause").orElseThrow(), clauses);
                        placeClassClauses.putIfAbsent(code, c);
                    });
                }
            }));
        }
        String placeClassWhenNone = root.string("placeClassWhenNone", true, problems).orElse("");
        if (!placeClassWhenNone.isEmpty() && !placeClasses.containsKey(placeClassWhenNone)) {
            problems.add(root.get("placeClassWhenNone").orElseThrow().problem("'" + placeClassWhenNone
                    + "' is not one of placeClasses (" + String.join(", ", placeClasses.keySet()) + ")"));
        }
        Map<String, Text> categories = yaml.labelMap(root, "categories", true);
        Map<String, Element> elements = new LinkedHashMap<>();
        Map<String, String> elementLines = new java.util.HashMap<>();
        if (!shared || files.text(ELEMENTS_FILE).isPresent()) {
            tables.readElements(ELEMENTS_FILE, standard, clauses, placeClasses, elements, elementLines);
        }
        uses.forEach(u -> tables.readElements(u.folder() + ELEMENTS_FILE, u.id(), clauses, placeClasses, elements,
                elementLines));
        YamlSections.Grades grades = yaml.readGrades(root, clauses);
        SuspensionPolicy suspension = yaml.readSuspension(root, clauses);
        List<String> catalogueFiles = new ArrayList<>(tables.catalogueFiles(""));
        uses.forEach(u -> catalogueFiles.addAll(tables.catalogueFiles(u.folder())));
        Map<String, HazardType> hazards = tables.readHazards(catalogueFiles, clauses, elements, categories,
                grades.matrix(), suspension);
        for (StandardReader.Use u : uses) {
            hazards = tables.readEvidence(u.id(), hazards, elements);
        }
        List<String> standardFolders = uses.stream().map(StandardReader.Use::folder).toList();
        Map<String, VenueKind> venueKinds = tables.readVenueKinds(standardFolders);
        List<PlaceClassRule> placeClassRules = tables.readPlaceClasses(standardFolders, venueKinds, placeClasses, clauses);
        Map<String, ActionType> actions = tables.readActions();

        List<Standard> standards = new ArrayList<>();
        Map<String, Double> parameters = new LinkedHashMap<>();
        Map<String, String> parameterSources = new LinkedHashMap<>();
        if (shared) {
            Text decisionReminder = decisionReminder(root, clauses);
            for (StandardReader.Use u : uses) {
                StandardReader.read(u, files, yaml, placeClasses, elements, clauses, problems).ifPresent(s -> {
                    standards.add(s.standard().reminder().isEmpty() ? s.standard().withReminder(decisionReminder)
                            : s.standard());
                    s.parameters().forEach((k, v) -> {
                        String previous = parameterSources.putIfAbsent(k, u.folder() + CampaignFiles.STANDARD_FILE);
                        if (previous != null) {
                            problems.add(Problem.error(u.folder() + CampaignFiles.STANDARD_FILE, s.parameterLines()
                                    .getOrDefault(k, 0), 0, "parameter '" + k + "' is also defined by " + previous
                                    + ": name a standard's parameters after it (" + u.id() + ".…)"));
                        } else {
                            parameters.put(k, v);
                        }
                    });
                });
            }
            if (only == null) {
                StandardReader.checkSuccession(standards, uses, problems);
            } else {
                // Chosen to compare editions: this one, on every date.
                // The other editions' rules are still compiled (never in force), and read their own element lists.
                Map<String, List<Element>> lists = new LinkedHashMap<>();
                standards.forEach(s -> lists.putAll(s.elementLists()));
                List<Standard> chosen = standards.stream().filter(s -> s.id().equals(only))
                        .map(s -> new Standard(s.id(), s.code(), s.document(), s.title(), s.source(), s.reminder(),
                                s.exclusions(), s.countingRows(), lists, LocalDate.MIN, LocalDate.MAX)).toList();
                standards.clear();
                standards.addAll(chosen);
            }
        } else {
            root.get("decisionReminder").ifPresent(n -> problems.add(n.problem("a campaign that carries its own "
                    + "determination gives its reminder there (determination.reminder); decisionReminder is for the "
                    + "editions of the standards it names that state no procedure")));
            YamlNode determination = root.map("determination", true, problems).orElse(root);
            determination.rejectUnknownKeys(List.of("reminder", "exclusions", "counting"), problems);
            Text reminder = yaml.text(determination, "reminder", true);
            Map<String, Text> exclusions = yaml.labelMap(determination, "exclusions", false);
            List<CountingRow> countingRows = yaml.readCountingRows(determination, placeClasses, elements, clauses);
            standards.add(new Standard(standard, standard, standard, Text.EMPTY, files.source(), reminder, exclusions,
                    countingRows, Map.of(), LocalDate.MIN, LocalDate.MAX));
        }

        HighRiseRule highRise = yaml.readHighRise(root, clauses);
        Map<String, Text> alertLevels = yaml.labelMap(root, "alertLevels", true);
        CampaignCalendar calendarOf = calendar.readCalendar(root, alertLevels, clauses);
        // The campaign's own values win over a standard's: a campaign may read a standard differently, and
        // says so in its campaign.yaml.
        parameters.putAll(yaml.readParameters(root));

        Map<String, List<String>> hazardLists = readLists(root, "hazardLists", hazards.keySet(),
                "is not in the hazard catalogue (hazards.csv, hazards/*.csv, or a standard's)", problems);
        Map<String, List<String>> kindLists = readLists(root, "kindLists", venueKinds.keySet(),
                "is not a venue kind (venue-kinds.csv)", problems);

        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            return null;
        }
        // Keyed by edition and number: two editions may number different elements alike.
        Map<Element.Key, Element> keyed = new LinkedHashMap<>();
        elements.values().forEach(e -> keyed.put(e.key(), e));
        return new Campaign(id, version, title, authority, document, issued, standards, zone, files.source(),
                files.digest(), clauses, keyed, categories, hazards, venueKinds, placeClasses, placeClassClauses, placeClassWhenNone,
                placeClassRules, actions, highRise, calendarOf, grades.matrix(), suspension,
                grades.rectifyWithinDays(), parameters, hazardLists, kindLists, List.of());
    }

    /**
     * {@code hazardLists:} or {@code kindLists:} of campaign.yaml: named lists of hazard codes or venue kinds that
     * rules read ({@code campaign.codes("…")}, {@code campaign.kinds("…")}), so that a provision's list of acts or
     * a group of places is written once. Every item must be a known code, named once, or it is reported at its line.
     */
    private static Map<String, List<String>> readLists(YamlNode root, String section, java.util.Set<String> known,
            String missing, List<Problem> problems) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Optional<YamlNode> node = root.get(section);
        if (node.isEmpty()) {
            return lists;
        }
        if (!node.get().isMap()) {
            problems.add(node.get().problem("must map each list's name to its items, such as name: [A, B]"));
            return lists;
        }
        node.get().fields().forEach((name, list) -> {
            if (!list.isList()) {
                problems.add(list.problem(section + "." + name + " must be a list, such as [A, B]"));
                return;
            }
            List<String> items = new ArrayList<>();
            for (YamlNode item : list.items()) {
                String code = item.text();
                if (!known.contains(code)) {
                    problems.add(item.problem(section + "." + name + ": '" + code + "' " + missing));
                } else if (items.contains(code)) {
                    problems.add(item.problem(section + "." + name + " names '" + code + "' twice"));
                } else {
                    items.add(code);
                }
            }
            lists.put(name, items);
        });
        return lists;
    }

    /**
     * {@code decisionReminder:} of campaign.yaml: what must happen before a suspected major hazard is final
     * under an edition that states no procedure (GB 35181-2025 deleted the 2017 chapter 4 procedure). It is the
     * campaign's setting, so it names its own source: its clause, quoted at the end of the text.
     */
    private Text decisionReminder(YamlNode root, Map<String, Clause> clauses) {
        Optional<YamlNode> node = root.get("decisionReminder");
        if (node.isEmpty()) {
            return Text.EMPTY;
        }
        if (!node.get().isMap()) {
            problems.add(node.get().problem("must be {zh: …, en: …, clause: …}: the reminder and the clause it rests on"));
            return Text.EMPTY;
        }
        Text text = yaml.text(node.get(), List.of("clause"));
        Optional<String> clause = node.get().string("clause", true, problems);
        if (clause.isEmpty()) {
            return Text.EMPTY;
        }
        yaml.knownClause(clause.get(), node.get().get("clause").orElseThrow(), clauses);
        return Text.of(text.zh() + "（" + clause.get() + "）", text.en().isEmpty() ? "" : text.en() + " (" + clause.get() + ")");
    }
}
