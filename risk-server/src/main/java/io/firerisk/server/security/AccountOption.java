package io.firerisk.server.security;

/** A choice in the account form's lists (a unit, a ledger person): its code and what it shows. */
public record AccountOption(String value, String label) {}
