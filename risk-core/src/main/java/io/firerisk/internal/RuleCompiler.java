package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.RuleInfo;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a campaign's rule files into one Drools {@link KieBase} and checks what Drools does
 * not: that each file's package matches its folder, that every rule has a known {@code @clause} and
 * explanation sentences whose placeholders name real bindings and properties, and that every
 * {@code campaign.number("…")} names a parameter the campaign file defines.
 *
 * <p>Uses the {@code KnowledgeBuilder} directly rather than a {@code KieContainer}: no kmodule, no
 * release id, nothing left behind in the global {@code KieRepository} when a campaign is reloaded.
 */
public final class RuleCompiler {

    public static final String RULES_FOLDER = "rules/";
    public static final String CLAUSE = "clause";
    public static final String ZH = "zh";
    public static final String EN = "en";
    public static final String SCOPE = "scope";
    /**
     * {@code @cites("$e")}: a rule over the rows of elements.csv cites the clause of the row it matched ({@code $e},
     * bound to an {@link io.firerisk.campaign.Element}) in its reasons, so one rule for a family of elements still
     * names each element's own clause.
     */
    public static final String CITES = "cites";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    // As tolerant of spacing as the validator's (RuleScan), so the two never disagree on what a rule reads.
    private static final Pattern PARAMETER = Pattern.compile("campaign\\s*\\.\\s*(?:number|whole)\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern LIKELIHOOD = Pattern.compile("campaign\\s*\\.\\s*likelihood\\s*\\([^,()]+,\\s*\"([^\"]*)\"");
    private static final Pattern SEVERITY = Pattern.compile("campaign\\s*\\.\\s*(?:severity\\s*\\([^,()]+,|severityLevel\\s*\\()\\s*\"([^\"]*)\"");
    private static final Pattern GROUND = Pattern.compile("campaign\\s*\\.\\s*ground(?:ForVenue)?\\s*\\([^,()]+,[^,()]+,\\s*\"([^\"]*)\"");
    private static final Pattern ELEMENT_LIST = Pattern.compile("campaign\\s*\\.\\s*elements\\s*\\(\\s*\"([^\"]*)\"");
    // Element(kind == ElementKind.DIRECT, …) from campaign.elementsAt($v): a family drawn from the element table.
    private static final Pattern ELEMENTS_AT = Pattern.compile("\\bElement\\s*\\(([^()]*)\\)\\s*from\\s+campaign\\s*\\.\\s*elementsAt\\s*\\(");
    private static final Pattern KIND_IS = Pattern.compile("\\bkind\\s*==\\s*(?:ElementKind\\s*\\.\\s*)?(\\w+)");
    private static final Pattern HAS_CONDITIONS = Pattern.compile("\\bconditions\\s+contains\\b");
    // campaign.codes("a", "b") / campaign.kinds("a"): every name in the call.
    private static final Pattern NAMED_LISTS = Pattern.compile("campaign\\s*\\.\\s*(codes|kinds)\\s*\\(([^()]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ELEMENT = Pattern.compile("ElementPresent\\.(direct|comprehensive)\\([^,()]+,\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern RULE_END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)");

    /** A compiled rule with what the engine needs at run time. */
    /**
     * A compiled rule; {@code cites} is the binding whose element's clause its reasons cite, empty for its own.
     * {@code ref} is its clause as results cite it, made once: every reason and action citing the rule shares it.
     */
    record CompiledRule(RuleInfo info, Clause clause, io.firerisk.ClauseRef ref, Template zh, Template en, String cites) {
        CompiledRule(RuleInfo info, Clause clause, Template zh, Template en, String cites) {
            this(info, clause, clause.ref(), zh, en, cites);
        }
    }

    /** The result of a successful compile. */
    public record Result(KieBase kieBase, Map<String, CompiledRule> rules) {}

    private RuleCompiler() {}

    public static Optional<Result> compile(Campaign campaign, CampaignFiles files, List<Problem> problems) {
        return compile(campaign, files, problems, null);
    }

    /**
     * Compiles the campaign's rules, or, when {@code precompiled} holds packages built from exactly
     * these rule files, rebuilds the knowledge base from them without parsing and compiling again.
     * The checks that need no compiler (packages, parameters, metadata) run either way.
     */
    public static Optional<Result> compile(Campaign campaign, CampaignFiles files, List<Problem> problems,
            Precompiled precompiled) {
        Map<String, String> ruleFileText = ruleFiles(files);
        if (ruleFileText.isEmpty()) {
            problems.add(Problem.error(RULES_FOLDER, 0, 0, "no rule files: a campaign needs at least one rules/*.drl"));
            return Optional.empty();
        }
        int before = problems.size();
        for (Map.Entry<String, String> file : ruleFileText.entrySet()) {
            String path = file.getKey();
            String text = file.getValue();
            checkPackage(path, text, problems);
            String standard = standardOf(path);
            if (!standard.isEmpty() && !path.startsWith(CampaignFiles.STANDARDS_ROOT + standard + "/"
                    + standardRulesFolder(standard))) {
                problems.add(Problem.error(path, 1, 1, "a standard's rules live in " + standardRulesFolder(standard)
                        + " of its folder (its id, - as _), so that two editions never share a package"));
            }
            checkEditionGate(path, text, problems);
            checkParameters(path, text, campaign, problems);
            checkRatioGuards(path, text, problems);
        }
        KieBase kieBase;
        if (precompiled != null && precompiled.builtFrom(ruleFileText)) {
            if (hasErrors(problems, before)) {
                return Optional.empty();
            }
            kieBase = precompiled.newKieBase();
        } else {
            Optional<KnowledgeBuilder> built = build(ruleFileText, problems);
            if (built.isEmpty() || hasErrors(problems, before)) {
                return Optional.empty();
            }
            kieBase = built.get().newKieBase();
        }
        return check(kieBase, campaign, ruleFileText, problems, before);
    }

    /**
     * The campaign's rule files, path to text, in path order: what is compiled, and what a precompiled
     * campaign's digest is taken over (the two must never differ).
     */
    static Map<String, String> ruleFiles(CampaignFiles files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : rulePaths(files)) {
            texts.put(path, files.text(path).orElseThrow());
        }
        return texts;
    }

    /** The rule files of a campaign and of the standards in its snapshot ({@code standards/<id>/rules/}), in path order. */
    public static List<String> rulePaths(CampaignFiles files) {
        List<String> paths = new ArrayList<>(files.paths(RULES_FOLDER, ".drl"));
        for (String path : files.paths(CampaignFiles.STANDARDS_ROOT, ".drl")) {
            String standard = standardOf(path);
            if (!standard.isEmpty() && path.startsWith(CampaignFiles.STANDARDS_ROOT + standard + "/" + RULES_FOLDER)
                    && files.text(CampaignFiles.STANDARDS_ROOT + standard + "/" + CampaignFiles.STANDARD_FILE).isPresent()) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** The id of the standard a file of the snapshot belongs to, {@code ""} for the campaign's own. */
    public static String standardOf(String path) {
        if (!path.startsWith(CampaignFiles.STANDARDS_ROOT)) {
            return "";
        }
        int end = path.indexOf('/', CampaignFiles.STANDARDS_ROOT.length());
        return end < 0 ? "" : path.substring(CampaignFiles.STANDARDS_ROOT.length(), end);
    }

    /** The folder a standard's rules live in: {@code rules/<id with - as _>/}, so that two editions never share a package. */
    static String standardRulesFolder(String standard) {
        return RULES_FOLDER + standard.replace('-', '_') + "/";
    }

    private static final Pattern WHEN_THEN = Pattern.compile("(?ms)^\\s*when\\b(.*?)^\\s*then\\b");

    /**
     * Every rule of a standard joins the fact of its edition being in force, {@code InForce(standard ==
     * "<id>")}, so that the editions a campaign applies share one rule base and only the one in force on
     * an assessment's date concludes anything: no salience, no agenda tricks, no global switch.
     */
    static void checkEditionGate(String path, String text, List<Problem> problems) {
        String standard = standardOf(path);
        if (standard.isEmpty()) {
            return;
        }
        Pattern gate = Pattern.compile("\\bInForce\\s*\\(\\s*standard\\s*==\\s*\"" + Pattern.quote(standard)
                + "\"\\s*\\)");
        Matcher name = RULE_NAME.matcher(text);
        while (name.find()) {
            Matcher body = WHEN_THEN.matcher(text);
            if (!body.find(name.end()) || !gate.matcher(body.group(1)).find()) {
                problems.add(Problem.error(path, lineAt(text, name.start(1)), 0, "rule " + name.group(1)
                        + " belongs to standard " + standard + " and must join its edition: write InForce(standard == \""
                        + standard + "\") in its when part, so that it concludes only on dates the edition is in force"));
            }
        }
    }

    /** Parses and compiles the rule files; every Drools error and warning becomes a located problem. */
    private static Optional<KnowledgeBuilder> build(Map<String, String> ruleFileText, List<Problem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        ruleFileText.forEach((path, text) -> batch.add(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(path),
                ResourceType.DRL));
        try {
            batch.build();
        } catch (RuntimeException e) {
            // Drools throws rather than reports on some malformed input; keep it as a problem.
            problems.add(Problem.error(RULES_FOLDER, 0, 0, "the rules could not be compiled: " + e.getMessage()));
            return Optional.empty();
        }
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            problems.add(toProblem(result));
        }
        return Optional.of(builder);
    }

    private static Optional<Result> check(KieBase kieBase, Campaign campaign, Map<String, String> ruleFileText,
            List<Problem> problems, int before) {
        Map<String, CompiledRule> rules = new LinkedHashMap<>();
        // each file indexed once, when its first rule is checked (not per rule: see RuleIndex)
        Map<String, RuleIndex> indexes = new HashMap<>();
        java.util.function.Function<String, RuleIndex> index =
                file -> indexes.computeIfAbsent(file, f -> new RuleIndex(ruleFileText.get(f)));
        List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
        packages.sort(Comparator.comparing(KiePackage::getName));
        for (KiePackage pkg : packages) {
            List<Rule> sorted = new ArrayList<>(pkg.getRules());
            sorted.sort(Comparator.comparingInt(Rule::getLoadOrder));
            for (Rule rule : sorted) {
                checkRule((RuleImpl) rule, campaign, index, problems).ifPresent(r -> {
                    CompiledRule previous = rules.put(rule.getName(), r);
                    if (previous != null) {
                        problems.add(Problem.error(r.info().file(), index.apply(r.info().file()).line(rule.getName()),
                                0, "rule \"" + rule.getName() + "\" has the same name as a rule in "
                                + previous.info().file() + ": rule names must be unique across the campaign"));
                    }
                });
            }
        }
        if (hasErrors(problems, before)) {
            return Optional.empty();
        }
        return Optional.of(new Result(kieBase, Map.copyOf(rules)));
    }

    private static boolean hasErrors(List<Problem> problems, int from) {
        return problems.subList(from, problems.size()).stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The folder {@code rules/gb35181/} holds package {@code rules.gb35181}: one folder, one package, one concern. */
    static String expectedPackage(String path) {
        String standard = standardOf(path);
        String inFolder = standard.isEmpty() ? path : path.substring(CampaignFiles.STANDARDS_ROOT.length() + standard.length() + 1);
        String folder = inFolder.substring(0, inFolder.lastIndexOf('/'));
        return folder.replace('/', '.');
    }

    private static void checkPackage(String path, String text, List<Problem> problems) {
        Matcher m = PACKAGE.matcher(text);
        String expected = expectedPackage(path);
        if (!m.find()) {
            problems.add(Problem.error(path, 1, 1, "no package declaration: write 'package " + expected
                    + ";' (the package names the folder)"));
            return;
        }
        if (!m.group(1).equals(expected)) {
            int line = lineAt(text, m.start(1));
            String shown = standardOf(path).isEmpty() ? path
                    : path.substring(CampaignFiles.STANDARDS_ROOT.length() + standardOf(path).length() + 1);
            problems.add(Problem.error(path, line, column(text, m.start(1)), "package " + m.group(1)
                    + " does not match the folder: a file in " + shown.substring(0, shown.lastIndexOf('/') + 1)
                    + " declares 'package " + expected + ";'"));
        }
    }

    /** Fields that hold NaN when nothing was reported, by fact type, with the property that says they were. */
    private static final List<String[]> NAN_FIELDS = List.of(
            new String[] {"HazardFinding", "ratio", "measured"},
            new String[] {"CountableFinding", "ratio", "measured"},
            new String[] {"VenueProfile", "heightMeters", "heightKnown"});

    /**
     * An unreported ratio or height is NaN, and Drools evaluates {@code ratio < x} one way while it
     * interprets a constraint and the other once it has compiled it to bytecode (true for NaN). A
     * pattern comparing such a field must therefore also test the property that says it was reported.
     */
    static void checkRatioGuards(String path, String text, List<Problem> problems) {
        for (String[] field : NAN_FIELDS) {
            checkNanGuard(path, text, field[0], field[1], field[2], problems);
        }
    }

    private static void checkNanGuard(String path, String text, String type, String field, String guard,
            List<Problem> problems) {
        Pattern comparison = Pattern.compile("\\b" + field + "\\s*(<|<=|>|>=)");
        Pattern guarded = Pattern.compile("\\b" + guard + "\\b");
        int from = 0;
        while (true) {
            int start = text.indexOf(type + "(", from);
            if (start < 0) {
                return;
            }
            int open = start + type.length();
            int depth = 0;
            int end = open;
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            String pattern = text.substring(open, Math.min(end + 1, text.length()));
            Matcher m = comparison.matcher(pattern);
            if (m.find() && !guarded.matcher(pattern).find()) {
                int at = open + m.start();
                problems.add(Problem.error(path, lineAt(text, at), column(text, at), "a pattern comparing " + field
                        + " must also say " + guard + " (" + type + "(…, " + guard + ", " + field + " < x)): an "
                        + "unreported " + field + " is NaN, and compiled constraints compare NaN differently from "
                        + "interpreted ones"));
            }
            from = end + 1;
        }
    }

    private static void checkParameters(String path, String text, Campaign campaign, List<Problem> problems) {
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            if (!campaign.parameters().containsKey(m.group(1))) {
                problems.add(Problem.error(path, lineAt(text, m.start(1)), column(text, m.start(1)), "parameter '"
                        + m.group(1) + "' is not defined under parameters: in campaign.yaml"));
            }
        }
        checkNames(path, text, LIKELIHOOD, campaign.matrix().likelihood().keySet(),
                "is not a row of the likelihood table (grades.likelihood.rows in campaign.yaml)", problems);
        checkNames(path, text, SEVERITY, campaign.matrix().severity().keySet(),
                "is not a row of the severity table (grades.severity.rows in campaign.yaml)", problems);
        checkNames(path, text, GROUND, campaign.suspension().grounds().keySet(),
                "is not a suspension ground (suspension.grounds in campaign.yaml)", problems);
        java.util.Set<String> lists = new java.util.HashSet<>();
        campaign.standards().forEach(st -> lists.addAll(st.elementLists().keySet()));
        checkNames(path, text, ELEMENT_LIST, lists,
                "is not an element list (elementLists: in the standard.yaml of a standard the campaign applies)", problems);
        Matcher l = NAMED_LISTS.matcher(text);
        while (l.find()) {
            boolean codes = l.group(1).equals("codes");
            java.util.Set<String> known = codes ? campaign.hazardLists().keySet() : campaign.kindLists().keySet();
            Matcher name = QUOTED.matcher(l.group(2));
            while (name.find()) {
                if (!known.contains(name.group(1))) {
                    int at = l.start(2) + name.start(1);
                    problems.add(Problem.error(path, lineAt(text, at), column(text, at), "'" + name.group(1) + "' is not "
                            + (codes ? "a hazard list (hazardLists: in campaign.yaml)" : "a venue-kind list (kindLists: in campaign.yaml)")));
                }
            }
        }
        Matcher e = ELEMENT.matcher(text);
        while (e.find()) {
            // A standard's rule concludes its own edition's element; a campaign's rule, an element of any edition.
            String standard = path.startsWith(CampaignFiles.STANDARDS_ROOT)
                    ? path.substring(CampaignFiles.STANDARDS_ROOT.length(), path.indexOf('/', CampaignFiles.STANDARDS_ROOT.length()))
                    : null;
            io.firerisk.campaign.Element element = campaign.elementsNumbered(e.group(2)).stream()
                    .filter(x -> standard == null || x.standard().equals(standard)).findFirst().orElse(null);
            String kind = e.group(1).equals("direct") ? "DIRECT" : "COMPREHENSIVE";
            if (element == null) {
                problems.add(Problem.error(path, lineAt(text, e.start(2)), column(text, e.start(2)), "element '"
                        + e.group(2) + "' is not in elements.csv"));
            } else if (!element.kind().name().equals(kind)) {
                problems.add(Problem.error(path, lineAt(text, e.start(2)), column(text, e.start(2)), "element '"
                        + e.group(2) + "' is " + element.kind().name().toLowerCase(Locale.ROOT) + " in elements.csv, "
                        + "but the rule concludes it with ElementPresent." + e.group(1)));
            }
        }
    }

    private static void checkNames(String path, String text, Pattern call, java.util.Set<String> known, String missing,
            List<Problem> problems) {
        Matcher m = call.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                problems.add(Problem.error(path, lineAt(text, m.start(1)), column(text, m.start(1)), "'" + m.group(1)
                        + "' " + missing));
            }
        }
    }

    private static Optional<CompiledRule> checkRule(RuleImpl rule, Campaign campaign,
            java.util.function.Function<String, RuleIndex> index, List<Problem> problems) {
        String file = rule.getResource() == null ? "" : rule.getResource().getSourcePath();
        RuleIndex rulesOfFile = index.apply(file);
        int line = rulesOfFile.line(rule.getName());
        String where = "rule \"" + rule.getName() + "\"";
        Map<String, Object> meta = rule.getMetaData();
        boolean ok = true;

        String clauseId = metaString(meta, CLAUSE);
        Clause clause = null;
        if (clauseId.isEmpty()) {
            problems.add(Problem.error(file, line, 0, where + " has no @clause: every rule cites the clause it implements"));
            ok = false;
        } else {
            clause = campaign.clauses().get(clauseId);
            if (clause == null) {
                problems.add(Problem.error(file, line, 0, where + " cites @clause(\"" + clauseId
                        + "\"), which is not in clauses.csv"));
                ok = false;
            }
        }

        Map<String, Class<?>> bindings = new HashMap<>();
        for (Map.Entry<String, Declaration> d : rule.getDeclarations().entrySet()) {
            bindings.put(d.getKey(), d.getValue().getDeclarationClass());
        }
        Template zh = template(meta, ZH, where, file, line, bindings, campaign.parameters(), problems);
        Template en = template(meta, EN, where, file, line, bindings, campaign.parameters(), problems);
        ok &= zh != null && en != null;

        String cites = metaString(meta, CITES).strip();
        if (!cites.isEmpty()) {
            String binding = cites.startsWith("$") ? cites.substring(1) : cites;
            Class<?> type = bindings.containsKey(cites) ? bindings.get(cites) : bindings.get(binding);
            if (type == null || !io.firerisk.campaign.Element.class.isAssignableFrom(type)) {
                problems.add(Problem.error(file, line, 0, where + " has @cites(\"" + cites + "\"): it must name a binding "
                        + "of the rule to an Element (for example $e : Element(…) from campaign.elementsAt($v))"));
                ok = false;
            } else {
                cites = bindings.containsKey(cites) ? cites : binding;
            }
        }

        String scope = metaString(meta, SCOPE).toLowerCase(Locale.ROOT);
        if (!scope.isEmpty() && !scope.equals("campaign") && !scope.equals("standing")) {
            problems.add(Problem.error(file, line, 0, where + " has @scope(\"" + scope
                    + "\"): write campaign or standing, or leave it out to follow the clause"));
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        boolean campaignOnly = scope.isEmpty() ? clause.campaignOnly() : scope.equals("campaign");
        Map<String, String> metadata = new LinkedHashMap<>();
        meta.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
        List<String> lists = new ArrayList<>();
        String body = rulesOfFile.ruleText(rule.getName());
        Matcher read = ELEMENT_LIST.matcher(body);
        while (read.find()) {
            if (!lists.contains(read.group(1))) {
                lists.add(read.group(1));
            }
        }
        RuleInfo info = new RuleInfo(rule.getName(), rule.getPackageName(), file, clauseId, campaignOnly, metadata,
                lists, family(campaign, standardOf(file), body, lists));
        return Optional.of(new CompiledRule(info, clause, zh, en, cites));
    }

    /**
     * The elements a rule reads as a family (RuleInfo.family): the members of the lists it reads, and the
     * elements of its own edition (of the campaign, for a campaign's own rule) that its
     * {@code Element(…) from campaign.elementsAt(…)} patterns can match, by the kind they test and whether they
     * need the element's conditions. Documents and coverage attribute each element to the rules that cover it.
     */
    private static List<String> family(Campaign campaign, String standard, String body, List<String> lists) {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (io.firerisk.campaign.Standard s : campaign.standards()) {
            lists.forEach(l -> s.elementLists().getOrDefault(l, List.of()).forEach(e -> numbers.add(e.number())));
        }
        Matcher at = ELEMENTS_AT.matcher(body);
        while (at.find()) {
            Matcher kind = KIND_IS.matcher(at.group(1));
            String wanted = kind.find() ? kind.group(1) : "";
            boolean conditions = HAS_CONDITIONS.matcher(at.group(1)).find();
            for (io.firerisk.campaign.Element e : campaign.elements().values()) {
                if ((standard.isEmpty() || e.standard().equals(standard))
                        && (wanted.isEmpty() || e.kind().name().equals(wanted))
                        && (!conditions || !e.conditions().isEmpty())) {
                    numbers.add(e.number());
                }
            }
        }
        return numbers.stream().sorted(io.firerisk.campaign.Element.NUMBER_ORDER).toList();
    }

    private static Template template(Map<String, Object> meta, String key, String where, String file, int line,
            Map<String, Class<?>> bindings, Map<String, Double> parameters, List<Problem> problems) {
        String source = metaString(meta, key);
        if (source.isEmpty()) {
            problems.add(Problem.error(file, line, 0, where + " has no @" + key + "(\"…\") sentence: every rule explains "
                    + "itself in Chinese (@zh) and English (@en)"));
            return null;
        }
        try {
            Template template = Template.parse(source, parameters);
            List<String> errors = template.check(bindings);
            for (String error : errors) {
                problems.add(Problem.error(file, line, 0, where + " @" + key + ": " + error));
            }
            return errors.isEmpty() ? template : null;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(file, line, 0, where + " @" + key + ": " + e.getMessage()));
            return null;
        }
    }

    private static String metaString(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? "" : unquote(String.valueOf(value));
    }

    /** An annotation value as the analyst meant it: {@code "6.5"} and {@code 6.5} both read {@code 6.5}. */
    public static String unquote(String value) {
        String s = value.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static Problem toProblem(KnowledgeBuilderResult result) {
        return toProblem(result.getResource() == null ? RULES_FOLDER : result.getResource().getSourcePath(), result);
    }

    /** A Drools parser or compiler message as a problem located in {@code file}. */
    public static Problem toProblem(String file, KnowledgeBuilderResult result) {
        int[] lines = result.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
        // The parser counts columns from 0; editors and the rest of firerisk count from 1.
        int column = result instanceof ParserError pe && pe.getCol() >= 0 ? pe.getCol() + 1 : 0;
        String message = result.getMessage() == null ? "" : result.getMessage().strip().replaceAll("\\s+", " ");
        return result.getSeverity() == ResultSeverity.ERROR
                ? Problem.error(file, line, column, message)
                : Problem.warning(file, line, column, message);
    }

    /**
     * Where each rule of one file is declared, found in one pass over the file: the name's offset and the start of
     * every line. The checks ask for each rule's line and text once per rule; finding them by scanning the file
     * from the top every time (as before) made the look-ups quadratic in a file's length and twice as costly at a
     * start (docs/performance.md, *Cold start (third session)*). The lines are those {@link #lineAt} counts.
     */
    static final class RuleIndex {
        private final String text;
        /** Offset of the first character of each line: {@code lineStarts[n - 1]} starts line n. */
        private final int[] lineStarts;
        /** Rule name (quotes removed, as Drools names it) to the offset of its name; the first declaration wins. */
        private final Map<String, Integer> declared = new HashMap<>();

        RuleIndex(String text) {
            this.text = text == null ? "" : text;
            int lines = 1;
            for (int i = 0; i < this.text.length(); i++) {
                if (this.text.charAt(i) == '\n') {
                    lines++;
                }
            }
            lineStarts = new int[lines];
            for (int i = 0, n = 1; i < this.text.length(); i++) {
                if (this.text.charAt(i) == '\n') {
                    lineStarts[n++] = i + 1;
                }
            }
            Matcher m = RULE_NAME.matcher(this.text);
            while (m.find()) {
                String name = m.group(1);
                if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                    name = name.substring(1, name.length() - 1);
                }
                declared.putIfAbsent(name, m.start(1));
            }
        }

        /** 1-based line of the rule's declaration, 0 when the file declares no such rule. */
        int line(String ruleName) {
            Integer at = declared.get(ruleName);
            return at == null ? 0 : lineAt(at);
        }

        /** The text of the rule from the start of its declaration's line to its {@code end}, empty when not found. */
        String ruleText(String ruleName) {
            int line = line(ruleName);
            if (line == 0) {
                return "";
            }
            int start = lineStarts[line - 1];
            Matcher end = RULE_END.matcher(text);
            return end.find(start) ? text.substring(start, end.end()) : text.substring(start);
        }

        /** 1-based line of an offset: one more than the line breaks before it. */
        int lineAt(int offset) {
            int at = java.util.Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
            // found: the offset starts that line; not found: -(insertion point) - 1, the line is the one before it
            return at >= 0 ? at + 1 : -at - 1;
        }
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - start + 1;
    }
}
