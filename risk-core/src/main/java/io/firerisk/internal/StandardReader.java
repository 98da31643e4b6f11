package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.Text;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.Standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standards a campaign applies: the {@code standards:} list of campaign.yaml (which edition, from
 * and to which date) and each standard's {@code standard.yaml}. Editions of one standard must follow
 * each other without overlap or gap, since every assessment applies exactly the edition in force on its
 * date; each problem is reported at its line of campaign.yaml or standard.yaml.
 */
final class StandardReader {

    /**
     * One entry of {@code standards:}.
     *
     * @param id   the standard's id, whose folder is {@link #folder()}
     * @param from the first day the campaign applies it
     * @param to   the last day, {@link LocalDate#MAX} when open-ended
     * @param node the entry in campaign.yaml, for problems
     * @param root its standard.yaml as parsed
     */
    record Use(String id, LocalDate from, LocalDate to, YamlNode node, YamlNode root) {
        String folder() {
            return CampaignFiles.STANDARDS_ROOT + id + "/";
        }
    }

    /** A standard read, with its parameters and their lines in standard.yaml. */
    record Read(Standard standard, Map<String, Double> parameters, Map<String, Integer> parameterLines) {}

    private StandardReader() {}

    /** The entries of {@code standards:} whose folder is there; every other entry is a problem. */
    static List<Use> uses(YamlNode root, CampaignFiles files, List<Problem> problems) {
        List<Use> uses = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<YamlNode> entries = root.list("standards", true, problems);
        if (entries.isEmpty() && root.get("standards").isPresent()) {
            problems.add(root.get("standards").get().problem("must name at least one standard, such as "
                    + "- {id: gb35181-2025, from: 2025-11-01}"));
        }
        for (YamlNode entry : entries) {
            if (!entry.isMap()) {
                problems.add(entry.problem("must be {id: …, from: YYYY-MM-DD} with an optional to: YYYY-MM-DD"));
                continue;
            }
            entry.rejectUnknownKeys(List.of("id", "from", "to"), problems);
            Optional<String> id = entry.string("id", true, problems);
            Optional<LocalDate> from = entry.date("from", true, problems);
            Optional<LocalDate> to = entry.date("to", false, problems);
            if (id.isEmpty() || from.isEmpty()) {
                continue;
            }
            if (!seen.add(id.get())) {
                problems.add(entry.get("id").orElse(entry).problem("standard '" + id.get() + "' is named twice"));
                continue;
            }
            if (to.isPresent() && to.get().isBefore(from.get())) {
                problems.add(entry.get("to").orElse(entry).problem("ends (" + to.get() + ") before it starts ("
                        + from.get() + ")"));
                continue;
            }
            String folder = CampaignFiles.STANDARDS_ROOT + id.get() + "/";
            Optional<String> text = files.text(folder + CampaignFiles.STANDARD_FILE);
            if (text.isEmpty()) {
                problems.add(entry.get("id").orElse(entry).problem("unknown standard '" + id.get() + "': no "
                        + folder + CampaignFiles.STANDARD_FILE + " in the campaign folder, beside it, or on the "
                        + "class path"));
                continue;
            }
            YamlNode standardRoot = YamlNode.parse(folder + CampaignFiles.STANDARD_FILE, text.get(), problems);
            if (standardRoot.syntaxError() || !standardRoot.isMap()) {
                continue;
            }
            uses.add(new Use(id.get(), from.get(), to.orElse(LocalDate.MAX), entry, standardRoot));
        }
        return uses;
    }

    /**
     * A standard the campaign does not name, chosen to be applied on every date (to compare editions);
     * {@code at} is where a problem with it is reported.
     */
    static Optional<Use> extra(String id, YamlNode at, CampaignFiles files, List<Problem> problems) {
        String file = CampaignFiles.STANDARDS_ROOT + id + "/" + CampaignFiles.STANDARD_FILE;
        Optional<String> text = files.text(file);
        if (text.isEmpty()) {
            problems.add(at.problem("unknown standard '" + id + "': no " + file + " in the campaign folder, beside it, "
                    + "or on the class path"));
            return Optional.empty();
        }
        YamlNode root = YamlNode.parse(file, text.get(), problems);
        if (root.syntaxError() || !root.isMap()) {
            return Optional.empty();
        }
        // Dated from the end of time, so no date check applies: the caller applies it on every date.
        return Optional.of(new Use(id, LocalDate.MAX, LocalDate.MAX, at, root));
    }

    /** Reads one standard's standard.yaml; empty when it has an error. */
    static Optional<Read> read(Use use, CampaignFiles files, YamlSections yaml, Map<String, Text> placeClasses,
            Map<String, Element> elements, Map<String, Clause> clauses, List<Problem> problems) {
        String file = use.folder() + CampaignFiles.STANDARD_FILE;
        int before = problems.size();
        YamlNode root = use.root();
        root.rejectUnknownKeys(List.of("id", "code", "document", "title", "effective", "placeClasses",
                "determination", "elementLists", "parameters"), problems);
        String id = root.string("id", true, problems).orElse("");
        if (!id.isEmpty() && !id.equals(use.id())) {
            problems.add(root.get("id").orElseThrow().problem("'" + id + "' is not the id of its folder ("
                    + use.folder() + "): a standard's id and folder are one name"));
        }
        String code = root.string("code", true, problems).orElse("");
        String document = root.string("document", true, problems).orElse("");
        Text title = yaml.text(root, "title", true);
        Optional<LocalDate> effective = root.date("effective", true, problems);
        if (effective.isPresent() && use.from().isBefore(effective.get())) {
            problems.add(use.node().get("from").orElse(use.node()).problem("applies " + use.id() + " from "
                    + use.from() + ", before it came into force on " + effective.get() + " (" + file + ")"));
        }
        YamlNode determination = root.map("determination", true, problems).orElse(root);
        determination.rejectUnknownKeys(List.of("reminder", "exclusions", "counting"), problems);
        Text reminder = yaml.text(determination, "reminder", false);
        Map<String, Text> exclusions = yaml.labelMap(determination, "exclusions", false);
        Map<String, Element> own = new LinkedHashMap<>();
        elements.forEach((n, e) -> {
            if (e.standard().equals(use.id())) {
                own.put(n, e);
            }
        });
        List<CountingRow> counting = yaml.readCountingRows(determination, placeClasses, own, clauses);
        Map<String, List<Element>> elementLists = readElementLists(root, use, own, problems);
        Map<String, Double> parameters = yaml.readParameters(root);
        Map<String, Integer> lines = new LinkedHashMap<>();
        root.get("parameters").filter(YamlNode::isMap).ifPresent(p -> p.fields().forEach((k, v) -> lines.put(k, v.line())));
        if (problems.subList(before, problems.size()).stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            return Optional.empty();
        }
        String source = files.source() + " + " + use.folder();
        return Optional.of(new Read(new Standard(use.id(), code, document, title, source, reminder, exclusions,
                counting, elementLists, use.from(), use.to()), parameters, lines));
    }

    /**
     * {@code elementLists:}: named families of the standard's own elements, each concluded alike by one rule that
     * reads it with {@code campaign.elements("…")}. A name starts with the standard's id, so two standards never
     * share one; every item must be an element of the standard's elements.csv, or the list is reported at its line.
     */
    private static Map<String, List<Element>> readElementLists(YamlNode root, Use use, Map<String, Element> own,
            List<Problem> problems) {
        Map<String, List<Element>> lists = new LinkedHashMap<>();
        Optional<YamlNode> section = root.get("elementLists");
        if (section.isEmpty()) {
            return lists;
        }
        if (!section.get().isMap()) {
            problems.add(section.get().problem("must map each list's name to its elements, such as "
                    + use.id() + ".by-finding-alone: [7.1.3, 7.3.1]"));
            return lists;
        }
        section.get().fields().forEach((name, node) -> {
            if (!name.startsWith(use.id() + ".")) {
                problems.add(node.problem("list '" + name + "' must be named " + use.id() + ".<name>: a list's name "
                        + "starts with its standard's id, so that no two standards share one"));
                return;
            }
            if (!node.isList()) {
                problems.add(node.problem("list '" + name + "' must be a list of element numbers, such as [7.1.3, 7.3.1]"));
                return;
            }
            List<Element> elements = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (YamlNode item : node.items()) {
                String number = item.text();
                Element element = own.get(number);
                if (element == null) {
                    problems.add(item.problem("list '" + name + "': '" + number + "' is not an element of "
                            + use.id() + " (its elements.csv)"));
                } else if (!seen.add(number)) {
                    problems.add(item.problem("list '" + name + "' names element " + number + " twice"));
                } else {
                    elements.add(element);
                }
            }
            lists.put(name, elements);
        });
        return lists;
    }

    /**
     * The editions of each standard, in date order, must follow one another: an overlap would apply two
     * editions on one date, a gap none.
     */
    static void checkSuccession(List<Standard> standards, List<Use> uses, List<Problem> problems) {
        Map<String, List<Standard>> byCode = new LinkedHashMap<>();
        standards.forEach(s -> byCode.computeIfAbsent(s.code(), c -> new ArrayList<>()).add(s));
        for (List<Standard> editions : byCode.values()) {
            editions.sort(Comparator.comparing(Standard::from));
            for (int i = 1; i < editions.size(); i++) {
                Standard previous = editions.get(i - 1);
                Standard next = editions.get(i);
                YamlNode at = uses.stream().filter(u -> u.id().equals(next.id())).findFirst().orElseThrow().node();
                YamlNode where = at.get("from").orElse(at);
                if (!next.from().isAfter(previous.to())) {
                    problems.add(where.problem(next.id() + " (from " + next.from() + ") overlaps " + previous.id()
                            + " (" + previous.from() + " to " + (previous.to().equals(LocalDate.MAX) ? "open-ended"
                            : previous.to().toString()) + "), an edition of the same standard " + next.code()
                            + ": give " + previous.id() + " to: " + next.from().minusDays(1)));
                } else if (!next.from().equals(previous.to().plusDays(1))) {
                    problems.add(where.problem("no edition of " + next.code() + " applies from "
                            + previous.to().plusDays(1) + " to " + next.from().minusDays(1) + ", between "
                            + previous.id() + " and " + next.id() + ": editions of a standard follow one another"));
                }
            }
        }
    }
}
