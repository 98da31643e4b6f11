package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.Verification;
import io.firerisk.campaign.Clause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the parts of the campaign reader share: the folder's files, the list every problem goes to, and
 * the small readings each part needs (a text in both languages, a code-to-label map, a verification
 * mark, a grade, a clause that must exist, a key defined once).
 */
abstract class CampaignPart {

    /** What a code may be: upper-case letters, digits and underscores, starting with a letter. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    final CampaignFiles files;
    final List<Problem> problems;

    CampaignPart(CampaignFiles files, List<Problem> problems) {
        this.files = files;
        this.problems = problems;
    }

    Text text(YamlNode parent, String key, boolean required) {
        Optional<YamlNode> node = required ? parent.required(key, problems) : parent.get(key);
        if (node.isEmpty()) {
            return Text.EMPTY;
        }
        return text(node.get());
    }

    Text text(YamlNode node) {
        return text(node, List.of());
    }

    /** A text; {@code extra} names keys besides zh and en the node may carry (read by the caller). */
    Text text(YamlNode node, List<String> extra) {
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

    Map<String, Text> labelMap(YamlNode parent, String key, boolean required) {
        return labelMap(parent, key, required, List.of());
    }

    /** Code → text; {@code extra} names keys besides zh and en a label may carry (read by the caller). */
    Map<String, Text> labelMap(YamlNode parent, String key, boolean required, List<String> extra) {
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

    Optional<Verification> verification(CsvTable.Row row) {
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

    Optional<RiskGrade> grade(YamlNode node, String key, String value) {
        try {
            return Optional.of(RiskGrade.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.add(node.get(key).orElse(node).problem("'" + value + "' must be RED, ORANGE, YELLOW or BLUE"));
            return Optional.empty();
        }
    }

    boolean knownClause(String clause, CsvTable.Row row, String column, Map<String, Clause> clauses) {
        if (!clauses.containsKey(clause)) {
            problems.add(row.problem(column, "'" + clause + "' is not a clause of " + CampaignReader.CLAUSES_FILE));
            return false;
        }
        return true;
    }

    void knownClause(String clause, YamlNode node, Map<String, Clause> clauses) {
        if (!clauses.containsKey(clause)) {
            problems.add(node.problem("'" + clause + "' is not a clause of " + CampaignReader.CLAUSES_FILE));
        }
    }

    boolean duplicate(Map<String, Integer> lines, String key, CsvTable.Row row, String column) {
        Integer previous = lines.putIfAbsent(key, row.line());
        if (previous != null) {
            problems.add(row.problem(column, "'" + key + "' is already defined on line " + previous));
            return true;
        }
        return false;
    }

    /** A required code in {@code column}: upper-case letters, digits and underscores, or a problem. */
    Optional<String> code(CsvTable.Row row, String column) {
        Optional<String> code = row.required(column, problems);
        if (code.isPresent() && !CODE.matcher(code.get()).matches()) {
            problems.add(row.problem(column, "'" + code.get() + "' must be upper-case letters, digits and underscores"));
            return Optional.empty();
        }
        return code;
    }
}
