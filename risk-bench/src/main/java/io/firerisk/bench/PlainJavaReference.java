package io.firerisk.bench;

import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.RectificationStatus;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.PlaceClassRule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GB 35181 determination written as plain Java over the same facts, for comparison only: a
 * finding counts when open, not correctable on the spot and not expert-reviewed; any direct element
 * makes a suspected major hazard; otherwise the counting rows apply by place class. It ignores the
 * place conditions, carve-outs and ratio tests the rules apply, explains nothing and produces no
 * actions, so it is a lower bound on what the determination alone costs, not a replacement.
 */
final class PlainJavaReference {

    private final Map<String, HazardType> hazards;
    private final Map<String, Element> elements = new HashMap<>();
    private final List<CountingRow> rows;
    private final Map<String, Set<String>> classesByKind = new HashMap<>();
    private final String fallbackClass;

    PlainJavaReference(Campaign campaign) {
        this.hazards = campaign.hazards();
        // By number: the reference applies one edition at a time, and a campaign's editions number their elements apart.
        campaign.elements().values().forEach(e -> this.elements.putIfAbsent(e.number(), e));
        this.rows = campaign.countingRows();
        this.fallbackClass = campaign.placeClassWhenNone();
        for (PlaceClassRule rule : campaign.placeClassRules()) {
            classesByKind.computeIfAbsent(rule.kind(), k -> new HashSet<>()).add(rule.placeClass());
        }
    }

    HazardVerdict verdict(VenueFacts facts) {
        Set<String> comprehensive = new HashSet<>();
        boolean open = false;
        for (Finding f : facts.findings()) {
            if (!f.status().isOpen()) {
                continue;
            }
            open = true;
            HazardType type = hazards.get(f.hazardCode());
            boolean correctable = f.correctableOnSpot() != null ? f.correctableOnSpot() : type.correctableOnSpot();
            if (correctable || f.expertReviewed() || f.status() == RectificationStatus.CORRECTED_ON_SPOT) {
                continue;
            }
            for (String number : type.elements()) {
                if (elements.get(number).kind() == ElementKind.DIRECT) {
                    return HazardVerdict.SUSPECTED_MAJOR;
                }
                comprehensive.add(number);
            }
        }
        Set<String> classes = classesByKind.getOrDefault(facts.venue().kind(), Set.of(fallbackClass));
        for (CountingRow row : rows) {
            if (row.appliesTo(classes)) {
                int count = 0;
                for (String e : comprehensive) {
                    if (row.counts(e)) {
                        count++;
                    }
                }
                if (count >= row.atLeast()) {
                    return HazardVerdict.SUSPECTED_MAJOR;
                }
            }
        }
        return open ? HazardVerdict.GENERAL : HazardVerdict.NONE;
    }
}
