package io.firerisk.cli;

import io.firerisk.RiskEngine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which campaign to assess against: a bundled one by id, or a folder on disk. */
final class EngineOptions {

    static final String DEFAULT_CAMPAIGN = "wanzhou-2023-winter";

    /** Bundled campaigns compiled once per process: they cannot change while it runs. */
    private static final Map<String, RiskEngine> BUNDLED = new ConcurrentHashMap<>();

    @Option(names = "--campaign", paramLabel = "ID", defaultValue = DEFAULT_CAMPAIGN,
            description = "bundled campaign id (default: ${DEFAULT-VALUE})")
    String campaign;

    @Option(names = "--campaign-dir", paramLabel = "DIR", description = "campaign folder on disk, instead of a bundled one")
    Path campaignDir;

    /** An engine and whether closing it is ours to do. */
    record Engine(RiskEngine engine, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                engine.close();
            }
        }
    }

    /** Compiles the campaign, or reuses the bundled one already compiled. */
    Engine engine() {
        if (campaignDir != null) {
            return new Engine(RiskEngine.builder().campaignDirectory(campaignDir).build(), true);
        }
        return new Engine(bundled(campaign), false);
    }

    /** The bundled campaign's engine, compiled on first use and kept for the life of the process. */
    static RiskEngine bundled(String id) {
        return BUNDLED.computeIfAbsent(id, key -> RiskEngine.builder().campaign(key).build());
    }
}
