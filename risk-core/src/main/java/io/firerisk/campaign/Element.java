package io.firerisk.campaign;

import io.firerisk.Text;
import io.firerisk.Verification;

/**
 * A determination element of the hazard standard, such as GB 35181-2017 6.5 or 7.3.6.
 *
 * @param number       the element's number in the standard
 * @param kind         direct or comprehensive
 * @param label        its wording, in short
 * @param clause       the clause id that cites it
 * @param verification how sure the campaign is of its wording and number
 */
public record Element(String number, ElementKind kind, Text label, String clause, Verification verification) {}
