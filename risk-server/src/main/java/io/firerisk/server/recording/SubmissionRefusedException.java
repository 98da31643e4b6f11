package io.firerisk.server.recording;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submission the desk did not record, nothing of it saved: for each field at fault (as the form and
 * the JSON body name it, {@code findings[1].hazardCode}; {@code _form} for the submission as a whole)
 * the message to show beside it, already in the person's language, and the HTTP status.
 */
public final class SubmissionRefusedException extends RuntimeException {
    /** The key of errors that concern the submission as a whole (the ledger refused the transition, say). */
    public static final String WHOLE = "_form";

    private final HttpStatus status;
    private final transient Map<String, String> errors;

    public SubmissionRefusedException(HttpStatus status, Map<String, String> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public HttpStatus status() {
        return status;
    }

    /** Field → message. */
    public Map<String, String> errors() {
        return errors;
    }
}
