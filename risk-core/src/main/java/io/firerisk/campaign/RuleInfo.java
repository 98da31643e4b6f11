package io.firerisk.campaign;

import java.util.Map;

/**
 * A rule of the campaign as compiled: name, file and metadata.
 *
 * @param name         the rule's name
 * @param concern      its DRL package, for example {@code rules.gb35181}
 * @param file         the DRL file, relative to the campaign folder
 * @param clause       its {@code @clause}
 * @param campaignOnly it fires only while the campaign is in force (its clause is the campaign's own)
 * @param metadata     every metadata attribute, as written
 */
public record RuleInfo(String name, String concern, String file, String clause, boolean campaignOnly,
        Map<String, String> metadata) {

    public RuleInfo {
        metadata = Map.copyOf(metadata);
    }
}
