package io.firerisk.rules;

import io.firerisk.campaign.CountingRow;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conclusion: how many distinct comprehensive elements of a counting row are present at a venue
 * the row applies to.
 *
 * @param venueId  the venue
 * @param row      the counting row
 * @param elements the distinct elements counted, in the standard's order (7.3.9 before 7.3.10)
 */
public record ThresholdCount(String venueId, CountingRow row, Set<String> elements) {

    public ThresholdCount {
        // Explanations and results list the elements as the standard numbers them, on every run.
        TreeSet<String> ordered = new TreeSet<>(io.firerisk.campaign.Element.NUMBER_ORDER);
        ordered.addAll(elements);
        elements = Collections.unmodifiableSortedSet(ordered);
    }


    /** The elements among {@code present} that the row counts. */
    public static ThresholdCount of(String venueId, CountingRow row, Collection<?> present) {
        Set<String> counted = new TreeSet<>();
        for (Object e : present) {
            String element = String.valueOf(e);
            if (row.counts(element)) {
                counted.add(element);
            }
        }
        return new ThresholdCount(venueId, row, counted);
    }

    public int count() {
        return elements.size();
    }

    public int threshold() {
        return row.atLeast();
    }

    /** "以上" includes the number itself. */
    public boolean reached() {
        return elements.size() >= row.atLeast();
    }

    @Override
    public String toString() {
        return "count " + elements.size() + " of row " + row.row() + " (" + (elements.isEmpty() ? "none"
                : String.join(", ", elements)) + "; " + row.atLeast() + " needed)";
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
