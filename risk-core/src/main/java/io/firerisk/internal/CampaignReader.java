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
            tables.readHazards(clauses, tables.readElements(clauses), null, null, null);
            tables.readPlaceClasses(tables.readVenueKinds(), null, clauses);
            tables.readActions();
            return null;
        }
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
        Text title = yaml.text(root, "title", true);
        Text authority = yaml.text(root, "authority", true);
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

        Map<String, Clause> clauses = tables.readClauses();
        Map<String, Text> placeClasses = yaml.labelMap(root, "placeClasses", true, List.of("clause"));
        Map<String, String> placeClassClauses = new LinkedHashMap<>();
        root.map("placeClasses", false, problems).ifPresent(m -> m.fields().forEach((code, v) -> {
            if (v.isMap()) {
                v.string("clause", false, problems).ifPresent(c -> {
                    yaml.knownClause(c, v.get("clause").orElseThrow(), clauses);
                    placeClassClauses.put(code, c);
                });
            }
        }));
        String placeClassWhenNone = root.string("placeClassWhenNone", true, problems).orElse("");
        if (!placeClassWhenNone.isEmpty() && !placeClasses.containsKey(placeClassWhenNone)) {
            problems.add(root.get("placeClassWhenNone").orElseThrow().problem("'" + placeClassWhenNone
                    + "' is not one of placeClasses (" + String.join(", ", placeClasses.keySet()) + ")"));
        }
        Map<String, Text> categories = yaml.labelMap(root, "categories", true);
        Map<String, Element> elements = tables.readElements(clauses, placeClasses);
        YamlSections.Grades grades = yaml.readGrades(root, clauses);
        SuspensionPolicy suspension = yaml.readSuspension(root, clauses);
        Map<String, HazardType> hazards = tables.readHazards(clauses, elements, categories, grades.matrix(), suspension);
        Map<String, VenueKind> venueKinds = tables.readVenueKinds();
        List<PlaceClassRule> placeClassRules = tables.readPlaceClasses(venueKinds, placeClasses, clauses);
        Map<String, ActionType> actions = tables.readActions();

        YamlNode determination = root.map("determination", true, problems).orElse(root);
        determination.rejectUnknownKeys(List.of("reminder", "exclusions", "counting"), problems);
        Text reminder = yaml.text(determination, "reminder", true);
        Map<String, Text> exclusions = yaml.labelMap(determination, "exclusions", false);
        List<CountingRow> countingRows = yaml.readCountingRows(determination, placeClasses, elements, clauses);

        HighRiseRule highRise = yaml.readHighRise(root, clauses);
        Map<String, Text> alertLevels = yaml.labelMap(root, "alertLevels", true);
        CampaignCalendar calendarOf = calendar.readCalendar(root, alertLevels, clauses);
        Map<String, Double> parameters = yaml.readParameters(root);

        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            return null;
        }
        return new Campaign(id, version, title, authority, document, issued, standard, zone, files.source(), reminder,
                clauses, elements, categories, hazards, venueKinds, placeClasses, placeClassClauses, placeClassWhenNone,
                placeClassRules, exclusions, countingRows, actions, highRise, calendarOf, grades.matrix(), suspension,
                grades.rectifyWithinDays(), parameters, List.of());
    }
}
