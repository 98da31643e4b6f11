package io.firerisk;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The unit's plan to remove a hazard: the five things (五落实) the campaign requires for a major
 * hazard: who is responsible, what will be done, by when, with what money, and what to do if fire
 * breaks out meanwhile. Any part may be missing; {@link #missingParts()} says which. Each text is at
 * most {@value Venue#MAX_TEXT_LENGTH} characters; the deadline lies between
 * {@link VenueFacts#EARLIEST_DATE} and {@link VenueFacts#LATEST_DATE}.
 */
public record RectificationPlan(
        String responsiblePerson,
        String measures,
        LocalDate deadline,
        String funds,
        String contingencyPlan) {

    /** The five parts of 五落实, in the plan's order: 责任、措施、时限、资金、预案. */
    public enum Part { RESPONSIBILITY, MEASURES, DEADLINE, FUNDS, CONTINGENCY_PLAN }

    public static final RectificationPlan NONE = new RectificationPlan(null, null, null, null, null);

    public RectificationPlan {
        responsiblePerson = Checks.text("RectificationPlan", "responsiblePerson", responsiblePerson);
        measures = Checks.text("RectificationPlan", "measures", measures);
        Checks.optionalDate("RectificationPlan", "deadline", deadline);
        funds = Checks.text("RectificationPlan", "funds", funds);
        contingencyPlan = Checks.text("RectificationPlan", "contingencyPlan", contingencyPlan);
    }

    public Set<Part> missingParts() {
        Set<Part> missing = EnumSet.noneOf(Part.class);
        if (responsiblePerson.isEmpty()) missing.add(Part.RESPONSIBILITY);
        if (measures.isEmpty()) missing.add(Part.MEASURES);
        if (deadline == null) missing.add(Part.DEADLINE);
        if (funds.isEmpty()) missing.add(Part.FUNDS);
        if (contingencyPlan.isEmpty()) missing.add(Part.CONTINGENCY_PLAN);
        return missing;
    }
}
