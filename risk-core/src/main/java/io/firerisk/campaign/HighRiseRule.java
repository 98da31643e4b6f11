package io.firerisk.campaign;

import java.util.Map;
import java.util.Set;

/**
 * When a building counts as high-rise: taller than a height that depends on the building type
 * (应急管理部令第5号: residential above 27 m, public above 24 m and not single-storey).
 *
 * @param aboveMeters     height a building of each type must exceed
 * @param multiStoreyOnly building types that are never high-rise when single-storey
 * @param clause          the clause of the definition
 */
public record HighRiseRule(Map<String, Double> aboveMeters, Set<String> multiStoreyOnly, String clause) {

    public HighRiseRule {
        aboveMeters = Map.copyOf(aboveMeters);
        multiStoreyOnly = Set.copyOf(multiStoreyOnly);
    }

    public boolean isHighRise(String building, Double heightMeters, int floors) {
        if (heightMeters == null) {
            return false;
        }
        Double limit = aboveMeters.get(building);
        if (limit == null) {
            return false;
        }
        if (floors <= 1 && multiStoreyOnly.contains(building)) {
            return false;
        }
        return heightMeters > limit;
    }
}
