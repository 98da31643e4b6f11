package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Venues with findings for ledger tests, drawn with a seed from the campaign's own catalogue: each
 * venue of a kind gets codes that apply to its kind, with the measurement each criterion needs.
 */
final class Samples {
    private Samples() {}

    private static final String[] KINDS = {"RESTAURANT", "OFFICE", "CANTEEN", "HOTEL", "RESIDENTIAL", "MARKET", "SHOP",
            "SANITATION_DEPOT"};
    private static final String[] STREETS = {"龙都街道", "陈家坝街道", "高笋塘街道", "牌楼街道"};

    static List<VenueFacts> venues(int count, long seed) {
        Campaign campaign = World.engine().campaign();
        Random random = new Random(seed);
        List<VenueFacts> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = KINDS[i % KINDS.length];
            Venue v = Venue.builder(String.format("V-%04d", i + 1), kind).name(kind + " " + (i + 1))
                    .street(STREETS[random.nextInt(STREETS.length)]).heightMeters(kind.equals("RESIDENTIAL") ? 60.0 : 9.0)
                    .floors(kind.equals("RESIDENTIAL") ? 20 : 3).occupantCapacity(20 + random.nextInt(200))
                    .sleepingOnSite(kind.equals("HOTEL") || kind.equals("RESIDENTIAL"))
                    .gasSupply(kind.equals("RESTAURANT") || kind.equals("CANTEEN") ? GasSupply.LPG_CYLINDER : GasSupply.NONE)
                    .build();
            List<HazardType> codes = campaign.hazards().values().stream()
                    .filter(h -> h.appliesTo().isEmpty() || h.appliesTo().contains(kind))
                    .sorted(java.util.Comparator.comparing(HazardType::code)).toList();
            List<Finding> findings = new ArrayList<>();
            int n = i % 5 == 4 ? 0 : 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                HazardType h = codes.get(random.nextInt(codes.size()));
                Finding.Builder f = Finding.builder("F" + (k + 1), h.code()).location("第" + (k + 1) + "处");
                if (h.measure().filter(HazardType.MEASURE_RATIO::equals).isPresent()) {
                    f.ratio(0.5);
                }
                if (h.measure().filter(HazardType.MEASURE_QUANTITY::equals).isPresent()) {
                    f.quantity(3);
                }
                findings.add(f.build());
            }
            LocalDate date = LocalDate.of(2023, 12, 8).plusDays(random.nextInt(90));
            out.add(VenueFacts.of(v, findings, date));
        }
        return out;
    }
}
