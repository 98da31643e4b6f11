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
 * @param family       the numbers of the elements it reads as a family, in the standard's order: every element of
 *                     the lists it reads, and every element of its own edition it draws from the table with
 *                     {@code Element(kind == ElementKind.DIRECT, …) from campaign.elementsAt($v)} (of that kind;
 *                     only those with conditions when it matches {@code conditions contains …}); empty for a rule
 *                     naming its element itself
 */
public record RuleInfo(String name, String concern, String file, String clause, boolean campaignOnly,
        Map<String, String> metadata, List<String> elementLists, List<String> family) {

    public RuleInfo {
        metadata = Map.copyOf(metadata);
        elementLists = List.copyOf(elementLists);
        family = List.copyOf(family);
    }

    /** A rule reading no element table as a family. */
    public RuleInfo(String name, String concern, String file, String clause, boolean campaignOnly,
            Map<String, String> metadata, List<String> elementLists) {
        this(name, concern, file, clause, campaignOnly, metadata, elementLists, List.of());
    }
}
