package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.OperatingStatus;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.KeyPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine with explanations on, shared by eight threads making 200,000 assessments of mixed
 * venues (every kind, every hazard code, dates in each phase, in the lead-up to and during each
 * key period, before and after the campaign, some records the campaign refuses), in an order that
 * interleaves them differently from the sequential run: every result is identical to the
 * sequential one, compared as whole {@link Assessment}s (grade, determination, suspension, actions
 * and every reason's facts and sentence), and every refusal has the same message.
 */
class ConcurrentAssessmentTest {

    static final int DISTINCT = 2_000;
    static final int ASSESSMENTS = 200_000;
    static final int THREADS = 8;

    private final Campaign campaign = Wanzhou.ENGINE.campaign();

    /** What one assessment gave: the assessment, or the refusal's kind and message. */
    record Result(Assessment assessment, String refusal) {
        static Result of(RiskEngine engine, VenueFacts facts) {
            try {
                return new Result(engine.assess(facts), null);
            } catch (AssessmentException e) {
                return new Result(null, e.kind() + ": " + e.getMessage());
            }
        }
    }

    @Test
    void eightThreadsMakingTwoHundredThousandMixedAssessmentsGetExactlyTheSequentialResults() throws Exception {
        // Given mixed venues, and what one thread gets for each
        RiskEngine engine = Wanzhou.ENGINE;
        List<VenueFacts> inputs = mixedInputs(new Random(20231206));
        List<Result> sequential = new ArrayList<>(DISTINCT);
        for (VenueFacts facts : inputs) {
            Result r = Result.of(engine, facts);
            if (r.assessment() != null) {
                r.assessment().reasons().forEach(reason -> reason.sentence());
            }
            sequential.add(r);
        }
        assertMixed(inputs, sequential);

        // When eight threads assess them 200,000 times over, in a shuffled order
        int[] order = new int[ASSESSMENTS];
        for (int k = 0; k < ASSESSMENTS; k++) {
            order[k] = k % DISTINCT;
        }
        shuffle(order, new Random(2024));
        AtomicInteger next = new AtomicInteger();
        AtomicLong compared = new AtomicLong();
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < ASSESSMENTS && differences.size() < 5; k = next.getAndIncrement()) {
                        int i = order[k];
                        Result concurrent = Result.of(engine, inputs.get(i));
                        if (!concurrent.equals(sequential.get(i))) {
                            differences.add("#" + k + " " + inputs.get(i).venue().id() + ": " + concurrent
                                    + "\n  sequentially: " + sequential.get(i));
                        }
                        compared.incrementAndGet();
                    }
                }));
            }
            // A guard against a deadlock only, not a speed target: on a shared machine under heavy load the
            // 200,000 assessments took more than ten minutes, and speed is measured by the benchmarks.
            for (Future<?> w : workers) {
                w.get(90, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        // Then each is exactly the sequential result
        assertThat(differences).as("results that differ from the sequential run").isEmpty();
        assertThat(compared.get()).isEqualTo(ASSESSMENTS);
    }

    /** The inputs cover what the test claims: every kind and code, key periods, outside the campaign, refusals, reasons. */
    private void assertMixed(List<VenueFacts> inputs, List<Result> results) {
        Set<String> kinds = new HashSet<>();
        Set<String> codes = new HashSet<>();
        inputs.forEach(f -> {
            kinds.add(f.venue().kind());
            f.findings().forEach(x -> codes.add(x.hazardCode()));
        });
        assertThat(kinds).containsAll(campaign.venueKinds().keySet());
        assertThat(codes).containsAll(campaign.hazards().keySet());
        List<Assessment> assessed = results.stream().map(Result::assessment).filter(a -> a != null).toList();
        assertThat(assessed).extracting(a -> a.calendar().keyPeriod().isPresent()).contains(true, false);
        assertThat(assessed).extracting(a -> a.calendar().campaignInForce()).contains(true, false);
        assertThat(assessed).allSatisfy(a -> assertThat(a.reasons()).isNotEmpty());
        assertThat(assessed.stream().map(Assessment::grade).distinct().count()).isEqualTo(4);
        assertThat(results.stream().filter(r -> r.refusal() != null).count()).as("refused records")
                .isBetween(1L, DISTINCT / 10L);
    }

    private List<VenueFacts> mixedInputs(Random random) {
        List<String> kinds = List.copyOf(campaign.venueKinds().keySet());
        List<HazardType> hazards = List.copyOf(campaign.hazards().values());
        List<LocalDate> dates = interestingDates();
        List<VenueFacts> list = new ArrayList<>(DISTINCT);
        for (int i = 0; i < DISTINCT; i++) {
            String kind = kinds.get(i % kinds.size());
            boolean tall = random.nextInt(4) == 0;
            Venue venue = Venue.builder("WZ-" + (i % 700), kind).name("场所" + i).street("街道" + (i % 11))
                    .heightMeters(tall ? Double.valueOf(30 + random.nextInt(90))
                            : random.nextBoolean() ? null : Double.valueOf(3 + random.nextInt(20)))
                    .floors(tall ? 10 + random.nextInt(30) : 1 + random.nextInt(6))
                    .occupantCapacity(random.nextInt(random.nextInt(10) == 0 ? 3_000 : 300))
                    .underground(random.nextInt(8) == 0).sleepingOnSite(random.nextInt(5) == 0)
                    .dangerousGoods(random.nextInt(12) == 0)
                    .gasSupply(GasSupply.values()[random.nextInt(GasSupply.values().length)])
                    .operatingStatus(random.nextInt(15) == 0 ? OperatingStatus.SUSPENDED : OperatingStatus.OPERATING)
                    .build();
            LocalDate date = dates.get(random.nextInt(dates.size()));
            int n = random.nextInt(8);
            List<Finding> findings = new ArrayList<>(n + 1);
            for (int j = 0; j < n || (j == 0 && i < hazards.size()); j++) {
                HazardType type = i < hazards.size() && j == 0 ? hazards.get(i) : hazards.get(random.nextInt(hazards.size()));
                findings.add(finding("F" + (j + 1), type, date, random));
            }
            list.add(new VenueFacts(venue, findings, date, random.nextInt(40) == 0));
        }
        return list;
    }

    private static Finding finding(String id, HazardType type, LocalDate date, Random random) {
        Finding.Builder b = Finding.builder(id, type.code()).location("部位" + random.nextInt(5))
                .status(RectificationStatus.values()[random.nextInt(RectificationStatus.values().length)])
                .timesFound(1 + random.nextInt(3))
                .party(ResponsibleParty.values()[random.nextInt(ResponsibleParty.values().length)])
                .enforcement(Enforcement.values()[random.nextInt(Enforcement.values().length)])
                .expertReviewed(random.nextInt(20) == 0);
        if (random.nextBoolean()) {
            b.foundOn(date.minusDays(random.nextInt(60)));
        }
        if (random.nextInt(4) == 0) {
            b.correctableOnSpot(random.nextBoolean());
        }
        switch (random.nextInt(3)) {
            case 0 -> b.plan(new RectificationPlan("负责人", "措施", date.plusDays(random.nextInt(40) - 10), "资金", "预案"));
            case 1 -> b.plan(new RectificationPlan("负责人", null, null, null, "预案"));
            default -> { }
        }
        // A measured hazard usually carries its measure; now and then it does not, and the campaign refuses the record.
        if (type.measure().isPresent() && random.nextInt(50) != 0) {
            if (type.measure().get().equals(HazardType.MEASURE_RATIO)) {
                b.ratio(random.nextInt(101) / 100.0);
            } else {
                b.quantity(random.nextInt(30));
            }
        }
        return b.build();
    }

    /** Days in every phase, the lead-up to and the days of every key period, and days before and after the campaign. */
    private List<LocalDate> interestingDates() {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate start = campaign.calendar().start();
        LocalDate end = campaign.calendar().end();
        for (LocalDate d = start.minusDays(20); !d.isAfter(end.plusDays(20)); d = d.plusDays(5)) {
            dates.add(d);
        }
        for (KeyPeriod k : campaign.calendar().keyPeriods()) {
            for (LocalDate d = k.raisedFrom().minusDays(8); !d.isAfter(k.raisedTo().plusDays(1)); d = d.plusDays(1)) {
                dates.add(d);
            }
        }
        dates.add(LocalDate.of(2022, 6, 1));
        dates.add(LocalDate.of(2025, 1, 20));
        return Collections.unmodifiableList(dates);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

}
