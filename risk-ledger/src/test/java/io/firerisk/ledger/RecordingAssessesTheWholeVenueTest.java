package io.firerisk.ledger;

import io.firerisk.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.STAFF;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.day;
import static io.firerisk.ledger.World.photo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grade a recording writes for today's pages is the venue's with every finding it has. Found by
 * TodayFromProjectionsTest (seed -97): a failed re-inspection names only its hazard, so the hazard was read before its
 * venue and the venue was then assessed without that finding (YELLOW in the projections, ORANGE in a replay).
 */
class RecordingAssessesTheWholeVenueTest {

    @Test
    void aFailedReinspectionOfAnOverdueHazardGradesTheVenueWithThatHazard() {
        try (TestDatabase db = TestDatabase.h2(); Ledger ledger = World.open(db)) {
            // Given the restaurant's extinguishers found invalid on 05-20, due 05-27, the venue moved to another
            // community, and a rectification reported
            World world = new World();
            world.setUp(ledger);
            Finding f = Finding.builder(RESTAURANT + "/P0", "FIRE_EXTINGUISHER_INVALID").location("后厨").build();
            ledger.record(List.of(
                    world.entry(INSPECTOR, at("2024-05-20", 15), new Event.InspectionRecorded("I-0", RESTAURANT,
                            InspectionKind.SPOT_CHECK, day("2024-05-20"), List.of(INSPECTOR), "")),
                    world.entry(INSPECTOR, at("2024-05-20", 15), new Event.HazardFound(RESTAURANT, "I-0", f, false,
                            null, List.of()))));
            ledger.record(List.of(world.entry(STAFF, at("2024-06-01", 1), new Event.VenueChanged(World.restaurant(),
                    "ENT-LAOZHANG", "CM-CJB-1"))));
            ledger.record(List.of(world.entry(OFFICER, at("2024-06-01", 4), new Event.RectificationReported(f.id(),
                    "已整改", List.of(photo("done.jpg"))))));

            // When the re-inspection finds it not rectified
            ledger.record(List.of(world.entry(INSPECTOR, at("2024-06-01", 7), new Event.ReinspectionFailed(f.id(), null,
                    "未整改到位", List.of()))));

            // Then today's list (the projections) grades the venue as a replay does: the overdue extinguishers
            // raise the likelihood, ORANGE
            String replayed = ledger.replayFromScratch().snapshot(TodayFromProjectionsTest.TODAY)
                    .counts(HazardQuery.builder().build(), List.of(Dimension.GRADE)).get(0).key().get(0);
            assertThat(replayed).isEqualTo("ORANGE");
            assertThat(ledger.counts(HazardQuery.builder().build(), Dimension.GRADE))
                    .extracting(c -> c.key().get(0)).containsExactly("ORANGE");
        }
    }
}
