package io.firerisk.campaign;

import io.firerisk.AccidentEstimate;
import io.firerisk.AccidentGrade;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign's potential-accident estimate: deaths = occupants × the exposure of the hazard's
 * category × a multiplier for each aggravating condition of the venue; serious injuries = deaths ×
 * a fixed ratio; the grade is the highest whose death or injury threshold is reached (国务院令第493号
 * 第三条 joins its criteria with 或者). Every number comes from the campaign file.
 *
 * @param clause                  the clause whose thresholds grade the estimate
 * @param exposure                share of occupants at risk of death, by hazard category
 * @param defaultExposure         for categories not listed
 * @param factors                 multipliers by condition: {@link #SLEEPING}, {@link #HIGH_RISE},
 *                                {@link #UNDERGROUND}, {@link #DANGEROUS_GOODS}
 * @param seriousInjuriesPerDeath serious injuries expected per death
 * @param deathsAtLeast           the death threshold of each grade above ordinary
 * @param injuriesAtLeast         the serious-injury threshold of each grade above ordinary
 */
public record AccidentModel(
        String clause,
        Map<String, Double> exposure,
        double defaultExposure,
        Map<String, Double> factors,
        double seriousInjuriesPerDeath,
        Map<AccidentGrade, Double> deathsAtLeast,
        Map<AccidentGrade, Double> injuriesAtLeast) {

    public static final String SLEEPING = "sleepingOnSite";
    public static final String HIGH_RISE = "highRise";
    public static final String UNDERGROUND = "underground";
    public static final String DANGEROUS_GOODS = "dangerousGoods";
    public static final List<String> CONDITIONS = List.of(SLEEPING, HIGH_RISE, UNDERGROUND, DANGEROUS_GOODS);

    public AccidentModel {
        exposure = Map.copyOf(exposure);
        factors = Map.copyOf(factors);
        deathsAtLeast = new EnumMap<>(deathsAtLeast);
        injuriesAtLeast = new EnumMap<>(injuriesAtLeast);
    }

    public AccidentEstimate estimate(int occupants, String category, boolean sleeping, boolean highRise,
            boolean underground, boolean dangerousGoods) {
        double share = exposure.getOrDefault(category, defaultExposure);
        double deaths = occupants * share;
        List<AccidentEstimate.Factor> applied = new ArrayList<>(4);
        deaths = apply(deaths, sleeping, SLEEPING, applied);
        deaths = apply(deaths, highRise, HIGH_RISE, applied);
        deaths = apply(deaths, underground, UNDERGROUND, applied);
        deaths = apply(deaths, dangerousGoods, DANGEROUS_GOODS, applied);
        double injuries = deaths * seriousInjuriesPerDeath;
        AccidentGrade grade = AccidentGrade.ORDINARY;
        for (AccidentGrade candidate : AccidentGrade.values()) {
            if (candidate == AccidentGrade.ORDINARY) {
                continue;
            }
            Double d = deathsAtLeast.get(candidate);
            Double i = injuriesAtLeast.get(candidate);
            if ((d != null && deaths >= d) || (i != null && injuries >= i)) {
                grade = candidate;
            }
        }
        return new AccidentEstimate(grade, round(deaths), round(injuries), occupants, category, share, applied);
    }

    private double apply(double deaths, boolean condition, String name, List<AccidentEstimate.Factor> applied) {
        if (!condition) {
            return deaths;
        }
        double factor = factors.getOrDefault(name, 1.0);
        if (factor != 1.0) {
            applied.add(new AccidentEstimate.Factor(name, factor));
        }
        return deaths * factor;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
