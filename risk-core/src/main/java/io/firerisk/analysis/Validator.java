package io.firerisk.analysis;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.RiskGrade;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.Phase;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.internal.CampaignFiles;
import io.firerisk.internal.CampaignReader;
import io.firerisk.internal.CsvTable;
import io.firerisk.internal.RuleCompiler;
import io.firerisk.internal.YamlNode;
import io.firerisk.scenario.ScenarioSuite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a campaign folder the way an analyst needs before handing it over: everything loading
 * refuses (every DRL error with file, line and column; every data error with file, row and column;
 * rules without {@code @clause} or explanation sentences), and what loading lets through but is
 * almost certainly a mistake:
 * <ul>
 *   <li>rules that name a hazard code, venue kind, place class, alert level, phase, key period,
 *       action, exclusion or category the campaign does not define (errors: such a rule never
 *       matches, or fails at assessment time);</li>
 *   <li>catalogue entries nothing can use: hazard codes no rule names or selects by element or
 *       category, actions no rule requires, parameters and grade floors no rule reads, exclusions
 *       no rule concludes, place classes no venue kind belongs to, alert levels never in force
 *       (warnings);</li>
 *   <li>clauses of clauses.csv that no rule and no table cites (warnings);</li>
 *   <li>scenario tables the runner would refuse, and scenarios naming a venue kind, hazard code,
 *       action, element or clause the campaign does not define (errors);</li>
 *   <li>calendars the loader refuses (errors, in the loader's words: phases out of order, overlapping
 *       or with gaps, key periods at the normal level or spilling outside the campaign …), and dates
 *       and grade settings that load but contradict each other (warnings).</li>
 * </ul>
 *
 * <pre>{@code
 * ValidationReport report = Validator.validate(Path.of("campaigns/next-winter"));
 * report.diagnostics().forEach(System.out::println);   // rules/x.drl:12:31: error: … [unknown-reference]
 * report.passed();                                     // false when there is any error
 * }</pre>
 */
public final class Validator {

    private Validator() {}

    /** Validates a campaign folder on disk. */
    public static ValidationReport validate(Path campaignFolder) {
        CampaignFiles files;
        try {
            files = CampaignFiles.fromFolder(campaignFolder);
        } catch (CampaignException e) {
            return failed(campaignFolder.toString(), e);
        }
        return validate(files);
    }

    /** Validates a campaign bundled on the classpath under {@code campaigns/<id>/}. */
    public static ValidationReport validateBundled(String id) {
        CampaignFiles files;
        try {
            files = CampaignFiles.fromClasspath(id, Validator.class.getClassLoader());
        } catch (CampaignException e) {
            return failed(id, e);
        }
        return validate(files);
    }

    private static ValidationReport failed(String source, CampaignException e) {
        return new ValidationReport(source, "", "", 0, 0, e.problems().stream()
                .map(p -> Diagnostic.of(Check.DATA, p)).toList());
    }

    static ValidationReport validate(CampaignFiles files) {
        List<Diagnostic> out = new ArrayList<>();
        List<Problem> load = new ArrayList<>();
        CampaignReader.Reading reading = CampaignReader.readAll(files, load);
        Optional<Campaign> data = reading.campaign();
        RuleScan scan = RuleScan.of(files);
        if (data.isPresent()) {
            RuleCompiler.compile(data.get(), files, load);
        } else {
            // The loader stops before the rules when the data is broken; the parser still finds syntax errors.
            load.addAll(scan.parseErrors());
        }
        for (Problem p : load) {
            out.add(Diagnostic.of(checkOf(p), p));
        }
        int scenarios = 0;
        // campaign.yaml and the tables as the loader read them: the validator points at the same nodes and rows.
        YamlNode yaml = reading.yaml();
        if (data.isPresent()) {
            Campaign campaign = data.get();
            Context context = new Context(files, campaign, scan, yaml, reading.tables(), out);
            context.unknownReferences();
            context.catalogueReferences();
            context.unusedCatalogue();
            context.uncitedClauses();
            context.calendar();
            context.grades();
            scenarios = context.scenarios();
        }
        out.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message));
        String id = data.map(Campaign::id).orElseGet(() -> yaml == null ? "" : yaml.get("id").map(YamlNode::text).orElse(""));
        String version = data.map(Campaign::version)
                .orElseGet(() -> yaml == null ? "" : yaml.get("version").map(YamlNode::text).orElse(""));
        return new ValidationReport(files.source(), id, version, scan.rules().size(), scenarios, dedupe(out));
    }

    /**
     * What a loader problem is about, from its category. The loader is the one judge of a calendar's
     * consistency (phases out of order or with gaps, key periods at the normal level or spilling outside
     * the campaign …); its problems in the {@code calendar} section are reported as calendar findings,
     * in its own words, with the field it names.
     */
    private static Check checkOf(Problem p) {
        return switch (p.category()) {
            case RULES -> Check.RULES;
            case CALENDAR -> Check.CALENDAR;
            case DATA -> Check.DATA;
        };
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> diagnostics) {
        return List.copyOf(new LinkedHashSet<>(diagnostics));
    }

    /** The checks beyond loading, for one campaign whose data loaded. */
    private static final class Context {
        final CampaignFiles files;
        final Campaign campaign;
        final RuleScan scan;
        final YamlNode yaml;
        final Map<String, CsvTable> tables;
        final List<Diagnostic> out;

        Context(CampaignFiles files, Campaign campaign, RuleScan scan, YamlNode yaml, Map<String, CsvTable> tables,
                List<Diagnostic> out) {
            this.files = files;
            this.campaign = campaign;
            this.scan = scan;
            this.yaml = yaml;
            this.tables = tables;
            this.out = out;
        }

        // -------------------------------------------------------------- rules naming what is not there

        void unknownReferences() {
            for (RuleScan.Ref ref : scan.refs()) {
                if (ref.checkedByLoader()) {
                    continue; // the loader refuses these already
                }
                Set<String> known = known(ref.kind());
                if (known.contains(ref.value())) {
                    continue;
                }
                String consequence = ref.positive() ? "so the rule can never match it" : "so the condition always holds";
                if (ref.kind() == RuleScan.Kind.ACTION) {
                    consequence = "so every assessment the rule fires in would fail";
                }
                out.add(Diagnostic.error(Check.UNKNOWN_REFERENCE, ref.file(), ref.line(), ref.column(),
                        "rule \"" + ref.rule() + "\" names " + ref.kind().noun + " '" + ref.value() + "', which "
                                + ref.kind().missing + ", " + consequence + suggestion(ref.value(), known)));
            }
        }

        /** The catalogue's applies_to names venue kinds or place classes; the engine does not read it, people do. */
        void catalogueReferences() {
            Set<String> known = new HashSet<>(campaign.venueKinds().keySet());
            known.addAll(campaign.placeClasses().keySet());
            Set<String> files = new TreeSet<>();
            campaign.hazards().values().forEach(h -> files.add(h.file()));
            for (String file : files) {
                for (CsvTable.Row row : table(file).rows()) {
                    for (String target : row.list("applies_to")) {
                        if (!known.contains(target)) {
                            Problem p = row.problem("applies_to", "hazard code '" + row.get("code") + "' applies to '"
                                    + target + "', which is neither a venue kind of venue-kinds.csv nor one of placeClasses: "
                                    + "in campaign.yaml" + suggestion(target, known));
                            out.add(Diagnostic.warning(Check.UNKNOWN_REFERENCE, p.file(), p.line(), p.column(), p.text()));
                        }
                    }
                }
            }
        }

        Set<String> known(RuleScan.Kind kind) {
            return switch (kind) {
                case HAZARD -> campaign.hazards().keySet();
                case CATEGORY -> campaign.categories().keySet();
                case ELEMENT -> campaign.elementNumbers();
                case VENUE_KIND -> campaign.venueKinds().keySet();
                case BUILDING -> new HashSet<>(campaign.venueKinds().values().stream().map(k -> k.building()).toList());
                case PLACE_CLASS -> campaign.placeClasses().keySet();
                case ALERT_LEVEL -> alertLevels();
                case PHASE -> new HashSet<>(campaign.calendar().phases().stream().map(Phase::code).toList());
                case KEY_PERIOD -> new HashSet<>(campaign.calendar().keyPeriods().stream().map(KeyPeriod::code).toList());
                case ACTION -> campaign.actions().keySet();
                case EXCLUSION -> campaign.exclusions().keySet();
                case COUNTING_ROW -> new HashSet<>(campaign.countingRows().stream().map(CountingRow::row).toList());
                case PARAMETER -> campaign.parameters().keySet();
                case LIKELIHOOD_ROW -> campaign.matrix().likelihood().keySet();
                case SEVERITY_ROW -> campaign.matrix().severity().keySet();
                case GROUND -> campaign.suspension().grounds().keySet();
                case HAZARD_LIST -> campaign.hazardLists().keySet();
                case KIND_LIST -> campaign.kindLists().keySet();
            };
        }

        Set<String> alertLevels() {
            return node("alertLevels").map(n -> n.fields().keySet()).orElse(Set.of());
        }

        // -------------------------------------------------------------- what nothing uses

        void unusedCatalogue() {
            Map<RuleScan.Kind, Set<String>> used = new HashMap<>();
            for (RuleScan.Ref ref : scan.refs()) {
                if (ref.positive()) {
                    used.computeIfAbsent(ref.kind(), k -> new HashSet<>()).add(ref.value());
                }
            }
            if (!scan.unparsed().isEmpty()) {
                return; // with rule files unread, "nothing uses it" cannot be told
            }
            // A code in a list a rule reads is named by that rule.
            for (String list : used.getOrDefault(RuleScan.Kind.HAZARD_LIST, Set.of())) {
                used.computeIfAbsent(RuleScan.Kind.HAZARD, k -> new HashSet<>())
                        .addAll(campaign.hazardLists().getOrDefault(list, List.of()));
            }
            for (HazardType h : sorted(campaign.hazards().values(), HazardType::code)) {
                if (used.getOrDefault(RuleScan.Kind.HAZARD, Set.of()).contains(h.code()) || selected(h)) {
                    continue;
                }
                out.add(Diagnostic.warning(Check.UNUSED, h.file(), h.line(), 1, "hazard code '" + h.code()
                        + "' is named by no rule, and no rule selects it by " + (h.elements().isEmpty() ? "category"
                        : "its elements (" + String.join(", ", h.elements()) + ") or category")
                        + (h.grounds().isEmpty() ? "" : " or suspension ground")
                        + ": a finding of it gets only the rules that apply to every hazard; write the rule that uses it, or remove the row"));
            }
            Map<String, Integer> actionLines = csvLines(CampaignReader.ACTIONS_FILE, "code");
            for (String action : new TreeSet<>(campaign.actions().keySet())) {
                if (!used.getOrDefault(RuleScan.Kind.ACTION, Set.of()).contains(action)) {
                    out.add(Diagnostic.warning(Check.UNUSED, CampaignReader.ACTIONS_FILE, actionLines.getOrDefault(action, 0),
                            1, "action '" + action + "' is required by no rule: write the rule that requires it, or remove the row"));
                }
            }
            yamlUnused("hazardLists", campaign.hazardLists().keySet(), used.getOrDefault(RuleScan.Kind.HAZARD_LIST, Set.of()),
                    k -> "hazard list '" + k + "' is read by no rule (campaign.codes(\"" + k + "\")): use it in a rule, or remove it");
            yamlUnused("kindLists", campaign.kindLists().keySet(), used.getOrDefault(RuleScan.Kind.KIND_LIST, Set.of()),
                    k -> "venue-kind list '" + k + "' is read by no rule (campaign.kinds(\"" + k + "\")): use it in a rule, or remove it");
            yamlUnused("parameters", campaign.parameters().keySet(), used.getOrDefault(RuleScan.Kind.PARAMETER, Set.of()),
                    k -> "parameter '" + k + "' is read by no rule (campaign.number(\"" + k + "\") or campaign.whole(\"" + k
                            + "\")): use it in a rule, or remove it");
            Set<String> likelihoodUsed = new HashSet<>(used.getOrDefault(RuleScan.Kind.LIKELIHOOD_ROW, Set.of()));
            campaign.hazards().values().forEach(h -> likelihoodUsed.add(h.likelihood()));
            likelihoodUsed.add(campaign.matrix().likelihoodDefault());
            yamlUnused("grades.likelihood.rows", campaign.matrix().likelihood().keySet(), likelihoodUsed,
                    k -> "likelihood row '" + k + "' is set by no rule (campaign.likelihood(…, \"" + k + "\")) and by no "
                            + "catalogue row (column likelihood), and is not the default: use it, or remove it");
            Set<String> severityUsed = new HashSet<>(used.getOrDefault(RuleScan.Kind.SEVERITY_ROW, Set.of()));
            severityUsed.add(campaign.matrix().severityDefault());
            yamlUnused("grades.severity.rows", campaign.matrix().severity().keySet(), severityUsed,
                    k -> "severity row '" + k + "' is set by no rule (campaign.severity(…, \"" + k + "\")) and is not "
                            + "the default: use it, or remove it");
            yamlUnused("suspension.grounds", campaign.suspension().grounds().keySet(),
                    used.getOrDefault(RuleScan.Kind.GROUND, Set.of()),
                    k -> "suspension ground '" + k + "' is concluded by no rule (campaign.ground(…, …, \"" + k
                            + "\")): write the rule, or remove it");
            yamlUnused("determination.exclusions", campaign.exclusions().keySet(),
                    used.getOrDefault(RuleScan.Kind.EXCLUSION, Set.of()),
                    k -> "exclusion '" + k + "' is concluded by no rule (new Exclusion(…, \"" + k + "\")): write the rule, or remove it");
            Set<String> populated = new HashSet<>();
            campaign.placeClassRules().stream().map(PlaceClassRule::placeClass).forEach(populated::add);
            populated.add(campaign.placeClassWhenNone());
            // A class with a defining clause is one a venue may declare for itself (a multi-owner building, the
            // systems the technical standards require of it): venues are in it without any venue kind.
            populated.addAll(campaign.placeClassClauses().keySet());
            yamlUnused("placeClasses", campaign.placeClasses().keySet(), populated,
                    k -> "place class '" + k + "' has no venue kind in " + CampaignReader.PLACE_CLASSES_FILE
                            + ", is not placeClassWhenNone and has no clause a venue could declare it on: no venue can "
                            + "ever be in it");
            Set<String> inForce = new HashSet<>();
            node("calendar.normalLevel").ifPresent(n -> inForce.add(n.text()));
            node("calendar.warningLevel").ifPresent(n -> inForce.add(n.text()));
            campaign.calendar().keyPeriods().forEach(k -> inForce.add(k.alertLevel()));
            yamlUnused("alertLevels", alertLevels(), inForce,
                    k -> "alert level '" + k + "' is never in force: it is not calendar.normalLevel, calendar.warningLevel "
                            + "or the level of any key period");
        }

        /** True when some rule matches findings without naming their code and would take this one by element, category or suspension ground. */
        boolean selected(HazardType h) {
            for (RuleScan.ScannedRule r : scan.rules()) {
                if (!r.genericFinding()) {
                    continue;
                }
                if (r.categoryFilters().contains(h.category())
                        || h.grounds().stream().anyMatch(r.groundFilters()::contains)) {
                    return true;
                }
                if (!r.elementFilters().isEmpty()) {
                    if (h.elements().stream().anyMatch(r.elementFilters()::contains)) {
                        return true;
                    }
                } else if (!h.elements().isEmpty()
                        && (r.computedElement() || h.elements().stream().anyMatch(r.concludedElements()::contains))) {
                    return true;
                }
            }
            return false;
        }

        void yamlUnused(String path, Set<String> defined, Set<String> used, java.util.function.Function<String, String> message) {
            Optional<YamlNode> node = node(path);
            for (String key : new TreeSet<>(defined)) {
                if (!used.contains(key)) {
                    YamlNode at = node.flatMap(n -> n.get(key)).orElse(node.orElse(null));
                    out.add(Diagnostic.warning(Check.UNUSED, CampaignReader.CAMPAIGN_FILE, at == null ? 0 : at.line(),
                            at == null ? 0 : at.column(), message.apply(key)));
                }
            }
        }

        // -------------------------------------------------------------- clauses nobody cites

        void uncitedClauses() {
            if (!scan.unparsed().isEmpty()) {
                return;
            }
            // A clause is cited wherever a rule's @clause, a YAML value or a table cell (or an item of a
            // ';' list in one) is exactly its id. Reading the files rather than the loaded model keeps
            // this right when a table or campaign.yaml gains a new place to cite clauses.
            Set<String> cited = new HashSet<>();
            scan.rules().forEach(r -> cited.add(r.clause()));
            if (yaml != null) {
                scalars(yaml, cited);
            }
            List<String> clauseFiles = new ArrayList<>(List.of(CampaignReader.CLAUSES_FILE));
            for (String path : files.paths(CampaignFiles.STANDARDS_ROOT, "/" + CampaignFiles.STANDARD_FILE)) {
                clauseFiles.add(path.substring(0, path.length() - CampaignFiles.STANDARD_FILE.length())
                        + CampaignReader.CLAUSES_FILE);
            }
            // Other YAML files of the folder cite clauses too (ledger.yaml: the closed loop's rules and
            // the reports' criteria, which no engine rule reads; a standard's standard.yaml).
            for (String path : files.paths("", ".yaml")) {
                if (path.equals(CampaignReader.CAMPAIGN_FILE) || path.startsWith(ScenarioSuite.FOLDER)) {
                    continue;
                }
                YamlNode other = YamlNode.parse(path, files.text(path).orElse(""), new java.util.ArrayList<>());
                if (other != null) {
                    scalars(other, cited);
                }
            }
            for (String path : files.paths("", ".csv")) {
                if (clauseFiles.contains(path) || ScenarioSuite.isTable(path)) {
                    continue;
                }
                CsvTable table = table(path);
                for (CsvTable.Row row : table.rows()) {
                    for (String column : table.header()) {
                        cited.add(row.get(column));
                        cited.addAll(row.list(column));
                    }
                }
            }
            Map<String, String> fileOf = new HashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            for (String file : clauseFiles) {
                csvLines(file, "id").forEach((id, line) -> {
                    if (fileOf.putIfAbsent(id, file) == null) {
                        lines.put(id, line);
                    }
                });
            }
            for (String id : new TreeSet<>(campaign.clauses().keySet())) {
                if (!cited.contains(id)) {
                    out.add(Diagnostic.warning(Check.UNCITED_CLAUSE, fileOf.getOrDefault(id, CampaignReader.CLAUSES_FILE),
                            lines.getOrDefault(id, 0), 1,
                            "clause '" + id + "' is cited by no rule and no table: cite it where it applies, or remove the row"));
                }
            }
        }

        private static void scalars(YamlNode node, Set<String> out) {
            if (node.isScalar()) {
                out.add(node.text());
            } else if (node.isMap()) {
                node.fields().values().forEach(v -> scalars(v, out));
            } else if (node.isList()) {
                node.items().forEach(v -> scalars(v, out));
            }
        }

        // -------------------------------------------------------------- calendar and grades

        /**
         * What the loader lets through but contradicts the calendar. Gaps between phases, key periods at
         * the normal level and early warnings before the campaign starts are refused by the loader and
         * reported above in its words; they are not checked twice.
         */
        void calendar() {
            CampaignCalendar calendar = campaign.calendar();
            if (campaign.issued().isAfter(calendar.end())) {
                out.add(calendarWarning(node("issued").orElse(null), "the plan is dated " + campaign.issued()
                        + ", after its last day (" + calendar.end() + "): check issued and the phase dates"));
            }
        }

        private Diagnostic calendarWarning(YamlNode at, String message) {
            return Diagnostic.warning(Check.CALENDAR, CampaignReader.CAMPAIGN_FILE, at == null ? 0 : at.line(),
                    at == null ? 0 : at.column(), message);
        }

        void grades() {
            Map<RiskGrade, Integer> days = campaign.rectifyWithinDays();
            RiskGrade[] grades = RiskGrade.values();
            for (int i = 1; i < grades.length; i++) {
                RiskGrade better = grades[i - 1];
                RiskGrade worse = grades[i];
                if (days.containsKey(worse) && days.containsKey(better) && days.get(worse) > days.get(better)) {
                    YamlNode at = node("grades.rectifyWithinDays").orElse(null);
                    out.add(Diagnostic.warning(Check.GRADES, CampaignReader.CAMPAIGN_FILE, at == null ? 0 : at.line(),
                            at == null ? 0 : at.column(), "grades.rectifyWithinDays allows " + worse + " " + days.get(worse)
                                    + " days but " + better + " only " + days.get(better)
                                    + ": a worse grade should never allow longer to rectify"));
                }
            }
        }

        // -------------------------------------------------------------- scenarios

        /** Checks the scenario tables; returns how many scenarios they hold. */
        int scenarios() {
            Map<String, String> tables = new TreeMap<>();
            String id = ScenarioSuite.campaignId(files.files());
            for (String path : files.paths("", ".csv")) {
                if (ScenarioSuite.runsWith(path, id)) {
                    tables.put(path, files.text(path).orElse(""));
                }
            }
            if (tables.isEmpty()) {
                return 0;
            }
            int count = 0;
            try {
                count = ScenarioSuite.fromTexts(files.source(), tables).scenarios().size();
            } catch (CampaignException e) {
                e.problems().forEach(p -> out.add(Diagnostic.of(Check.SCENARIO, p)));
            }
            for (Map.Entry<String, String> table : tables.entrySet()) {
                List<Problem> ignored = new ArrayList<>();
                for (CsvTable.Row row : CsvTable.parse(table.getKey(), table.getValue(), ignored).rows()) {
                    scenarioRow(row);
                }
            }
            return count;
        }

        private void scenarioRow(CsvTable.Row row) {
            String id = row.get("id");
            String kind = row.get("kind");
            if (!kind.isEmpty() && !campaign.venueKinds().containsKey(kind)) {
                scenarioError(row, "kind", id, "venue kind '" + kind + "' " + RuleScan.Kind.VENUE_KIND.missing
                        + suggestion(kind, campaign.venueKinds().keySet()));
            }
            for (String finding : row.list("findings")) {
                String code = finding.strip().split("\\s+")[0];
                if (!code.isEmpty() && !campaign.hazards().containsKey(code)) {
                    scenarioError(row, "findings", id, "hazard code '" + code + "' " + RuleScan.Kind.HAZARD.missing
                            + suggestion(code, campaign.hazards().keySet()));
                }
            }
            for (String item : row.list("expect_actions")) {
                if (item.equals("...") || item.equals("…")) {
                    continue;
                }
                String code = item.startsWith("!") ? item.substring(1) : item;
                int at = code.indexOf('@');
                code = (at < 0 ? code : code.substring(0, at)).strip();
                if (!code.isEmpty() && !campaign.actions().containsKey(code)) {
                    scenarioError(row, "expect_actions", id, "action '" + code + "' " + RuleScan.Kind.ACTION.missing
                            + suggestion(code, campaign.actions().keySet()));
                }
            }
            for (String element : row.list("expect_elements")) {
                if (!element.equals("-") && campaign.elementsNumbered(element).isEmpty()) {
                    scenarioError(row, "expect_elements", id, "element '" + element + "' " + RuleScan.Kind.ELEMENT.missing);
                }
            }
            for (String clause : row.list("expect_clauses")) {
                if (!campaign.clauses().containsKey(clause)) {
                    scenarioError(row, "expect_clauses", id, "clause '" + clause + "' is not in " + CampaignReader.CLAUSES_FILE
                            + suggestion(clause, campaign.clauses().keySet()));
                }
            }
        }

        private void scenarioError(CsvTable.Row row, String column, String id, String message) {
            Problem p = row.problem(column, "scenario " + id + ": " + message);
            out.add(Diagnostic.of(Check.SCENARIO, p));
        }

        // -------------------------------------------------------------- helpers

        Optional<YamlNode> node(String dotted) {
            return yaml == null ? Optional.empty() : yaml.at(dotted);
        }

        Map<String, Integer> csvLines(String file, String column) {
            return files.text(file).isPresent() ? table(file).firstLines(column) : Map.of();
        }

        /** A CSV file as the loader read it; one the loader does not read (no campaign table) is read here. */
        CsvTable table(String file) {
            CsvTable read = tables.get(file);
            return read != null ? read : CsvTable.parse(file, files.text(file).orElse(""), new ArrayList<>());
        }

        static <T> List<T> sorted(java.util.Collection<T> values, java.util.function.Function<T, String> key) {
            return values.stream().sorted(Comparator.comparing(key)).toList();
        }
    }

    /** {@code " (did you mean 'EXITS_TOO_FEW'?)"} when one known value is a small edit away. */
    static String suggestion(String value, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(value.toUpperCase(Locale.ROOT), candidate.toUpperCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(1, Math.min(3, value.length() / 4));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
