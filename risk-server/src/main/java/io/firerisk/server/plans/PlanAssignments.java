package io.firerisk.server.plans;

import io.firerisk.Venue;
import io.firerisk.ledger.ConflictException;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.PlanView;
import io.firerisk.ledger.RefusedException;
import io.firerisk.ledger.Role;
import io.firerisk.server.recording.SubmissionRefusedException;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends other inspectors to a visit of a drawn 双随机 plan, with the reason: the page's form and the
 * JSON API, one way. Bureau staff acting as a person of the ledger may (the campaign's permissions
 * decide which persons: {@code INSPECTORS_REASSIGNED}); the draw stays as recorded, the ledger's log
 * keeps who changed which visit, from whom to whom, and why. Each problem is named by its field.
 */
@Service
class PlanAssignments {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Ledger ledger;
    private final MessageSource messages;
    private final Clock clock;

    PlanAssignments(Ledger ledger, MessageSource messages, Clock clock) {
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a reassignment asks: the visit's venue, the inspectors it goes to now (person ids), why. */
    record Request(String requestId, String venueId, List<String> inspectors, String reason) {
        Request {
            inspectors = inspectors == null ? List.of()
                    : inspectors.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        }
    }

    /** The inspectors a visit may be sent to: the directory's people holding the inspector role. */
    List<Directory.Person> inspectors() {
        return ledger.directory().people().values().stream().filter(p -> p.roles().contains(Role.INSPECTOR))
                .sorted(java.util.Comparator.comparing(Directory.Person::personId)).toList();
    }

    PlanView reassign(Viewer viewer, String planId, Request c, AsOf asOf, Locale locale) {
        if (viewer.role() != DeskRole.ADMIN && viewer.role() != DeskRole.STAFF) {
            throw DeskRequestException.forbidden();
        }
        String actor = viewer.personId().orElseThrow(() -> new DeskRequestException(HttpStatus.FORBIDDEN,
                "plans.notLinked"));
        PlanView plan = ledger.plan(planId).orElseThrow(() -> DeskRequestException.notFound(planId));
        Map<String, String> errors = new LinkedHashMap<>();
        String venueId = c.venueId() == null ? "" : c.venueId().strip();
        if (venueId.isEmpty()) {
            errors.put("venueId", message(locale, "form.required"));
        } else if (plan.visits().stream().noneMatch(v -> v.venueId().equals(venueId))) {
            errors.put("venueId", message(locale, "plans.assign.notInPlan", venueId));
        }
        Directory directory = ledger.directory();
        if (c.inspectors().isEmpty()) {
            errors.put("inspectors", message(locale, "form.required"));
        }
        for (String id : c.inspectors()) {
            Directory.Person p = directory.people().get(id);
            if (p == null || !p.roles().contains(Role.INSPECTOR)) {
                errors.putIfAbsent("inspectors", message(locale, "plans.assign.notInspector", id));
            }
        }
        if (c.reason() == null || c.reason().isBlank()) {
            errors.put("reason", message(locale, "form.required"));
        } else if (c.reason().length() > Venue.MAX_TEXT_LENGTH) {
            errors.put("reason", message(locale, "form.tooLong", Venue.MAX_TEXT_LENGTH, c.reason().length()));
        }
        String requestId = c.requestId() == null || c.requestId().isBlank() ? UUID.randomUUID().toString()
                : c.requestId();
        if (!REQUEST_ID.matcher(requestId).matches()) {
            errors.put("requestId", message(locale, "form.requestId"));
        }
        if (!errors.isEmpty()) {
            throw new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, errors);
        }
        AsOf on = asOf.date().isBefore(plan.date()) ? new AsOf(plan.date(), false) : asOf;
        Entry entry = Entry.of("assign-" + requestId, actor, on.when(ledger.today(), ledger.campaign().timeZone(), clock),
                new Event.InspectorsReassigned(planId, venueId, c.inspectors(), c.reason().strip()))
                .expecting(plan.version());
        try {
            ledger.record(entry);
        } catch (ConflictException e) {
            throw new SubmissionRefusedException(HttpStatus.CONFLICT, Map.of(SubmissionRefusedException.WHOLE,
                    message(locale, "plans.assign.conflict", e.since().stream().map(x -> x.type().label().in(locale)
                            + " (" + x.actor() + ", " + x.happenedAt() + ")").toList())));
        } catch (RefusedException e) {
            String field = e.field().replaceFirst("^event\\.", "").replaceFirst("\\[\\d+\\]$", "");
            if (!List.of("venueId", "inspectors", "reason").contains(field)) {
                field = SubmissionRefusedException.WHOLE;
            }
            throw new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(field,
                    message(locale, "recording.refused", e.getMessage())));
        }
        return ledger.plan(planId).orElseThrow();
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
