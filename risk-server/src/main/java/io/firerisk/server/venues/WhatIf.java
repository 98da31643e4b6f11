package io.firerisk.server.venues;

import io.firerisk.RiskGrade;

import java.util.List;

/**
 * What would lower the venue's grade, by the engine: the venue assessed again as of the same date
 * with one open hazard taken as rectified and verified, for each open hazard, and with all of them.
 *
 * @param current      the grade now
 * @param ifAllRectified the grade with every open hazard rectified
 * @param lowering     the open hazards whose rectification alone lowers the grade, with the grade it gives
 */
public record WhatIf(RiskGrade current, RiskGrade ifAllRectified, List<Lowering> lowering) {

    public WhatIf {
        lowering = List.copyOf(lowering);
    }

    /** One hazard, and the grade the venue would have with it rectified. */
    public record Lowering(String hazardId, String hazardLabel, RiskGrade grade) {}
}
