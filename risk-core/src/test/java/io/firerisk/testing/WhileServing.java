package io.firerisk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs something on the test thread (reloads, typically) while worker threads keep an engine busy,
 * and only once every worker has started, so the work really overlaps. A worker's exception fails
 * the test when the workers are joined.
 */
public final class WhileServing {

    /** One worker's loop: assess until {@code stop} says so. */
    @FunctionalInterface
    public interface Worker {
        void serve(int thread, BooleanSupplier stop) throws Exception;
    }

    /** What the test thread does meanwhile. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private WhileServing() {}

    public static void run(int threads, Worker worker, Action meanwhile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(threads);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    started.countDown();
                    worker.serve(thread, done::get);
                    return null;
                }));
            }
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the " + threads + " workers did not all start within 30 s");
            }
            meanwhile.run();
        } finally {
            done.set(true);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
    }
}
