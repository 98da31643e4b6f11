package io.firerisk;

import java.util.List;

/**
 * A part of a venue where people are exposed (a floor, an area, or the whole venue) whose use must
 * stop, on a legal ground the campaign lists, until it is rectified and passes a re-inspection.
 *
 * @param area        the floor or area, as the inspector named it; empty for the whole venue
 * @param ground      the legal ground (its code and wording)
 * @param clauses     the articles the ground rests on, then the one on resuming use
 * @param actor       who acts and how: for the campaign authority's own facilities it stops use
 *                    itself; for others it asks the competent authority (临时查封, 停产停业)
 * @param resumesWhen when use may resume (after rectification and a passed re-inspection)
 * @param findingIds  the findings that make the ground hold
 */
public record SuspendedPart(String area, Label ground, List<ClauseRef> clauses, Text actor, Text resumesWhen,
        List<String> findingIds) {

    public SuspendedPart {
        area = area == null ? "" : area;
        Checks.notNull("SuspendedPart", "ground", ground);
        clauses = List.copyOf(clauses);
        actor = actor == null ? Text.EMPTY : actor;
        resumesWhen = resumesWhen == null ? Text.EMPTY : resumesWhen;
        findingIds = List.copyOf(findingIds);
    }

    /** True when the whole venue stops, rather than a floor or area of it. */
    public boolean wholeVenue() {
        return area.isEmpty();
    }
}
