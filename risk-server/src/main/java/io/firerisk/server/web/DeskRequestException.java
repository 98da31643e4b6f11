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

    /**
     * The refusal as the JSON API answers it: an RFC 9457 problem with the message in the person's language (the
     * key itself when the messages files lack it) and the key as its {@code code}.
     */
    public org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> problem(
            org.springframework.context.MessageSource messages, java.util.Locale locale) {
        var p = org.springframework.http.ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(messageKey, args, messageKey, locale));
        p.setProperty("code", messageKey);
        return org.springframework.http.ResponseEntity.status(status).body(p);
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
