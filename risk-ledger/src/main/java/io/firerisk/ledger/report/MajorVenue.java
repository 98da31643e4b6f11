package io.firerisk.ledger.report;

import io.firerisk.Text;
import io.firerisk.ledger.HazardView;

import java.util.List;

/**
 * A venue with a major fire hazard open on the report's date: suspected by the engine (GB 35181; the
 * determination is the collective decision of GB 35181-2017 4.2, not the ledger's) or determined and
 * listed for 挂牌督办.
 *
 * @param venueId        the venue
 * @param venueName      its name
 * @param unitId         the unit responsible for it
 * @param unitName       its name in the directory, or the id where the directory has none
 * @param suspectedMajor the engine finds the facts meet GB 35181 for a major hazard on the date
 * @param openHazards    its open hazards, by id
 * @param supervision    its hazards under 挂牌督办, with who supervises and the document
 */
public record MajorVenue(String venueId, String venueName, String unitId, String unitName, boolean suspectedMajor,
        List<String> openHazards, List<Supervised> supervision) {

    public MajorVenue {
        openHazards = List.copyOf(openHazards);
        supervision = List.copyOf(supervision);
    }

    /** Where it stands: listed for 挂牌督办, or awaiting the collective determination. */
    public Text status() {
        return supervision.isEmpty()
                ? Text.of("未挂牌督办：疑似重大火灾隐患，待集体讨论认定（GB 35181-2017 4.2）",
                        "not listed: a suspected major hazard awaiting the collective determination (GB 35181-2017 4.2)")
                : Text.of("已挂牌督办", "listed for supervision");
    }

    /** A hazard under 挂牌督办; {@code supervisingUnitName}: the supervising unit's name, or its id where it has none. */
    public record Supervised(String hazardId, HazardView.Supervision supervision, String supervisingUnitName,
            int daysOverdue) {}
}
