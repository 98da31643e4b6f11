package io.firerisk.cli;

import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a source of venues through the engine: parsing and assessing on worker threads, results
 * delivered in input order, with at most a small window of records in flight, so memory does not
 * grow with the input. Bad records go to the rejects file and stderr; the run goes on.
 */
final class BatchRunner {

    /** What happens to each assessed venue, in input order. */
    interface Sink {
        void accept(VenueRecord.Parsed input, Assessment assessment) throws IOException;
    }

    /** Rejects shown on stderr; the rest are only counted there (all are in the rejects file). */
    static final int SHOWN_REJECTS = 20;

    /**
     * The most characters of input in flight at once, whatever the window: records near the line
     * limit on many threads would otherwise hold hundreds of megabytes (a window of 512 records of
     * 1 MiB each on 8 threads). Ordinary records, a few hundred characters each, never reach it.
     */
    static final long MAX_IN_FLIGHT_CHARS = 16L * 1024 * 1024;

    private record Done(VenueRecord.Parsed input, Assessment assessment, VenueRecord.Rejected bad) {}

    private final RiskEngine engine;
    private final LocalDate date;
    private final int threads;
    private final RejectsFile rejects;
    private final PrintWriter err;
    private final Progress progress;

    BatchRunner(RiskEngine engine, LocalDate date, int threads, RejectsFile rejects, PrintWriter err, Progress progress) {
        this.engine = engine;
        this.date = date;
        this.threads = Math.max(1, threads);
        this.rejects = rejects;
        this.err = err;
        this.progress = progress;
    }

    Summary run(VenueReader source, Sink sink) throws IOException, InputException {
        Summary summary = new Summary();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "firerisk-assess");
            t.setDaemon(true);
            return t;
        }) : null;
        int window = threads * 64;
        ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>(window);
        ArrayDeque<Long> sizes = new ArrayDeque<>(window);
        long chars = 0;
        try {
            for (VenueReader.Pending unit = source.next(); unit != null; unit = source.next()) {
                VenueReader.Pending u = unit;
                inFlight.add(pool == null ? CompletableFuture.completedFuture(process(u)) : pool.submit(() -> process(u)));
                sizes.add(u.size());
                chars += u.size();
                while (inFlight.size() >= window || (chars > MAX_IN_FLIGHT_CHARS && inFlight.size() > 1)
                        || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    deliver(take(inFlight), summary, sink);
                    chars -= sizes.poll();
                }
                progress.update(source.consumed(), source.total(), summary.assessed + summary.rejected, System.nanoTime());
            }
            while (!inFlight.isEmpty()) {
                deliver(take(inFlight), summary, sink);
                sizes.poll();
            }
        } finally {
            progress.done();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (summary.rejected > SHOWN_REJECTS) {
            err.println("… and " + (summary.rejected - SHOWN_REJECTS) + " more rejected records");
        }
        if (!source.warning().isEmpty()) {
            err.println(source.name() + ": warning: " + source.warning());
        }
        if (rejects.written()) {
            summary.rejectsFile = rejects.path().toString();
        }
        return summary;
    }

    private Done process(VenueReader.Pending unit) {
        VenueRecord record = unit.parse();
        if (record instanceof VenueRecord.Rejected bad) {
            return new Done(null, null, bad);
        }
        VenueRecord.Parsed parsed = (VenueRecord.Parsed) record;
        try {
            VenueFacts facts = date != null ? parsed.facts().on(date) : parsed.facts();
            return new Done(parsed, engine.assess(facts), null);
        } catch (AssessmentException e) {
            return new Done(null, null, parsed.rejectedBy(e));
        } catch (RuntimeException e) {
            // Not expected (the engine promises AssessmentException), but one record must never end the run.
            return new Done(null, null, new VenueRecord.Rejected(parsed.origin(), parsed.facts().venue().id(), "",
                    "could not be assessed: " + e, parsed.raw()));
        }
    }

    private static Done take(ArrayDeque<Future<Done>> inFlight) throws IOException {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private void deliver(Done done, Summary summary, Sink sink) throws IOException {
        if (done.bad() != null) {
            summary.rejected++;
            rejects.add(done.bad());
            if (summary.rejected <= SHOWN_REJECTS) {
                err.println(RejectsFile.describe(done.bad()));
            }
            return;
        }
        summary.add(done.input().facts().venue().kind(), done.input().facts().venue().street(), done.assessment());
        sink.accept(done.input(), done.assessment());
    }
}
