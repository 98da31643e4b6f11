package io.firerisk.server.plans;

import io.firerisk.ledger.PlanView;

import java.util.List;

/**
 * One visit of a plan as a page shows it.
 *
 * @param result     the ledger's result of the visit
 * @param streetName the street's name
 * @param inspectors the inspectors' names (the desk only; the public page shows none)
 */
public record PlanLine(PlanView.Result result, String streetName, List<String> inspectors) {

    public PlanLine {
        inspectors = List.copyOf(inspectors);
    }

    public boolean inspected() {
        return result.inspection().isPresent();
    }
}
