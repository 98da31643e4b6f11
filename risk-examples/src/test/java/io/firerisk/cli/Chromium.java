package io.firerisk.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Debian's headless Chromium for the browser tests. In CI ({@code CI=true}, set by {@code .ci/run},
 * which installs the {@code chromium} package) a missing browser fails the test; on a developer's
 * machine without it the test is skipped, saying how to install it.
 */
final class Chromium {
    private Chromium() {}

    static final String HOW = "install Debian's chromium and chromium-driver packages (.ci/run does)";

    /** The browser, or the test stops: failed in CI, skipped elsewhere. */
    static Path required() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "no chromium on PATH: " + HOW + " to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: a browser test never skips in CI)");
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    static Optional<Path> find() {
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
}
