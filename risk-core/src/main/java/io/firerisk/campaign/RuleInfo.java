package io.firerisk.campaign;

import java.util.List;
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
 * @param elementLists the element lists it reads ({@code campaign.elements("…")}): a rule for a family of
 *                     elements concludes every element of them, each citing its own clause
 */
public record RuleInfo(String name, String concern, String file, String clause, boolean campaignOnly,
        Map<String, String> metadata, List<String> elementLists) {

    public RuleInfo {
        metadata = Map.copyOf(metadata);
        elementLists = List.copyOf(elementLists);
    }
}
