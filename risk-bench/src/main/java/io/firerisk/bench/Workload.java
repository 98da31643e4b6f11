package io.firerisk.bench;

import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Deterministic venues for measurement: kinds, sizes and heights spread over the campaign's tables,
 * findings drawn from its whole hazard catalogue (with the measurement each criterion needs), about
 * one in six corrected on the spot, some with rectification plans, dates spread over the campaign
 * including key periods and the lead-ups to them.
 */
public final class Workload {

    private Workload() {}

    public static List<VenueFacts> venues(Campaign campaign, int count, int findingsPerVenue, long seed) {
        List<HazardType> hazards = new ArrayList<>(campaign.hazards().values());
        hazards.sort(Comparator.comparing(HazardType::code));
        List<String> kinds = campaign.venueKinds().keySet().stream().sorted().toList();
        LocalDate start = campaign.calendar().start();
        int days = (int) (campaign.calendar().end().toEpochDay() - start.toEpochDay()) + 1;
        Random random = new Random(seed);
        List<VenueFacts> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Finding> findings = new ArrayList<>(findingsPerVenue);
            for (int k = 0; k < findingsPerVenue; k++) {
                HazardType h = hazards.get(random.nextInt(hazards.size()));
                Finding.Builder b = Finding.builder("F" + k, h.code()).location("部位" + k);
                if (h.measure().filter(HazardType.MEASURE_RATIO::equals).isPresent()) {
                    b.ratio(random.nextDouble());
                }
                if (h.measure().filter(HazardType.MEASURE_QUANTITY::equals).isPresent()) {
                    b.quantity(random.nextInt(20));
                }
                if (random.nextInt(6) == 0) {
                    b.status(RectificationStatus.CORRECTED_ON_SPOT);
                }
                if (random.nextInt(3) == 0) {
                    b.plan(new RectificationPlan("责任人", "整改措施", start.plusDays(random.nextInt(days)), null, null));
                }
                findings.add(b.build());
            }
            Venue venue = Venue.builder("V" + i, kinds.get(random.nextInt(kinds.size())))
                    .name("场所" + i).street("街道" + (i % 12))
                    .occupantCapacity(random.nextInt(400))
                    .heightMeters(random.nextDouble() * 80).floors(1 + random.nextInt(30))
                    .sleepingOnSite(random.nextInt(5) == 0)
                    .build();
            out.add(VenueFacts.of(venue, findings, start.plusDays(random.nextInt(days))));
        }
        return out;
    }
}
