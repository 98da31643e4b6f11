package io.firerisk.rules;

/**
 * Conclusion: a condition another element refers to holds at the venue, such as a GB 35181-2025
 * Annex A condition under which a fire alarm or fixed extinguishing system 不能正常运行, or A.4's
 * count of them. A condition is neither a direct element nor counted among the comprehensive ones.
 *
 * @param venueId   the venue
 * @param condition the condition's number in the standard, such as {@code A.2.4}
 * @param place     the place class the condition holds for (for Annex A, the class of buildings that
 *                  must have the system), empty for a condition of the venue as a whole
 * @param findingId the finding that evidences it
 */
public record ConditionPresent(String venueId, String condition, String place, String findingId) {

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
