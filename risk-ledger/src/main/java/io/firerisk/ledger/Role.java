package io.firerisk.ledger;

import io.firerisk.Text;

/**
 * What a person may do in the closed loop. Which roles may record which event is campaign data
 * ({@code ledger.yaml}, {@code permissions}); a person may hold several.
 */
public enum Role {
    /** 局领导: approves extensions of supervised hazards, lists hazards for 挂牌督办. */
    BUREAU_LEADER("局领导", "bureau leader"),
    /** 局安全办 / 机关科室工作人员: tracks the campaign, approves extensions, cancels mistaken records. */
    BUREAU_STAFF("局机关工作人员", "bureau staff"),
    /** 单位安全管理人: lists and fixes their own unit's hazards (自查自改) and reports rectifications. */
    UNIT_OFFICER("单位安全管理人", "unit safety officer"),
    /** 检查人员 / 执法人员: records inspections and findings, re-inspects. */
    INSPECTOR("检查人员", "inspector"),
    /** 复查审核人员: re-inspects and closes (销号). */
    REVIEWER("复查审核人员", "reviewer");

    private final Text label;

    Role(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }
}
