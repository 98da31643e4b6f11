package io.firerisk.campaign;

/** The two kinds of element in GB 35181: one direct element suffices; comprehensive ones are counted. */
public enum ElementKind { DIRECT, COMPREHENSIVE }
