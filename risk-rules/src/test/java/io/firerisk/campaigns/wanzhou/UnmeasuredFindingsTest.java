package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.Reason;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.HazardType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding without a measured ratio never meets a ratio threshold, also once the engine is warm.
 * Drools compiles a constraint to bytecode after it has been evaluated a number of times (its
 * "jitting"), and the compiled {@code ratio < x} is true for NaN where the interpreted one is false:
 * a rule that relies on NaN comparing false then matches unmeasured findings only after warm-up,
 * and a long-running engine explains, say, 7.1.2 with "separation is -1% of that required". Ratio
 * rules therefore say {@code measured}. Found by {@link ConcurrentAssessmentTest}, whose results
 * differed from the sequential run's by order, not by thread.
 */
class UnmeasuredFindingsTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 10);

    @Test
    void noRuleMatchesAFindingWithoutARatioAsIfItHadOneEvenAfterThousandsOfEvaluations() {
        // Given a fresh engine, and one venue of each kind with every catalogue code that carries no measure
        try (RiskEngine engine = RiskEngine.builder().campaign(Wanzhou.ID).build()) {
            List<HazardType> unmeasured = engine.campaign().hazards().values().stream()
                    .filter(h -> h.measure().isEmpty()).toList();
            List<VenueFacts> venues = new ArrayList<>();
            for (String kind : engine.campaign().venueKinds().keySet()) {
                List<Finding> findings = new ArrayList<>();
                for (HazardType h : unmeasured) {
                    findings.add(Finding.builder("F" + findings.size(), h.code()).location("部位").correctableOnSpot(false).build());
                }
                venues.add(VenueFacts.of(Venue.builder("V-" + kind, kind).heightMeters(60.0).floors(20)
                        .occupantCapacity(500).build(), findings, DAY));
            }

            // When they are assessed again and again, well past the point where Drools compiles the constraints
            List<Reason> measuredSentences = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (VenueFacts facts : venues) {
                    Assessment a = engine.assess(facts);
                    // the sentences that quote a finding's percentage: {$f.percent} is -1 for a finding without a ratio
                    a.reasons().stream().filter(r -> r.sentence().zh().contains("-1%")).forEach(measuredSentences::add);
                }
            }

            // Then no rule ever took a missing ratio for a measured one
            assertThat(measuredSentences).as("reasons quoting the ratio of a finding that has none").isEmpty();
        }
    }
}
