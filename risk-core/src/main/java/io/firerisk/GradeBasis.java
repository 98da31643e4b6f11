package io.firerisk;

/**
 * One reason the grade is what it is: a floor the venue is at least ({@code raise == 0}) or a raise
 * applied on top of the worst floor ({@code raise > 0}, for example during a key period).
 *
 * @param grade   the floor, or for a raise the grade it would reach on its own floor
 * @param raise   steps the grade is raised by, 0 for a floor
 * @param rule    the rule that set it
 * @param clause  the clause behind it
 * @param because the rule's sentence
 */
public record GradeBasis(RiskGrade grade, int raise, String rule, ClauseRef clause, Text because) {
    public GradeBasis {
        Checks.notNull("GradeBasis", "grade", grade);
        Checks.atLeast("GradeBasis", "raise", raise, 0);
        Checks.notNull("GradeBasis", "rule", rule);
        Checks.notNull("GradeBasis", "clause", clause);
        because = because == null ? Text.EMPTY : because;
    }

    public boolean isRaise() {
        return raise > 0;
    }
}
