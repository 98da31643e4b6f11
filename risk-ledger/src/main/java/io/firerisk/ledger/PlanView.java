package io.firerisk.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A 双随机、一公开 inspection plan as the ledger holds it ({@link Ledger#plans()}): how it was drawn, its
 * visits, who drew it and whether it is published.
 *
 * @param planId             the plan
 * @param date               the day it was drawn; venues were assessed as of it
 * @param seed               the seed of the draw
 * @param count              venues asked for at random, besides the re-inspections
 * @param street             the street drawn from, empty for the whole district
 * @param inspectorsPerVenue inspectors drawn for each venue
 * @param previousPlanId     the plan whose inspectors were kept from the same venues, if any
 * @param candidates         venues the random draw was made from
 * @param visits             the venues in plan order, with the inspectors drawn for them (see {@link #assigned()})
 * @param drawnBy            who drew it (a registered person)
 * @param drawnAt            when
 * @param publishedBy        who published it, empty while it is not
 * @param publishedAt        when it was published, empty while it is not
 * @param note               the note given when it was published
 * @param version            its stream's version
 * @param reassignments      inspectors changed by hand since the draw, oldest first
 */
public record PlanView(String planId, LocalDate date, long seed, int count, Optional<String> street,
        int inspectorsPerVenue, Optional<String> previousPlanId, long candidates, List<Event.PlannedVisit> visits,
        String drawnBy, Instant drawnAt, Optional<String> publishedBy, Optional<Instant> publishedAt, String note,
        int version, List<Reassignment> reassignments) {

    public PlanView {
        visits = List.copyOf(visits);
        reassignments = List.copyOf(reassignments);
    }

    /**
     * The visits with the inspectors they go to now: as drawn ({@link #visits()}), each changed by its
     * last {@link Reassignment}.
     */
    public List<Event.PlannedVisit> assigned() {
        java.util.Map<String, List<String>> latest = new java.util.HashMap<>();
        reassignments.forEach(r -> latest.put(r.venueId(), r.to()));
        return visits.stream().map(v -> latest.containsKey(v.venueId())
                ? new Event.PlannedVisit(v.venueId(), v.reinspection(), latest.get(v.venueId())) : v).toList();
    }

    /**
     * Inspectors of one visit changed by hand after the draw.
     *
     * @param venueId the visit's venue
     * @param from    the inspectors it went to before
     * @param to      those it goes to since
     * @param reason  why, as given
     * @param by      who changed it (a registered person)
     * @param at      when
     */
    public record Reassignment(String venueId, List<String> from, List<String> to, String reason, String by,
            Instant at) {
        public Reassignment {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    public boolean published() {
        return publishedAt.isPresent();
    }

    /**
     * What became of one visit, as the ledger holds it now: the first inspection of the venue of the
     * plan's kind (双随机, or 回头看 for a re-inspection) on or after the plan's date, and the hazards
     * found at the venue on that inspection's day, with how many are closed (销号).
     *
     * @param seq        position in the plan, from 1
     * @param visit      the visit
     * @param venueName  the venue's name
     * @param street     the venue's street code
     * @param inspection the inspection, if done
     * @param hazards    hazards found on the inspection's day
     * @param closed     of them, those closed
     */
    public record Result(int seq, Event.PlannedVisit visit, String venueName, String street,
            Optional<InspectionView> inspection, int hazards, int closed) {}
}
