package io.firerisk.ledger;

import io.firerisk.Text;

/** The inspections of the plan: units' own (二(三)(四) 自查自改), the bureau's, and the 回头看 of what was closed. */
public enum InspectionKind {
    /** 自查: a unit inspects its own premises. */
    SELF_INSPECTION("自查", "self-inspection"),
    /** 局抽查: the bureau's spot check (二(三) 加强抽查指导). */
    SPOT_CHECK("抽查", "bureau spot check"),
    /** 双随机、一公开 (二(六)). */
    DOUBLE_RANDOM("双随机", "double-random inspection"),
    /** 联合执法: with the police, fire service and streets (二(五)(六)). */
    JOINT_ENFORCEMENT("联合执法", "joint enforcement"),
    /** 回头看: re-inspection of what was rectified and closed (二(二)(六)). */
    REINSPECTION("回头看", "re-inspection");

    private final Text label;

    InspectionKind(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }
}
