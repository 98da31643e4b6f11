package io.firerisk.server.security;

import io.firerisk.Text;

/**
 * What a desk account may do. Which ledger events each may record is the campaign's data
 * ({@code ledger.yaml}); these roles decide which pages and forms the desk offers.
 */
public enum DeskRole {
    /** 局安全办管理员: everything, and the accounts. */
    ADMIN("管理员", "administrator"),
    /** 局机关工作人员: tracks the campaign across every unit. */
    STAFF("局机关工作人员", "bureau staff"),
    /** 单位安全管理人: their own unit's venues and hazards only. */
    UNIT_OFFICER("单位安全管理人", "unit safety officer"),
    /** 检查人员: records inspections and findings, re-inspects. */
    INSPECTOR("检查人员", "inspector"),
    /** 局领导: looks at where the campaign stands; changes nothing. */
    LEADER("局领导", "leader");

    private final Text label;

    DeskRole(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }

    /** The Spring Security authority, {@code ROLE_…}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
