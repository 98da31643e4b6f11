package io.firerisk;

/** Who committed a violation: 消防法 第六十条 punishes units and individuals differently. */
public enum ResponsibleParty {
    /** A unit (单位): enterprise, institution, management company. */
    UNIT,
    /** A private person (个人), such as a resident. */
    INDIVIDUAL,
    /** Not recorded. */
    UNKNOWN
}
