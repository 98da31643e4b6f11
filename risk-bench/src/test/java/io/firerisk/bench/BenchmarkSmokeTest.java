package io.firerisk.bench;

import io.firerisk.Assessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke run of the benchmarks under `mvn verify`: every benchmark body runs, and the session
 * strategies being compared give the same assessments, so the comparison measures cost alone.
 */
class BenchmarkSmokeTest {

    static AssessmentBenchmark bench;

    @BeforeAll
    static void setUp() {
        bench = new AssessmentBenchmark();
        bench.findings = 5;
        bench.setUp();
    }

    @AfterAll
    static void tearDown() {
        bench.tearDown();
    }

    @Test
    void everySessionStrategyGivesTheSameAssessments() {
        for (int i = 0; i < 40; i++) {
            AssessmentBenchmark.Cursor a = new AssessmentBenchmark.Cursor();
            AssessmentBenchmark.Cursor b = new AssessmentBenchmark.Cursor();
            AssessmentBenchmark.Cursor c = new AssessmentBenchmark.Cursor();
            a.next = b.next = c.next = i;
            Assessment pooled = bench.engineAsShipped(a);
            assertThat(bench.newSessionPerVenue(b)).isEqualTo(pooled);
            assertThat(bench.naiveStatelessSessionPerVenue(c)).isEqualTo(pooled);
        }
    }

    @Test
    void withoutExplanationsOnlyTheReasonsDiffer() {
        AssessmentBenchmark.Cursor a = new AssessmentBenchmark.Cursor();
        AssessmentBenchmark.Cursor b = new AssessmentBenchmark.Cursor();
        for (int i = 0; i < 40; i++) {
            Assessment explained = bench.engineAsShipped(a);
            Assessment quiet = bench.engineWithoutExplanations(b);
            assertThat(quiet.reasons()).isEmpty();
            assertThat(quiet.grade()).isEqualTo(explained.grade());
            assertThat(quiet.actions()).isEqualTo(explained.actions());
            assertThat(quiet.determination()).isEqualTo(explained.determination());
        }
    }

    @Test
    void plainJavaReferenceRuns() {
        AssessmentBenchmark.Cursor cursor = new AssessmentBenchmark.Cursor();
        for (int i = 0; i < 100; i++) {
            assertThat(bench.plainJavaDetermination(cursor)).isNotNull();
        }
    }
}
