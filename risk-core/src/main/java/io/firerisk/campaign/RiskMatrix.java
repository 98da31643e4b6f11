package io.firerisk.campaign;

import io.firerisk.RiskGrade;
import io.firerisk.Text;

import java.util.Map;
import java.util.Optional;

/**
 * The campaign's four-colour grade as a likelihood × severity matrix: R = L × S, and the grade is
 * the band R falls in. The L and S tables are rows a rule concludes (each with its level); a venue
 * no rule put in a row is in the table's default row. Key periods, overdue and repeated hazards
 * raise L by steps, never above {@code raiseCap}.
 *
 * @param clause             the clause the grading rests on
 * @param bands              the lowest score of each grade's band ({@code RED: 20} means R ≥ 20 is red)
 * @param likelihood         the L table, by row code
 * @param likelihoodDefault  the L row of a venue no rule put in a row
 * @param raiseCap           the highest L a raise can reach
 * @param severity           the S table, by row code
 * @param severityDefault    the S row of a venue no rule put in a row
 */
public record RiskMatrix(String clause, Map<RiskGrade, Integer> bands, Map<String, Level> likelihood,
        String likelihoodDefault, int raiseCap, Map<String, Level> severity, String severityDefault) {

    /** A row of the L or S table. */
    public record Level(String code, int level, Text label) {}

    public RiskMatrix {
        bands = Map.copyOf(bands);
        likelihood = Map.copyOf(likelihood);
        severity = Map.copyOf(severity);
    }

    /** The grade of a score: the worst grade whose band's lowest score it reaches. */
    public RiskGrade grade(int score) {
        RiskGrade grade = RiskGrade.BLUE;
        for (RiskGrade g : RiskGrade.values()) {
            Integer from = bands.get(g);
            if (from != null && score >= from) {
                grade = g;
            }
        }
        return grade;
    }

    public Optional<Level> likelihoodRow(String code) {
        return Optional.ofNullable(likelihood.get(code));
    }

    public Optional<Level> severityRow(String code) {
        return Optional.ofNullable(severity.get(code));
    }
}
