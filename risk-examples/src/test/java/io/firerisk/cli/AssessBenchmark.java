package io.firerisk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The streaming benchmark: generates a file of venues (one million by default) and runs it through
 * {@code firerisk assess} in this JVM, then reports the time and the memory it took. Run it with
 * the heap capped, as the README says:
 *
 * <pre>
 * java -Xmx512m -cp risk-examples/target/test-classes:risk-examples/target/firerisk.jar io.firerisk.cli.AssessBenchmark --venues 1000000
 * </pre>
 *
 * A benchmark, not a test: speed depends on the machine, so nothing here passes or fails on it.
 */
public final class AssessBenchmark {

    private AssessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int venues = 1_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "firerisk-benchmark");
        String format = "csv";
        String threads = String.valueOf(Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--venues" -> venues = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--format" -> format = args[++i];
                case "--threads" -> threads = args[++i];
                default -> {
                    System.err.println("usage: AssessBenchmark [--venues N] [--dir DIR] [--format csv|jsonl|html|table]"
                            + " [--threads N]");
                    System.exit(2);
                }
            }
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        Files.createDirectories(dir);
        Path input = dir.resolve("venues-" + venues + ".jsonl");
        if (!Files.exists(input)) {
            long started = System.nanoTime();
            Path partial = dir.resolve(input.getFileName() + ".part");
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial),
                    StandardCharsets.UTF_8), 1 << 16)) {
                new SampleGenerator(SampleGenerator.SAMPLE_SEED,
                        EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign()).write(venues, w);
            }
            Files.move(partial, input);
            out.printf(Locale.ROOT, "generated %,d venues (%,d MB) in %.1f s: %s%n", venues, Files.size(input) >> 20,
                    (System.nanoTime() - started) / 1e9, input);
        }
        Path result = dir.resolve("result." + format);
        Path rejects = dir.resolve("rejects.csv");
        Files.deleteIfExists(rejects);

        // Compile the campaign first: the time below is the run's, not the rule compiler's.
        long compiling = System.nanoTime();
        EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN, false);
        out.printf(Locale.ROOT, "campaign compiled in %.1f s%n", (System.nanoTime() - compiling) / 1e9);

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong liveAfterGc = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long live = 0;
                for (MemoryPoolMXBean p : heap) {
                    if (p.getCollectionUsage() != null && p.getName().matches("(?i).*(old|tenured).*")) {
                        live += p.getCollectionUsage().getUsed();
                    }
                }
                liveAfterGc.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int exit = Firerisk.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "assess", input.toString(),
                "--format", format, "--out", result.toString(), "--rejects", rejects.toString(), "--threads", threads,
                "--no-progress");
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        long peak = 0;
        for (MemoryPoolMXBean p : heap) {
            peak += p.getPeakUsage().getUsed();
        }
        out.printf(Locale.ROOT, "firerisk assess %s --format %s --threads %s: exit %d%n", input.getFileName(), format,
                threads, exit);
        out.print(err);
        out.printf(Locale.ROOT, "time            %.1f s (%,.0f venues/s)%n", seconds, venues / seconds);
        out.printf(Locale.ROOT, "heap cap        %,d MB (-Xmx)%n", Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "peak heap used  %,d MB (sum of the heap pools' peaks)%n", peak >> 20);
        out.printf(Locale.ROOT, "old gen after GC, largest %,d MB (the live data the run kept)%n", liveAfterGc.get() >> 20);
        out.printf(Locale.ROOT, "peak RSS        %s%n", peakRss());
        out.printf(Locale.ROOT, "output          %,d MB: %s%n", Files.size(result) >> 20, result);
    }

    /** The process's high-water resident memory, where Linux reports it. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%,d MB (VmHWM)", kb >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }
}
