package io.firerisk.rules;

import io.firerisk.AccidentEstimate;
import io.firerisk.AccidentGrade;
import io.firerisk.Enforcement;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
import io.firerisk.Text;
import io.firerisk.Verification;

import java.time.LocalDate;
import java.util.Set;

/**
 * A finding as rules see it: the inspector's report joined with its catalogue entry and the
 * engine's potential-accident estimate. One per finding.
 *
 * @param venueId           the venue's id
 * @param findingId         the finding's id
 * @param code              hazard code
 * @param label             the catalogue's description
 * @param category          hazard category
 * @param elements          GB 35181 elements the hazard can evidence (the rules decide which applies)
 * @param location          where in the venue
 * @param foundOn           when found
 * @param correctableOnSpot it can be corrected immediately, or was (GB 35181-2017 5.1.2 then does not count it)
 * @param status            rectification status
 * @param open              not corrected on the spot and not yet reported rectified
 * @param ratio             the measured proportion, {@code NaN} when none. A rule testing it says
 *                          {@code measured} first: in Java every comparison with NaN is false, but once
 *                          Drools has compiled a constraint to bytecode (after some evaluations)
 *                          {@code ratio < x} holds for NaN
 * @param quantity          the counted quantity, -1 when none
 * @param expertReviewed    a lawful expert design review was held and its measures taken (5.1.3 a)
 * @param missingPlanParts  the parts of 五落实 the rectification plan lacks, by name
 * @param planDeadline      the plan's deadline, {@code null} when none
 * @param overdue           open and past the plan's deadline
 * @param daysOverdue       days past the plan's deadline, 0 when not overdue
 * @param timesFound        how many inspections in a row found it
 * @param party             who is responsible
 * @param enforcement       how far enforcement has gone
 * @param rectifyDays       the catalogue's default days to rectify
 * @param potentialAccident the estimated worst accident grade it could lead to
 * @param estimate          the estimate in full
 * @param verification      how sure the catalogue is of the criterion
 */
public record HazardFinding(
        String venueId,
        String findingId,
        String code,
        Text label,
        String category,
        Set<String> elements,
        String location,
        LocalDate foundOn,
        boolean correctableOnSpot,
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
        AccidentGrade potentialAccident,
        AccidentEstimate estimate,
        Verification verification) {

    public HazardFinding {
        elements = Set.copyOf(elements);
        missingPlanParts = Set.copyOf(missingPlanParts);
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
