package io.firerisk.rules;

import io.firerisk.Text;

/**
 * Conclusion: use of a part of the venue (an area, or the whole venue) must stop on a legal ground
 * until it is rectified and passes a re-inspection.
 *
 * @param venueId   the venue
 * @param findingId the finding that makes the ground hold
 * @param ground    the ground's code
 * @param area      the floor or area, empty for the whole venue
 * @param actor     who acts and how: the authority itself for its own venues, else the competent authority it asks
 */
public record SuspensionRequired(String venueId, String findingId, String ground, String area, Text actor) {

    /** Use stops on the ground; who acts depends on whether the venue is the campaign authority's own. */
    public static SuspensionRequired of(SuspensionGround ground, VenueProfile venue) {
        return new SuspensionRequired(ground.venueId(), ground.findingId(), ground.code(), ground.area(),
                venue.ownedByAuthority() ? ground.ground().ownFacility() : ground.ground().otherFacility());
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
