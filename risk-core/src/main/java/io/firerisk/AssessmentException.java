package io.firerisk;

/**
 * An assessment could not be made. The message names the campaign, the venue and what was wrong;
 * {@link #kind()} says which sort of problem it was, for programs that sort rejects.
 */
public class AssessmentException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The facts do not fit the campaign (unknown code or kind, a missing measurement). */
        INVALID_FACTS,
        /** The rules kept firing past the engine's limit. */
        RULE_LOOP,
        /** A rule threw an exception. */
        RULE_ERROR
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String campaignId;
    private final String venueId;
    private final String field;

    public AssessmentException(Kind kind, String campaignId, String venueId, String field, String message,
            Throwable cause) {
        super("campaign " + campaignId + ", venue '" + venueId + "': " + message, cause);
        this.kind = kind;
        this.campaignId = campaignId;
        this.venueId = venueId;
        this.field = field == null ? "" : field;
    }

    public Kind kind() {
        return kind;
    }

    public String campaignId() {
        return campaignId;
    }

    public String venueId() {
        return venueId;
    }

    /** The input field at fault, such as {@code findings[2].hazardCode}, or an empty string. */
    public String field() {
        return field;
    }
}
