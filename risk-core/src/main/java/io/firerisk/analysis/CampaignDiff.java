package io.firerisk.analysis;

import io.firerisk.Outcome;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assesses the same venues under two campaigns (an old and a new edition, or a campaign and a copy
 * with one threshold changed) and lists every venue whose grade, verdict, suspension or actions
 * change, with the rules responsible on each side.
 *
 * <pre>{@code
 * try (RiskEngine a = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
 *      RiskEngine b = RiskEngine.builder().campaignDirectory(Path.of("next-winter")).build()) {
 *     DiffReport diff = CampaignDiff.compare(a, b, venues);
 *     diff.changes();     // only the venues that changed
 *     diff.summary();     // 200 venues compared, 3 changed: grade 2, verdict 2, suspension 0, actions 3, refused 0
 * }
 * }</pre>
 */
public final class CampaignDiff {

    private CampaignDiff() {}

    /**
     * Compares the outcomes of the two engines for each venue, in order. A venue one side refuses
     * (an unknown hazard code, say) and the other assesses is a change too.
     */
    public static DiffReport compare(RiskEngine before, RiskEngine after, List<VenueFacts> venues) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<Outcome> a = before.assessAll(venues);
        List<Outcome> b = after.assessAll(venues);
        List<VenueChange> changes = new ArrayList<>();
        for (int i = 0; i < venues.size(); i++) {
            VenueFacts facts = venues.get(i);
            String name = facts == null ? "" : facts.venue().name();
            VenueChange.between(a.get(i), b.get(i), name).ifPresent(changes::add);
        }
        return new DiffReport(label(before), label(after), venues.size(), changes);
    }

    /**
     * {@code wanzhou-2023-winter 1.0.0}, and when the engine applies one edition on every date (built with
     * {@link RiskEngine.Builder#onlyStandard}), {@code wanzhou-2023-winter 1.0.0 with GB 35181-2017 on every date}:
     * comparing editions, A and B are the same campaign, told apart by the edition.
     */
    private static String label(RiskEngine engine) {
        io.firerisk.campaign.Campaign c = engine.campaign();
        String label = c.id() + " " + c.version();
        if (c.standards().size() == 1 && c.standards().get(0).from().equals(java.time.LocalDate.MIN)
                && c.standards().get(0).to().equals(java.time.LocalDate.MAX)) {
            label += " with " + c.standards().get(0).document() + " on every date";
        }
        return label;
    }
}
