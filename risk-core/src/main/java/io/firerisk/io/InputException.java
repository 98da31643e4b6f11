package io.firerisk.io;

/**
 * An input cannot be read as venues at all: an empty file, a header naming an unknown column or lacking
 * a required one, a header that is not valid text in the chosen encoding. (A bad record is not this: it
 * becomes a {@link VenueRecord.Rejected} and the input goes on.) The message names the file and line.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
