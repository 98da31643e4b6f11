package io.firerisk;

/**
 * How sure the campaign's authors are of a clause's wording or number, carried from the domain
 * brief into data and output so nobody mistakes a reconstruction for the official text.
 */
public enum Verification {
    /** Wording read in a cited source ([V]). */
    VERIFIED("V"),
    /** Substance or number confirmed, not both ([P]). */
    PARTLY_VERIFIED("P"),
    /** Reconstructed, not checked against a source ([U]): verify before relying on it. */
    UNVERIFIED("U");

    private final String mark;

    Verification(String mark) {
        this.mark = mark;
    }

    /** The one-letter mark used in campaign files: V, P or U. */
    public String mark() {
        return mark;
    }

    public static Verification fromMark(String mark) {
        for (Verification v : values()) {
            if (v.mark.equalsIgnoreCase(mark.strip()) || v.name().equalsIgnoreCase(mark.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("verification must be V, P or U (was \"" + mark + "\")");
    }
}
