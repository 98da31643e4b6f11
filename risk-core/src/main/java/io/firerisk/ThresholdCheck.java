package io.firerisk;

import java.util.List;

/**
 * One counting row of GB 35181 chapter 8 that applied to the venue: how many of its comprehensive
 * elements were present against the number that makes a suspected major hazard.
 *
 * @param row        the row's code in the campaign data
 * @param placeClass the place class the row is for
 * @param elements   the comprehensive elements counted
 * @param count      how many distinct elements were present
 * @param threshold  the number the row requires ("以上" includes it)
 * @param clause     the clause of the row
 */
public record ThresholdCheck(String row, Label placeClass, List<String> elements, int count, int threshold,
        ClauseRef clause) {
    public ThresholdCheck {
        elements = List.copyOf(elements);
    }

    public boolean reached() {
        return count >= threshold;
    }
}
