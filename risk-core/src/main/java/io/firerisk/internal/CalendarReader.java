package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.Text;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.Phase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code calendar} section of campaign.yaml: its phases and key periods, read field by field. What
 * makes a calendar consistent (phases in order without gaps, key periods apart, above the normal level
 * and inside the campaign) is {@link CalendarRules}'; this class only reads and hands each entry over.
 */
final class CalendarReader extends CampaignPart {

    private final CalendarRules rules;

    CalendarReader(CampaignFiles files, List<Problem> problems) {
        super(files, problems);
        this.rules = new CalendarRules(problems);
    }

    CampaignCalendar readCalendar(YamlNode root, Map<String, Text> alertLevels, Map<String, Clause> clauses) {
        YamlNode node = root.map("calendar", true, problems).orElse(root);
        node.rejectUnknownKeys(List.of("clause", "normalLevel", "warningLevel", "leadDays", "marginDays", "phases",
                "keyPeriods"), problems);
        String clause = node.string("clause", true, problems).orElse("");
        if (!clause.isEmpty()) {
            knownClause(clause, node.get("clause").orElseThrow(), clauses);
        }
        String normal = level(node, "normalLevel", alertLevels);
        String warning = level(node, "warningLevel", alertLevels);
        int leadDays = node.integer("leadDays", true, 0, 366, problems).orElse(0);
        int marginDays = node.integer("marginDays", false, 0, 366, problems).orElse(0);

        // Codes name phases and periods in results and reports; one code, one span.
        Map<String, String> codes = new HashMap<>();
        List<Phase> phases = new ArrayList<>();
        List<YamlNode> phaseNodes = node.list("phases", true, problems);
        int beforePhases = problems.size();
        for (YamlNode p : phaseNodes) {
            p.rejectUnknownKeys(List.of("code", "zh", "en", "from", "to", "clause"), problems);
            Optional<String> code = p.string("code", true, problems);
            Optional<String> zh = p.string("zh", true, problems);
            Optional<LocalDate> from = p.date("from", true, problems);
            Optional<LocalDate> to = p.date("to", true, problems);
            Optional<String> phaseClause = p.string("clause", true, problems);
            if (code.isEmpty() || zh.isEmpty() || from.isEmpty() || to.isEmpty() || phaseClause.isEmpty()) {
                continue;
            }
            knownClause(phaseClause.get(), p.get("clause").orElseThrow(), clauses);
            if (to.get().isBefore(from.get())) {
                problems.add(p.get("to").orElseThrow().problem("phase " + code.get() + " ends (" + to.get()
                        + ") before it starts (" + from.get() + ")"));
                continue;
            }
            if (rules.uniqueCode(codes, code.get(), "phase", p)) {
                continue;
            }
            if (!phases.isEmpty()) {
                rules.followsPrevious(phases.get(phases.size() - 1), code.get(), from.get(), p.get("from").orElseThrow());
            }
            phases.add(new Phase(code.get(), Text.of(zh.get(), p.string("en", false, problems).orElse("")), from.get(),
                    to.get(), phaseClause.get()));
        }
        if (phaseNodes.isEmpty() && node.get("phases").isPresent()) {
            problems.add(node.get("phases").get().problem("a campaign needs at least one phase"));
        }
        // With a broken phase the campaign's span is unknown; judging key periods against it would
        // only add errors that go away once the phase is fixed.
        boolean phasesSound = problems.size() == beforePhases && !phases.isEmpty();
        LocalDate start = phases.stream().map(Phase::from).min(LocalDate::compareTo).orElse(null);
        LocalDate end = phases.stream().map(Phase::to).max(LocalDate::compareTo).orElse(null);

        List<KeyPeriod> periods = new ArrayList<>();
        for (YamlNode k : node.list("keyPeriods", false, problems)) {
            k.rejectUnknownKeys(List.of("code", "zh", "en", "from", "to", "level", "leadDays", "marginDays", "clause",
                    "source"), problems);
            Optional<String> code = k.string("code", true, problems);
            Optional<String> zh = k.string("zh", true, problems);
            Optional<LocalDate> from = k.date("from", true, problems);
            Optional<LocalDate> to = k.date("to", true, problems);
            String level = level(k, "level", alertLevels);
            int lead = k.integer("leadDays", false, 0, 366, problems).orElse(leadDays);
            int margin = k.integer("marginDays", false, 0, 366, problems).orElse(marginDays);
            String periodClause = k.string("clause", false, problems).orElse(clause);
            String source = k.string("source", false, problems).orElse("");
            if (code.isEmpty() || zh.isEmpty() || from.isEmpty() || to.isEmpty() || level.isEmpty()) {
                continue;
            }
            if (k.get("clause").isPresent()) {
                knownClause(periodClause, k.get("clause").get(), clauses);
            }
            if (!source.isEmpty()) {
                knownClause(source, k.get("source").get(), clauses);
            }
            if (to.get().isBefore(from.get())) {
                problems.add(k.get("to").orElseThrow().problem("key period " + code.get() + " ends (" + to.get()
                        + ") before it starts (" + from.get() + ")"));
                continue;
            }
            if (level.equals(normal)) {
                problems.add(k.get("level").orElseThrow().problem("key period " + code.get() + " is at the normal level "
                        + normal + ": a key period raises the level (calendar.normalLevel is " + normal + ")"));
            }
            if (rules.uniqueCode(codes, code.get(), "key period", k)) {
                continue;
            }
            KeyPeriod period = new KeyPeriod(code.get(), Text.of(zh.get(), k.string("en", false, problems).orElse("")),
                    from.get(), to.get(), level, lead, margin, periodClause, source);
            if (phasesSound && !rules.insideCampaign(period, k, node, start, end)) {
                continue;
            }
            rules.apartFromOthers(period, periods, k, node);
            periods.add(period);
        }
        periods.sort(java.util.Comparator.comparing(KeyPeriod::raisedFrom));
        if (phases.isEmpty()) {
            return null;
        }
        return new CampaignCalendar(phases, periods, alertLevels, normal, warning, clause);
    }

    String level(YamlNode node, String key, Map<String, Text> alertLevels) {
        Optional<String> level = node.string(key, true, problems);
        if (level.isPresent() && !alertLevels.containsKey(level.get())) {
            problems.add(node.get(key).orElseThrow().problem("'" + level.get() + "' is not one of alertLevels ("
                    + String.join(", ", alertLevels.keySet()) + ")"));
            return "";
        }
        return level.orElse("");
    }
}
