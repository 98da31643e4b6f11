package io.firerisk.server.recording;

import io.firerisk.Enforcement;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.VenueView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
            Form form, boolean mayRecord) {

        /**
         * What the ratio or quantity field holds for the hazard {@code code} (blank: none chosen yet), in the page's
         * language: "比例 = 超出的面积 ÷ 规定的防火分区建筑面积 …" with the clause it is judged under, as the
         * catalogue's {@code measure_zh}/{@code measure_en} say it; or that the hazard takes neither number.
         */
        public String measureHelp(io.firerisk.server.web.Ui ui, String code) {
            Optional<HazardType> type = code == null || code.isBlank() ? Optional.empty()
                    : hazards.stream().filter(t -> t.code().equals(code.strip())).findFirst();
            return measureHelp(ui, type.orElse(null));
        }

        /** {@link #measureHelp(io.firerisk.server.web.Ui, String)} for a hazard of the catalogue (null: none chosen). */
        public String measureHelp(io.firerisk.server.web.Ui ui, HazardType t) {
            if (t == null) {
                return ui.t("inspection.measure.choose");
            }
            String measure = t.measure().orElse("");
            if (!measure.equals(HazardType.MEASURE_RATIO) && !measure.equals(HazardType.MEASURE_QUANTITY)) {
                return ui.t("inspection.measure.none");
            }
            return t.measureMeaning().map(m -> ui.t("inspection.measure." + measure, ui.text(m), t.clause()))
                    .orElseGet(() -> ui.t("inspection.measure." + measure + "Plain", t.clause()));
        }
    }

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
     * @param log         the hazard's events up to the page's date, with who recorded each
     * @param deciders    the people an enforcement step may name as having decided it (empty: form not offered)
     * @param supervisingUnits the units a hazard may be listed for supervision by (empty: form not offered)
     * @param enforcementSteps the steps the enforcement form offers
     * @param viewerPerson the person the viewer acts as (preselected as who decided), or empty
     */
    public record HazardPage(HazardView shown, HazardView current, String venueName, Set<EventType> offered, Form sent,
            long maxMegabytes, boolean offersClosingToo, List<LogLine> log, List<Directory.Person> deciders,
            List<Directory.Unit> supervisingUnits, List<Enforcement> enforcementSteps, String viewerPerson) {


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

    /**
     * One event of a hazard's log as its page shows it.
     *
     * @param eventId   the event's id
     * @param day       the day it happened
     * @param type      what happened
     * @param actor     who recorded it (a person of the directory)
     * @param actorName their name
     * @param event     the event as recorded (its texts are shown escaped)
     * @param decidedByName for an enforcement step, the name of the person who decided it
     */
    public record LogLine(String eventId, LocalDate day, EventType type, String actor, String actorName, Event event,
            String decidedByName) {

        /** The enforcement step, when this is one: who decided it and on what ground. */
        public Optional<Event.EnforcementRecorded> enforcement() {
            return event instanceof Event.EnforcementRecorded e ? Optional.of(e) : Optional.empty();
        }

        public Optional<Event.SupervisionListed> supervision() {
            return event instanceof Event.SupervisionListed s ? Optional.of(s) : Optional.empty();
        }

        public Optional<Event.SupervisionLifted> lifting() {
            return event instanceof Event.SupervisionLifted l ? Optional.of(l) : Optional.empty();
        }

        public Optional<Event.HazardCancelled> cancellation() {
            return event instanceof Event.HazardCancelled c ? Optional.of(c) : Optional.empty();
        }
    }
}
