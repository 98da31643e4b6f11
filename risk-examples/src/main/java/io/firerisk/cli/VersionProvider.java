package io.firerisk.cli;

import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the program's version, the library's, and the bundled campaign's. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private static final String DEVELOPMENT = "(development build)";

    @Override
    public String[] getVersion() {
        String version = Firerisk.class.getPackage().getImplementationVersion();
        Campaign c = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
        return new String[] {"firerisk " + (version == null ? DEVELOPMENT : version),
                "library io.firerisk:risk-core " + libraryVersion(),
                "bundled campaign " + c.id() + " " + c.version() + " (" + c.document() + ", " + c.standard() + ")"};
    }

    /** The risk-core version, from the Maven metadata its jar carries (also inside the program's jar). */
    static String libraryVersion() {
        try (InputStream in = RiskEngine.class.getResourceAsStream("/META-INF/maven/io.firerisk/risk-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", DEVELOPMENT);
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String fromManifest = RiskEngine.class.getPackage().getImplementationVersion();
        return fromManifest == null ? DEVELOPMENT : fromManifest;
    }
}
