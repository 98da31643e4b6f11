package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cold engine with a pool of two sessions, assessed from its very first call by 32 threads and a parallel stream
 * on the common fork-join pool (as a ledger replay does), where one venue's assessment always fails inside a rule's
 * consequence, after conclusions were drawn, and threads are interrupted while they assess (as a web request's
 * timeout does): only that venue's assessments fail, and every other is exactly what a fresh engine gives alone.
 * A session left half-way by the failing rule, with truth-maintained conclusions in it, would change a later
 * assessment that borrowed it.
 */
class FailingAndInterruptedAssessmentsUnderLoadTest {

    static final int THREADS = 32;
    static final int ROUNDS = 6;

    @TempDir
    Path temp;

    @Test
    void aRuleThatThrowsFailsOnlyItsOwnVenueAndInterruptsChangeNoResultWhileManyThreadsShareTwoSessions()
            throws Exception {
        // Given a campaign with a rule that throws for one venue, after the others have concluded about its findings
        CampaignFixture fixture = CampaignFixture.copyOf("tiny", temp);
        fixture.write("rules/core/failing.drl", """
                package rules.core;

                import io.firerisk.rules.*;

                global io.firerisk.rules.CampaignData campaign;

                rule "出错的规则"
                    @clause("T-DIRECT")
                    @zh("{$v.name}出错")
                    @en("{$v.name} fails")
                when
                    $v : VenueProfile(venueId == "BOOM")
                    ElementPresent()
                then
                    throw new IllegalStateException("a consequence failed for " + $v.venueId());
                end
                """);
        List<VenueFacts> inputs = ReloadUnderLoadTest.inputs();
        VenueFacts boom = VenueFacts.of(Venue.builder("BOOM", "HALL").occupantCapacity(300).build(),
                List.of(Finding.of("F0", "EXITS_TOO_FEW"), Finding.of("F1", "CLUTTER")), LocalDate.of(2024, 1, 15));
        List<Assessment> expected = new ArrayList<>();
        RiskEngine alone = RiskEngine.builder().campaignDirectory(fixture.folder()).sessionPoolSize(1).build();
        for (VenueFacts facts : inputs) {
            expected.add(alone.assess(facts));
        }
        assertThat(expected).extracting(Assessment::grade).contains(RiskGrade.RED);

        // When a cold engine with two pooled sessions is assessed by 32 threads and a parallel stream at once,
        // every other call on the failing venue, a third of the calls made with the thread interrupted
        RiskEngine engine = RiskEngine.builder().campaignDirectory(fixture.folder()).sessionPoolSize(2).build();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger failedAsExpected = new AtomicInteger();
        AtomicInteger compared = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                await(start);
                for (int r = 0; r < ROUNDS; r++) {
                    for (int i = 0; i < inputs.size(); i++) {
                        int k = (i + offset * 7) % inputs.size();
                        if ((i + r) % 3 == 0) {
                            Thread.currentThread().interrupt();
                        }
                        check(engine, inputs.get(k), expected.get(k), wrong, compared);
                        Thread.interrupted();
                        if (i % 2 == 0) {
                            fails(engine, boom, wrong, failedAsExpected);
                        }
                    }
                }
            }, "request-" + t));
        }
        threads.forEach(Thread::start);
        var replay = ForkJoinPool.commonPool().submit(() -> {
            await(start);
            java.util.stream.IntStream.range(0, inputs.size() * ROUNDS).parallel().forEach(n -> {
                int k = n % inputs.size();
                if (n % 5 == 0) {
                    fails(engine, boom, wrong, failedAsExpected);
                }
                check(engine, inputs.get(k), expected.get(k), wrong, compared);
            });
        });
        Thread interrupter = new Thread(() -> {
            await(start);
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get((int) (System.nanoTime() % THREADS)).interrupt();
                Thread.onSpinWait();
            }
        });
        interrupter.start();
        start.countDown();
        for (Thread thread : threads) {
            // a guard against a hang only, not a speed target
            thread.join(TimeUnit.MINUTES.toMillis(20));
        }
        replay.get(20, TimeUnit.MINUTES);
        interrupter.join();

        // Then only the failing venue failed, every time, and everything else is what the engine alone gives
        assertThat(wrong).as("assessments that differ from a fresh engine's, or failed").isEmpty();
        assertThat(compared.get()).isEqualTo((THREADS + 1) * ROUNDS * inputs.size());
        assertThat(failedAsExpected.get()).isGreaterThan(THREADS * ROUNDS);
    }

    private static void check(RiskEngine engine, VenueFacts facts, Assessment expected,
            ConcurrentLinkedQueue<String> wrong, AtomicInteger compared) {
        try {
            Assessment a = engine.assess(facts);
            if (!a.equals(expected)) {
                wrong.add(facts.venue().id() + " on " + facts.assessmentDate() + ": " + a.grade() + " instead of "
                        + expected.grade());
            }
        } catch (RuntimeException e) {
            wrong.add(facts.venue().id() + " on " + facts.assessmentDate() + ": " + e);
        }
        compared.incrementAndGet();
    }

    private static void fails(RiskEngine engine, VenueFacts boom, ConcurrentLinkedQueue<String> wrong,
            AtomicInteger failed) {
        try {
            engine.assess(boom);
            wrong.add("BOOM was assessed although its rule throws");
        } catch (AssessmentException e) {
            if (e.kind() == AssessmentException.Kind.RULE_ERROR && e.getMessage().contains("出错的规则")) {
                failed.incrementAndGet();
            } else {
                wrong.add("BOOM: " + e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
