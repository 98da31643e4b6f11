package io.firerisk.server.attachments;

import io.firerisk.ledger.Event;
import io.firerisk.ledger.Evidence;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes uploads no recorded event names. A form's photos are stored with the submission and removed
 * at once when it is refused; a file uploaded ahead through the API waits for the submission that
 * names it, and when none did within {@code firerisk.desk.attachments.unclaimed-for} (its submission
 * was refused, or never came) the file and its row are removed. Whether an event names it is read from
 * the ledger (the evidence of every event of the file's venue), so a file is never removed from under
 * a recorded event, on any instance; a submission may name an upload only within half that time.
 */
@Component
public class UnclaimedAttachments {

    private static final Logger LOG = LoggerFactory.getLogger(UnclaimedAttachments.class);
    /** Files looked at in one sweep; the rest wait for the next. */
    static final int BATCH = 1_000;

    private final AttachmentStore store;
    private final Ledger ledger;
    private final Clock clock;

    UnclaimedAttachments(AttachmentStore store, Ledger ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void sweep() {
        List<StoredAttachment> removed = removeUnclaimedUploadedBefore(clock.instant().minus(store.unclaimedFor()));
        if (!removed.isEmpty()) {
            LOG.info("removed {} uploaded file(s) no recorded event names, uploaded more than {} ago", removed.size(),
                    store.unclaimedFor());
        }
    }

    /**
     * Removes the files uploaded before {@code cutoff} that no event of the ledger names as evidence.
     *
     * @return the files removed
     */
    public List<StoredAttachment> removeUnclaimedUploadedBefore(Instant cutoff) {
        Map<String, Set<String>> namedByVenue = new HashMap<>();
        List<StoredAttachment> unclaimed = new ArrayList<>();
        for (StoredAttachment a : store.uploadedBefore(cutoff, BATCH)) {
            Set<String> named = namedByVenue.computeIfAbsent(a.venueId(), this::evidenceOf);
            if (!named.contains(a.uri())) {
                unclaimed.add(a);
            }
        }
        store.discard(unclaimed);
        return unclaimed;
    }

    private Set<String> evidenceOf(String venueId) {
        Set<String> uris = new HashSet<>();
        for (RecordedEvent e : ledger.timeline(venueId)) {
            evidence(e.event()).forEach(x -> uris.add(x.uri()));
        }
        return uris;
    }

    private static List<Evidence> evidence(Event e) {
        if (e instanceof Event.HazardFound f) {
            return f.evidence();
        } else if (e instanceof Event.RectificationReported r) {
            return r.evidence();
        } else if (e instanceof Event.ReinspectionPassed p) {
            return p.evidence();
        } else if (e instanceof Event.ReinspectionFailed f) {
            return f.evidence();
        } else if (e instanceof Event.HazardReopened r) {
            return r.evidence();
        }
        return List.of();
    }
}
