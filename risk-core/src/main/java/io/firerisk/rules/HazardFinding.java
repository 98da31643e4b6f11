package io.firerisk.rules;

import io.firerisk.Enforcement;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
import io.firerisk.StandardRevision;
import io.firerisk.Text;
import io.firerisk.Verification;

import java.time.LocalDate;
import java.util.Set;

/**
 * A finding as rules see it: the inspector's report joined with its catalogue entry. One per finding.
 *
 * @param venueId           the venue's id
 * @param findingId         the finding's id
 * @param code              hazard code
 * @param label             the catalogue's description
 * @param category          hazard category
 * @param elements          GB 35181 elements the hazard can evidence (the rules decide which applies)
 * @param location          where exactly in the venue
 * @param area              the floor or area it puts at risk, empty for the whole venue
 * @param foundOn           when found
 * @param correctableOnSpot the inspector recorded that it can be corrected immediately, or it was
 *                          (GB 35181-2017 5.1.2 then does not count it); not recorded means no
 * @param correctedOnSpot   the inspector recorded it corrected on the spot
 * @param onSpotRecorded    the inspector recorded whether it can be, or was, corrected on the spot
 * @param usuallyCorrectableOnSpot the catalogue says such a hazard can usually be corrected on the spot: a
 *                          prompt for the inspector, never a presumption that this one can be or was
 * @param status            rectification status
 * @param open              not corrected on the spot and not yet reported rectified
 * @param ratio             the measured proportion, {@code NaN} when none. A rule testing it says
 *                          {@code measured} first: in Java every comparison with NaN is false, but once
 *                          Drools has compiled a constraint to bytecode (after some evaluations)
 *                          {@code ratio < x} holds for NaN
 * @param quantity          the counted quantity, -1 when none
 * @param expertReviewed    a lawful expert design review was held and its measures taken (5.1.3 a)
 * @param missingPlanParts  the parts of 五落实 the rectification plan lacks, by name
 * @param planDeadline      the deadline already set for it (the unit's plan or the rectification notice),
 *                          {@code null} when none; test {@code hasDeadline}
 * @param overdue           open and past that deadline
 * @param daysOverdue       days past the plan's deadline, 0 when not overdue
 * @param timesFound        how many inspections in a row found it
 * @param party             who is responsible
 * @param enforcement       how far enforcement has gone
 * @param rectifyDays       the catalogue's usual days to rectify, from the day it was found
 * @param minimumDays       the least days the work needs: no shorter period goes below it
 * @param likelihoodRow     the row of the likelihood table an open finding of it sets, empty for none
 * @param grounds           the suspension grounds it can evidence (the rules decide which holds)
 * @param verification      how sure the catalogue is of the criterion
 * @param standardRevision  whether it arises only from a revision of a fire technical standard (GB 35181-2025 4.2 a)
 */
public record HazardFinding(
        String venueId,
        String findingId,
        String code,
        Text label,
        String category,
        Set<String> elements,
        String location,
        String area,
        LocalDate foundOn,
        boolean correctableOnSpot,
        boolean correctedOnSpot,
        boolean onSpotRecorded,
        boolean usuallyCorrectableOnSpot,
        RectificationStatus status,
        boolean open,
        double ratio,
        int quantity,
        boolean expertReviewed,
        Set<String> missingPlanParts,
        LocalDate planDeadline,
        boolean overdue,
        int daysOverdue,
        int timesFound,
        ResponsibleParty party,
        Enforcement enforcement,
        int rectifyDays,
        int minimumDays,
        String likelihoodRow,
        Set<String> grounds,
        Verification verification,
        StandardRevision standardRevision) {

    public HazardFinding {
        elements = Set.copyOf(elements);
        missingPlanParts = Set.copyOf(missingPlanParts);
        grounds = Set.copyOf(grounds);
    }

    /**
     * True until a re-inspection confirms it rectified: open, or reported rectified and not yet
     * re-inspected. A part whose use stopped stays stopped this long (消防法 第七十条).
     */
    public boolean unresolved() {
        return open || status == RectificationStatus.RECTIFIED;
    }

    /** True when a deadline was already set for it ({@code planDeadline}). */
    public boolean hasDeadline() {
        return planDeadline != null;
    }

    /** True when its catalogue entry names a row of the likelihood table. */
    public boolean setsLikelihood() {
        return !likelihoodRow.isEmpty();
    }

    /**
     * True when it arises only from a revision of a fire technical standard and no law or regulation expressly
     * requires compliance: GB 35181-2025 4.2 a) then neither counts it nor lets it make a major hazard.
     */
    public boolean fromStandardRevision() {
        return standardRevision.excludes();
    }

    /** True when the hazard can evidence some GB 35181 element. */
    public boolean evidencesElement() {
        return !elements.isEmpty();
    }

    /**
     * True when the finding carries a measured ratio. Elements with a quantitative test (a damage
     * ratio, a share of the required width) judge measured findings by the number and findings
     * without one by what the hazard code itself says (not provided, occupied, blocked).
     */
    public boolean measured() {
        return !Double.isNaN(ratio);
    }

    /** The ratio as a percentage, for sentences: 0.31 → 31. */
    public long percent() {
        return Double.isNaN(ratio) ? -1 : Math.round(ratio * 100);
    }

    @Override
    public String toString() {
        return "finding " + findingId + " (" + code + ")";
    }
}
