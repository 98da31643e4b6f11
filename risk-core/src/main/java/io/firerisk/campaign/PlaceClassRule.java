package io.firerisk.campaign;

import io.firerisk.Venue;

import java.util.List;

/**
 * A row of the place-class table: venues of {@code kind} belong to {@code placeClass}, because
 * {@code clause} says so. A row may instead hold for any kind on a fact of the venue, as
 * 易燃易爆危险品场所 holds wherever flammable or explosive goods are produced, stored or sold.
 *
 * @param kind       venue kind, or {@link #ANY_KIND} for every kind (then {@code when} names the fact)
 * @param placeClass place class code
 * @param source     {@code STATUTE}, {@code STANDARD} or {@code CAMPAIGN}; a campaign's own classification
 *                   holds only while the campaign is in force
 * @param clause     the clause id
 * @param when       a fact of the venue that must also hold ({@code dangerous_goods}, {@code underground},
 *                   {@code sleeping}), empty for none
 */
public record PlaceClassRule(String kind, String placeClass, String source, String clause, String when) {
    public static final String STATUTE = "STATUTE";
    public static final String STANDARD = "STANDARD";
    public static final String CAMPAIGN = "CAMPAIGN";
    public static final String ANY_KIND = "*";
    /** The venue facts a row can depend on. */
    public static final List<String> CONDITIONS = List.of("dangerous_goods", "underground", "sleeping");

    public PlaceClassRule {
        when = when == null ? "" : when;
    }

    /** A row for one venue kind, whatever else holds. */
    public PlaceClassRule(String kind, String placeClass, String source, String clause) {
        this(kind, placeClass, source, clause, "");
    }

    public boolean campaignOnly() {
        return CAMPAIGN.equals(source);
    }

    /** True when a venue of this kind, with these facts, belongs to the row's class. */
    public boolean matches(String venueKind, Venue venue) {
        if (!kind.equals(ANY_KIND) && !kind.equals(venueKind)) {
            return false;
        }
        return switch (when) {
            case "" -> true;
            case "dangerous_goods" -> venue.dangerousGoods();
            case "underground" -> venue.underground();
            case "sleeping" -> venue.sleepingOnSite();
            default -> false;
        };
    }
}
