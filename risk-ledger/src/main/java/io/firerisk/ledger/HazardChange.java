package io.firerisk.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How one hazard changed between two dates ({@link Ledger#changes}): its state and deadline at each
 * end and the events in between. A hazard appears when it had events in the span or became overdue
 * in it.
 *
 * @param hazardId       the hazard
 * @param venueId        its venue
 * @param before         its state at the end of the first date, empty when it did not exist yet
 * @param after          its state at the end of the second date
 * @param deadlineBefore its deadline then, if it existed
 * @param deadlineAfter  its deadline at the end
 * @param overdueBefore  overdue at the first date
 * @param overdueAfter   overdue at the second date
 * @param events         what was recorded in between, in order
 */
public record HazardChange(String hazardId, String venueId, Optional<HazardState> before, HazardState after,
        Optional<LocalDate> deadlineBefore, LocalDate deadlineAfter, boolean overdueBefore, boolean overdueAfter,
        List<RecordedEvent> events) {
    public HazardChange {
        events = List.copyOf(events);
    }
}
