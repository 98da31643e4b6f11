package io.firerisk.server.notices;

import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.VenueView;
import io.firerisk.ledger.notice.Notice;
import io.firerisk.ledger.notice.NoticePrinter;
import io.firerisk.ledger.notice.Notices;
import io.firerisk.ledger.notice.NothingToRectifyException;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 通知书: the 整改通知书 for one hazard ({@code ?hazard=}) or for a venue's open hazards ({@code ?venue=}),
 * and the 重大火灾隐患整改通知书 ({@code ?venue=…&major=true}) which says it awaits the collective
 * determination, as of {@code ?asOf=}: a page to print on A4 and the same page as a PDF. The page is the
 * ledger's notice template, the one {@code firerisk notice} prints. A unit officer gets only their own
 * unit's notices, whatever the address names.
 */
@Controller
class NoticeController {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeController.class);

    private final Ledger ledger;

    NoticeController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping(value = "/notice", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String hazard,
            @RequestParam(required = false) String venue, @RequestParam(defaultValue = "false") boolean major,
            AsOf asOf, Viewer viewer, Locale locale) throws IOException {
        Target t = target(hazard, venue, major, asOf, viewer);
        Notice notice = notice(t, asOf, locale);
        StringWriter out = new StringWriter();
        NoticePrinter.html(notice, new NoticePrinter.Links(
                UriComponentsBuilder.fromPath("/venues/{id}").queryParam("asOf", asOf.date()).buildAndExpand(t.venueId)
                        .encode().toUriString(),
                link("/notice.pdf", hazard, venue, major, asOf), NoticeStylesheet.PATH), out);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(out.toString());
    }

    @GetMapping("/notice.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String hazard,
            @RequestParam(required = false) String venue, @RequestParam(defaultValue = "false") boolean major,
            AsOf asOf, Viewer viewer, Locale locale) {
        Target t = target(hazard, venue, major, asOf, viewer);
        Notice notice = notice(t, asOf, locale);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            NoticePrinter.pdf(notice, pdf);
        } catch (IOException e) {
            LOG.error("cannot print notice {} to PDF", notice.reference(), e);
            throw new DeskRequestException(HttpStatus.SERVICE_UNAVAILABLE, "notice.noPdf", NoticePrinter.HOW_TO_PRINT);
        }
        String name = notice.title() + "-" + notice.reference() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(pdf.toByteArray());
    }

    private record Target(String hazardId, String venueId, boolean major) {}

    /** Which notice the address asks for, refused before anything is shown when the viewer may not see it. */
    private Target target(String hazard, String venue, boolean major, AsOf asOf, Viewer viewer) {
        boolean byHazard = hazard != null && !hazard.isBlank();
        boolean byVenue = venue != null && !venue.isBlank();
        if (byHazard == byVenue) {
            throw DeskRequestException.badParameter("hazard/venue", byHazard ? hazard + "/" + venue : "",
                    "一个隐患编号或一个场所编号");
        }
        if (byHazard && major) {
            throw DeskRequestException.badParameter("major", "true", "仅用于场所（venue）");
        }
        String venueId;
        if (byHazard) {
            HazardView h = ledger.hazard(hazard, asOf.date()).orElseThrow(() -> DeskRequestException.notFound(
                    hazard + " @ " + asOf.date()));
            venueId = h.venueId();
        } else {
            venueId = venue;
        }
        VenueView v = ledger.venue(venueId, asOf.date()).orElseThrow(() -> DeskRequestException.notFound(
                venueId + " @ " + asOf.date()));
        if (!viewer.maySee(v.unitId())) {
            throw DeskRequestException.forbidden();
        }
        return new Target(byHazard ? hazard : null, venueId, major);
    }

    private Notice notice(Target t, AsOf asOf, Locale locale) {
        try {
            Notices notices = Notices.of(ledger);
            if (t.hazardId != null) {
                return notices.forHazard(t.hazardId, asOf.date());
            }
            return t.major ? notices.majorHazard(t.venueId, asOf.date()) : notices.forVenue(t.venueId, asOf.date());
        } catch (NothingToRectifyException e) {
            // Every hazard verified awaiting closure, closed or corrected: say so, hazard by hazard, in the page's language.
            boolean english = "en".equals(locale.getLanguage());
            String states = e.states().entrySet().stream()
                    .map(h -> h.getKey() + " " + (english ? h.getValue().label().en() : h.getValue().label().zh()))
                    .collect(Collectors.joining(english ? ", " : "，"));
            throw new DeskRequestException(HttpStatus.CONFLICT, "notice.nothingToRectify", e.venueId(), e.date(),
                    states.isEmpty() ? "—" : states);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // No open hazard to order rectified, or no suspected major hazard: nothing to print, and why.
            throw new DeskRequestException(HttpStatus.CONFLICT, "notice.refused", e.getMessage());
        }
    }

    private static String link(String path, String hazard, String venue, boolean major, AsOf asOf) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (hazard != null && !hazard.isBlank()) {
            b.queryParam("hazard", hazard);
        } else {
            b.queryParam("venue", venue);
        }
        if (major) {
            b.queryParam("major", true);
        }
        return b.queryParam("asOf", asOf.date()).encode().toUriString();
    }
}
