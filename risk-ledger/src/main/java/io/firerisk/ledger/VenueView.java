package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;

import java.time.LocalDate;
import java.util.List;

/**
 * One venue as of a date: its facts then, the unit and area it belonged to, its hazards and
 * inspections up to then, the engine's assessment as of that date on the findings the ledger
 * held, and the events it was folded from — the venue's whole state at that moment, replayed from the log.
 *
 * @param venueId     the venue
 * @param asOf        the date
 * @param venue       its facts as of that date
 * @param unitId      the unit responsible for it
 * @param area        the area code it was registered in
 * @param areaPath    that area and its ancestors, up to the district
 * @param hazards     its hazards as of that date (cancelled ones included, flagged by their state)
 * @param inspections its inspections up to that date, oldest first
 * @param assessment  the engine's assessment as of that date
 * @param version     the venue's own stream version
 * @param facts       what the engine was told for {@code assessment} (the venue, each hazard's finding as of the
 *                    date, the latest inspection's confirmation of no real fire risk): assess it again with a
 *                    finding changed to ask what that change would do
 * @param timeline    every event about the venue (its own, its inspections' and its hazards') that happened by the
 *                    end of the date, in the order they happened: {@link Ledger#timeline} up to the date, read
 *                    with the rest rather than again
 */
public record VenueView(String venueId, LocalDate asOf, Venue venue, String unitId, String area,
        List<Directory.Area> areaPath, List<HazardView> hazards, List<InspectionView> inspections, Assessment assessment,
        int version, VenueFacts facts, List<RecordedEvent> timeline) {

    public VenueView {
        areaPath = List.copyOf(areaPath);
        hazards = List.copyOf(hazards);
        inspections = List.copyOf(inspections);
        timeline = List.copyOf(timeline);
    }

    /** The hazard with that id, if the venue had it on that date. */
    public java.util.Optional<HazardView> hazard(String hazardId) {
        return hazards.stream().filter(h -> h.hazardId().equals(hazardId)).findFirst();
    }
}
