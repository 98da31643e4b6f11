package io.firerisk.rules;

import io.firerisk.Text;
import io.firerisk.campaign.Ground;

/**
 * Conclusion: a legal ground for stopping use holds for a part of the venue. Whether use then stops
 * is a second rule's decision ({@link SuspensionRequired}): a venue already out of use needs no
 * order, and dwellings stop only on the grounds that reach them. Build it with
 * {@code campaign.ground($v, $f, "GROUND")}, which takes the part from the finding's area, or
 * {@code campaign.groundForVenue($v, $f, "GROUND")} for the whole venue.
 *
 * @param venueId   the venue
 * @param findingId the finding that makes it hold
 * @param ground    the ground, as the campaign lists it
 * @param area      the floor or area, empty for the whole venue
 * @param part      the area, or the venue's name when the whole venue, for sentences
 */
public record SuspensionGround(String venueId, String findingId, Ground ground, String area, String part) {

    public String code() {
        return ground.code();
    }

    public Text label() {
        return ground.label();
    }

    /** The ground reaches dwellings too (a residential building stops use on it). */
    public boolean inDwellings() {
        return ground.dwellings();
    }

    @Override
    public String toString() {
        return "ground " + ground.code() + " for " + part + " (finding " + findingId + ")";
    }

    // Identity, not value: two rules concluding the same thing must leave two facts, each remembering its
    // rule and clause (equal values would be merged by truth maintenance and one clause lost).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
