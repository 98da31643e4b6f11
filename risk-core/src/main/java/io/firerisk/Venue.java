package io.firerisk;

import java.util.List;

/**
 * A venue as an inspector reports it: what it is, where it is, how it is built and who is inside.
 *
 * <p>{@code kind} is a code from the campaign's venue-kind table (for example {@code OFFICE} or
 * {@code RESTAURANT}); the campaign decides which place classes (人员密集场所 and so on) a kind
 * belongs to and whether the building counts as high-rise. Construction rejects impossible values
 * with an {@link IllegalArgumentException} that names the field and the value.
 *
 * <p>Limits: ids and codes ({@code id}, {@code kind}) are at most {@value #MAX_ID_LENGTH} characters
 * with no control or direction-changing characters; free text ({@code name}, {@code street},
 * {@code address}) at most {@value #MAX_TEXT_LENGTH} characters, surrounding blanks stripped. Text may
 * hold any character, so whoever shows it must escape it (the {@code firerisk} program does).
 *
 * @param id               unique within a batch; at most 128 characters
 * @param name             display name, may be empty
 * @param kind             venue-kind code defined by the campaign
 * @param street           street or sub-district (街道), may be empty
 * @param address          free-text address, may be empty
 * @param heightMeters     building height in metres, {@code null} when unknown
 * @param floors           storeys above ground of the building (1 when unknown)
 * @param underground      the venue itself lies in a basement or semi-basement (地下或半地下)
 * @param occupantCapacity people who may be inside at once (≥ 0)
 * @param sleepingOnSite   people sleep there (hotels, dormitories, homes)
 * @param gasSupply        fuel gas used on the premises
 * @param dangerousGoods   flammable or explosive goods are produced, stored or sold there
 * @param operatingStatus  whether the unit or place is in use
 * @param uses             other venue kinds the venue also serves as, besides {@code kind} (a multi-use
 *                         building: an archive with a public reading room); each brings its place classes
 * @param placeClasses     place classes declared for this venue besides those of its kinds (a provincial
 *                         archive is an important place), on the authority of the class's defining clause
 * @param ownedByAuthority the campaign's own authority runs it (its offices, canteens and depots, or a
 *                         unit under it), so the authority stops its use itself when use must stop; for
 *                         other venues it asks the competent authority
 */
public record Venue(
        String id,
        String name,
        String kind,
        String street,
        String address,
        Double heightMeters,
        int floors,
        boolean underground,
        int occupantCapacity,
        boolean sleepingOnSite,
        GasSupply gasSupply,
        boolean dangerousGoods,
        OperatingStatus operatingStatus,
        List<String> uses,
        List<String> placeClasses,
        boolean ownedByAuthority) {

    /** Highest building accepted; a larger figure is a typo (the tallest building on Earth is under 830 m). */
    public static final double MAX_HEIGHT_METERS = 1_000;
    public static final int MAX_FLOORS = 200;
    public static final int MAX_OCCUPANTS = 1_000_000;
    /** Longest id or code (venue id, kind, finding id, hazard code), in characters. */
    public static final int MAX_ID_LENGTH = Checks.MAX_ID_LENGTH;
    /** Longest free text (name, street, address, location, the parts of a rectification plan), in characters. */
    public static final int MAX_TEXT_LENGTH = Checks.MAX_TEXT_LENGTH;
    /** Most other uses or declared place classes a venue may list. */
    public static final int MAX_CODES = 20;

    public Venue {
        id = Checks.id("Venue", "id", id);
        String owner = Checks.ownerOf("Venue", id);
        name = Checks.text(owner, "name", name);
        kind = Checks.id(owner, "kind", kind);
        street = Checks.text(owner, "street", street);
        address = Checks.text(owner, "address", address);
        heightMeters = Checks.optionalBetween(owner, "heightMeters", heightMeters, 0, MAX_HEIGHT_METERS);
        Checks.between(owner, "floors", floors, 1, MAX_FLOORS);
        Checks.between(owner, "occupantCapacity", occupantCapacity, 0, MAX_OCCUPANTS);
        gasSupply = gasSupply == null ? GasSupply.NONE : gasSupply;
        operatingStatus = operatingStatus == null ? OperatingStatus.OPERATING : operatingStatus;
        uses = Checks.ids(owner, "uses", uses, MAX_CODES);
        placeClasses = Checks.ids(owner, "placeClasses", placeClasses, MAX_CODES);
    }

    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    /** A copy with every field the same, for changing one or two. */
    public Builder toBuilder() {
        return new Builder(id, kind)
                .name(name).street(street).address(address).heightMeters(heightMeters).floors(floors)
                .underground(underground).occupantCapacity(occupantCapacity).sleepingOnSite(sleepingOnSite)
                .gasSupply(gasSupply).dangerousGoods(dangerousGoods).operatingStatus(operatingStatus)
                .uses(uses).placeClasses(placeClasses).ownedByAuthority(ownedByAuthority);
    }

    /** Builds a {@link Venue}; unset fields take the defaults documented on the record. */
    public static final class Builder {
        private final String id;
        private final String kind;
        private String name = "";
        private String street = "";
        private String address = "";
        private Double heightMeters;
        private int floors = 1;
        private boolean underground;
        private int occupantCapacity;
        private boolean sleepingOnSite;
        private GasSupply gasSupply = GasSupply.NONE;
        private boolean dangerousGoods;
        private OperatingStatus operatingStatus = OperatingStatus.OPERATING;
        private List<String> uses = List.of();
        private List<String> placeClasses = List.of();
        private boolean ownedByAuthority;

        private Builder(String id, String kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder street(String street) { this.street = street; return this; }
        public Builder address(String address) { this.address = address; return this; }
        public Builder heightMeters(Double heightMeters) { this.heightMeters = heightMeters; return this; }
        public Builder floors(int floors) { this.floors = floors; return this; }
        public Builder underground(boolean underground) { this.underground = underground; return this; }
        public Builder occupantCapacity(int occupantCapacity) { this.occupantCapacity = occupantCapacity; return this; }
        public Builder sleepingOnSite(boolean sleepingOnSite) { this.sleepingOnSite = sleepingOnSite; return this; }
        public Builder gasSupply(GasSupply gasSupply) { this.gasSupply = gasSupply; return this; }
        public Builder dangerousGoods(boolean dangerousGoods) { this.dangerousGoods = dangerousGoods; return this; }
        public Builder operatingStatus(OperatingStatus operatingStatus) { this.operatingStatus = operatingStatus; return this; }
        public Builder uses(List<String> uses) { this.uses = uses; return this; }
        public Builder uses(String... uses) { this.uses = List.of(uses); return this; }
        public Builder placeClasses(List<String> placeClasses) { this.placeClasses = placeClasses; return this; }
        public Builder ownedByAuthority(boolean ownedByAuthority) { this.ownedByAuthority = ownedByAuthority; return this; }

        public Venue build() {
            return new Venue(id, name, kind, street, address, heightMeters, floors, underground, occupantCapacity,
                    sleepingOnSite, gasSupply, dangerousGoods, operatingStatus, uses, placeClasses, ownedByAuthority);
        }
    }
}
