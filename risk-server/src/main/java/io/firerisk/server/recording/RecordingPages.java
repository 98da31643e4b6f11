package io.firerisk.server.recording;

import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.VenueView;

import java.util.List;
import java.util.Set;

/** What the recording pages show. */
public final class RecordingPages {
    private RecordingPages() {}

    /**
     * The inspection form of a venue.
     *
     * @param venue    the venue as it stands
     * @param unit     its unit's name
     * @param kinds    the kinds of inspection offered
     * @param hazards  the campaign's hazard catalogue, to choose from
     * @param form     the form (blank, or as sent with its errors)
     * @param mayRecord whether the viewer acts as a person of the ledger (else the page says why not)
     */
    public record InspectionPage(VenueView venue, String unit, List<InspectionKind> kinds, List<HazardType> hazards,
            Form form, boolean mayRecord) {}

    /**
     * A hazard and the forms for what may happen to it next.
     *
     * @param shown       the hazard as of the page's date
     * @param current     the hazard as it stands now (the forms act on this, with its version)
     * @param venueName   its venue's name
     * @param offered     the events the viewer may record now
     * @param sent        the form sent, with its errors, if it came back
     * @param maxMegabytes the largest upload accepted
     * @param offersClosingToo whether the viewer may close the hazard too, right after a passed re-inspection
     */
    public record HazardPage(HazardView shown, HazardView current, String venueName, Set<EventType> offered, Form sent,
            long maxMegabytes, boolean offersClosingToo) {

        /** The form called {@code name}: as sent if it came back, else a new one. */
        public Form form(String name) {
            return sent != null && sent.is(name) ? sent : Form.blank(name);
        }

        public boolean offers(EventType type) {
            return offered.contains(type);
        }

        /** Whether any form is offered. */
        public boolean offersAny() {
            return !offered.isEmpty();
        }
    }
}
