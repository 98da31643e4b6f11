package io.firerisk.analysis;

import io.firerisk.internal.CampaignFiles;
import io.firerisk.internal.RuleCompiler;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the campaign's rule files refer to, read from the parsed DRL (the Drools parser's
 * description of each rule, with character positions) rather than from the compiled rules, so
 * that every reference keeps its file, line and column, and so that it works on rule files that
 * parse but do not compile.
 *
 * <p>A reference is a string literal compared with a field of the rule vocabulary whose values
 * come from a campaign table: {@code HazardFinding(code == "X")}, {@code VenueProfile(kind in ("A", "B"))},
 * {@code placeClasses contains "CROWDED"}, {@code CalendarDay(alertLevel == "RAISED")}, and the
 * codes a consequence passes to {@code ActionRequired.forFinding(…, "RECTIFY")} or
 * {@code new Exclusion(…, "OUT_OF_USE")}. Values computed at run time cannot be checked and are
 * not guessed at.
 */
final class RuleScan {

    /** The campaign tables a reference can point into. */
    enum Kind {
        HAZARD("hazard code", "is not in the hazard catalogue (hazards.csv, hazards/*.csv)"),
        CATEGORY("hazard category", "is not one of categories: in campaign.yaml"),
        ELEMENT("element", "is not in elements.csv"),
        VENUE_KIND("venue kind", "is not in venue-kinds.csv"),
        BUILDING("building type", "is not the building of any row of venue-kinds.csv"),
        PLACE_CLASS("place class", "is not one of placeClasses: in campaign.yaml"),
        ALERT_LEVEL("alert level", "is not one of alertLevels: in campaign.yaml"),
        PHASE("phase", "is not one of calendar.phases in campaign.yaml"),
        KEY_PERIOD("key period", "is not one of calendar.keyPeriods in campaign.yaml"),
        ACTION("action", "is not in actions.csv"),
        EXCLUSION("exclusion", "is not one of determination.exclusions in campaign.yaml"),
        COUNTING_ROW("counting row", "is not one of determination.counting in campaign.yaml"),
        PARAMETER("parameter", "is not under parameters: in campaign.yaml"),
        LIKELIHOOD_ROW("likelihood row", "is not a row of grades.likelihood in campaign.yaml"),
        SEVERITY_ROW("severity row", "is not a row of grades.severity in campaign.yaml"),
        GROUND("suspension ground", "is not one of suspension.grounds in campaign.yaml"),
        HAZARD_LIST("hazard list", "is not under hazardLists: in campaign.yaml"),
        KIND_LIST("venue-kind list", "is not under kindLists: in campaign.yaml");

        final String noun;
        final String missing;

        Kind(String noun, String missing) {
            this.noun = noun;
            this.missing = missing;
        }
    }

    /** A literal a rule compares with a campaign table's values; {@code positive} is false for != and "not in". */
    record Ref(Kind kind, String value, boolean positive, String file, int line, int column, String rule,
            boolean checkedByLoader) {}

    /**
     * One rule, with what decides which hazard codes it can ever see.
     *
     * @param genericFinding     it matches findings without naming their code
     * @param elementFilters     elements a code-free finding pattern requires ({@code elements contains "7.3.6"})
     * @param categoryFilters    categories a code-free finding pattern requires
     * @param groundFilters      suspension grounds a code-free finding pattern requires ({@code grounds contains "…"})
     * @param concludedElements  elements it concludes by number
     * @param computedElement    it concludes an element computed at run time (from the finding's own elements)
     */
    record ScannedRule(String name, String file, int line, String clause, boolean genericFinding,
            Set<String> elementFilters, Set<String> categoryFilters, Set<String> groundFilters, Set<String> concludedElements,
            boolean computedElement) {}

    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("HazardFinding.code", Kind.HAZARD),
            Map.entry("HazardFinding.category", Kind.CATEGORY),
            Map.entry("HazardFinding.elements", Kind.ELEMENT),
            Map.entry("HazardFinding.grounds", Kind.GROUND),
            Map.entry("HazardFinding.likelihoodRow", Kind.LIKELIHOOD_ROW),
            Map.entry("CountableFinding.code", Kind.HAZARD),
            Map.entry("CountableFinding.element", Kind.ELEMENT),
            Map.entry("SuspensionGround.code", Kind.GROUND),
            Map.entry("LikelihoodRow.row", Kind.LIKELIHOOD_ROW),
            Map.entry("SeverityRow.row", Kind.SEVERITY_ROW),
            Map.entry("VenueProfile.kind", Kind.VENUE_KIND),
            Map.entry("VenueProfile.uses", Kind.VENUE_KIND),
            Map.entry("VenueProfile.hasUse", Kind.VENUE_KIND),
            Map.entry("VenueProfile.building", Kind.BUILDING),
            Map.entry("VenueProfile.placeClasses", Kind.PLACE_CLASS),
            Map.entry("VenueProfile.is", Kind.PLACE_CLASS),
            Map.entry("CalendarDay.alertLevel", Kind.ALERT_LEVEL),
            Map.entry("CalendarDay.phase", Kind.PHASE),
            Map.entry("CalendarDay.keyPeriod", Kind.KEY_PERIOD),
            Map.entry("CalendarDay.upcomingPeriod", Kind.KEY_PERIOD),
            Map.entry("ActionRequired.code", Kind.ACTION),
            Map.entry("ElementPresent.element", Kind.ELEMENT),
            Map.entry("Exclusion.code", Kind.EXCLUSION),
            Map.entry("CountingRow.row", Kind.COUNTING_ROW));

    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final String FIELD = "(?:(\\$\\w+)\\s*\\.\\s*)?([A-Za-z_]\\w*)";
    private static final Pattern COMPARE = Pattern.compile(FIELD + "\\s*(==|!=)\\s*" + STRING);
    private static final Pattern COMPARE_REVERSED = Pattern.compile(STRING + "\\s*(==|!=)\\s*" + FIELD);
    private static final Pattern IN = Pattern.compile(FIELD + "\\s+(not\\s+)?in\\s*\\(");
    private static final Pattern CONTAINS = Pattern.compile(FIELD + "\\s+(not\\s+)?contains\\s+" + STRING);
    private static final Pattern MEMBER_OF = Pattern.compile(STRING + "\\s+(not\\s+)?memberOf\\s+" + FIELD);
    private static final Pattern IS = Pattern.compile("(?:(\\$\\w+)\\s*\\.\\s*)?\\bis\\s*\\(\\s*" + STRING + "\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile(STRING);
    private static final Pattern WHOLE_LITERAL = Pattern.compile("^\\s*" + STRING + "\\s*$");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern ACTION_CALL = Pattern.compile("ActionRequired\\s*\\.\\s*for(?:Finding|Venue)\\s*\\(|new\\s+ActionRequired\\s*\\(");
    private static final Pattern EXCLUSION_CALL = Pattern.compile("new\\s+Exclusion\\s*\\(");
    private static final Pattern ELEMENT_CALL = Pattern.compile("ElementPresent\\s*\\.\\s*(?:direct|comprehensive)\\s*\\(|new\\s+ElementPresent\\s*\\(");
    private static final Pattern PARAMETER = Pattern.compile("campaign\\s*\\.\\s*(?:number|whole)\\s*\\(\\s*" + STRING);
    private static final Pattern LIKELIHOOD = Pattern.compile("campaign\\s*\\.\\s*likelihood\\s*\\([^,()]+,\\s*" + STRING);
    private static final Pattern SEVERITY = Pattern.compile(
            "campaign\\s*\\.\\s*(?:severity\\s*\\([^,()]+,|severityLevel\\s*\\()\\s*" + STRING);
    private static final Pattern NAMED_LISTS = Pattern.compile("campaign\\s*\\.\\s*(codes|kinds)\\s*\\(([^()]*)\\)");
    private static final Pattern GROUND = Pattern.compile("campaign\\s*\\.\\s*ground(?:ForVenue)?\\s*\\([^,()]+,[^,()]+,\\s*" + STRING);

    private final List<Ref> refs = new ArrayList<>();
    private final List<ScannedRule> rules = new ArrayList<>();
    private final Set<String> unparsed = new LinkedHashSet<>();
    private final List<io.firerisk.Problem> parseErrors = new ArrayList<>();

    private RuleScan() {}

    static RuleScan of(CampaignFiles files) {
        RuleScan scan = new RuleScan();
        for (String path : RuleCompiler.rulePaths(files)) {
            scan.file(path, files.text(path).orElse(""));
        }
        return scan;
    }

    List<Ref> refs() {
        return refs;
    }

    List<ScannedRule> rules() {
        return rules;
    }

    /** Rule files the parser could not read; the loader reports why. */
    Set<String> unparsed() {
        return unparsed;
    }

    /** The parser's errors, for when the loader did not get as far as the rules. */
    List<io.firerisk.Problem> parseErrors() {
        return parseErrors;
    }

    private void file(String path, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            unparsed.add(path);
            parseErrors.add(io.firerisk.Problem.error(path, 0, 0, "the rule file cannot be parsed: " + e.getMessage()));
            return;
        }
        if (pkg == null || parser.hasErrors()) {
            unparsed.add(path);
            for (org.drools.drl.parser.DroolsError error : parser.getErrors()) {
                parseErrors.add(RuleCompiler.toProblem(path, error));
            }
            return;
        }
        Source source = new Source(path, text);
        for (RuleDescr rule : pkg.getRules()) {
            rule(source, rule);
        }
    }

    private void rule(Source source, RuleDescr rule) {
        RuleState state = new RuleState(source, rule.getName());
        walk(state, rule.getLhs());
        int start = Math.max(0, rule.getStartCharacter());
        int end = rule.getEndCharacter() > start ? Math.min(rule.getEndCharacter() + 1, source.text.length())
                : source.text.length();
        int lhsEnd = rule.getLhs() != null && rule.getLhs().getEndCharacter() > start ? rule.getLhs().getEndCharacter() : start;
        String code = source.code;
        Matcher then = THEN.matcher(code).region(Math.min(lhsEnd, end), end);
        if (then.find()) {
            consequence(state, then.end(), end);
        }
        Matcher p = PARAMETER.matcher(code).region(start, end);
        while (p.find()) {
            state.ref(Kind.PARAMETER, p.group(1), true, p.start(1), true);
        }
        for (Map.Entry<Pattern, Kind> call : List.of(Map.entry(LIKELIHOOD, Kind.LIKELIHOOD_ROW),
                Map.entry(SEVERITY, Kind.SEVERITY_ROW), Map.entry(GROUND, Kind.GROUND))) {
            Matcher g = call.getKey().matcher(code).region(start, end);
            while (g.find()) {
                state.ref(call.getValue(), g.group(1), true, g.start(1), true);
            }
        }
        Matcher lists = NAMED_LISTS.matcher(code).region(start, end);
        while (lists.find()) {
            Kind kind = lists.group(1).equals("codes") ? Kind.HAZARD_LIST : Kind.KIND_LIST;
            Matcher name = LITERAL.matcher(code).region(lists.start(2), lists.end(2));
            while (name.find()) {
                state.ref(kind, name.group(1), true, name.start(1), true);
            }
        }
        rules.add(new ScannedRule(rule.getName(), source.path, source.line(start), clause(rule), state.genericFinding,
                Set.copyOf(state.elementFilters), Set.copyOf(state.categoryFilters), Set.copyOf(state.groundFilters),
                Set.copyOf(state.concluded),
                state.computedElement));
    }

    private static String clause(RuleDescr rule) {
        AnnotationDescr a = rule.getAnnotation(RuleCompiler.CLAUSE);
        return a == null || a.getSingleValueAsString() == null ? "" : RuleCompiler.unquote(a.getSingleValueAsString());
    }

    // ------------------------------------------------------------------ conditions

    private void walk(RuleState state, BaseDescr descr) {
        if (descr == null) {
            return;
        }
        if (descr instanceof PatternDescr pattern) {
            pattern(state, pattern);
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (Object child : ce.getDescrs()) {
                if (child instanceof BaseDescr b) {
                    walk(state, b);
                }
            }
        }
    }

    private void pattern(RuleState state, PatternDescr pattern) {
        String type = simpleName(pattern.getObjectType());
        if (pattern.getIdentifier() != null) {
            state.bindings.put(pattern.getIdentifier(), type);
        }
        int before = state.refs.size();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr && expr.getStartCharacter() >= 0) {
                constraint(state, type, expr.getExpression(), expr.getStartCharacter());
            }
        }
        // A CountableFinding is a finding the edition in force counts, one per element it evidences.
        if (type.equals("HazardFinding") || type.equals("CountableFinding")) {
            List<Ref> own = state.refs.subList(before, state.refs.size());
            boolean namesCode = own.stream().anyMatch(r -> r.kind() == Kind.HAZARD && r.positive());
            if (!namesCode) {
                state.genericFinding = true;
                own.stream().filter(r -> r.kind() == Kind.ELEMENT && r.positive()).forEach(r -> state.elementFilters.add(r.value()));
                own.stream().filter(r -> r.kind() == Kind.CATEGORY && r.positive()).forEach(r -> state.categoryFilters.add(r.value()));
                own.stream().filter(r -> r.kind() == Kind.GROUND && r.positive()).forEach(r -> state.groundFilters.add(r.value()));
            }
        }
        if (pattern.getSource() instanceof AccumulateDescr acc) {
            walk(state, acc.getInput());
        } else if (pattern.getSource() instanceof CollectDescr collect) {
            walk(state, collect.getInputPattern());
        }
    }

    private void constraint(RuleState state, String patternType, String expression, int base) {
        // Each form: the groups holding the binding, the field, the literal and the operator.
        match(state, patternType, expression, base, COMPARE, 1, 2, 4, 3);
        match(state, patternType, expression, base, COMPARE_REVERSED, 3, 4, 1, 2);
        match(state, patternType, expression, base, CONTAINS, 1, 2, 4, 3);
        match(state, patternType, expression, base, MEMBER_OF, 3, 4, 1, 2);
        Matcher m = IS.matcher(expression);
        while (m.find()) {
            java.util.Optional<Kind> kind = field(state, patternType, m.group(1), "is");
            if (kind.isPresent()) {
                state.ref(kind.get(), m.group(2), true, base + m.start(2));
            }
        }
        m = IN.matcher(expression);
        while (m.find()) {
            java.util.Optional<Kind> kind = field(state, patternType, m.group(1), m.group(2));
            if (kind.isEmpty()) {
                continue;
            }
            boolean positive = m.group(3) == null;
            int close = closing(expression, m.end());
            Matcher lit = LITERAL.matcher(expression).region(m.end(), close);
            while (lit.find()) {
                state.ref(kind.get(), lit.group(1), positive, base + lit.start(1));
            }
        }
    }

    private static void match(RuleState state, String patternType, String expression, int base, Pattern form,
            int bindingGroup, int fieldGroup, int literalGroup, int operatorGroup) {
        Matcher m = form.matcher(expression);
        while (m.find()) {
            java.util.Optional<Kind> kind = field(state, patternType, m.group(bindingGroup), m.group(fieldGroup));
            if (kind.isPresent()) {
                String operator = m.group(operatorGroup);
                boolean positive = operator == null || operator.equals("==");
                state.ref(kind.get(), m.group(literalGroup), positive, base + m.start(literalGroup));
            }
        }
    }

    /** The table a field points into, when the field belongs to the pattern's type or to a bound variable's. */
    private static java.util.Optional<Kind> field(RuleState state, String patternType, String binding, String field) {
        String type = binding == null ? patternType : state.bindings.get(binding);
        if (type == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(FIELDS.get(type + "." + field));
    }

    // ------------------------------------------------------------------ consequence

    private void consequence(RuleState state, int from, int to) {
        String code = state.source.code;
        Matcher a = ACTION_CALL.matcher(code).region(from, to);
        while (a.find()) {
            literalArgument(code, a.end(), 1).ifPresent(arg -> state.ref(Kind.ACTION, arg.value, true, arg.offset));
        }
        Matcher x = EXCLUSION_CALL.matcher(code).region(from, to);
        while (x.find()) {
            literalArgument(code, x.end(), 1).ifPresent(arg -> state.ref(Kind.EXCLUSION, arg.value, true, arg.offset));
        }
        Matcher e = ELEMENT_CALL.matcher(code).region(from, to);
        while (e.find()) {
            // The element is the second argument of the factories and of the constructor alike.
            List<String> args = arguments(code, e.end());
            if (args.size() < 2) {
                continue;
            }
            Matcher lit = WHOLE_LITERAL.matcher(args.get(1));
            if (lit.matches()) {
                state.concluded.add(lit.group(1));
            } else {
                state.computedElement = true;
            }
        }
    }

    private record Literal(String value, int offset) {}

    /** The {@code index}-th argument of the call whose '(' ends at {@code open}, when it is a string literal. */
    private static java.util.Optional<Literal> literalArgument(String code, int open, int index) {
        List<int[]> spans = argumentSpans(code, open);
        if (index >= spans.size()) {
            return java.util.Optional.empty();
        }
        int[] span = spans.get(index);
        Matcher m = WHOLE_LITERAL.matcher(code.substring(span[0], span[1]));
        return m.matches() ? java.util.Optional.of(new Literal(m.group(1), span[0] + m.start(1)))
                : java.util.Optional.empty();
    }

    private static List<String> arguments(String code, int open) {
        List<String> args = new ArrayList<>();
        for (int[] span : argumentSpans(code, open)) {
            args.add(code.substring(span[0], span[1]));
        }
        return args;
    }

    /** Start and end offsets of each argument of the call whose '(' ends at {@code open}. */
    private static List<int[]> argumentSpans(String code, int open) {
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        int argStart = open;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                i = skipString(code, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                spans.add(new int[] {argStart, i});
                if (c == ')') {
                    return spans;
                }
                argStart = i + 1;
            }
        }
        return spans;
    }

    /** The index of the ')' closing the '(' just before {@code from}, or the end of the text. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return text.length();
    }

    private static int skipString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length();
    }

    private static String simpleName(String type) {
        if (type == null) {
            return "";
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    // ------------------------------------------------------------------ state

    /** A rule file's text, with comments blanked out (offsets kept) so they are not read as code. */
    private static final class Source {
        final String path;
        final String text;
        final String code;
        final int[] lineStarts;

        Source(String path, String text) {
            this.path = path;
            this.text = text;
            this.code = withoutComments(text);
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int line(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        int column(int offset) {
            return offset - lineStarts[line(offset) - 1] + 1;
        }

        private static String withoutComments(String text) {
            StringBuilder sb = new StringBuilder(text);
            for (int i = 0; i < sb.length(); i++) {
                char c = sb.charAt(i);
                if (c == '"') {
                    i = skipString(text, i);
                } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '/') {
                    while (i < sb.length() && sb.charAt(i) != '\n') {
                        sb.setCharAt(i++, ' ');
                    }
                } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
                    while (i < sb.length() && !(sb.charAt(i) == '*' && i + 1 < sb.length() && sb.charAt(i + 1) == '/')) {
                        if (sb.charAt(i) != '\n') {
                            sb.setCharAt(i, ' ');
                        }
                        i++;
                    }
                    if (i + 1 < sb.length()) {
                        sb.setCharAt(i, ' ');
                        sb.setCharAt(i + 1, ' ');
                        i++;
                    }
                }
            }
            return sb.toString();
        }
    }

    private final class RuleState {
        final Source source;
        final String rule;
        final Map<String, String> bindings = new HashMap<>();
        final List<Ref> refs = new ArrayList<>();
        final Set<String> elementFilters = new LinkedHashSet<>();
        final Set<String> categoryFilters = new LinkedHashSet<>();
        final Set<String> groundFilters = new LinkedHashSet<>();
        final Set<String> concluded = new LinkedHashSet<>();
        boolean genericFinding;
        boolean computedElement;

        RuleState(Source source, String rule) {
            this.source = source;
            this.rule = rule;
        }

        /** Records a literal whose text starts at {@code offset}; its position is that of its opening quote. */
        void ref(Kind kind, String value, boolean positive, int offset) {
            ref(kind, value, positive, offset, false);
        }

        /** {@code checkedByLoader}: the loader refuses an unknown value here already (parameters, table rows named in calls). */
        void ref(Kind kind, String value, boolean positive, int offset, boolean checkedByLoader) {
            int quote = Math.max(0, offset - 1);
            Ref ref = new Ref(kind, value, positive, source.path, source.line(quote), source.column(quote), rule,
                    checkedByLoader);
            refs.add(ref);
            RuleScan.this.refs.add(ref);
        }
    }
}
