package io.firerisk;

import java.util.List;

/**
 * The GB 35181 determination for a venue, under the edition in force on the assessment date: which elements were present, how they counted, which
 * exclusions applied, and the resulting candidate verdict.
 *
 * @param verdict               the candidate verdict
 * @param directElements        direct elements (chapter 6) present, by number
 * @param comprehensiveElements comprehensive elements (chapter 7) present, by number
 * @param thresholds            every counting row that applied to the venue's place classes
 * @param exclusions            exclusions of 5.1.3 that applied: a venue with any is not judged major
 * @param reminder              what must happen before the verdict is final
 * @param standard              the edition applied on the assessment date, as results name it (such as
 *                              GB 35181-2017); empty when the campaign applies none on that date
 */
public record Determination(
        HazardVerdict verdict,
        List<String> directElements,
        List<String> comprehensiveElements,
        List<ThresholdCheck> thresholds,
        List<Label> exclusions,
        Text reminder,
        String standard) {

    public Determination {
        Checks.notNull("Determination", "verdict", verdict);
        directElements = List.copyOf(directElements);
        comprehensiveElements = List.copyOf(comprehensiveElements);
        thresholds = List.copyOf(thresholds);
        exclusions = List.copyOf(exclusions);
        reminder = reminder == null ? Text.EMPTY : reminder;
        standard = standard == null ? "" : standard;
    }

    /** The final determination is for people: true whenever the verdict is a suspected major hazard. */
    public boolean needsCollectiveDecision() {
        return verdict == HazardVerdict.SUSPECTED_MAJOR;
    }
}
