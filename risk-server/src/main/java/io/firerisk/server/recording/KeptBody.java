package io.firerisk.server.recording;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the bytes of a JSON body sent to the recording API (up to {@value #MAX_KEPT} bytes) while it is bound, so
 * that a body that is JSON but does not bind (a value not of its field's type) can still be read as a tree for the
 * venue or hazard it names: {@link RecordingApi} then refuses whoever may not act on that one (403) before saying what
 * is wrong with the body (422), as the forms do. A body that is not JSON at all names nothing.
 *
 * <p>The bytes are read again only on that error path; a body that binds is bound once, as before. A body larger
 * than {@value #MAX_KEPT} bytes is refused up front (413, nothing read further or recorded), so the rule holds for
 * every body the API takes; files go to the attachments endpoint (multipart, not through here). Each request being
 * bound holds its body (at most that much) until it is answered.
 */
@ControllerAdvice(assignableTypes = RecordingApi.class)
class KeptBody extends RequestBodyAdviceAdapter {

    /** Larger bodies are refused (no recording submission comes near: 50 findings of 2,000 characters is some 100 KB). */
    static final int MAX_KEPT = 1 << 20;
    private static final String ATTRIBUTE = KeptBody.class.getName();

    private final RecordingService recording;

    KeptBody(RecordingService recording) {
        this.recording = recording;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        InputStream in = input.getBody();
        byte[] head = in.readNBytes(MAX_KEPT + 1);
        if (head.length > MAX_KEPT) {
            throw new SubmissionRefusedException(HttpStatus.CONTENT_TOO_LARGE, Map.of(SubmissionRefusedException.WHOLE,
                    recording.message(LocaleContextHolder.getLocale(), "form.tooLarge", MAX_KEPT)));
        }
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, head, RequestAttributes.SCOPE_REQUEST);
        InputStream body = new ByteArrayInputStream(head);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /**
     * The text the kept body gives its top-level {@code field} ({@code venueId}, {@code hazardId}), when the body is
     * a JSON object that names one; empty for a body that is not JSON, not kept, or names none.
     */
    static Optional<String> named(HttpServletRequest request, String field) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof byte[] bytes)) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JsonMapper.shared().readTree(bytes);
            JsonNode id = tree == null ? null : tree.get(field);
            return id != null && id.isString() && !id.stringValue().isBlank() ? Optional.of(id.stringValue().strip())
                    : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
