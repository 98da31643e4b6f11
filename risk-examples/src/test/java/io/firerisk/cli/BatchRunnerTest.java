package io.firerisk.cli;

import io.firerisk.io.Origin;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch keeps a bounded window of records in flight: by count for ordinary records, and by
 * size when records are near the line limit, so many threads on large records cannot exhaust the
 * heap (8 threads and records of 1 MiB ran a 256 MB heap out of memory before the size bound).
 */
class BatchRunnerTest {

    @TempDir
    Path dir;

    /** Records that claim to be 4 Mi characters each, counting how many are parsed and not yet delivered. */
    static final class BigRecords implements VenueReader {
        final AtomicInteger parsed = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        int left;

        BigRecords(int count) {
            this.left = count;
        }

        @Override
        public Pending next() {
            if (left == 0) {
                return null;
            }
            int n = left--;
            return Pending.of(4L * 1024 * 1024, () -> {
                int inFlight = parsed.incrementAndGet() - delivered.get();
                mostInFlight.accumulateAndGet(inFlight, Math::max);
                Origin origin = new Origin("big.jsonl", n);
                VenueFacts facts = VenueFacts.of(Venue.builder("B" + n, "OFFICE").build(), List.of(),
                        LocalDate.of(2024, 1, 10));
                return VenueRecord.Parsed.of(origin, facts, "{…}");
            });
        }

        @Override
        public long consumed() {
            return 0;
        }

        @Override
        public long total() {
            return -1;
        }

        @Override
        public String name() {
            return "big.jsonl";
        }

        @Override
        public void close() {}
    }

    @Test
    void largeRecordsOnEightThreadsAreHeldAFewAtATimeAndEveryOneIsDeliveredInOrder() throws Exception {
        // Given 60 records of 4 Mi characters each, and eight threads (a window of 512 records by count)
        BigRecords source = new BigRecords(60);
        List<String> order = new ArrayList<>();
        StringWriter err = new StringWriter();

        // When the batch runs
        try (RejectsFile rejects = new RejectsFile(dir.resolve("rejects.csv"))) {
            Summary summary = new BatchRunner(EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN, false), null, 8,
                    rejects, new PrintWriter(err), new Progress(new PrintWriter(err), false, 0))
                    .run(source, (input, assessment) -> {
                        source.delivered.incrementAndGet();
                        order.add(assessment.venueId());
                    });

            // Then every record is delivered, in order, with at most 16 Mi characters' worth (and one more) in flight
            assertThat(summary.assessed).isEqualTo(60);
            assertThat(order).hasSize(60).startsWith("B60", "B59").endsWith("B1");
            assertThat(source.mostInFlight.get()).isBetween(1, (int) (BatchRunner.MAX_IN_FLIGHT_CHARS / (4L * 1024 * 1024)) + 1);
        }
    }
}
