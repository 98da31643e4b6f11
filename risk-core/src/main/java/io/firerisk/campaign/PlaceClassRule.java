package io.firerisk.campaign;

/**
 * A row of the place-class table: venues of {@code kind} belong to {@code placeClass}, because
 * {@code clause} says so.
 *
 * @param kind       venue kind
 * @param placeClass place class code
 * @param source     {@code STATUTE}, {@code STANDARD} or {@code CAMPAIGN}; a campaign's own classification
 *                   holds only while the campaign is in force
 * @param clause     the clause id
 */
public record PlaceClassRule(String kind, String placeClass, String source, String clause) {
    public static final String STATUTE = "STATUTE";
    public static final String STANDARD = "STANDARD";
    public static final String CAMPAIGN = "CAMPAIGN";

    public boolean campaignOnly() {
        return CAMPAIGN.equals(source);
    }
}
