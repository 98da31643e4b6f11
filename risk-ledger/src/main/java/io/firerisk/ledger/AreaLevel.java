package io.firerisk.ledger;

import io.firerisk.Text;

/** The levels of the 网格化 area tree, from the district down to the grid; each area's parent is one level up. */
public enum AreaLevel {
    DISTRICT("区县", "district"),
    STREET("街道（镇）", "street"),
    COMMUNITY("社区（村）", "community"),
    GRID("网格", "grid");

    private final Text label;

    AreaLevel(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    public Text label() {
        return label;
    }

    /** The level an area of this level hangs under; empty for a district. */
    public java.util.Optional<AreaLevel> parent() {
        return this == DISTRICT ? java.util.Optional.empty() : java.util.Optional.of(values()[ordinal() - 1]);
    }
}
