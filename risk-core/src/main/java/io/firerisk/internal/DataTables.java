package io.firerisk.internal;

import io.firerisk.Priority;
import io.firerisk.Problem;
import io.firerisk.Text;
import io.firerisk.Verification;
import io.firerisk.campaign.ActionType;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.PlaceCondition;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.campaign.RiskMatrix;
import io.firerisk.campaign.SuspensionPolicy;
import io.firerisk.campaign.VenueKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import static io.firerisk.internal.CampaignReader.ACTIONS_FILE;
import static io.firerisk.internal.CampaignReader.CLAUSES_FILE;
import static io.firerisk.internal.CampaignReader.ELEMENTS_FILE;
import static io.firerisk.internal.CampaignReader.HAZARDS_FILE;
import static io.firerisk.internal.CampaignReader.HAZARDS_FOLDER;
import static io.firerisk.internal.CampaignReader.PLACE_CLASSES_FILE;
import static io.firerisk.internal.CampaignReader.VENUE_KINDS_FILE;

/**
 * The campaign's CSV tables: clauses, elements, the hazard catalogue, venue kinds, place classes and
 * actions, each row checked against the tables it names (a clause of clauses.csv, an element of
 * elements.csv …) with the problem at its file, line and column. The tables read are kept, so the
 * validator works on them rather than reading the files again.
 */
final class DataTables extends CampaignPart {

    static final List<String> CLAUSE_COLUMNS = List.of("id", "zh", "en", "source", "scope", "verified");
    static final List<String> ELEMENT_COLUMNS = List.of("element", "kind", "zh", "en", "clause", "verified");
    static final List<String> HAZARD_COLUMNS = List.of("code", "zh", "en", "category", "element", "clause",
            "correctable", "rectify_days", "verified");
    static final List<String> VENUE_KIND_COLUMNS = List.of("kind", "zh", "en", "building");
    static final List<String> PLACE_CLASS_COLUMNS = List.of("kind", "place_class", "source", "clause");
    static final List<String> ACTION_COLUMNS = List.of("code", "zh", "en", "priority", "days", "per", "by_grade");

    /** Every table read, by file. */
    final Map<String, CsvTable> tables = new LinkedHashMap<>();

    DataTables(CampaignFiles files, List<Problem> problems) {
        super(files, problems);
    }

    /** Reads each row of a required table that has its columns; a missing file or column is one problem. */
    private void eachRow(String file, List<String> columns, java.util.function.Consumer<CsvTable.Row> read) {
        table(file, columns, true).ifPresent(t -> t.rows().forEach(read));
    }

    /** The folder a file belongs to, for a message: the campaign's, or a standard's. */
    private static String folderOf(String file) {
        return file.startsWith(CampaignFiles.STANDARDS_ROOT)
                ? file.substring(0, file.indexOf('/', CampaignFiles.STANDARDS_ROOT.length()) + 1) : "";
    }

    /**
     * A table of the folder with its required columns, kept for the validator; empty (with the problem
     * recorded) when the file is missing or lacks a column.
     */
    Optional<CsvTable> table(String file, List<String> columns, boolean required) {
        Optional<String> text = files.text(file);
        if (text.isEmpty()) {
            if (required) {
                problems.add(Problem.error(file, 0, 0, "missing: the campaign folder needs this file"));
            }
            return Optional.empty();
        }
        CsvTable table = CsvTable.parse(file, text.get(), problems);
        tables.put(file, table);
        if (!table.requireColumns(columns, problems)) {
            return Optional.empty();
        }
        return Optional.of(table);
    }

    Map<String, Clause> readClauses() {
        return readClauses(List.of(CLAUSES_FILE));
    }

    /**
     * The clause tables of the campaign and its standards as one: a clause is defined once, in whichever
     * folder it belongs to, and cited from any.
     */
    Map<String, Clause> readClauses(List<String> clauseFiles) {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        for (String file : clauseFiles) {
            readClauses(file, clauses, where);
        }
        return clauses;
    }

    private void readClauses(String file, Map<String, Clause> clauses, Map<String, String> where) {
        eachRow(file, CLAUSE_COLUMNS, row -> {
            Optional<String> id = row.required("id", problems);
            Optional<String> zh = row.required("zh", problems);
            Optional<String> scope = row.required("scope", problems);
            Optional<Verification> verified = verification(row);
            if (id.isEmpty() || zh.isEmpty() || scope.isEmpty() || verified.isEmpty()) {
                return;
            }
            boolean campaignOnly;
            switch (scope.get().toUpperCase(Locale.ROOT)) {
                case "CAMPAIGN" -> campaignOnly = true;
                case "STANDING" -> campaignOnly = false;
                default -> {
                    problems.add(row.problem("scope", "'" + scope.get() + "' must be STANDING (law and standards, "
                            + "in force on any date) or CAMPAIGN (the plan's own requirement)"));
                    return;
                }
            }
            String previous = where.putIfAbsent(id.get(), row.file() + ":" + row.line());
            if (previous != null) {
                problems.add(row.problem("id", "'" + id.get() + "' is already defined at " + previous));
                return;
            }
            clauses.put(id.get(), new Clause(id.get(), Text.of(zh.get(), row.get("en")), row.get("source"),
                    campaignOnly, verified.get(), row.get("note")));
        });
    }

    Map<String, Element> readElements(Map<String, Clause> clauses) {
        return readElements(clauses, null);
    }

    /**
     * The elements, with the places each names ({@code places}: checked against {@code placeClasses} unless that
     * is null because campaign.yaml could not be read) and the conditions that also make it ({@code conditions}:
     * elements of kind CONDITION of the same table).
     */
    Map<String, Element> readElements(Map<String, Clause> clauses, Map<String, Text> placeClasses) {
        Map<String, Element> elements = new LinkedHashMap<>();
        readElements(ELEMENTS_FILE, "", clauses, placeClasses, elements, new HashMap<>());
        return elements;
    }

    /**
     * Adds the elements of one table, those of the edition {@code standard}, to {@code elements}: the
     * editions a campaign applies share one map by number, so a number is defined once across them.
     */
    void readElements(String file, String standard, Map<String, Clause> clauses, Map<String, Text> placeClasses,
            Map<String, Element> elements, Map<String, String> where) {
        Map<String, CsvTable.Row> conditionCells = new LinkedHashMap<>();
        eachRow(file, ELEMENT_COLUMNS, row -> {
            Optional<String> number = row.required("element", problems);
            Optional<String> kind = row.required("kind", problems);
            Optional<String> zh = row.required("zh", problems);
            Optional<String> clause = row.required("clause", problems);
            Optional<Verification> verified = verification(row);
            if (number.isEmpty() || kind.isEmpty() || zh.isEmpty() || clause.isEmpty() || verified.isEmpty()) {
                return;
            }
            ElementKind elementKind;
            try {
                elementKind = ElementKind.valueOf(kind.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem("kind", "'" + kind.get() + "' must be DIRECT, COMPREHENSIVE or CONDITION"));
                return;
            }
            knownClause(clause.get(), row, "clause", clauses);
            List<PlaceCondition> places = new ArrayList<>();
            for (String item : row.list("places")) {
                try {
                    PlaceCondition place = PlaceCondition.parse(item);
                    if (placeClasses != null && !place.placeClass().equals(PlaceCondition.ANY)
                            && !placeClasses.containsKey(place.placeClass())) {
                        problems.add(row.problem("places", "'" + place.placeClass() + "' is not one of the placeClasses"
                                + " of campaign.yaml (" + String.join(", ", placeClasses.keySet()) + "), nor * for any place"));
                    } else {
                        places.add(place);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(row.problem("places", e.getMessage()));
                }
            }
            String previous = where.putIfAbsent(number.get(), row.file() + ":" + row.line());
            if (previous != null) {
                problems.add(row.problem("element", "'" + number.get() + "' is already defined at " + previous
                        + (folderOf(previous).equals(folderOf(row.file())) ? ""
                        : ": the editions a campaign applies share element numbers, so each number belongs to one")));
                return;
            }
            if (!row.list("conditions").isEmpty()) {
                conditionCells.put(number.get(), row);
            }
            elements.put(number.get(), new Element(number.get(), elementKind, Text.of(zh.get(), row.get("en")),
                    clause.get(), verified.get(), places, row.list("conditions"), standard));
        });
        // A condition may be listed before the row that defines it, so conditions are checked once all are read.
        conditionCells.forEach((number, row) -> {
            for (String condition : row.list("conditions")) {
                Element c = elements.get(condition);
                if (c == null) {
                    problems.add(row.problem("conditions", "'" + condition + "' is not an element of " + file));
                } else if (c.kind() != ElementKind.CONDITION) {
                    problems.add(row.problem("conditions", "'" + condition + "' is a " + c.kind().name().toLowerCase(
                            Locale.ROOT) + " element; conditions lists elements of kind CONDITION"));
                }
            }
        });
    }

    /**
     * The hazard catalogue. {@code categories}, {@code matrix} and {@code suspension} are null when campaign.yaml
     * could not be read: the rows are then checked on their own, not against what was never read.
     */
    Map<String, HazardType> readHazards(Map<String, Clause> clauses, Map<String, Element> elements,
            Map<String, Text> categories, RiskMatrix matrix, SuspensionPolicy suspension) {
        return readHazards(catalogueFiles(""), clauses, elements, categories, matrix, suspension);
    }

    /** The catalogue files of a folder ({@code ""} the campaign's, {@code standards/<id>/} a standard's). */
    List<String> catalogueFiles(String folder) {
        List<String> catalogueFiles = new ArrayList<>();
        if (files.text(folder + HAZARDS_FILE).isPresent()) {
            catalogueFiles.add(folder + HAZARDS_FILE);
        }
        catalogueFiles.addAll(files.paths(folder + HAZARDS_FOLDER, ".csv"));
        return catalogueFiles;
    }

    /** The hazard catalogue read from every file given, a code defined once across them. */
    Map<String, HazardType> readHazards(List<String> catalogueFiles, Map<String, Clause> clauses,
            Map<String, Element> elements, Map<String, Text> categories, RiskMatrix matrix,
            SuspensionPolicy suspension) {
        if (catalogueFiles.isEmpty()) {
            problems.add(Problem.error(HAZARDS_FILE, 0, 0,
                    "missing: the hazard catalogue (hazards.csv, or CSV files under hazards/) is required"));
        }
        Map<String, HazardType> hazards = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        for (String file : catalogueFiles) {
            eachRow(file, HAZARD_COLUMNS, row -> {
                Optional<String> code = row.required("code", problems);
                Optional<String> zh = row.required("zh", problems);
                Optional<String> category = row.required("category", problems);
                Optional<String> clause = row.required("clause", problems);
                Optional<Verification> verified = verification(row);
                if (code.isEmpty() || zh.isEmpty() || category.isEmpty() || clause.isEmpty() || verified.isEmpty()) {
                    return;
                }
                if (!CODE.matcher(code.get()).matches()) {
                    problems.add(row.problem("code", "'" + code.get()
                            + "' must be upper-case letters, digits and underscores, starting with a letter"));
                    return;
                }
                if (categories != null && !categories.containsKey(category.get())) {
                    problems.add(row.problem("category", "'" + category.get()
                            + "' is not a category of campaign.yaml (" + String.join(", ", categories.keySet()) + ")"));
                }
                List<String> evidenced = row.list("element");
                String folder = folderOf(row.file());
                for (String element : evidenced) {
                    Element known = elements.get(element);
                    if (known != null && !folder.isEmpty()
                            && !(CampaignFiles.STANDARDS_ROOT + known.standard() + "/").equals(folder)) {
                        problems.add(row.problem("element", "'" + element + "' is an element of " + known.standard()
                                + ", not of the standard this catalogue belongs to (" + folder + "); map a code to "
                                + "another edition's element in that edition's " + EVIDENCE_FILE));
                    }
                    if (known == null) {
                        problems.add(row.problem("element", "'" + element + "' is not an element of " + folderOf(row.file())
                                + ELEMENTS_FILE));
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
                            + String.join(", ", new TreeSet<>(matrix.likelihood().keySet())) + ")"));
                }
                List<String> grounds = row.list("grounds");
                for (String ground : grounds) {
                    if (suspension != null && !suspension.grounds().containsKey(ground)) {
                        problems.add(row.problem("grounds", "'" + ground + "' is not a suspension ground "
                                + "(suspension.grounds in campaign.yaml)"));
                    }
                }
                String measure = row.get("measure");
                if (!measure.isEmpty() && !measure.equals(HazardType.MEASURE_RATIO)
                        && !measure.equals(HazardType.MEASURE_QUANTITY)) {
                    problems.add(row.problem("measure", "'" + measure + "' must be ratio, quantity or empty"));
                }
                // What the number is, for whoever enters it (the desk's form, the Excel template): a ratio of what to
                // what. Only for a code judged by a number; its English may be left out (the Chinese is shown then).
                String meaningZh = row.get("measure_zh");
                Optional<Text> meaning = Optional.empty();
                if (!meaningZh.isEmpty() && measure.isEmpty()) {
                    problems.add(row.problem("measure_zh", "says what the number is, but the row has no measure"));
                } else if (!meaningZh.isEmpty()) {
                    String meaningEn = row.get("measure_en");
                    meaning = Optional.of(Text.of(meaningZh, meaningEn.isEmpty() ? meaningZh : meaningEn));
                }
                // A standard's row says what its edition makes of the code; the campaign's own rows belong to no edition.
                Map<String, HazardType.Edition> editions = new LinkedHashMap<>();
                if (!folder.isEmpty()) {
                    editions.put(folder.substring(CampaignFiles.STANDARDS_ROOT.length(), folder.length() - 1),
                            new HazardType.Edition(clause.get(), verified.get()));
                }
                HazardType type = new HazardType(code.get(), Text.of(zh.get(), row.get("en")),
                        category.get(), evidenced, clause.get(),
                        row.list("applies_to"), correctable, days, minimum, likelihood, grounds,
                        measure.isEmpty() ? Optional.empty() : Optional.of(measure), meaning, verified.get(), row.file(),
                        row.line(), editions);
                String previous = where.putIfAbsent(code.get(), row.file() + ":" + row.line());
                if (previous != null) {
                    HazardType earlier = hazards.get(code.get());
                    String earlierFolder = folderOf(previous);
                    if (earlier == null || folder.isEmpty() || earlierFolder.isEmpty() || earlierFolder.equals(folder)) {
                        problems.add(row.problem("code", "'" + code.get() + "' is already defined at " + previous));
                        return;
                    }
                    // Two editions of a standard may each define a code they share, so that a campaign applying
                    // only one still has it; applied together they must mean the same hazard.
                    List<String> differing = differences(earlier, type);
                    if (!differing.isEmpty()) {
                        problems.add(row.problem("code", "'" + code.get() + "' is also defined at " + previous
                                + " with other " + String.join(", ", differing) + ": two standards defining one code "
                                + "must agree on everything but element, clause and verified"));
                        return;
                    }
                    List<String> all = new ArrayList<>(earlier.elements());
                    evidenced.stream().filter(e -> !all.contains(e)).forEach(all::add);
                    // Each edition keeps its own clause and verification: which one a date cites is its edition's.
                    Map<String, HazardType.Edition> both = new LinkedHashMap<>(earlier.editions());
                    both.putAll(type.editions());
                    type = new HazardType(type.code(), type.label(), type.category(), all, type.clause(),
                            type.appliesTo(), type.correctableOnSpot(), type.rectifyDays(), type.minimumDays(),
                            type.likelihood(), type.grounds(), type.measure(), type.measureMeaning(), type.verification(),
                            type.file(),
                            type.line(), both);
                }
                hazards.put(code.get(), type);
            });
        }
        return hazards;
    }

    /** The columns, besides element, clause and verified, in which two definitions of a code differ. */
    private static List<String> differences(HazardType a, HazardType b) {
        List<String> out = new ArrayList<>();
        if (!a.label().equals(b.label())) {
            out.add("zh/en");
        }
        if (!a.category().equals(b.category())) {
            out.add("category");
        }
        if (!a.appliesTo().equals(b.appliesTo())) {
            out.add("applies_to");
        }
        if (a.correctableOnSpot() != b.correctableOnSpot()) {
            out.add("correctable");
        }
        if (a.rectifyDays() != b.rectifyDays()) {
            out.add("rectify_days");
        }
        if (a.minimumDays() != b.minimumDays()) {
            out.add("min_days");
        }
        if (!a.likelihood().equals(b.likelihood())) {
            out.add("likelihood");
        }
        if (!a.grounds().equals(b.grounds())) {
            out.add("grounds");
        }
        if (!a.measure().equals(b.measure())) {
            out.add("measure");
        }
        if (!a.measureMeaning().equals(b.measureMeaning())) {
            out.add("measure_zh/measure_en");
        }
        return out;
    }

    /** A standard's map of hazard codes defined elsewhere to its own elements. */
    static final String EVIDENCE_FILE = "evidence.csv";
    static final List<String> EVIDENCE_COLUMNS = List.of("code", "elements");

    /**
     * Reads a standard's {@value #EVIDENCE_FILE}: which of its elements a code of the catalogue (the
     * campaign's, or another standard's) evidences. Returns the catalogue with those elements added to
     * the codes' lists; a code mapped twice in one file, an unknown code and another edition's element
     * are problems.
     */
    Map<String, HazardType> readEvidence(String standard, Map<String, HazardType> hazards,
            Map<String, Element> elements) {
        String file = CampaignFiles.STANDARDS_ROOT + standard + "/" + EVIDENCE_FILE;
        if (files.text(file).isEmpty()) {
            return hazards;
        }
        Map<String, HazardType> out = new LinkedHashMap<>(hazards);
        Map<String, Integer> lines = new HashMap<>();
        eachRow(file, EVIDENCE_COLUMNS, row -> {
            Optional<String> code = row.required("code", problems);
            List<String> mapped = row.list("elements");
            if (code.isEmpty()) {
                return;
            }
            if (mapped.isEmpty()) {
                problems.add(row.problem("elements", "must name at least one element of " + standard));
                return;
            }
            HazardType type = out.get(code.get());
            if (type == null) {
                problems.add(row.problem("code", "'" + code.get() + "' is not in the hazard catalogue of the campaign "
                        + "or of a standard it applies"));
                return;
            }
            if (duplicate(lines, code.get(), row, "code")) {
                return;
            }
            List<String> all = new ArrayList<>(type.elements());
            for (String element : mapped) {
                Element known = elements.get(element);
                if (known == null || !known.standard().equals(standard)) {
                    problems.add(row.problem("elements", "'" + element + "' is not an element of "
                            + CampaignFiles.STANDARDS_ROOT + standard + "/" + ELEMENTS_FILE));
                } else if (!all.contains(element)) {
                    all.add(element);
                }
            }
            out.put(type.code(), new HazardType(type.code(), type.label(), type.category(), all, type.clause(),
                    type.appliesTo(), type.correctableOnSpot(), type.rectifyDays(), type.minimumDays(),
                    type.likelihood(), type.grounds(), type.measure(), type.measureMeaning(), type.verification(),
                    type.file(), type.line(), type.editions()));
        });
        return out;
    }

    Map<String, VenueKind> readVenueKinds() {
        return readVenueKinds(List.of());
    }

    /**
     * The venue kinds of the campaign and of the standards whose folders are given (a standard may name
     * the kinds of place its elements single out, such as a cold store); a kind is defined once.
     */
    Map<String, VenueKind> readVenueKinds(List<String> standardFolders) {
        Map<String, VenueKind> kinds = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        readVenueKinds(VENUE_KINDS_FILE, true, kinds, where);
        for (String folder : standardFolders) {
            if (files.text(folder + VENUE_KINDS_FILE).isPresent()) {
                readVenueKinds(folder + VENUE_KINDS_FILE, false, kinds, where);
            }
        }
        return kinds;
    }

    private void readVenueKinds(String file, boolean required, Map<String, VenueKind> kinds, Map<String, String> where) {
        table(file, VENUE_KIND_COLUMNS, required).ifPresent(t -> t.rows().forEach(row -> {
            Optional<String> kind = code(row, "kind");
            Optional<String> zh = row.required("zh", problems);
            Optional<String> building = row.required("building", problems);
            if (kind.isEmpty() || zh.isEmpty() || building.isEmpty()) {
                return;
            }
            String previous = where.putIfAbsent(kind.get(), row.file() + ":" + row.line());
            if (previous != null) {
                problems.add(row.problem("kind", "'" + kind.get() + "' is already defined at " + previous));
                return;
            }
            kinds.put(kind.get(), new VenueKind(kind.get(), Text.of(zh.get(), row.get("en")), building.get()));
        }));
    }

    /** The place-class rows; {@code placeClasses} null when campaign.yaml could not be read (then not checked). */
    List<PlaceClassRule> readPlaceClasses(Map<String, VenueKind> kinds, Map<String, Text> placeClasses,
            Map<String, Clause> clauses) {
        return readPlaceClasses(List.of(), kinds, placeClasses, clauses);
    }

    /** The place-class rows of the campaign and of the standards whose folders are given. */
    List<PlaceClassRule> readPlaceClasses(List<String> standardFolders, Map<String, VenueKind> kinds,
            Map<String, Text> placeClasses, Map<String, Clause> clauses) {
        List<PlaceClassRule> rules = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        readPlaceClasses(PLACE_CLASSES_FILE, true, rules, seen, kinds, placeClasses, clauses);
        for (String folder : standardFolders) {
            if (files.text(folder + PLACE_CLASSES_FILE).isPresent()) {
                readPlaceClasses(folder + PLACE_CLASSES_FILE, false, rules, seen, kinds, placeClasses, clauses);
            }
        }
        return rules;
    }

    private void readPlaceClasses(String file, boolean required, List<PlaceClassRule> rules, Set<String> seen,
            Map<String, VenueKind> kinds, Map<String, Text> placeClasses, Map<String, Clause> clauses) {
        table(file, PLACE_CLASS_COLUMNS, required).ifPresent(t -> t.rows().forEach(row -> {
            Optional<String> kind = row.required("kind", problems);
            Optional<String> placeClass = row.required("place_class", problems);
            Optional<String> source = row.required("source", problems);
            Optional<String> clause = row.required("clause", problems);
            if (kind.isEmpty() || placeClass.isEmpty() || source.isEmpty() || clause.isEmpty()) {
                return;
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
            } else if (!kinds.containsKey(kind.get()) && !required) {
                // A standard is shared by campaigns that define different venue kinds: its row classes a kind
                // where the campaign has it, and is said not to apply where it does not.
                Problem p = row.problem("kind", "'" + kind.get() + "' is not a venue kind of this campaign's "
                        + VENUE_KINDS_FILE + ": the standard's row does not apply to it");
                problems.add(new Problem(Problem.Severity.WARNING, p.category(), p.file(), p.line(), p.column(),
                        p.field(), p.message()));
                return;
            } else if (!kinds.containsKey(kind.get())) {
                problems.add(row.problem("kind", "'" + kind.get() + "' is not a venue kind of " + VENUE_KINDS_FILE
                        + " (or * for every kind)"));
                ok = false;
            }
            if (placeClasses != null && !placeClasses.containsKey(placeClass.get())) {
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
            // Two editions of a standard may each class a kind the same way, each while it is in force (GB 35181-2017
            // 8.2 b) and GB 35181-2025 3.8 易燃易爆危险品场所): rows on different documents' clauses are not duplicates.
            Clause cited = clauses.get(clause.get());
            String document = cited == null ? "" : cited.source();
            if (!seen.add(kind.get() + "/" + placeClass.get() + "/" + src + "/" + when + "/" + document)) {
                problems.add(row.problem("place_class", "duplicate row for " + kind.get() + " → " + placeClass.get()));
                ok = false;
            }
            if (ok) {
                rules.add(new PlaceClassRule(kind.get(), placeClass.get(), src, clause.get(), when));
            }
        }));
    }

    Map<String, ActionType> readActions() {
        Map<String, ActionType> actions = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        eachRow(ACTIONS_FILE, ACTION_COLUMNS, row -> {
            Optional<String> code = code(row, "code");
            Optional<String> zh = row.required("zh", problems);
            Optional<String> priority = row.required("priority", problems);
            if (code.isEmpty() || zh.isEmpty() || priority.isEmpty()) {
                return;
            }
            Priority p;
            try {
                p = Priority.valueOf(priority.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem("priority", "'" + priority.get() + "' must be IMMEDIATE, HIGH, NORMAL or LOW"));
                return;
            }
            OptionalInt days = row.integer("days", 0, 3650, problems).map(OptionalInt::of).orElse(OptionalInt.empty());
            String per = row.get("per").toUpperCase(Locale.ROOT);
            if (!per.equals("FINDING") && !per.equals("VENUE")) {
                problems.add(row.problem("per", "'" + row.get("per") + "' must be FINDING or VENUE"));
                return;
            }
            boolean byGrade = row.flag("by_grade", false, problems);
            // Optional column: a table without it lets every cap apply, as before the column existed.
            boolean capped = row.flag("capped", true, problems);
            if (duplicate(lines, code.get(), row, "code")) {
                return;
            }
            actions.put(code.get(), new ActionType(code.get(), Text.of(zh.get(), row.get("en")), p, days,
                    per.equals("FINDING"), byGrade, capped));
        });
        return actions;
    }
}
