package io.firerisk.rules;

import io.firerisk.GasSupply;
import io.firerisk.Text;

import java.util.Set;

/**
 * The venue as rules see it: the inspector's facts plus what the campaign derives from them (place
 * classes, high-rise). One per assessment.
 *
 * @param venueId        the venue's id; every other fact of the assessment carries it
 * @param name           display name
 * @param kind           venue-kind code
 * @param kindLabel      the venue kind's name
 * @param building       building type of the kind ({@code RESIDENTIAL}, {@code PUBLIC} …)
 * @param street         street
 * @param heightMeters   building height, {@code NaN} when unknown: a pattern comparing it must also say
 *                       {@code heightKnown}, since compiled constraints compare NaN differently from
 *                       interpreted ones (loading refuses the pattern otherwise)
 * @param floors         storeys above ground
 * @param underground    the venue lies in a basement or semi-basement
 * @param highRise       the building is high-rise by the campaign's definition
 * @param occupants      occupant capacity
 * @param sleepingOnSite people sleep there
 * @param gasSupply      fuel gas used
 * @param dangerousGoods flammable or explosive goods are produced, stored or sold there
 * @param inUse          the unit or place is operating (false: stopped or out of use)
 * @param placeClasses   the place classes in force for the assessment date
 * @param judgedNotMajor a person with authority judged the hazards not enough for a major fire (5.1.3 c)
 * @param uses           its venue kind and every other use it declared
 * @param ownedByAuthority the campaign's own authority runs it, so it stops the venue's use itself
 * @param noRealFireRisk an on-site inspection confirmed the venue, out of use, has no real fire risk (GB 35181-2025 4.2 b)
 */
public record VenueProfile(
        String venueId,
        String name,
        String kind,
        Text kindLabel,
        String building,
        String street,
        double heightMeters,
        int floors,
        boolean underground,
        boolean highRise,
        int occupants,
        boolean sleepingOnSite,
        GasSupply gasSupply,
        boolean dangerousGoods,
        boolean inUse,
        Set<String> placeClasses,
        boolean judgedNotMajor,
        Set<String> uses,
        boolean ownedByAuthority,
        boolean noRealFireRisk) {

    public VenueProfile {
        placeClasses = Set.copyOf(placeClasses);
        uses = Set.copyOf(uses);
    }

    /** True when the venue is, or is also used as, the venue kind. */
    public boolean hasUse(String kind) {
        return uses.contains(kind);
    }

    /** True when the venue belongs to the place class on the assessment date. */
    public boolean is(String placeClass) {
        return placeClasses.contains(placeClass);
    }

    /** True when the building's height was reported. */
    public boolean heightKnown() {
        return !Double.isNaN(heightMeters);
    }

    public boolean usesLpg() {
        return gasSupply.isLpg();
    }

    public boolean usesGas() {
        return gasSupply.usesGas();
    }

    @Override
    public String toString() {
        return "venue " + venueId + " (" + kind + ")";
    }
}
