package io.firerisk.bench;

import io.firerisk.Assessment;
import io.firerisk.HazardVerdict;
import io.firerisk.VenueFacts;
import io.firerisk.internal.SessionStrategies;
import io.firerisk.internal.SessionStrategies.Assessing;
import io.firerisk.internal.SessionStrategies.Strategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One venue per operation, so operations per second are venues per second. Side by side in one run:
 * the engine as shipped (pooled sessions, explanations on), without explanations, a new stateful
 * session per venue, a stateless session per venue (the naive baseline), and a plain-Java
 * determination (the reference). Run with {@code -t 2} for batch throughput on both cores, and with
 * {@code -bm sample} for latency percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AssessmentBenchmark {

    static final String CAMPAIGN = "wanzhou-2023-winter";

    /** Findings per venue. */
    @Param({"5"})
    public int findings;

    Assessing pooled;
    Assessing pooledQuiet;
    Assessing newSession;
    Assessing stateless;
    PlainJavaReference plainJava;
    List<VenueFacts> venues;
    LocalDate today;

    @Setup(Level.Trial)
    public void setUp() {
        // The strategies other than the engine's pool live in risk-core's test fixtures: they do not ship.
        SessionStrategies compiled = SessionStrategies.bundled(CAMPAIGN);
        pooled = compiled.assessor(Strategy.POOLED, true);
        pooledQuiet = compiled.assessor(Strategy.POOLED, false);
        newSession = compiled.assessor(Strategy.NEW_SESSION, true);
        stateless = compiled.assessor(Strategy.STATELESS, true);
        plainJava = new PlainJavaReference(compiled.campaign());
        venues = Workload.venues(compiled.campaign(), 4096, findings, 20231213L);
        today = compiled.campaign().calendar().start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pooled.close();
        pooledQuiet.close();
    }

    /** Per-thread position in the workload, so threads do not contend on a shared counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        VenueFacts take(List<VenueFacts> venues) {
            VenueFacts v = venues.get(next);
            next = (next + 1) % venues.size();
            return v;
        }
    }

    @Benchmark
    public Assessment engineAsShipped(Cursor cursor) {
        return pooled.assess(cursor.take(venues), today);
    }

    @Benchmark
    public Assessment engineWithoutExplanations(Cursor cursor) {
        return pooledQuiet.assess(cursor.take(venues), today);
    }

    @Benchmark
    public Assessment newSessionPerVenue(Cursor cursor) {
        return newSession.assess(cursor.take(venues), today);
    }

    @Benchmark
    public Assessment naiveStatelessSessionPerVenue(Cursor cursor) {
        return stateless.assess(cursor.take(venues), today);
    }

    @Benchmark
    public HazardVerdict plainJavaDetermination(Cursor cursor) {
        return plainJava.verdict(cursor.take(venues));
    }
}
