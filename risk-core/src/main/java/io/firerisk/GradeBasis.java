package io.firerisk;

import java.util.Optional;

/**
 * One reason the grade is what it is: a floor the venue is at least ({@code raise == 0}) or a raise
 * applied on top of the worst floor ({@code raise > 0}, for example during a key period).
 *
 * @param grade  the floor, or for a raise the grade it reaches on top of the worst floor
 * @param raise  steps the grade is raised by, 0 for a floor
 * @param rule   the rule that set it
 * @param clause the clause behind it
 * @param reason the firing of that rule, empty when explanations are off
 */
public record GradeBasis(RiskGrade grade, int raise, String rule, ClauseRef clause, Optional<Reason> reason) {
    public GradeBasis {
        Checks.notNull("GradeBasis", "grade", grade);
        Checks.atLeast("GradeBasis", "raise", raise, 0);
        Checks.notNull("GradeBasis", "rule", rule);
        Checks.notNull("GradeBasis", "clause", clause);
        reason = reason == null ? Optional.empty() : reason;
    }

    public boolean isRaise() {
        return raise > 0;
    }

    /** The rule's sentence, empty when explanations are off. */
    public Text because() {
        return reason.map(Reason::sentence).orElse(Text.EMPTY);
    }
}
