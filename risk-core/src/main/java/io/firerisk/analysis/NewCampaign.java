package io.firerisk.analysis;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.Phase;
import io.firerisk.campaign.PlaceClassRule;
import io.firerisk.internal.CampaignFiles;
import io.firerisk.internal.CampaignReader;
import io.firerisk.internal.CsvTable;
import io.firerisk.internal.YamlNode;
import io.firerisk.scenario.ScenarioSuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Starts a new campaign from an old one: copies the folder, gives the copy its own id and the next
 * major version, and writes {@value #CHECKLIST} in it: everything that belongs to the old plan and
 * must be edited (title, authority, document number, dates, the old plan's own clauses, the
 * scenarios dated for the old campaign, the thresholds to review), each with its file and line.
 *
 * <pre>{@code
 * NewCampaign.Result r = NewCampaign.fromBundled("wanzhou-2023-winter", "wanzhou-2024-winter", Path.of("wanzhou-2024-winter"));
 * r.checklist();   // campaign.yaml:11 document: the new plan's document number (now 万州城管发〔2023〕114号) …
 * }</pre>
 *
 * <p>The copy loads and validates as it is, so an analyst can edit it one item at a time and check
 * after each step.
 */
public final class NewCampaign {

    /** The checklist's file name in the new folder. */
    public static final String CHECKLIST = "CHECKLIST.md";

    private NewCampaign() {}

    /**
     * One thing to edit.
     *
     * @param section the part of the checklist it belongs to
     * @param file    the file, relative to the campaign folder
     * @param line    the line, 0 for the whole file
     * @param what    what to edit and why
     */
    public record Item(String section, String file, int line, String what) {
        /** {@code campaign.yaml:11 document: …}. */
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + " " + what;
        }
    }

    /**
     * The new campaign.
     *
     * @param folder      where it was written
     * @param id          its id
     * @param version     its version
     * @param fromId      the campaign it was copied from
     * @param fromVersion that campaign's version
     * @param checklist   what must be edited, also written to {@value #CHECKLIST}
     */
    public record Result(Path folder, String id, String version, String fromId, String fromVersion, List<Item> checklist) {
        public Result {
            checklist = List.copyOf(checklist);
        }
    }

    /** Starts a new campaign from a campaign folder on disk, naming the standards the old one names. */
    public static Result fromFolder(Path source, String newId, Path target) {
        return create(CampaignFiles.fromFolder(source), newId, target, null);
    }

    /** Starts a new campaign from a campaign bundled on the classpath, naming the standards the old one names. */
    public static Result fromBundled(String sourceId, String newId, Path target) {
        return create(CampaignFiles.fromClasspath(sourceId, NewCampaign.class.getClassLoader()), newId, target, null);
    }

    /**
     * Starts a new campaign from a campaign folder on disk that begins on {@code start}: it names, of each
     * standard the old campaign applies, the edition in force on that date and every later bundled edition,
     * each from its own date, and copies none of them.
     */
    public static Result fromFolder(Path source, String newId, Path target, LocalDate start) {
        return create(CampaignFiles.fromFolder(source), newId, target, java.util.Objects.requireNonNull(start, "start"));
    }

    /** Like {@link #fromFolder(Path, String, Path, LocalDate)}, from a campaign bundled on the classpath. */
    public static Result fromBundled(String sourceId, String newId, Path target, LocalDate start) {
        return create(CampaignFiles.fromClasspath(sourceId, NewCampaign.class.getClassLoader()), newId, target,
                java.util.Objects.requireNonNull(start, "start"));
    }

    /**
     * One edition of a standard as the new campaign names it.
     *
     * @param id   the standard's id
     * @param code the standard it is an edition of
     * @param from the first day it applies
     * @param to   the last day, {@code null} when open-ended
     */
    record Edition(String id, String code, LocalDate from, LocalDate to) {
        String yaml() {
            return "  - {id: " + id + ", from: " + from + (to == null ? "" : ", to: " + to) + "}";
        }
    }

    /**
     * The editions the new campaign names: of each standard code the old campaign applies, the edition in
     * force on {@code start} (among the old campaign's and the bundled ones, the latest that came into force
     * by then) and every later bundled one, each up to the day before the next.
     */
    static List<Edition> editionsFrom(Campaign old, LocalDate start, Map<String, String> bundled) {
        Map<String, List<Edition>> byCode = new java.util.LinkedHashMap<>();
        for (io.firerisk.campaign.Standard s : old.standards()) {
            byCode.computeIfAbsent(s.code(), c -> new ArrayList<>()).add(new Edition(s.id(), s.code(), s.from(), null));
        }
        bundled.forEach((id, text) -> {
            YamlNode yaml = YamlNode.parse(id + "/standard.yaml", text, new ArrayList<>());
            String code = yaml.isMap() ? yaml.string("code", false, new ArrayList<>()).orElse("") : "";
            Optional<LocalDate> effective = yaml.isMap() ? yaml.date("effective", false, new ArrayList<>()) : Optional.empty();
            List<Edition> known = byCode.get(code);
            if (known != null && effective.isPresent() && known.stream().noneMatch(e -> e.id().equals(id))) {
                known.add(new Edition(id, code, effective.get(), null));
            }
        });
        List<Edition> out = new ArrayList<>();
        for (List<Edition> editions : byCode.values()) {
            editions.sort(java.util.Comparator.comparing(Edition::from));
            int first = 0;
            for (int i = 0; i < editions.size(); i++) {
                if (!editions.get(i).from().isAfter(start)) {
                    first = i;
                }
            }
            for (int i = first; i < editions.size(); i++) {
                Edition e = editions.get(i);
                LocalDate to = i + 1 < editions.size() ? editions.get(i + 1).from().minusDays(1) : null;
                out.add(new Edition(e.id(), e.code(), e.from(), to));
            }
        }
        return out;
    }

    /** campaign.yaml with its {@code standards:} list replaced by {@code editions}. */
    static String withStandards(String yaml, List<Edition> editions) {
        String[] lines = yaml.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        for (String line : lines) {
            if (line.startsWith("standards:")) {
                inList = true;
                out.append("standards:\n");
                editions.forEach(e -> out.append(e.yaml()).append("\n"));
                continue;
            }
            if (inList && (line.startsWith(" ") || line.startsWith("-")) && !line.isBlank()) {
                continue;
            }
            inList = false;
            out.append(line).append("\n");
        }
        return out.substring(0, out.length() - 1);
    }

    private static Result create(CampaignFiles files, String newId, Path target, LocalDate start) {
        if (newId == null || !CampaignReader.CAMPAIGN_ID.matcher(newId).matches()) {
            throw new IllegalArgumentException("the new campaign id '" + newId
                    + "' must be lower-case letters, digits and hyphens, such as wanzhou-2024-winter");
        }
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException(target + " already exists and is not empty: choose another folder");
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Campaign> data = CampaignReader.read(files, problems);
        if (data.isEmpty()) {
            throw new CampaignException(files.source(), problems);
        }
        Campaign old = data.get();
        String version = nextMajor(old.version());
        Map<String, String> copy = new java.util.TreeMap<>(files.files());
        copy.remove(CHECKLIST);
        // Standards are shared: the new campaign names them in its campaign.yaml, it does not copy them.
        copy.keySet().removeIf(path -> path.startsWith(CampaignFiles.STANDARDS_ROOT));
        copy.put(CampaignReader.CAMPAIGN_FILE, retitle(copy.get(CampaignReader.CAMPAIGN_FILE), old, newId, version));
        List<Edition> editions = List.of();
        List<Problem> restOnEarlier = List.of();
        if (start != null && !old.standards().isEmpty() && files.text(CampaignReader.CAMPAIGN_FILE).orElse("")
                .lines().anyMatch(l -> l.startsWith("standards:"))) {
            Map<String, String> bundled = CampaignFiles.bundledStandards(NewCampaign.class.getClassLoader());
            editions = editionsFrom(old, start, bundled);
            String yaml = copy.get(CampaignReader.CAMPAIGN_FILE);
            copy.put(CampaignReader.CAMPAIGN_FILE, withStandards(yaml, editions));
            // The copy's own files may still rest on an edition no longer in force on the start date (a place class
            // on its clause, a hazard row on its element, a list naming its codes): without that edition it would
            // not load. Then it keeps the earlier editions too, each up to the day before the next, so its own dates
            // still get the edition in force on them, and the checklist lists what rests on the earlier ones.
            List<Problem> without = new ArrayList<>();
            CampaignReader.read(CampaignFiles.of(newId, copy), without);
            if (without.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
                LocalDate first = old.standards().stream().map(io.firerisk.campaign.Standard::from)
                        .min(LocalDate::compareTo).orElse(start);
                List<Edition> all = editionsFrom(old, first, bundled);
                Map<String, String> withAll = new java.util.TreeMap<>(copy);
                withAll.put(CampaignReader.CAMPAIGN_FILE, withStandards(yaml, all));
                List<Problem> with = new ArrayList<>();
                CampaignReader.read(CampaignFiles.of(newId, withAll), with);
                if (with.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR) && all.size() > editions.size()) {
                    restOnEarlier = without.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
                    editions = all;
                    copy.put(CampaignReader.CAMPAIGN_FILE, withAll.get(CampaignReader.CAMPAIGN_FILE));
                }
            }
        }

        List<Item> checklist = new ArrayList<>(checklist(copy, old, newId, start, editions));
        for (Problem p : restOnEarlier) {
            checklist.add(new Item("Standards", p.file(), p.line(), "rests on an edition no longer in force on " + start
                    + " (" + p.message() + "); the earlier edition stays named, for dates before the next, until"
                    + " nothing rests on it"));
        }
        try {
            for (Map.Entry<String, String> file : copy.entrySet()) {
                Path path = target.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(target.resolve(CHECKLIST), markdown(checklist, old, newId, version), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new campaign to " + target + ": " + e.getMessage(), e);
        }
        return new Result(target, newId, version, old.id(), old.version(), checklist);
    }

    /** {@code 1.0.0 → 2.0.0}, {@code 1.2 → 2.0}, {@code 1.4.2-draft → 2.0.0}. */
    static String nextMajor(String version) {
        Matcher m = CampaignReader.VERSION.matcher(version);
        if (!m.matches()) {
            return "1.0.0";
        }
        int major = Integer.parseInt(m.group(1)) + 1;
        return major + ".0" + (m.group(3) != null ? ".0" : "");
    }

    private static String retitle(String yaml, Campaign old, String id, String version) {
        String text = yaml.replaceFirst("(?m)^id:[^\\n#]*", Matcher.quoteReplacement("id: " + id))
                .replaceFirst("(?m)^version:[^\\n#]*", Matcher.quoteReplacement("version: " + version));
        return "# Started from " + old.id() + " " + old.version() + " with firerisk new-campaign: see " + CHECKLIST
                + " for what still describes the old plan.\n" + text;
    }

    // ------------------------------------------------------------------ the checklist

    private static List<Item> checklist(Map<String, String> files, Campaign old, String newId, LocalDate start,
            List<Edition> editions) {
        List<Item> items = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        YamlNode yaml = YamlNode.parse(CampaignReader.CAMPAIGN_FILE, files.get(CampaignReader.CAMPAIGN_FILE), new ArrayList<>());
        String plan = "The plan";
        yamlItem(items, listed, plan, yaml, "title", "the new plan's title, in Chinese and English (now: " + old.title().zh() + ")");
        yamlItem(items, listed, plan, yaml, "authority", "the issuing authority (now: " + old.authority().zh() + ")");
        yamlItem(items, listed, plan, yaml, "document", "the new plan's document number (now: " + old.document() + ")");
        yamlItem(items, listed, plan, yaml, "issued", "the date the new plan was issued (now: " + old.issued() + ")");
        yamlItem(items, listed, plan, yaml, "standard", "the hazard standard edition the new plan applies (now: "
                + old.standard() + "); if it changes, review elements.csv, the hazard catalogue and determination.counting");
        if (start != null && !editions.isEmpty()) {
            yamlItem(items, listed, plan, yaml, "standards", "the standards, shared and not copied: from the start date "
                    + start + " it applies " + String.join(", ", editions.stream().map(e -> e.id() + " from " + e.from()
                    + (e.to() == null ? "" : " to " + e.to())).toList()) + "; check the plan names the same editions");
        } else {
            yamlItem(items, listed, plan, yaml, "standards", "the standards, shared and not copied (now: " + old.standard()
                    + "); give new-campaign --start to name the editions in force from the new campaign's first day");
        }
        yamlItem(items, listed, plan, yaml, "timeZone", "the time zone \"today\" is reckoned in, if the new campaign is elsewhere");

        String dates = "Dates";
        List<YamlNode> phases = yaml.at("calendar.phases").map(YamlNode::items).orElse(List.of());
        for (int i = 0; i < phases.size() && i < old.calendar().phases().size(); i++) {
            Phase p = old.calendar().phases().get(i);
            add(items, listed, dates, CampaignReader.CAMPAIGN_FILE, phases.get(i).line(), "phase " + p.code() + " ("
                    + p.label().zh() + "): " + p.from() + " to " + p.to() + " are the old plan's dates");
        }
        List<YamlNode> periods = yaml.at("calendar.keyPeriods").map(YamlNode::items).orElse(List.of());
        for (YamlNode node : periods) {
            String code = node.get("code").map(YamlNode::text).orElse("");
            old.calendar().keyPeriod(code).ifPresent(k ->
                    add(items, listed, dates, CampaignReader.CAMPAIGN_FILE, node.line(), "key period " + k.code() + " ("
                            + k.label().zh() + "): " + k.from() + " to " + k.to() + " are last season's dates"
                            + (k.source().isEmpty() ? "" : " (from " + k.source() + ")")));
        }
        yaml.at("calendar.leadDays").ifPresent(n -> add(items, listed, dates, CampaignReader.CAMPAIGN_FILE, n.line(),
                "calendar.leadDays: how many days of early warning the new plan asks for before each key period"));

        String clauses = "The old plan's own clauses";
        Map<String, Integer> clauseLines = csvLines(files, CampaignReader.CLAUSES_FILE, "id");
        RuleScan scan = RuleScan.of(CampaignFiles.of(old.source(), files));
        for (Clause c : old.clauses().values().stream().sorted(java.util.Comparator.comparing(Clause::id)).toList()) {
            if (!c.campaignOnly()) {
                continue;
            }
            List<String> citedBy = scan.rules().stream().filter(r -> r.clause().equals(c.id()))
                    .map(r -> r.file() + ":" + r.line()).toList();
            add(items, listed, clauses, CampaignReader.CLAUSES_FILE, clauseLines.getOrDefault(c.id(), 0), "clause '" + c.id()
                    + "' is the old plan's: replace it with the new plan's clause (id, text, verification mark)"
                    + (citedBy.isEmpty() ? "" : " and change the @clause of the rules citing it: " + String.join(", ", citedBy)));
        }
        Map<String, Integer> classLines = new LinkedHashMap<>();
        Optional.ofNullable(files.get(CampaignReader.PLACE_CLASSES_FILE)).ifPresent(text -> {
            for (CsvTable.Row row : CsvTable.parse(CampaignReader.PLACE_CLASSES_FILE, text, new ArrayList<>()).rows()) {
                if (row.get("source").equalsIgnoreCase(PlaceClassRule.CAMPAIGN)) {
                    classLines.put(row.get("kind") + " → " + row.get("place_class"), row.line());
                }
            }
        });
        classLines.forEach((rule, line) -> add(items, listed, clauses, CampaignReader.PLACE_CLASSES_FILE, line,
                "place class " + rule + " is the old plan's own classification: keep it only if the new plan says the same"));

        String review = "Review";
        yaml.at("parameters").ifPresent(n -> add(items, listed, review, CampaignReader.CAMPAIGN_FILE, n.line(),
                "parameters: every threshold and effect size the rules read; check each against the new plan and standard"));
        yaml.at("grades").ifPresent(n -> add(items, listed, review, CampaignReader.CAMPAIGN_FILE, n.line(),
                "grades: the rectification periods, the bands, and the likelihood and severity tables (campaign assumptions: review them against the new plan)"));
        yaml.at("suspension").ifPresent(n -> add(items, listed, review, CampaignReader.CAMPAIGN_FILE, n.line(),
                "suspension: the legal grounds for stopping use, their articles and who acts; check each against the law in force"));

        String scenarios = "Scenarios";
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().startsWith(ScenarioSuite.FOLDER) || !file.getKey().endsWith(".csv")) {
                continue;
            }
            int dated = 0;
            int first = 0;
            for (CsvTable.Row row : CsvTable.parse(file.getKey(), file.getValue(), new ArrayList<>()).rows()) {
                if (inOldCampaign(row.get("date"), old)) {
                    dated++;
                    first = first == 0 ? row.line() : first;
                }
            }
            if (dated > 0) {
                add(items, listed, scenarios, file.getKey(), first, dated + (dated == 1 ? " scenario is" : " scenarios are")
                        + " dated inside the old campaign (" + old.calendar().start() + " to " + old.calendar().end()
                        + "): move the dates, and the deadlines they expect, into the new campaign");
            }
        }

        String mentions = "Other mentions of the old plan";
        for (Map.Entry<String, String> file : files.entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                boolean document = !old.document().isEmpty() && line.contains(old.document());
                boolean id = line.contains(old.id()) && !line.startsWith("# Started from ");
                if (document || id) {
                    String shown = line.strip();
                    shown = shown.length() > 90 ? shown.substring(0, 89) + "…" : shown;
                    add(items, listed, mentions, file.getKey(), i + 1, "mentions " + (document ? old.document() : old.id())
                            + ": " + shown);
                }
            }
        }
        // Within each section, in file and line order, so the list reads like a walk through the folder.
        List<String> sections = items.stream().map(Item::section).distinct().toList();
        return items.stream().sorted(java.util.Comparator.comparing((Item i) -> sections.indexOf(i.section()))
                .thenComparing(Item::file).thenComparingInt(Item::line)).toList();
    }

    private static boolean inOldCampaign(String date, Campaign old) {
        try {
            return old.calendar().inForce(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void yamlItem(List<Item> items, Set<String> listed, String section, YamlNode yaml, String key, String what) {
        yaml.get(key).ifPresent(n -> add(items, listed, section, CampaignReader.CAMPAIGN_FILE, n.line(), key + ": " + what));
    }

    private static void add(List<Item> items, Set<String> listed, String section, String file, int line, String what) {
        if (listed.add(file + ":" + line)) {
            items.add(new Item(section, file, line, what));
        }
    }

    private static Map<String, Integer> csvLines(Map<String, String> files, String file, String column) {
        return Optional.ofNullable(files.get(file))
                .map(text -> CsvTable.parse(file, text, new ArrayList<>()).firstLines(column)).orElse(Map.of());
    }

    private static String markdown(List<Item> items, Campaign old, String id, String version) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Checklist for ").append(id).append(' ').append(version).append("\n\n");
        sb.append("This campaign was started from ").append(old.id()).append(' ').append(old.version()).append(" (")
                .append(old.document()).append(") with `firerisk new-campaign`. Only its id and version are new: ")
                .append("everything below still describes the old plan. Edit each item, tick it, and check as you go:\n\n")
                .append("    firerisk validate <this folder>\n")
                .append("    firerisk test <this folder> --coverage\n")
                .append("    firerisk diff --campaign ").append(old.id()).append(" --campaign <this folder> <venues file>\n");
        String section = "";
        for (Item item : items) {
            if (!item.section().equals(section)) {
                section = item.section();
                sb.append("\n## ").append(section).append("\n\n");
            }
            sb.append("- [ ] ").append(item.file()).append(item.line() > 0 ? ":" + item.line() : "").append(" — ")
                    .append(item.what()).append('\n');
        }
        return sb.toString();
    }

    private static boolean isEmptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
