package io.firerisk;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's answer for one venue on one date. Immutable; every conclusion carries the rule and
 * clause behind it.
 *
 * @param campaignId      the campaign that produced it
 * @param campaignVersion that campaign's version
 * @param venueId         the venue assessed
 * @param assessedOn      the date assessed as of
 * @param grade           the four-colour risk grade
 * @param grading         how it was reached: L × S on the campaign's matrix, and the rows behind each
 * @param determination   the GB 35181 determination (candidate verdict, elements, counts, exclusions)
 * @param suspension      whether use must stop, where and why
 * @param calendar        the campaign phase, key period and alert level on that date
 * @param placeClasses    the place classes the venue was taken to belong to
 * @param findings        the findings as the campaign reads them
 * @param actions         the required actions, merged, ordered by deadline then priority
 * @param reasons         every rule that fired, in firing order (empty when explanations are off)
 */
public record Assessment(
        String campaignId,
        String campaignVersion,
        String venueId,
        LocalDate assessedOn,
        RiskGrade grade,
        Grading grading,
        Determination determination,
        Suspension suspension,
        CalendarPosition calendar,
        List<PlaceClassification> placeClasses,
        List<AssessedFinding> findings,
        List<RequiredAction> actions,
        List<Reason> reasons) {

    public Assessment {
        Checks.notNull("Assessment", "grading", grading);
        placeClasses = List.copyOf(placeClasses);
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
        reasons = List.copyOf(reasons);
    }

    public HazardVerdict verdict() {
        return determination.verdict();
    }

    public boolean suspensionRequired() {
        return suspension.required();
    }

    /** The merged actions with the given code, in deadline order. */
    public List<RequiredAction> actions(String code) {
        return actions.stream().filter(a -> a.code().equals(code)).toList();
    }

    /** The first (earliest-due) action with the given code. */
    public Optional<RequiredAction> action(String code) {
        return actions.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The distinct action codes, in order. */
    public Set<String> actionCodes() {
        Set<String> codes = new LinkedHashSet<>();
        actions.forEach(a -> codes.add(a.code()));
        return codes;
    }

    /** The names of the rules that fired, distinct, in firing order. */
    public Set<String> firedRules() {
        Set<String> names = new LinkedHashSet<>();
        reasons.forEach(r -> names.add(r.rule()));
        return names;
    }

    /** Every clause cited by a fired rule, an action or the grade, distinct, by id. */
    public Set<String> citedClauses() {
        Set<String> ids = new LinkedHashSet<>();
        reasons.forEach(r -> ids.add(r.clause().id()));
        gradeRows().forEach(g -> ids.add(g.clause().id()));
        actions.forEach(a -> a.clauses().forEach(c -> ids.add(c.id())));
        suspension.parts().forEach(p -> p.clauses().forEach(c -> ids.add(c.id())));
        determination.thresholds().forEach(t -> ids.add(t.clause().id()));
        placeClasses.forEach(p -> ids.add(p.clause().id()));
        return ids;
    }

    /** True when any clause this assessment rests on is not fully verified in a source. */
    public boolean restsOnUnverifiedClauses() {
        return reasons.stream().anyMatch(r -> !r.clause().verified())
                || gradeRows().anyMatch(g -> !g.clause().verified())
                || suspension.parts().stream().anyMatch(p -> p.clauses().stream().anyMatch(c -> !c.verified()))
                || actions.stream().anyMatch(a -> a.clauses().stream().anyMatch(c -> !c.verified()));
    }

    private java.util.stream.Stream<MatrixRow> gradeRows() {
        return java.util.stream.Stream.concat(grading.likelihoodRows().stream(), grading.severityRows().stream());
    }
}
