package io.firerisk.ledger;

import io.firerisk.Text;

/** The kinds of unit the plan addresses (机关各科室，局属各单位，有关企业), and the other authorities it works with. */
public enum UnitKind {
    BUREAU_DEPARTMENT("机关科室", "bureau department"),
    SUBORDINATE_UNIT("局属单位", "subordinate unit"),
    ENTERPRISE("有关企业", "enterprise"),
    /** 街道、消防救援、公安等: partners in joint enforcement, not owners of venues in the plan's sense. */
    OTHER_AUTHORITY("其他部门", "other authority");

    private final Text label;

    UnitKind(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }
}
