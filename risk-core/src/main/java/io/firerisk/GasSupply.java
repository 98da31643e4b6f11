package io.firerisk;

/** How a venue is supplied with fuel gas, as the inspector records it. */
public enum GasSupply {
    /** No fuel gas on the premises. */
    NONE,
    /** Piped natural gas (管道天然气). */
    PIPED_NATURAL_GAS,
    /** Liquefied petroleum gas from cylinders (瓶装液化石油气). */
    LPG_CYLINDER,
    /** Piped liquefied petroleum gas (管道液化石油气). */
    PIPED_LPG,
    /** Any other fuel gas. */
    OTHER;

    /** True for LPG in any form: its relative density (≥ 0.75) is what GB 55009 2.2.7 keeps out of basements. */
    public boolean isLpg() {
        return this == LPG_CYLINDER || this == PIPED_LPG;
    }

    public boolean usesGas() {
        return this != NONE;
    }
}
