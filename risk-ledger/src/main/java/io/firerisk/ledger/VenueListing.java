package io.firerisk.ledger;

/**
 * A venue in a list ({@link Ledger#venues}): who answers for it and where it is, without its history.
 *
 * @param venueId the venue
 * @param name    its name
 * @param kind    its venue-kind code
 * @param unitId  the unit responsible for it
 * @param area    the area code it is registered in
 */
public record VenueListing(String venueId, String name, String kind, String unitId, String area) {}
