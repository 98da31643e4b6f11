package io.firerisk.campaign;

import io.firerisk.Text;

/**
 * A row of the venue-kind table.
 *
 * @param code     the code venues use
 * @param label    what it is
 * @param building the building type the high-rise definition applies to ({@code RESIDENTIAL}, {@code PUBLIC} …)
 */
public record VenueKind(String code, Text label, String building) {}
