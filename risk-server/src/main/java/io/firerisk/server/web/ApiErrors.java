package io.firerisk.server.web;

import io.firerisk.ledger.LedgerException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A refused request to the desk's JSON endpoints ({@code @RestController}s) is answered in JSON, as an
 * RFC 9457 problem with the same message the page would show, not with an HTML page. Ordered before
 * {@link UiAdvice}, which answers for the pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DeskRequestException.class)
    ResponseEntity<ProblemDetail> refused(DeskRequestException e, HttpServletRequest request) {
        return e.problem(messages, RequestContextUtils.getLocale(request));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("upload.tooLargeRequest", null,
                        RequestContextUtils.getLocale(request))));
    }

    /**
     * A multipart body that cannot be parsed (no boundary, cut short, garbled): 400 saying so. Reached because the
     * desk parses multipart lazily, while the handler's arguments are bound (application.properties); the upload
     * endpoint whose path names a venue authorizes it first in its own handler ({@code RecordingApi}).
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(HttpServletRequest request) {
        return refused(new DeskRequestException(HttpStatus.BAD_REQUEST, "upload.unreadable"), request);
    }

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> ledgerFailed(LedgerException e, HttpServletRequest request) {
        LOG.error("ledger failed on {}", request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("error.ledger", null,
                        RequestContextUtils.getLocale(request))));
    }
}
