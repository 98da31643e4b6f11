package io.firerisk;

import java.time.LocalDate;

/**
 * One thing an inspector found wrong at a venue.
 *
 * <p>Limits, like {@link Venue}'s: {@code id} and {@code hazardCode} at most
 * {@value Venue#MAX_ID_LENGTH} characters with no control or direction-changing characters,
 * {@code location} at most {@value Venue#MAX_TEXT_LENGTH}; dates between
 * {@link VenueFacts#EARLIEST_DATE} and {@link VenueFacts#LATEST_DATE}; {@code quantity} at most
 * {@value #MAX_QUANTITY}; {@code timesFound} 1 to {@value #MAX_TIMES_FOUND}. Anything else is refused
 * with an {@link IllegalArgumentException} naming the field.
 *
 * @param id                 unique within the venue
 * @param hazardCode         code from the campaign's hazard catalogue
 * @param location           where exactly in the venue it was found (a door, a hydrant box), may be empty
 * @param area               the floor or area of the venue it puts at risk, where people would stop
 *                           staying if use had to stop (二楼营业区域); empty means the whole venue
 * @param foundOn            inspection date; {@code null} means the assessment date
 * @param correctableOnSpot  the inspector's judgement that it can be corrected immediately (可以立即改正):
 *                           {@code true} or {@code false}; {@code null} when not recorded, which is read as
 *                           not correctable: the catalogue may say such a hazard usually can be, but never
 *                           presumes it. Whether it <em>was</em> corrected on the spot is {@code status}
 *                           {@link RectificationStatus#CORRECTED_ON_SPOT}; a missing status means it was not
 * @param ratio              the measured proportion the criterion tests, 0..1 (for example the share of
 *                           damaged emergency lights, or exit width as a share of the required width);
 *                           {@code null} when the criterion needs none
 * @param quantity           a count the criterion tests (cylinders, e-bikes), {@code null} when none
 * @param status             rectification status
 * @param plan               the unit's rectification plan (五落实), {@link RectificationPlan#NONE} when none
 * @param expertReviewed     a lawful expert fire-design review was held and its measures taken
 *                           (GB 35181-2017 5.1.3 a)
 * @param timesFound         how many inspections in a row found it (1 = first time)
 * @param party              who is responsible for it
 * @param enforcement        how far enforcement has gone
 * @param standardRevision   whether it arises only from a revision of a fire technical standard
 *                           (GB 35181-2025 4.2 a); {@code null} means {@link StandardRevision#NONE}
 */
public record Finding(
        String id,
        String hazardCode,
        String location,
        String area,
        LocalDate foundOn,
        Boolean correctableOnSpot,
        Double ratio,
        Integer quantity,
        RectificationStatus status,
        RectificationPlan plan,
        boolean expertReviewed,
        int timesFound,
        ResponsibleParty party,
        Enforcement enforcement,
        StandardRevision standardRevision) {

    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_TIMES_FOUND = 1_000;

    public Finding {
        id = Checks.id("Finding", "id", id);
        String owner = Checks.ownerOf("Finding", id);
        hazardCode = Checks.id(owner, "hazardCode", hazardCode);
        location = Checks.text(owner, "location", location);
        area = Checks.text(owner, "area", area);
        Checks.optionalDate(owner, "foundOn", foundOn);
        ratio = Checks.optionalBetween(owner, "ratio", ratio, 0, 1);
        if (quantity != null) {
            Checks.between(owner, "quantity", quantity, 0, MAX_QUANTITY);
        }
        status = status == null ? RectificationStatus.OPEN : status;
        plan = plan == null ? RectificationPlan.NONE : plan;
        Checks.between(owner, "timesFound", timesFound, 1, MAX_TIMES_FOUND);
        party = party == null ? ResponsibleParty.UNKNOWN : party;
        enforcement = enforcement == null ? Enforcement.NONE : enforcement;
        standardRevision = standardRevision == null ? StandardRevision.NONE : standardRevision;
    }

    public static Builder builder(String id, String hazardCode) {
        return new Builder(id, hazardCode);
    }

    /** A finding of the given hazard with every other field at its default: open, found on the assessment date. */
    public static Finding of(String id, String hazardCode) {
        return builder(id, hazardCode).build();
    }

    public Builder toBuilder() {
        return new Builder(id, hazardCode).location(location).area(area).foundOn(foundOn).correctableOnSpot(correctableOnSpot)
                .ratio(ratio).quantity(quantity).status(status).plan(plan).expertReviewed(expertReviewed)
                .timesFound(timesFound).party(party).enforcement(enforcement).standardRevision(standardRevision);
    }

    /** Builds a {@link Finding}; unset fields take the defaults documented on the record. */
    public static final class Builder {
        private final String id;
        private final String hazardCode;
        private String location = "";
        private String area = "";
        private LocalDate foundOn;
        private Boolean correctableOnSpot;
        private Double ratio;
        private Integer quantity;
        private RectificationStatus status = RectificationStatus.OPEN;
        private RectificationPlan plan = RectificationPlan.NONE;
        private boolean expertReviewed;
        private int timesFound = 1;
        private ResponsibleParty party = ResponsibleParty.UNKNOWN;
        private Enforcement enforcement = Enforcement.NONE;
        private StandardRevision standardRevision = StandardRevision.NONE;

        private Builder(String id, String hazardCode) {
            this.id = id;
            this.hazardCode = hazardCode;
        }

        public Builder location(String location) { this.location = location; return this; }
        public Builder area(String area) { this.area = area; return this; }
        public Builder foundOn(LocalDate foundOn) { this.foundOn = foundOn; return this; }
        public Builder correctableOnSpot(Boolean correctableOnSpot) { this.correctableOnSpot = correctableOnSpot; return this; }
        public Builder ratio(Double ratio) { this.ratio = ratio; return this; }
        public Builder quantity(Integer quantity) { this.quantity = quantity; return this; }
        public Builder status(RectificationStatus status) { this.status = status; return this; }
        public Builder plan(RectificationPlan plan) { this.plan = plan; return this; }
        public Builder expertReviewed(boolean expertReviewed) { this.expertReviewed = expertReviewed; return this; }
        public Builder timesFound(int timesFound) { this.timesFound = timesFound; return this; }
        public Builder party(ResponsibleParty party) { this.party = party; return this; }
        public Builder enforcement(Enforcement enforcement) { this.enforcement = enforcement; return this; }
        public Builder standardRevision(StandardRevision standardRevision) { this.standardRevision = standardRevision; return this; }

        public Finding build() {
            return new Finding(id, hazardCode, location, area, foundOn, correctableOnSpot, ratio, quantity, status, plan,
                    expertReviewed, timesFound, party, enforcement, standardRevision);
        }
    }
}
