package io.firerisk.campaign;

import io.firerisk.Label;

import java.time.LocalDate;

/**
 * One span of the campaign calendar, for drawing it: a phase, a key period's raised level, or the
 * early-warning lead-up before a key period.
 *
 * @param type       which kind of span
 * @param code       the phase or key-period code
 * @param label      its name
 * @param from       first day, inclusive
 * @param to         last day, inclusive
 * @param alertLevel the level in force during the span (for phases, the normal level)
 */
public record CalendarEntry(Type type, String code, io.firerisk.Text label, LocalDate from, LocalDate to,
        Label alertLevel) {

    public enum Type { PHASE, KEY_PERIOD, EARLY_WARNING }
}
