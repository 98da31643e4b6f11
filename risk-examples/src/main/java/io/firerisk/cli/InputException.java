package io.firerisk.cli;

/** The input as a whole cannot be read (missing file, unknown column, wrong encoding of a header): exit code 1. */
final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
