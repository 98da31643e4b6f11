package io.firerisk;

/**
 * Whether a finding arises only because a fire technical standard was revised after the building
 * met the one in force (GB 35181-2025 4.2 a): such a finding is neither a major hazard nor an element
 * of one, unless a law or regulation expressly requires compliance.
 */
public enum StandardRevision {
    /** Not caused by a revision of a standard (the default). */
    NONE,
    /** Caused by a revision of a fire technical standard, and no law or regulation expressly requires it. */
    CAUSED,
    /** Caused by a revision, but a law or regulation expressly requires compliance: it still counts. */
    CAUSED_BUT_LAW_REQUIRES;

    /** True when 4.2 a) leaves the finding out. */
    public boolean excludes() {
        return this == CAUSED;
    }
}
