package io.firerisk;

import java.util.List;
import java.util.Locale;

/**
 * The engine's estimate of the worst accident a hazard could lead to, graded on the thresholds of
 * 国务院令第493号 第三条. It is a planning heuristic whose parameters the campaign sets; it is not
 * a finding of fact, and the output says so.
 *
 * @param grade                   the accident grade reached by deaths or serious injuries
 * @param expectedDeaths          estimated deaths
 * @param expectedSeriousInjuries estimated serious injuries
 * @param occupants               occupants the estimate started from
 * @param category                the hazard category whose exposure was used
 * @param exposure                the share of occupants exposed, for that category
 * @param factors                 multipliers applied for the venue's conditions
 */
public record AccidentEstimate(
        AccidentGrade grade,
        double expectedDeaths,
        double expectedSeriousInjuries,
        int occupants,
        String category,
        double exposure,
        List<Factor> factors) {

    /** A multiplier applied for a condition of the venue, such as people sleeping on site. */
    public record Factor(String name, double value) {}

    public AccidentEstimate {
        Checks.notNull("AccidentEstimate", "grade", grade);
        factors = List.copyOf(factors);
    }

    /** The arithmetic, for an explanation: {@code 300 × 0.05 (EVACUATION) × sleeping 2.0 = 30.0 deaths}. */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        sb.append(occupants).append(" × ").append(fmt(exposure)).append(" (").append(category).append(')');
        for (Factor f : factors) {
            sb.append(" × ").append(f.name()).append(' ').append(fmt(f.value()));
        }
        sb.append(" = ").append(fmt(expectedDeaths)).append(" deaths, ")
                .append(fmt(expectedSeriousInjuries)).append(" serious injuries → ").append(grade.name());
        return sb.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
