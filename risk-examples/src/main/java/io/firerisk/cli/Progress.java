package io.firerisk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on the terminal, on stderr, for runs long enough to need one. Shown only when
 * the program talks to a person: never when output is piped or redirected, so logs and files stay clean.
 */
final class Progress {

    private static final long START_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 200_000_000L;
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long started;
    private long lastDrawn;
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled, long startedNanos) {
        this.err = err;
        this.enabled = enabled;
        this.started = startedNanos;
    }

    /** True when both ends are a terminal: Java 17's console exists only then. */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected, and says so here.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(long bytes, long totalBytes, long records, long now) {
        if (!enabled || now - started < START_AFTER_NANOS || now - lastDrawn < EVERY_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print('\r' + render(bytes, totalBytes, records, now - started));
        err.flush();
    }

    static String render(long bytes, long totalBytes, long records, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
        String rate = String.format(Locale.ROOT, "%,d venues  %,.0f/s", records, records / seconds);
        if (totalBytes <= 0) {
            return rate + "   ";
        }
        double share = Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(share * BAR);
        String eta = share > 0 ? String.format(Locale.ROOT, "  %ds left", Math.round(seconds / share - seconds)) : "";
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  ", Math.round(share * 100)) + rate + eta + "   ";
    }

    /** Clears the bar so that what follows starts on a clean line. */
    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(BAR + 60) + "\r");
            err.flush();
        }
    }
}
