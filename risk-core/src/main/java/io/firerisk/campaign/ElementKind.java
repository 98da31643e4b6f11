package io.firerisk.campaign;

/**
 * The kinds of element in GB 35181: one direct element suffices; comprehensive ones are counted; a
 * condition is what another element refers to (GB 35181-2025 Annex A: when a fire alarm or fixed
 * extinguishing system 不能正常运行) and is itself neither sufficient nor counted.
 */
public enum ElementKind { DIRECT, COMPREHENSIVE, CONDITION }
