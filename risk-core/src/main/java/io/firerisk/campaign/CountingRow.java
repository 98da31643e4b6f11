package io.firerisk.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A counting row of the comprehensive determination (GB 35181-2017 chapter 8): a venue in any of
 * {@code placeClasses} with at least {@code atLeast} distinct elements of {@code elements} present
 * is a suspected major hazard. An empty element set means every comprehensive element.
 *
 * @param row          the row's code
 * @param placeClasses the place classes it applies to, or {@link #ANY_PLACE} for every place
 * @param elements     the elements it counts; empty for all
 * @param atLeast      the threshold, inclusive ("以上" 含本数)
 * @param clause       the clause id
 */
public record CountingRow(String row, List<String> placeClasses, Set<String> elements, int atLeast, String clause) {

    /** In {@code placeClasses}: every building or place, whatever its classes (GB 35181-2025 4.1 c). */
    public static final String ANY_PLACE = "*";

    public CountingRow {
        placeClasses = List.copyOf(placeClasses);
        elements = Set.copyOf(elements);
    }

    /** True when the venue, with these place classes, is subject to this row. */
    public boolean appliesTo(Collection<String> venuePlaceClasses) {
        if (placeClasses.contains(ANY_PLACE)) {
            return true;
        }
        for (String placeClass : placeClasses) {
            if (venuePlaceClasses.contains(placeClass)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "counting row " + row + " (" + String.join("/", placeClasses) + ", at least " + atLeast + ")";
    }

    /** True when this row counts the given element. */
    public boolean counts(String element) {
        return elements.isEmpty() || elements.contains(element);
    }
}
