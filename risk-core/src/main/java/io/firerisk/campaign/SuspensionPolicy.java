package io.firerisk.campaign;

import io.firerisk.Text;

import java.util.Map;
import java.util.Optional;

/**
 * When use of a part of a venue must stop: the legal grounds the campaign lists, and when use may
 * resume.
 *
 * @param grounds          the grounds, by code
 * @param resumesWhen      when use may resume (after rectification and a passed re-inspection)
 * @param resumptionClause the clause on resuming use
 */
public record SuspensionPolicy(Map<String, Ground> grounds, Text resumesWhen, String resumptionClause) {

    public static final SuspensionPolicy NONE = new SuspensionPolicy(Map.of(), Text.EMPTY, "");

    public SuspensionPolicy {
        grounds = Map.copyOf(grounds);
    }

    public Optional<Ground> ground(String code) {
        return Optional.ofNullable(grounds.get(code));
    }
}
