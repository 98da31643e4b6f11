package io.firerisk.analysis;

import io.firerisk.Determination;

import io.firerisk.Assessment;
import io.firerisk.Grading;
import io.firerisk.MatrixRow;
import io.firerisk.Outcome;
import io.firerisk.RequiredAction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One venue whose outcome differs between two campaigns.
 *
 * @param venueId     the venue
 * @param name        its name
 * @param aspects     what changed
 * @param before      the outcome under the first campaign
 * @param after       the outcome under the second
 * @param rulesBefore the rules that fired only under the first campaign
 * @param rulesAfter  the rules that fired only under the second
 */
public record VenueChange(String venueId, String name, Set<Aspect> aspects, Outcome before, Outcome after,
        List<String> rulesBefore, List<String> rulesAfter) {

    /** What can change about a venue. */
    public enum Aspect { GRADE, VERDICT, SUSPENSION, ACTIONS, REFUSAL }

    public VenueChange {
        aspects = Set.copyOf(aspects);
        rulesBefore = List.copyOf(rulesBefore);
        rulesAfter = List.copyOf(rulesAfter);
    }

    static Optional<VenueChange> between(Outcome before, Outcome after, String name) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        Optional<Assessment> a = assessment(before);
        Optional<Assessment> b = assessment(after);
        if (a.isEmpty() || b.isEmpty()) {
            if (a.isPresent() || b.isPresent() || !refusal(before).equals(refusal(after))) {
                aspects.add(Aspect.REFUSAL);
            }
        } else {
            Assessment x = a.get();
            Assessment y = b.get();
            if (x.grade() != y.grade()) {
                aspects.add(Aspect.GRADE);
            }
            if (x.verdict() != y.verdict()) {
                aspects.add(Aspect.VERDICT);
            }
            if (x.suspensionRequired() != y.suspensionRequired()) {
                aspects.add(Aspect.SUSPENSION);
            }
            if (!actions(x).equals(actions(y))) {
                aspects.add(Aspect.ACTIONS);
            }
        }
        if (aspects.isEmpty()) {
            return Optional.empty();
        }
        Set<String> firedBefore = a.map(Assessment::firedRules).orElse(Set.of());
        Set<String> firedAfter = b.map(Assessment::firedRules).orElse(Set.of());
        List<String> onlyBefore = firedBefore.stream().filter(r -> !firedAfter.contains(r)).toList();
        List<String> onlyAfter = firedAfter.stream().filter(r -> !firedBefore.contains(r)).toList();
        String id = before.venueId().isEmpty() ? after.venueId() : before.venueId();
        return Optional.of(new VenueChange(id, name == null ? "" : name, aspects, before, after, onlyBefore, onlyAfter));
    }

    /**
     * The elements behind a verdict, with the edition that found them, numbered as the standard writes them:
     * {@code GB 35181-2017 direct 6.5; comprehensive 7.3.1, 7.3.2}, {@code GB 35181-2025 direct 5.1 h)}, or
     * {@code GB 35181-2025 none}.
     */
    static String elements(Assessment a) {
        Determination d = a.determination();
        List<String> parts = new ArrayList<>();
        if (!d.directElements().isEmpty()) {
            parts.add("direct " + String.join(", ", written(d.directElements())));
        }
        if (!d.comprehensiveElements().isEmpty()) {
            parts.add("comprehensive " + String.join(", ", written(d.comprehensiveElements())));
        }
        String standard = d.standard().isEmpty() ? "no standard" : d.standard();
        return standard + " " + (parts.isEmpty() ? "none" : String.join("; ", parts));
    }

    /** Element numbers as the standard writes them ({@link io.firerisk.campaign.Element#written}). */
    static List<String> written(java.util.Collection<String> numbers) {
        return numbers.stream().map(io.firerisk.campaign.Element::written).toList();
    }

    /** Each action code with its earliest deadline ({@code -} for none). */
    static Map<String, String> actions(Assessment a) {
        Map<String, String> out = new TreeMap<>();
        for (RequiredAction action : a.actions()) {
            String due = action.due().map(LocalDate::toString).orElse("-");
            out.merge(action.code(), due, (x, y) -> x.equals("-") ? y : y.equals("-") ? x : x.compareTo(y) <= 0 ? x : y);
        }
        return out;
    }

    private static Optional<Assessment> assessment(Outcome o) {
        return o instanceof Outcome.Assessed assessed ? Optional.of(assessed.assessment()) : Optional.empty();
    }

    private static String refusal(Outcome o) {
        return o instanceof Outcome.Rejected r ? r.error().getMessage() : "";
    }

    /**
     * The change as one JSON object on one line, the one JSON form of a change: what {@code firerisk diff
     * --json} lists under {@code changes} and the Spark job's diff writes per venue. {@code venue}, {@code name},
     * {@code aspects} (lower case, sorted), {@code a} and {@code b} (each side's {@code grade}, {@code verdict},
     * {@code suspension}, the edition of the standard applied ({@code standard}, empty for none), the elements
     * behind the verdict as the standard writes them ({@code directElements}, {@code comprehensiveElements}:
     * {@code "5.1 h)"}) and the earliest due date of each action code under {@code actions}, or why it
     * {@code refused} the venue), {@code rulesOnlyUnderA}, {@code rulesOnlyUnderB}.
     */
    public String json() {
        return ChangeJson.line(this);
    }

    /**
     * The change as lines an analyst reads: the venue and each difference, then the rules behind
     * it on each side.
     *
     * @param labelBefore how to call the first campaign, such as {@code A}
     * @param labelAfter  how to call the second
     */
    public List<String> describe(String labelBefore, String labelAfter) {
        List<String> lines = new ArrayList<>();
        lines.add(venueId + (name.isEmpty() ? "" : " " + name));
        Optional<Assessment> a = assessment(before);
        Optional<Assessment> b = assessment(after);
        if (aspects.contains(Aspect.REFUSAL)) {
            lines.add("  outcome     " + state(before) + " → " + state(after));
        }
        if (a.isPresent() && b.isPresent()) {
            Assessment x = a.get();
            Assessment y = b.get();
            if (aspects.contains(Aspect.GRADE)) {
                lines.add("  grade       " + x.grade() + " → " + y.grade());
            }
            if (aspects.contains(Aspect.VERDICT)) {
                lines.add("  verdict     " + x.verdict() + " → " + y.verdict());
            }
            if (aspects.contains(Aspect.SUSPENSION)) {
                lines.add("  suspension  " + (x.suspensionRequired() ? "Y" : "N") + " → " + (y.suspensionRequired() ? "Y" : "N"));
            }
            if (aspects.contains(Aspect.ACTIONS)) {
                lines.add("  actions     " + String.join(" ", actionChanges(actions(x), actions(y))));
            }
            if (aspects.contains(Aspect.VERDICT) || !elements(x).equals(elements(y))) {
                lines.add("  elements    " + elements(x) + " → " + elements(y));
            }
        }
        if (rulesBefore.isEmpty() && rulesAfter.isEmpty()) {
            lines.add("  the same rules fired under both; the difference comes from the campaign's data"
                    + gradeBasis(a, b));
        } else {
            lines.add("  only under " + labelBefore + ": " + (rulesBefore.isEmpty() ? "-" : String.join("; ", rulesBefore)));
            lines.add("  only under " + labelAfter + ": " + (rulesAfter.isEmpty() ? "-" : String.join("; ", rulesAfter)));
        }
        return lines;
    }

    private String gradeBasis(Optional<Assessment> a, Optional<Assessment> b) {
        if (!aspects.contains(Aspect.GRADE) || a.isEmpty() || b.isEmpty()) {
            return "";
        }
        Grading x = a.get().grading();
        Grading y = b.get().grading();
        Set<String> rules = new LinkedHashSet<>();
        java.util.stream.Stream.of(x, y).flatMap(g -> java.util.stream.Stream.concat(g.likelihoodSetBy().stream(),
                java.util.stream.Stream.concat(g.raises().stream(), g.severitySetBy().stream())))
                .map(MatrixRow::rule).filter(r -> !r.isEmpty()).forEach(rules::add);
        return " (" + x.formula() + " → " + y.formula() + (rules.isEmpty() ? "" : "; the grade rests on: "
                + String.join("; ", rules)) + ")";
    }

    private static String state(Outcome o) {
        if (o instanceof Outcome.Rejected r) {
            return "refused (" + r.error().getMessage() + ")";
        }
        Assessment a = ((Outcome.Assessed) o).assessment();
        return a.grade() + " " + a.verdict();
    }

    static List<String> actionChanges(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        Set<String> codes = new TreeSet<>(before.keySet());
        codes.addAll(after.keySet());
        for (String code : codes) {
            String x = before.get(code);
            String y = after.get(code);
            if (x == null) {
                out.add("+" + code + due(y));
            } else if (y == null) {
                out.add("-" + code + due(x));
            } else if (!x.equals(y)) {
                out.add(code + " due " + x + " → " + y);
            }
        }
        return out;
    }

    private static String due(String date) {
        return date.equals("-") ? "" : "@" + date;
    }
}
