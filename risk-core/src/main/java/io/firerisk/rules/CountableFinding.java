package io.firerisk.rules;

/**
 * Conclusion: a finding counts toward the element its hazard code evidences, because the edition in force
 * leaves it in (GB 35181-2017 5.1.2 and 5.1.3 a: open, cannot be corrected on the spot, no expert design review
 * whose measures were taken). One per finding and element, drawn once by the edition's exclusion rule, so the
 * element rules test {@code element == "7.3.6"} instead of repeating the exclusions, and the engine indexes
 * that test:
 *
 * <pre>{@code
 * $c : CountableFinding(element == "7.2.2", measured, ratio > campaign.number("…"), $f : finding)
 * }</pre>
 *
 * @param venueId   the venue
 * @param findingId the finding
 * @param code      its hazard code
 * @param element   one element its hazard code evidences (the catalogue's element column)
 * @param finding   the finding itself, for the element's own conditions and its sentences
 */
public record CountableFinding(String venueId, String findingId, String code, String element, HazardFinding finding) {

    public CountableFinding(HazardFinding finding, String element) {
        this(finding.venueId(), finding.findingId(), finding.code(), element, finding);
    }

    /** True when the finding carries a measured ratio ({@link HazardFinding#measured()}); test it before {@code ratio}. */
    public boolean measured() {
        return finding.measured();
    }

    /** The finding's measured ratio, {@code NaN} when none. */
    public double ratio() {
        return finding.ratio();
    }

    // Identity, as ElementPresent: each conclusion keeps the rule that drew it, and comparing the finding it
    // carries field by field on every logical insert would be wasted work.
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }

    @Override
    public String toString() {
        return "countable " + finding + " for " + element;
    }
}
