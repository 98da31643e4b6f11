package io.firerisk;

/**
 * A fact record ({@link Venue}, {@link Finding}, {@link RectificationPlan}, {@link VenueFacts}) was
 * given a value it refuses. The message names the record, the field and the value, as every
 * {@link IllegalArgumentException} from those records does; {@link #field()} gives the field on its
 * own, so a program reading records from a file can point at the column it came from without
 * taking the message apart.
 */
public final class InvalidFactException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String record;
    private final String field;

    InvalidFactException(String record, String field, String message) {
        super(message);
        this.record = record;
        this.field = field;
    }

    /** The record refused, such as {@code Venue}, {@code Finding}, {@code RectificationPlan} or {@code VenueFacts}. */
    public String record() {
        return record;
    }

    /**
     * The field at fault, as the record names it: {@code occupantCapacity}, {@code ratio}, or within
     * {@code VenueFacts} {@code findings}, {@code findings[3]}, {@code findings[3].id},
     * {@code assessmentDate}.
     */
    public String field() {
        return field;
    }
}
