package io.firerisk;

/**
 * A part of a venue whose use must stop until a hazard is rectified (停用).
 *
 * @param findingId the hazard behind it
 * @param location  the part of the venue, as the inspector recorded it
 * @param estimate  the potential-accident estimate that reached the campaign's bar
 * @param clause    the clause that orders the suspension
 */
public record SuspendedPart(String findingId, String location, AccidentEstimate estimate, ClauseRef clause) {}
