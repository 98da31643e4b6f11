package io.firerisk.server.plans;

import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.PlanView;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/**
 * 一公开: the published plans and their results, for anyone, without signing in. Only what the
 * publication needs: how each plan was drawn (so anyone can check it), the venues drawn (businesses
 * and premises, by name and street), when each was inspected, and how many hazards were found and
 * closed. No inspector, officer or hazard detail, and nothing of a plan not yet published.
 */
@Controller
class PublicPlanController {

    private final Ledger ledger;

    PublicPlanController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/public/plans")
    String plans(Model model) {
        Directory directory = ledger.directory();
        model.addAttribute("plans", ledger.publishedPlans().stream().map(p -> published(p, directory)).toList());
        return "publicplans";
    }

    @GetMapping("/public/plans/{planId}")
    String plan(@PathVariable String planId, Model model) {
        PlanView plan = ledger.plan(planId).filter(PlanView::published)
                .orElseThrow(() -> DeskRequestException.notFound(planId));
        model.addAttribute("p", published(plan, ledger.directory()));
        return "publicplan";
    }

    private PublishedPlan published(PlanView plan, Directory directory) {
        return new PublishedPlan(plan, plan.street().map(s -> PlanPages.areaName(directory, s)).orElse(""),
                PlanPages.lines(ledger, plan, directory, false));
    }
}
