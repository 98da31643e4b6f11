package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.Finding;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs in a JVM of its own (Drools picks its truth maintenance once per JVM), started by
 * {@link PackagedServerThreadsTest}: a cold engine whose very first assessments are made, as the ledger's replays
 * make them, from a parallel stream in a fork-join pool whose threads' context class loader cannot see the
 * application's libraries. That is what the common pool's threads see in the packaged desk
 * ({@code java -jar firerisk-desk.jar}): the JDK gives them the system class loader, which in a Spring Boot jar
 * holds only the launcher, not BOOT-INF/lib. Then 32 threads and the pool assess at once, on dates under both
 * GB 35181 editions, with the session pool smaller than the threads. Prints every failure and exits 1 on any.
 * With {@code sessions-first}, the parts a session is made of were first needed on a thread that sees Drools (as
 * a request thread does) and only the rule matches on the pool's threads: the load test's exact failure.
 */
public final class PackagedServerThreadsProbe {

    static final int THREADS = 32;
    static final int PER_THREAD = 40;

    /** {@code sessions-first}: as in the desk, Drools' session parts were first needed on a request thread. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sessions-first")) {
            org.drools.core.reteoo.RuntimeComponentFactory.get();
            org.drools.kiesession.factory.KnowledgeHelperFactory.get();
            org.drools.core.common.TruthMaintenanceSystemFactory.get();
        }
        RiskEngine engine = RiskEngine.builder().campaign(Wanzhou.ID).sessionPoolSize(4).build();
        List<VenueFacts> inputs = inputs(engine.campaign(), new Random(17));
        ClassLoader blind = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        ForkJoinPool packaged = new ForkJoinPool(8, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setContextClassLoader(blind);
            return t;
        }, null, false);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger assessed = new AtomicInteger();

        // The engine's first assessments: a replay's parallel stream on the packaged server's pool
        packaged.submit(() -> inputs.parallelStream().forEach(f -> assess(engine, f, failures, assessed)))
                .get(10, TimeUnit.MINUTES);

        // Then request threads and replays at once
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                await(start);
                for (int i = 0; i < PER_THREAD; i++) {
                    assess(engine, inputs.get((offset * PER_THREAD + i) % inputs.size()), failures, assessed);
                }
            }, "request-" + t);
            threads.add(thread);
            thread.start();
        }
        var replay = packaged.submit(() -> {
            await(start);
            inputs.parallelStream().forEach(f -> assess(engine, f, failures, assessed));
        });
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(10));
        }
        replay.get(10, TimeUnit.MINUTES);
        packaged.shutdown();

        System.out.println("assessed " + assessed.get() + ", failed " + failures.size());
        failures.stream().distinct().limit(5).forEach(System.out::println);
        System.exit(failures.isEmpty() && assessed.get() == 2 * inputs.size() + THREADS * PER_THREAD ? 0 : 1);
    }

    private static void assess(RiskEngine engine, VenueFacts facts, ConcurrentLinkedQueue<String> failures,
            AtomicInteger assessed) {
        try {
            Assessment a = engine.assess(facts);
            if (a.grade() == null) {
                failures.add(facts.venue().id() + ": no grade");
            }
            assessed.incrementAndGet();
        } catch (AssessmentException e) {
            if (e.kind() == AssessmentException.Kind.INVALID_FACTS) {
                // a record the campaign refuses (a hazard that needs a measurement): refused the same on any thread
                assessed.incrementAndGet();
                return;
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add(Thread.currentThread().getName() + " " + facts.venue().id() + ": " + e.getMessage()
                    + " / " + root);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every venue kind with findings of every hazard, on dates under the 2019 edition and under the 2025 one. */
    static List<VenueFacts> inputs(Campaign campaign, Random random) {
        List<String> kinds = List.copyOf(campaign.venueKinds().keySet());
        List<HazardType> hazards = List.copyOf(campaign.hazards().values());
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 3, 27),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 1));
        List<VenueFacts> list = new ArrayList<>();
        for (int i = 0; i < Math.max(200, hazards.size()); i++) {
            Venue venue = Venue.builder("WZ-" + i, kinds.get(i % kinds.size())).name("场所" + i).street("街道" + (i % 7))
                    .heightMeters(Double.valueOf(3 + random.nextInt(60))).floors(1 + random.nextInt(20))
                    .occupantCapacity(random.nextInt(500)).underground(random.nextInt(6) == 0)
                    .sleepingOnSite(random.nextInt(4) == 0).build();
            LocalDate date = dates.get(i % dates.size());
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.builder("F1", hazards.get(i % hazards.size()).code()).location("部位1")
                    .foundOn(date.minusDays(3)).build());
            for (int j = 0; j < random.nextInt(4); j++) {
                findings.add(Finding.builder("F" + (j + 2), hazards.get(random.nextInt(hazards.size())).code())
                        .location("部位" + (j + 2)).foundOn(date.minusDays(1 + j)).build());
            }
            list.add(VenueFacts.of(venue, findings, date));
        }
        return list;
    }
}
