package io.firerisk.server.recording;

import io.firerisk.server.attachments.StoredAttachment;
import io.firerisk.server.attachments.UploadRefusedException;
import io.firerisk.server.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API behind the forms, for other systems (a city's 数字城管 platform posting inspections):
 * the same {@link RecordingService} as the pages, the same checks, the same refusals, as RFC 9457
 * problems whose {@code errors} name each field at fault. A system signs in with HTTP Basic as a
 * desk account linked to a person of the ledger (see the README); a browser's session works too,
 * with its CSRF token in the {@code X-CSRF-TOKEN} header.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "recording", description = "Record the events of the closed loop (闭环): inspections and their findings, "
        + "五落实 plans, rectifications with evidence, re-inspections, 销号, extensions, reopenings, 作废, 挂牌督办 and "
        + "enforcement steps")
class RecordingApi {

    private static final java.util.regex.Pattern SAFE_TO_ECHO = java.util.regex.Pattern.compile("[\\p{L}\\p{N} .,:_+-]{0,64}");

    private final RecordingService recording;

    RecordingApi(RecordingService recording) {
        this.recording = recording;
    }

    @Operation(summary = "Record an inspection of a venue and the hazards it found, in one transaction")
    @PostMapping(path = "/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> inspect(@RequestBody Commands.Inspection c, Viewer viewer, Locale locale) {
        return created(recording.inspect(viewer, c, locale));
    }

    @Operation(summary = "Set or change a hazard's 五落实 plan")
    @PostMapping(path = "/hazards/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> plan(@RequestBody Commands.Plan c, Viewer viewer, Locale locale) {
        return created(recording.setPlan(viewer, c, locale));
    }

    @Operation(summary = "Report a hazard rectified, with evidence uploaded before (attachments: their ids)")
    @PostMapping(path = "/hazards/rectification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> rectification(@RequestBody Commands.Rectification c, Viewer viewer, Locale locale) {
        return created(recording.reportRectification(viewer, c, List.of(), locale));
    }

    @Operation(summary = "Re-inspect a hazard reported rectified: passed, passed and closed, or failed")
    @PostMapping(path = "/hazards/reinspection", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> reinspection(@RequestBody Commands.Reinspection c, Viewer viewer, Locale locale) {
        return created(recording.reinspect(viewer, c, locale));
    }

    @Operation(summary = "Close (销号) a hazard whose re-inspection passed")
    @PostMapping(path = "/hazards/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> closure(@RequestBody Commands.Closure c, Viewer viewer, Locale locale) {
        return created(recording.close(viewer, c, locale));
    }

    @Operation(summary = "Ask for a hazard's deadline to be extended")
    @PostMapping(path = "/hazards/extension-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> extensionRequest(@RequestBody Commands.ExtensionRequest c, Viewer viewer, Locale locale) {
        return created(recording.requestExtension(viewer, c, locale));
    }

    @Operation(summary = "Grant or refuse the pending extension request")
    @PostMapping(path = "/hazards/extension-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> extensionDecision(@RequestBody Commands.ExtensionDecision c, Viewer viewer,
            Locale locale) {
        return created(recording.decideExtension(viewer, c, locale));
    }

    @Operation(summary = "Reopen a closed hazard found back at 回头看")
    @PostMapping(path = "/hazards/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> reopening(@RequestBody Commands.Reopening c, Viewer viewer, Locale locale) {
        return created(recording.reopen(viewer, c, locale));
    }

    @Operation(summary = "Cancel (作废) a hazard recorded in error, with the reason; kept in the log, counted nowhere",
            description = "Bureau staff or leaders (ledger.yaml permissions HAZARD_CANCELLED); others get 403.")
    @PostMapping(path = "/hazards/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> cancellation(@RequestBody Commands.Cancellation c, Viewer viewer, Locale locale) {
        return created(recording.cancel(viewer, c, locale));
    }

    @Operation(summary = "List a major hazard for supervision (挂牌督办) by a unit, under the collective decision's document",
            description = "A person holding a role of ledger.yaml permissions SUPERVISION_LISTED (the campaign: bureau "
                    + "leaders); others get 403. The listing lasts until the hazard is closed (销号).")
    @PostMapping(path = "/hazards/supervision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> supervision(@RequestBody Commands.Supervision c, Viewer viewer, Locale locale) {
        return created(recording.listForSupervision(viewer, c, locale));
    }

    @Operation(summary = "Lift a hazard's 挂牌督办 before it is closed (摘牌), with the decision's document and the reason",
            description = "ledger.yaml permissions SUPERVISION_LIFTED (the campaign: bureau leaders); others get 403. "
                    + "Closing (销号) ends the listing without this.")
    @PostMapping(path = "/hazards/supervision-lifting", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> supervisionLifting(@RequestBody Commands.SupervisionLifting c, Viewer viewer,
            Locale locale) {
        return created(recording.liftSupervision(viewer, c, locale));
    }

    @Operation(summary = "Record an enforcement step (责令改正 ORDERED_TO_CORRECT, 拒不改正 REFUSED_TO_CORRECT) with its "
            + "document, the person who decided it (decidedBy) and its legal ground",
            description = "A person's decision, never the engine's: decidedBy and ground are required. Inspectors or "
                    + "bureau staff (ledger.yaml permissions ENFORCEMENT_RECORDED); others get 403.")
    @PostMapping(path = "/hazards/enforcement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> enforcement(@RequestBody Commands.EnforcementStep c, Viewer viewer, Locale locale) {
        return created(recording.recordEnforcement(viewer, c, locale));
    }

    @Operation(summary = "Upload an evidence file about a venue (JPEG, PNG, WebP, HEIC or PDF by content); "
            + "name its attachmentId in a rectification")
    @PostMapping(path = "/venues/{venueId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> upload(@PathVariable String venueId,
            // (not required here: the path names the venue, so whoever may not act on it is refused that (403) before
            // anything is said about the body; a body without a file is then 400 from the service, naming the field)
            @RequestParam(name = "file", required = false) MultipartFile file, Viewer viewer, Locale locale) {
        StoredAttachment a = recording.upload(viewer, venueId, file, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Attachment(a.attachmentId(), a.uri(), a.mediaType(),
                a.bytes(), a.sha256()));
    }

    /** An uploaded file: its id (for {@code attachments}), the ledger's reference, what it is, its size and SHA-256. */
    record Attachment(String attachmentId, String uri, String mediaType, long bytes, String sha256) {}

    @ExceptionHandler(SubmissionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SubmissionRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), String.join("; ", e.errors().values()));
        p.setTitle("submission refused: nothing was recorded");
        p.setProperty("errors", e.errors());
        return ResponseEntity.status(e.status()).body(p);
    }

    /**
     * A body whose value is not of its field's type (a date that is none, an unknown {@code kind}) is refused
     * as the form refuses it: 403 for whoever may not record the endpoint's events on the venue or hazard the
     * body names, else 422, the field named as the body names it ({@code findings[0].deadline}), the
     * form's message. A body that is not JSON at all names no field, nor venue or hazard: 400.
     *
     * <p>Why 400 and not 403 for such a body about another unit's hazard: every JSON endpoint here takes the venue or
     * hazard from its body ({@code venueId}, {@code hazardId}), never from its path, so a body that cannot be read
     * names nothing to authorize beyond the endpoint's events (still checked first: 403 for whoever may not record
     * them at all), and the answer cannot depend on, nor tell anything about, a hazard it never named. Where the path
     * names the target ({@code /api/venues/{venueId}/attachments}), the path is authorized before the body is looked
     * at: another unit's venue is 403 whatever the body. An endpoint added with the venue or hazard in its path must do
     * the same (authorize the path before it binds or reads the body).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale,
            jakarta.servlet.http.HttpServletRequest request) {
        // Who may not record this endpoint's events at all, or not on the venue or hazard the body names, is told
        // that first (403), as the form does: a body that is JSON but does not bind is read again as a tree for the
        // venue (an inspection) or the hazard it names (KeptBody). A body that is not JSON names nothing.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String form = path.equals("/api/inspections") ? "inspection" : path.substring(path.lastIndexOf('/') + 1);
        java.util.Optional<Viewer> viewer = signedIn();
        if (RecordingService.FORM_EVENTS.containsKey(form) && viewer.isPresent()) {
            try {
                List<io.firerisk.ledger.EventType> events = RecordingService.FORM_EVENTS.get(form);
                if (form.equals("inspection")) {
                    java.util.Optional<String> venue = KeptBody.named(request, "venueId");
                    if (venue.isPresent()) {
                        recording.authorizeOnVenue(viewer.get(), venue.get(), locale, events);
                    } else {
                        recording.authorize(viewer.get(), null, locale, events);
                    }
                } else {
                    recording.authorize(viewer.get(), KeptBody.named(request, "hazardId").orElse(null), locale, events);
                }
            } catch (SubmissionRefusedException refused) {
                return refused(refused);
            } catch (io.firerisk.server.web.DeskRequestException d) {
                return problem(d, locale);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference r : j.getPath()) {
                    if (r.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        field.append('[').append(r.getIndex()).append(']');
                    }
                }
                String value = t instanceof InvalidFormatException f ? String.valueOf(f.getValue()) : "";
                // (the form shows the value escaped in its page; JSON is read by programs that may not escape it,
                // so a value that could be markup or a control sequence is not echoed)
                return refused(new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(field.toString(),
                        SAFE_TO_ECHO.matcher(value).matches() ? recording.message(locale, "form.badValue", value)
                                : recording.message(locale, "form.badValueNotShown"))));
            }
        }
        return refused(new SubmissionRefusedException(HttpStatus.BAD_REQUEST, Map.of(SubmissionRefusedException.WHOLE,
                recording.message(locale, "form.notJson"))));
    }

    /**
     * An upload whose multipart body cannot be parsed (a {@code multipart/form-data} content type without a boundary,
     * a body cut short or garbled): the path names the venue, so whoever may not act on it is told that first (403, as
     * for a body without a file); otherwise 400 saying the body is no readable upload, or 413 for one beyond the
     * servlet's limits. The body is parsed only when the handler's arguments are bound
     * ({@code spring.servlet.multipart.resolve-lazily}), which is what lets this handler run at all: parsed eagerly, the
     * failure came before any handler was chosen, met no advice, and was a 500.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e, Locale locale,
            jakarta.servlet.http.HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        java.util.Optional<Viewer> viewer = signedIn();
        if (path != null && path.get("venueId") != null && viewer.isPresent()) {
            try {
                recording.authorizeUpload(viewer.get(), path.get("venueId"));
            } catch (io.firerisk.server.web.DeskRequestException d) {
                return problem(d, locale);
            }
        }
        return e instanceof MaxUploadSizeExceededException
                ? problem(new io.firerisk.server.web.DeskRequestException(HttpStatus.CONTENT_TOO_LARGE,
                        "upload.tooLargeRequest"), locale)
                : problem(new io.firerisk.server.web.DeskRequestException(HttpStatus.BAD_REQUEST, "upload.unreadable"),
                        locale);
    }

    /** The account signed in, when it is a desk account (the same one the handler's {@link Viewer} is). */
    private static java.util.Optional<Viewer> signedIn() {
        var who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getPrincipal() instanceof io.firerisk.server.security.DeskAccount account
                ? java.util.Optional.of(account.viewer()) : java.util.Optional.empty();
    }

    /** A refusal as the API's advice answers it (an RFC 9457 problem with its message and {@code code}). */
    private ResponseEntity<ProblemDetail> problem(io.firerisk.server.web.DeskRequestException d, Locale locale) {
        return d.problem(recording.messages(), locale);
    }

    private static ResponseEntity<Recorded> created(Recorded r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }
}
