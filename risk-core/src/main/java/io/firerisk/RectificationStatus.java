package io.firerisk;

/** Where a finding stands on the way from found to closed (销号). */
public enum RectificationStatus {
    /** Found, nothing done yet. */
    OPEN,
    /** Corrected in the inspector's presence; GB 35181-2017 5.1.2 does not count it. */
    CORRECTED_ON_SPOT,
    /** Rectification under way. */
    IN_PROGRESS,
    /** The unit reports it rectified; a re-inspection (回头看) must confirm it. */
    RECTIFIED,
    /** Rectification confirmed on re-inspection; the finding is closed (销号). */
    VERIFIED;

    /** Still a live hazard: not corrected on the spot and not yet reported rectified. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
