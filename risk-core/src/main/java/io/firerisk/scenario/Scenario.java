package io.firerisk.scenario;

import io.firerisk.VenueFacts;

/**
 * One row of a scenario table.
 *
 * @param id          the row's id, unique in its suite
 * @param description what it shows, in the analyst's words
 * @param file        the scenario file, relative to the campaign folder
 * @param line        the row's line in that file
 * @param facts       the venue, findings and date it assesses
 * @param expected    what it expects
 */
public record Scenario(String id, String description, String file, int line, VenueFacts facts, Expectation expected) {

    /** {@code scenarios/gb35181.csv:12 (S-012)}: where to look. */
    public String where() {
        return file + ":" + line + " (" + id + ")";
    }
}
