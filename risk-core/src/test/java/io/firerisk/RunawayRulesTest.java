package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A campaign whose rules loop, in the two ways a loop arises: a rule that inserts its own trigger
 * ({@code broken/runaway-rule}) and two rules that undo each other's conclusions through truth
 * maintenance ({@code broken/ping-pong-rules}). Either way the looping venue's assessment fails
 * after a bounded number of firings with an error naming the rules, and the engine goes on serving
 * every other venue exactly as before, one at a time, in batches and from several threads.
 */
class RunawayRulesTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 15);
    static final int LIMIT = 300;

    @TempDir
    Path temp;

    static VenueFacts looping(int i) {
        Venue shed = Venue.builder("SHED-" + i, "SHED").name("棚屋").occupantCapacity(5).build();
        return VenueFacts.of(shed, List.of(Finding.of("F1", "CLUTTER")), DAY);
    }

    /** Venues the looping rules do not touch: every other hazard of the tiny campaign, in halls and sheds. */
    static List<VenueFacts> others() {
        List<VenueFacts> list = new ArrayList<>();
        String[] codes = {"EXITS_TOO_FEW", "SIGNS_DAMAGED", "LIGHTS_DAMAGED", "OLD_WIRING"};
        for (int i = 0; i < 12; i++) {
            Venue v = Venue.builder("V-" + i, i % 3 == 0 ? "SHED" : "HALL").occupantCapacity(20 * i).build();
            List<Finding> findings = new ArrayList<>();
            for (int j = 0; j <= i % codes.length; j++) {
                findings.add(Finding.of("F" + j, codes[(i + j) % codes.length]));
            }
            list.add(VenueFacts.of(v, findings, DAY.plusDays(i * 3L)));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "runaway-rule    | a rule that feeds itself |",
            "ping-pong-rules | ping: no C.1 yet, so C.2 | pong: C.2, so C.1"})
    void theLoopingAssessmentFailsNamingTheRulesAndEveryOtherVenueIsServedAsBefore(String defect, String rule,
            String otherRule) throws Exception {
        // Given an engine on a campaign whose rules loop on CLUTTER, and its answers for other venues before any loop
        CampaignFixture campaign = CampaignFixture.broken(defect, temp);
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(campaign.folder()).maxRuleFirings(LIMIT)
                .sessionPoolSize(2).build()) {
            List<VenueFacts> others = others();
            List<Assessment> before = others.stream().map(engine::assess).toList();

            // When the looping venue is assessed
            AssessmentException e = catchThrowableOfType(AssessmentException.class, () -> engine.assess(looping(0)));

            // Then that assessment fails as a loop, after the limit, naming the rules going round
            assertThat(e).as("the looping assessment fails").isNotNull();
            assertThat(e.kind()).isEqualTo(AssessmentException.Kind.RULE_LOOP);
            assertThat(e.venueId()).isEqualTo("SHED-0");
            assertThat(e).hasMessageContaining("limit of " + LIMIT + " firings").hasMessageContaining(rule);
            if (otherRule != null) {
                assertThat(e).hasMessageContaining(otherRule);
            }

            // and loops and ordinary venues interleaved, more than the pool holds, leave the others' answers unchanged
            for (int round = 0; round < 5; round++) {
                int r = round;
                assertThat(catchThrowableOfType(AssessmentException.class, () -> engine.assess(looping(r))).kind())
                        .isEqualTo(AssessmentException.Kind.RULE_LOOP);
                assertThat(others.stream().map(engine::assess).toList()).isEqualTo(before);
            }

            // and in a batch the looping records become rejects in their place while the rest are assessed
            List<VenueFacts> batch = new ArrayList<>();
            for (int i = 0; i < others.size(); i++) {
                batch.add(others.get(i));
                if (i % 4 == 1) {
                    batch.add(looping(i));
                }
            }
            assertBatch(engine.assessAll(batch), batch, before);
            assertBatch(engine.assessAll(batch.stream()).toList(), batch, before);
            assertBatch(engine.assessAll(batch.parallelStream()).toList(), batch, before);

            // and from four threads at once
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Outcome>>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> engine.assessAll(batch)));
                }
                for (Future<List<Outcome>> run : runs) {
                    assertBatch(run.get(), batch, before);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"runaway-rule", "ping-pong-rules"})
    void theBoundIsTheEnginesLimitWhateverItIsSet(String defect) {
        CampaignFixture campaign = CampaignFixture.broken(defect, temp);
        for (int limit : new int[] {10, RiskEngine.DEFAULT_MAX_RULE_FIRINGS}) {
            RiskEngine.Builder builder = RiskEngine.builder().campaignDirectory(campaign.folder());
            try (RiskEngine engine = limit == RiskEngine.DEFAULT_MAX_RULE_FIRINGS ? builder.build()
                    : builder.maxRuleFirings(limit).build()) {
                AssessmentException e = catchThrowableOfType(AssessmentException.class, () -> engine.assess(looping(1)));
                assertThat(e.kind()).isEqualTo(AssessmentException.Kind.RULE_LOOP);
                assertThat(e).hasMessageContaining("limit of " + limit + " firings");
            }
        }
    }

    /** One outcome per record, in order: the looping ones rejected as loops, the rest as assessed before. */
    private static void assertBatch(List<Outcome> outcomes, List<VenueFacts> batch, List<Assessment> before) {
        assertThat(outcomes).hasSameSizeAs(batch);
        int other = 0;
        for (int i = 0; i < batch.size(); i++) {
            Outcome o = outcomes.get(i);
            assertThat(o.index()).isEqualTo(i);
            assertThat(o.venueId()).isEqualTo(batch.get(i).venue().id());
            if (batch.get(i).venue().id().startsWith("SHED-")) {
                assertThat(o).isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.error().kind()).isEqualTo(AssessmentException.Kind.RULE_LOOP));
            } else {
                Assessment expected = before.get(other++);
                assertThat(o).isInstanceOfSatisfying(Outcome.Assessed.class,
                        a -> assertThat(a.assessment()).isEqualTo(expected));
            }
        }
        assertThat(other).isEqualTo(before.size());
    }
}
