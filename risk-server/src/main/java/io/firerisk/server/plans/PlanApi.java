package io.firerisk.server.plans;

import io.firerisk.ledger.Event;
import io.firerisk.ledger.PlanView;
import io.firerisk.server.recording.SubmissionRefusedException;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The JSON API of 双随机 plans: send other inspectors to a drawn visit, as the plan page's form does. */
@RestController
@RequestMapping(path = "/api/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "plans", description = "双随机、一公开 inspection plans")
class PlanApi {

    private final PlanAssignments assignments;

    PlanApi(PlanAssignments assignments) {
        this.assignments = assignments;
    }

    @Operation(summary = "Send other inspectors (person ids holding INSPECTOR) to one visit of a drawn plan, with the "
            + "reason; the draw itself stays as recorded",
            description = "Bureau staff acting as a ledger person with a role of ledger.yaml permissions "
                    + "INSPECTORS_REASSIGNED; others get 403. Refusals name the field (venueId, inspectors, reason).")
    @PostMapping(path = "/{planId}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Visits> reassign(@PathVariable String planId, @RequestBody PlanAssignments.Request c, AsOf asOf,
            Viewer viewer, Locale locale) {
        PlanView plan = assignments.reassign(viewer, planId, c, asOf, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Visits(plan.planId(), plan.version(), plan.assigned()));
    }

    /** The plan's visits with the inspectors they go to now, and its version. */
    record Visits(String planId, int version, List<Event.PlannedVisit> visits) {}

    @ExceptionHandler(SubmissionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SubmissionRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), String.join("; ", e.errors().values()));
        p.setTitle("submission refused: nothing was recorded");
        p.setProperty("errors", e.errors());
        return ResponseEntity.status(e.status()).body(p);
    }
}
