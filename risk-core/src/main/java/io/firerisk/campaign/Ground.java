package io.firerisk.campaign;

import io.firerisk.Text;

import java.util.List;

/**
 * A legal ground on which use of a part of a venue must stop (停止使用, 临时查封, 停产停业), as the
 * campaign lists them: what the law says, the articles, and who acts.
 *
 * @param code          the code rules conclude it by
 * @param label         the ground in the law's words
 * @param clauses       the articles it rests on, item by item
 * @param dwellings     it applies in a residential building too (a dangerous-building appraisal; the
 *                      business part of a building shared with homes); every other ground leaves
 *                      dwellings in use and calls for the residential remedies instead
 * @param ownFacility   what happens when the venue is the campaign authority's own: it stops use itself
 * @param otherFacility what happens for any other venue: the competent authority is asked to act
 */
public record Ground(String code, Text label, List<String> clauses, boolean dwellings, Text ownFacility,
        Text otherFacility) {

    public Ground {
        clauses = List.copyOf(clauses);
    }
}
