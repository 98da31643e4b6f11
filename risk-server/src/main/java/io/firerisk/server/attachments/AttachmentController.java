package io.firerisk.server.attachments;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;

/**
 * An evidence file, to whoever may see its venue: always as a download ({@code Content-Disposition:
 * attachment}, under a name the desk made, with the type its content was found to be and
 * {@code nosniff}), so that no uploaded file is ever shown by the browser as a page of the desk.
 */
@Controller
class AttachmentController {

    private final AttachmentStore store;
    private final Ledger ledger;

    AttachmentController(AttachmentStore store, Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String attachmentId, Viewer viewer) throws IOException {
        StoredAttachment a = store.find(attachmentId).orElseThrow(() -> DeskRequestException.notFound(attachmentId));
        VenueView venue = ledger.venue(a.venueId(), ledger.today())
                .orElseThrow(() -> DeskRequestException.notFound(attachmentId));
        if (!viewer.maySee(venue.unitId())) {
            throw DeskRequestException.forbidden();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .contentLength(a.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.downloadName())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(store.open(a)));
    }
}
