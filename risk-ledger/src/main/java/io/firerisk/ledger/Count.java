package io.firerisk.ledger;

import java.util.List;

/**
 * How many hazards share one combination of values.
 *
 * @param key     the values, one per dimension asked for, in that order (an enum's name, a code,
 *                {@code true}/{@code false}, an escalation rung as a number; empty when unknown)
 * @param hazards how many
 */
public record Count(List<String> key, long hazards) {
    public Count {
        key = List.copyOf(key);
    }
}
