package io.firerisk.server.web;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.LedgerException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Locale;
import java.util.Map;

/**
 * Puts {@link Ui} into every page's model ({@code ui}), and turns a refused request into a page that
 * says why, in the person's language, with its status.
 */
@ControllerAdvice(basePackages = "io.firerisk.server")
class UiAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(UiAdvice.class);

    private final MessageSource messages;
    private final Ledger ledger;

    UiAdvice(MessageSource messages, Ledger ledger) {
        this.messages = messages;
        this.ledger = ledger;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request, AsOf asOf) {
        return new Ui(messages, locale(request), asOf, ledger.today(), ledger.campaign(),
                WebConfiguration.viewer().orElse(null), (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
                request.getRequestURI().substring(request.getContextPath().length()), request.getParameterMap());
    }

    @ExceptionHandler(DeskRequestException.class)
    ModelAndView refused(DeskRequestException e, HttpServletRequest request, HttpServletResponse response) {
        return error(request, response, e.status().value(),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale(request)));
    }

    /** A request beyond the servlet's upload limits (far beyond the desk's own, which the form reports beside the field). */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return error(request, response, 413, messages.getMessage("upload.tooLargeRequest", null, locale(request)));
    }

    /**
     * A form's multipart body that cannot be parsed (no boundary, cut short, garbled; no browser sends one): 400 with a
     * page saying so, never a 500. Parsed lazily (application.properties), so this runs with the form's handler known.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView unreadableMultipart(HttpServletRequest request, HttpServletResponse response) {
        return error(request, response, 400, messages.getMessage("upload.unreadable", null, locale(request)));
    }

    @ExceptionHandler(LedgerException.class)
    ModelAndView ledgerFailed(LedgerException e, HttpServletRequest request, HttpServletResponse response) {
        LOG.error("ledger failed on {}", request.getRequestURI(), e);
        return error(request, response, 503, messages.getMessage("error.ledger", null, locale(request)));
    }

    private static ModelAndView error(HttpServletRequest request, HttpServletResponse response, int status,
            String message) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error", Map.of("status", status, "error", "", "message", message,
                "lang", locale(request).getLanguage()));
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mav;
    }

    /** The request's language (switched already when this very request asked for it). */
    static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
