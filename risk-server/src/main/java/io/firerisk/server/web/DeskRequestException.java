package io.firerisk.server.web;

import org.springframework.http.HttpStatus;

/**
 * A request the desk refuses, with the message shown to the person: a key of the messages files and
 * its arguments, and the HTTP status.
 */
public class DeskRequestException extends RuntimeException {
    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public DeskRequestException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey + " " + java.util.Arrays.toString(args));
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The viewer may not see this (a unit officer asking for another unit's venue). */
    public static DeskRequestException forbidden() {
        return new DeskRequestException(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    public static DeskRequestException notFound(String what) {
        return new DeskRequestException(HttpStatus.NOT_FOUND, "error.notFound", what);
    }

    public static DeskRequestException badParameter(String name, String value, String expected) {
        return new DeskRequestException(HttpStatus.BAD_REQUEST, "error.badParameter", name, value, expected);
    }
}
