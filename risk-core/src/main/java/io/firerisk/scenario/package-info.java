/**
 * Scenario tables: analyst-written cases (venue, findings, date → expected grade, verdict,
 * suspension, actions, elements, clauses) kept as CSV in a campaign's {@code scenarios/} folder,
 * run against an engine and reported expected-versus-actual.
 *
 * <p>See {@link io.firerisk.scenario.ScenarioSuite} for the columns and the findings notation.
 */
package io.firerisk.scenario;
