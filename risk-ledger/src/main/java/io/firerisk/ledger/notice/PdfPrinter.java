package io.firerisk.ledger.notice;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prints an HTML page to PDF with headless Chromium ({@code chromium --headless --print-to-pdf}), which
 * lays it out with the page's own A4 print styles and renders Chinese with the system's CJK font
 * (Debian: {@code fonts-noto-cjk}). Without Chromium it fails, saying what to install; it never writes a
 * PDF some other way.
 */
final class PdfPrinter {

    static final String HOW = "install Debian's chromium and fonts-noto-cjk packages (.ci/run does), or put chromium on PATH";
    private static final long TIMEOUT_SECONDS = 120;

    private PdfPrinter() {}

    /** The browser on PATH: chromium, chromium-browser, google-chrome. */
    static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Prints {@code html} (a file) into {@code pdf}.
     *
     * @throws IOException when Chromium is missing, fails, times out or writes no PDF; the message says which
     */
    static void print(Path html, Path pdf) throws IOException {
        Path browser = chromium().orElseThrow(() -> new IOException("cannot print a PDF: no chromium on PATH; " + HOW));
        Path profile = Files.createTempDirectory("firerisk-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--disable-gpu",
                    "--no-sandbox", "--no-first-run", "--disable-extensions", "--no-pdf-header-footer",
                    "--user-data-dir=" + profile, "--print-to-pdf=" + pdf.toAbsolutePath(),
                    html.toAbsolutePath().toUri().toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile()).start();
            boolean done;
            try {
                done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while chromium printed " + html, e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("chromium did not print " + html + " within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                String log = Files.readString(profile.resolve("chromium.log"));
                throw new IOException("chromium (" + browser + ") exited with " + p.exitValue() + " and no PDF: "
                        + (log.length() > 600 ? log.substring(log.length() - 600) : log).strip());
            }
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
