package io.firerisk.cli;

import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import picocli.CommandLine;

/** {@code --version}: the program's version and the bundled campaign's. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Firerisk.class.getPackage().getImplementationVersion();
        try (RiskEngine engine = RiskEngine.builder().campaign(EngineOptions.DEFAULT_CAMPAIGN).build()) {
            Campaign c = engine.campaign();
            return new String[] {"firerisk " + (version == null ? "(development build)" : version),
                    "bundled campaign " + c.id() + " " + c.version() + " (" + c.document() + ", " + c.standard() + ")"};
        }
    }
}
