package io.firerisk;

import java.util.List;

/**
 * A finding as the campaign reads it: its catalogue entry, whether GB 35181 counts it, and the
 * potential accident it could lead to.
 *
 * @param id                the finding's id
 * @param hazardCode        its catalogue code
 * @param label             the catalogue's description
 * @param category          the catalogue category
 * @param elements          the GB 35181 elements it can evidence
 * @param verification      how sure the catalogue is of the criterion's wording
 * @param status            rectification status
 * @param counted           counts toward determination (not corrected on the spot, 5.1.2)
 * @param overdue           its rectification deadline has passed and it is still open
 * @param potentialAccident the estimate of the worst accident it could lead to
 */
public record AssessedFinding(
        String id,
        String hazardCode,
        Text label,
        String category,
        List<String> elements,
        Verification verification,
        RectificationStatus status,
        boolean counted,
        boolean overdue,
        AccidentEstimate potentialAccident) {}
