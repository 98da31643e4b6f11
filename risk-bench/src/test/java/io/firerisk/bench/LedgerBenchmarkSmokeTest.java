package io.firerisk.bench;

import io.firerisk.RiskEngine;
import io.firerisk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke run of the ledger benchmark on a small district, on H2: the generated file imports whole and every figure is measured. */
class LedgerBenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void aSmallDistrictImportsWholeAndEveryFigureIsMeasured() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        long events = LedgerBenchmark.generate(300, file);
        try (RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").explanations(false).build()) {
            LedgerBenchmark.Figures f = LedgerBenchmark.run("H2", Ledger.builder().h2(dir.resolve("db")), engine, file,
                    300, 50);
            assertThat(f.events()).isEqualTo(events);
            assertThat(f.eventsPerSecond()).isPositive();
            assertThat(f.venueP99()).isPositive();
            assertThat(f.countsMedian()).isPositive();
        }
    }
}
