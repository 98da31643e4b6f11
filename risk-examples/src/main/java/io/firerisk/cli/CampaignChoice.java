package io.firerisk.cli;

import io.firerisk.RiskEngine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A campaign named on the command line: a folder when one exists at that path, otherwise the id of
 * a bundled campaign. Analysts pass their working folder; {@code wanzhou-2023-winter} names the
 * bundled one.
 */
record CampaignChoice(String argument, Path folder) {

    static CampaignChoice of(String argument) {
        Path path = Path.of(argument);
        return new CampaignChoice(argument, Files.isDirectory(path) ? path : null);
    }

    boolean isFolder() {
        return folder != null;
    }

    RiskEngine.Builder builder() {
        RiskEngine.Builder builder = RiskEngine.builder();
        return isFolder() ? builder.campaignDirectory(folder) : builder.campaign(argument);
    }

    @Override
    public String toString() {
        return isFolder() ? folder.toString() : argument;
    }
}
