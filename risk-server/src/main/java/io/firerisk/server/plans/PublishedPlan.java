package io.firerisk.server.plans;

import io.firerisk.ledger.PlanView;

import java.util.List;

/**
 * A published plan as the public page shows it.
 *
 * @param plan       the plan
 * @param streetName the street it was drawn from, empty for the district
 * @param lines      its visits with their results, without inspectors
 */
public record PublishedPlan(PlanView plan, String streetName, List<PlanLine> lines) {

    public PublishedPlan {
        lines = List.copyOf(lines);
    }

    public long inspected() {
        return lines.stream().filter(PlanLine::inspected).count();
    }

    public long hazards() {
        return lines.stream().mapToLong(l -> l.result().hazards()).sum();
    }

    public long closed() {
        return lines.stream().mapToLong(l -> l.result().closed()).sum();
    }
}
