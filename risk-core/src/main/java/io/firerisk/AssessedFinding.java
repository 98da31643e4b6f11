package io.firerisk;

import java.util.List;

/**
 * A finding as the campaign reads it: its catalogue entry and whether GB 35181 counts it.
 *
 * @param id                the finding's id
 * @param hazardCode        its catalogue code
 * @param label             the catalogue's description
 * @param category          the catalogue category
 * @param elements          the GB 35181 elements it can evidence
 * @param verification      how sure the catalogue is of the criterion's wording
 * @param status            rectification status
 * @param area              the floor or area it puts at risk, empty for the whole venue
 * @param counted           counts toward the determination: the edition in force left it in (GB 35181-2017
 *                          5.1.2 and 5.1.3 a: open, cannot be corrected on the spot, no expert review; GB 35181-2025
 *                          4.2 a and c: not caused only by a standard's revision, not removed on the spot), as its
 *                          exclusion rule drew it; false when no edition is in force or the code evidences no element
 * @param correctedOnSpot   the inspector recorded it corrected on the spot
 * @param overdue           its rectification deadline has passed and it is still open
 */
public record AssessedFinding(
        String id,
        String hazardCode,
        Text label,
        String category,
        List<String> elements,
        Verification verification,
        RectificationStatus status,
        String area,
        boolean counted,
        boolean correctedOnSpot,
        boolean overdue) {}
