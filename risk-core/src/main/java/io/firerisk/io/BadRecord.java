package io.firerisk.io;

/** A record could not be read: which field was wrong and why. The reader adds the file and line. */
final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;
    final String venueId;
    final String field;

    BadRecord(String venueId, String field, String message) {
        super(message);
        this.venueId = venueId == null ? "" : venueId;
        this.field = field == null ? "" : field;
    }
}
