package io.firerisk.server.plans;

import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.PlanView;
import io.firerisk.ledger.RefusedException;
import io.firerisk.server.recording.Form;
import io.firerisk.server.recording.SubmissionRefusedException;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 双随机检查计划: the bureau's page to draw a plan, look at it (and check it by drawing it again), and
 * publish it. A plan is drawn as of the page's date: for the demo's date inside the 2023–24 campaign
 * it is recorded as drawn at noon that day; on today's page, now. Unit officers do not see plans
 * before they are published (an inspection they knew of would not be a random one).
 */
@Controller
class PlanController {

    static final int DEFAULT_COUNT = 20;
    static final int DEFAULT_PER_VENUE = 2;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Ledger ledger;
    private final Clock clock;
    private final PlanAssignments assignments;
    private final SecureRandom random = new SecureRandom();

    PlanController(Ledger ledger, Clock clock, PlanAssignments assignments) {
        this.ledger = ledger;
        this.clock = clock;
        this.assignments = assignments;
    }

    @GetMapping("/plans")
    String plans(Viewer viewer, Model model) {
        notForUnits(viewer);
        model.addAttribute("plans", ledger.plans());
        model.addAttribute("streets", PlanPages.streets(ledger.directory()));
        model.addAttribute("mayDraw", mayDraw(viewer));
        model.addAttribute("eventId", java.util.UUID.randomUUID().toString());
        return "plans";
    }

    @PostMapping("/plans")
    String draw(@RequestParam(required = false) String seed, @RequestParam(defaultValue = "" + DEFAULT_COUNT) String count,
            @RequestParam(required = false) String street,
            @RequestParam(defaultValue = "" + DEFAULT_PER_VENUE) String perVenue,
            @RequestParam(required = false) String previous, @RequestParam String eventId, AsOf asOf,
            Viewer viewer) {
        String actor = actor(viewer);
        long drawSeed = seed == null || seed.isBlank() ? random.nextLong() & Long.MAX_VALUE
                : number("seed", seed, 0, Long.MAX_VALUE, "0–" + Long.MAX_VALUE);
        int n = (int) number("count", count, 0, 500, "0–500");
        int per = (int) number("perVenue", perVenue, 1, 10, "1–10");
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw DeskRequestException.badParameter("eventId", eventId, "8–64 letters, digits or '-'");
        }
        Directory directory = ledger.directory();
        String onStreet = street == null || street.isBlank() ? null : street;
        if (onStreet != null && !directory.areas().containsKey(onStreet)) {
            throw DeskRequestException.badParameter("street", street, "a street of the district");
        }
        String after = previous == null || previous.isBlank() ? null : previous;
        if (after != null && ledger.plan(after).isEmpty()) {
            throw DeskRequestException.badParameter("previous", previous, "a plan drawn before");
        }
        LocalDate date = asOf.date();
        String planId = "DR-" + date.toString().replace("-", "") + "-" + eventId.substring(0, 8).toUpperCase();
        Event.InspectionPlanDrawn drawn = ledger.drawPlan(planId, date, drawSeed, n, onStreet, per, after);
        record(Entry.of("plan-" + eventId, actor, asOf.when(ledger.today(), ledger.campaign().timeZone(), clock), drawn));
        return "redirect:/plans/" + planId + "?asOf=" + date;
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, Viewer viewer, Model model) {
        return show(planId, viewer, model, Optional.empty());
    }

    /** The plan drawn again from what it recorded, and whether that gives the same visits. */
    @GetMapping("/plans/{planId}/check")
    String check(@PathVariable String planId, Viewer viewer, Model model) {
        notForUnits(viewer);
        Event.InspectionPlanDrawn again = ledger.redraw(planId).orElseThrow(() -> DeskRequestException.notFound(planId));
        PlanView plan = ledger.plan(planId).orElseThrow(() -> DeskRequestException.notFound(planId));
        return show(planId, viewer, model, Optional.of(again.visits().equals(plan.visits())
                && again.candidates() == plan.candidates()));
    }

    @PostMapping("/plans/{planId}/publish")
    String publish(@PathVariable String planId, @RequestParam(defaultValue = "") String note, AsOf asOf, Viewer viewer) {
        String actor = actor(viewer);
        PlanView plan = ledger.plan(planId).orElseThrow(() -> DeskRequestException.notFound(planId));
        if (note.length() > 2000) {
            throw DeskRequestException.badParameter("note", note.substring(0, 20) + "…", "at most 2000 characters");
        }
        AsOf on = asOf.date().isBefore(plan.date()) ? new AsOf(plan.date(), false) : asOf;
        record(Entry.of("publish-" + planId, actor, on.when(ledger.today(), ledger.campaign().timeZone(), clock),
                new Event.InspectionPlanPublished(planId, note))
                .expecting(plan.version()));
        return "redirect:/plans/" + planId + "?asOf=" + asOf.date();
    }

    /** Other inspectors for one visit of the plan, with the reason; a refusal comes back beside the form's fields. */
    @PostMapping("/plans/{planId}/assignment")
    String reassign(@PathVariable String planId, @RequestParam(required = false) String venueId,
            @RequestParam(name = "inspectors", required = false) java.util.List<String> inspectors,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String requestId, AsOf asOf,
            Viewer viewer, java.util.Locale locale, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        try {
            assignments.reassign(viewer, planId, new PlanAssignments.Request(requestId, venueId, inspectors, reason), asOf,
                    locale);
            return "redirect:/plans/" + planId + "?asOf=" + asOf.date();
        } catch (SubmissionRefusedException e) {
            response.setStatus(e.status().value());
            return show(planId, viewer, model, Optional.empty(), Form.sent("assignment", request.getParameterMap(),
                    e.errors()));
        }
    }

    private String show(String planId, Viewer viewer, Model model, Optional<Boolean> same) {
        return show(planId, viewer, model, same, Form.blank("assignment"));
    }

    private String show(String planId, Viewer viewer, Model model, Optional<Boolean> same, Form assignment) {
        notForUnits(viewer);
        PlanView plan = ledger.plan(planId).orElseThrow(() -> DeskRequestException.notFound(planId));
        Directory directory = ledger.directory();
        model.addAttribute("plan", plan);
        model.addAttribute("lines", PlanPages.lines(ledger, plan, directory, true));
        model.addAttribute("streetName", plan.street().map(s -> PlanPages.areaName(directory, s)).orElse(""));
        model.addAttribute("drawnBy", PlanPages.personName(directory, plan.drawnBy()));
        model.addAttribute("publishedBy", plan.publishedBy().map(p -> PlanPages.personName(directory, p)).orElse(""));
        model.addAttribute("mayPublish", mayDraw(viewer) && !plan.published());
        model.addAttribute("same", same);
        model.addAttribute("assignment", assignment);
        model.addAttribute("mayReassign", mayDraw(viewer));
        model.addAttribute("inspectors", mayDraw(viewer) ? assignments.inspectors() : java.util.List.of());
        model.addAttribute("reassignments", plan.reassignments().stream().map(r -> new PlanPages.Change(
                PlanPages.venueName(ledger, r.venueId()), names(directory, r.from()), names(directory, r.to()),
                r.reason(), PlanPages.personName(directory, r.by()),
                java.time.LocalDate.ofInstant(r.at(), ledger.campaign().timeZone()))).toList());
        return "plan";
    }

    private static String names(Directory directory, java.util.List<String> people) {
        return String.join("、", people.stream().map(p -> PlanPages.personName(directory, p)).toList());
    }

    private void record(Entry entry) {
        try {
            ledger.record(entry);
        } catch (RefusedException e) {
            throw new DeskRequestException(HttpStatus.BAD_REQUEST, "plans.refused", e.field(), e.getMessage());
        }
    }

    private static boolean mayDraw(Viewer viewer) {
        return (viewer.role() == DeskRole.ADMIN || viewer.role() == DeskRole.STAFF) && viewer.personId().isPresent();
    }

    /** The person the account acts as in the ledger; an account linked to none cannot record anything. */
    private static String actor(Viewer viewer) {
        if (viewer.role() != DeskRole.ADMIN && viewer.role() != DeskRole.STAFF) {
            throw DeskRequestException.forbidden();
        }
        return viewer.personId().orElseThrow(() -> new DeskRequestException(HttpStatus.FORBIDDEN, "plans.notLinked"));
    }

    private static void notForUnits(Viewer viewer) {
        if (viewer.role() == DeskRole.UNIT_OFFICER) {
            throw DeskRequestException.forbidden();
        }
    }

    private static long number(String name, String value, long min, long max, String expected) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        throw DeskRequestException.badParameter(name, value.length() > 40 ? value.substring(0, 40) + "…" : value, expected);
    }
}
