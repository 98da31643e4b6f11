package io.firerisk;

import java.util.List;

/**
 * How the four-colour grade was reached: R = L × S on the campaign's risk matrix, and the band R
 * falls in. L (likelihood) comes from the state of the venue's controls, S (severity) from the
 * place: who is inside, whether they sleep there, how high or deep it is. Key periods, overdue and
 * repeated hazards raise L by steps, never above the campaign's cap for raises.
 *
 * @param likelihood     L after raises
 * @param severity       S
 * @param score          R = L × S
 * @param bandFrom       the lowest score of the grade's band (R ≥ bandFrom)
 * @param likelihoodRows every L row that applied, highest level first, then the raises
 * @param severityRows   every S row that applied, highest level first
 */
public record Grading(int likelihood, int severity, int score, int bandFrom, List<MatrixRow> likelihoodRows,
        List<MatrixRow> severityRows) {

    public Grading {
        Checks.atLeast("Grading", "likelihood", likelihood, 1);
        Checks.atLeast("Grading", "severity", severity, 1);
        likelihoodRows = List.copyOf(likelihoodRows);
        severityRows = List.copyOf(severityRows);
    }

    /** L before any raise: the highest level of the rows that applied. */
    public int baseLikelihood() {
        return likelihoodRows.stream().filter(r -> !r.isRaise()).mapToInt(MatrixRow::level).max().orElse(likelihood);
    }

    /** The rows (not raises) at the level that set L. */
    public List<MatrixRow> likelihoodSetBy() {
        int base = baseLikelihood();
        return likelihoodRows.stream().filter(r -> !r.isRaise() && r.level() == base).toList();
    }

    /** The raises of L, each with its steps. */
    public List<MatrixRow> raises() {
        return likelihoodRows.stream().filter(MatrixRow::isRaise).toList();
    }

    /** The rows at the level that set S. */
    public List<MatrixRow> severitySetBy() {
        return severityRows.stream().filter(r -> r.level() == severity).toList();
    }

    /** {@code L4 × S5 = 20}. */
    public String formula() {
        return "L" + likelihood + " × S" + severity + " = " + score;
    }
}
