package io.firerisk.server.recording;

import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.attachments.AttachmentStore;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forms for every event of a hazard's life, as pages: the inspection form of a venue (its finding
 * rows added with htmx), and a hazard's page with the forms its state and the viewer's roles allow.
 * A form that comes back with errors shows each beside its field, filled in as sent; one that is
 * recorded sends the browser on to the venue or hazard (post/redirect/get).
 */
@Controller
class RecordingController {

    private final RecordingService recording;
    private final Ledger ledger;
    private final AttachmentStore attachments;

    RecordingController(RecordingService recording, Ledger ledger, AttachmentStore attachments) {
        this.recording = recording;
        this.ledger = ledger;
        this.attachments = attachments;
    }

    // ---- inspections ---------------------------------------------------------------------------

    @GetMapping("/venues/{venueId}/inspection")
    String inspectionForm(@PathVariable String venueId, Viewer viewer, Model model) {
        model.addAttribute("page", inspectionPage(venueId, viewer, Form.blank("inspection")));
        return "inspection";
    }

    /** One more row of findings for the inspection form (htmx). */
    @GetMapping("/venues/{venueId}/inspection/finding")
    String findingRow(@PathVariable String venueId, @RequestParam(defaultValue = "1") int index, Viewer viewer,
            Model model) {
        if (index < 0 || index >= RecordingService.MAX_FINDINGS) {
            throw DeskRequestException.badParameter("index", String.valueOf(index), "0 … " + (RecordingService.MAX_FINDINGS - 1));
        }
        model.addAttribute("page", inspectionPage(venueId, viewer, Form.blank("inspection")));
        model.addAttribute("index", index);
        return "findingrow";
    }

    /**
     * The inspection form, read field by field: its rows of findings ({@code findings[0].hazardCode} …)
     * are not bound by Spring onto the records, which have no empty constructor to grow a list with.
     */
    @PostMapping("/venues/{venueId}/inspection")
    String inspect(@PathVariable String venueId, Viewer viewer, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            recording.authorizeOnVenue(viewer, venueId, locale, RecordingService.FORM_EVENTS.get("inspection"));
            Map<String, String> errors = new LinkedHashMap<>();
            InspectionKind kind = null;
            String k = request.getParameter("kind");
            if (k != null && !k.isBlank()) {
                try {
                    kind = InspectionKind.valueOf(k.strip());
                } catch (IllegalArgumentException e) {
                    errors.put("kind", recording.message(locale, "form.badValue", k));
                }
            }
            LocalDate date = parse(request, "date", errors, locale, LocalDate::parse);
            List<Commands.Found> findings = new java.util.ArrayList<>();
            for (int i = 0; i < RecordingService.MAX_FINDINGS; i++) {
                String at = "findings[" + i + "].";
                if (request.getParameterMap().keySet().stream().noneMatch(n -> n.startsWith(at))) {
                    continue;
                }
                findings.add(new Commands.Found(request.getParameter(at + "hazardCode"), request.getParameter(at + "location"),
                        "true".equals(request.getParameter(at + "correctedOnSpot")),
                        parse(request, at + "deadline", errors, locale, LocalDate::parse),
                        parse(request, at + "ratio", errors, locale, Double::valueOf),
                        parse(request, at + "quantity", errors, locale, Integer::valueOf),
                        parse(request, at + "standardRevision", errors, locale, io.firerisk.StandardRevision::valueOf)));
            }
            // (a checkbox: sent as "true" when ticked, absent when not; anything else was not sent by the form)
            Boolean noRealFireRisk = parse(request, "noRealFireRisk", errors, locale, v -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException(v);
                }
                return Boolean.valueOf(v);
            });
            if (!errors.isEmpty()) {
                throw new SubmissionRefusedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, errors);
            }
            Commands.Inspection c = new Commands.Inspection(request.getParameter("requestId"), venueId, kind, date,
                    request.getParameter("note"), findings, noRealFireRisk);
            Recorded r = recording.inspect(viewer, c, locale);
            return "redirect:" + UriComponentsBuilder.fromPath("/venues/{id}").queryParam("asOf", date(date))
                    .queryParam("recorded", r.inspectionId()).buildAndExpand(venueId).encode().toUriString();
        } catch (SubmissionRefusedException e) {
            response.setStatus(e.status().value());
            model.addAttribute("page", inspectionPage(venueId, viewer, Form.sent("inspection", request.getParameterMap(),
                    e.errors())));
            return "inspection";
        }
    }

    private RecordingPages.InspectionPage inspectionPage(String venueId, Viewer viewer, Form form) {
        VenueView v = ledger.venue(venueId, ledger.today()).orElseThrow(() -> DeskRequestException.notFound(venueId));
        if (!viewer.maySee(v.unitId())) {
            throw DeskRequestException.forbidden();
        }
        Directory.Unit unit = ledger.directory().units().get(v.unitId());
        List<HazardType> catalogue = ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(v.venue().kind())
                        || t.appliesTo().contains("*"))
                .sorted(Comparator.comparing(HazardType::category).thenComparing(HazardType::code)).toList();
        return new RecordingPages.InspectionPage(v, unit == null ? v.unitId() : unit.name(),
                List.of(InspectionKind.values()), catalogue, form, recording.mayRecord(viewer));
    }

    // ---- a hazard's forms ----------------------------------------------------------------------

    @GetMapping("/hazard")
    String hazard(@RequestParam String id, AsOf asOf, Viewer viewer, Model model) {
        model.addAttribute("page", hazardPage(id, asOf, viewer, null));
        return "hazard";
    }

    @PostMapping("/hazard/plan")
    String plan(@ModelAttribute("command") Commands.Plan c, BindingResult b, AsOf asOf, Viewer viewer, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("plan", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.setPlan(viewer, c, locale));
    }

    @PostMapping("/hazard/rectification")
    String rectification(@ModelAttribute("command") Commands.Rectification c, BindingResult b,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("rectification", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.reportRectification(viewer, c, photos == null ? List.of() : photos, locale));
    }

    @PostMapping("/hazard/reinspection")
    String reinspection(@ModelAttribute("command") Commands.Reinspection c, BindingResult b, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("reinspection", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.reinspect(viewer, c, locale));
    }

    @PostMapping("/hazard/closure")
    String closure(@ModelAttribute("command") Commands.Closure c, BindingResult b, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("closure", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.close(viewer, c, locale));
    }

    @PostMapping("/hazard/extension-request")
    String extensionRequest(@ModelAttribute("command") Commands.ExtensionRequest c, BindingResult b, AsOf asOf,
            Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("extension-request", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.requestExtension(viewer, c, locale));
    }

    @PostMapping("/hazard/extension-decision")
    String extensionDecision(@ModelAttribute("command") Commands.ExtensionDecision c, BindingResult b, AsOf asOf,
            Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("extension-decision", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.decideExtension(viewer, c, locale));
    }

    @PostMapping("/hazard/reopening")
    String reopening(@ModelAttribute("command") Commands.Reopening c, BindingResult b, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("reopening", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.reopen(viewer, c, locale));
    }

    @PostMapping("/hazard/cancellation")
    String cancellation(@ModelAttribute("command") Commands.Cancellation c, BindingResult b, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("cancellation", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.cancel(viewer, c, locale));
    }

    @PostMapping("/hazard/supervision")
    String supervision(@ModelAttribute("command") Commands.Supervision c, BindingResult b, AsOf asOf, Viewer viewer,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("supervision", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.listForSupervision(viewer, c, locale));
    }

    @PostMapping("/hazard/supervision-lifting")
    String supervisionLifting(@ModelAttribute("command") Commands.SupervisionLifting c, BindingResult b, AsOf asOf,
            Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("supervision-lifting", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.liftSupervision(viewer, c, locale));
    }

    @PostMapping("/hazard/enforcement")
    String enforcement(@ModelAttribute("command") Commands.EnforcementStep c, BindingResult b, AsOf asOf,
            Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit("enforcement", c.hazardId(), c.date(), b, asOf, viewer, locale, request, response, model,
                () -> recording.recordEnforcement(viewer, c, locale));
    }

    /**
     * Sends a hazard's form: who may not record its events ({@link RecordingService#FORM_EVENTS}) on this
     * hazard is refused (403) before the
     * fields are looked at, as the API refuses them; then the fields, then the ledger.
     */
    private String submit(String form, String hazardId, LocalDate date, BindingResult binding, AsOf asOf,
            Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model,
            Supplier<Recorded> action) {
        try {
            recording.authorize(viewer, hazardId, locale, RecordingService.FORM_EVENTS.get(form));
            bindingErrors(binding, locale);
            action.get();
            return "redirect:" + UriComponentsBuilder.fromPath("/hazard").queryParam("id", hazardId)
                    .queryParam("asOf", date(date)).encode().build().toUriString();
        } catch (SubmissionRefusedException e) {
            if (hazardId == null || hazardId.isBlank()) {
                throw DeskRequestException.badParameter("hazardId", "", "a hazard's id");
            }
            response.setStatus(e.status().value());
            model.addAttribute("page", hazardPage(hazardId, asOf, viewer, Form.sent(form, request.getParameterMap(),
                    e.errors())));
            return "hazard";
        }
    }

    private RecordingPages.HazardPage hazardPage(String id, AsOf asOf, Viewer viewer, Form sent) {
        HazardView current = recording.hazard(viewer, id);
        HazardView shown = ledger.hazard(id, asOf.date()).orElse(current);
        VenueView venue = ledger.venue(current.venueId(), ledger.today()).orElseThrow();
        Directory directory = ledger.directory();
        java.util.Set<EventType> offered = recording.offered(viewer, current);
        return new RecordingPages.HazardPage(shown, current, venue.venue().name(), offered,
                sent, attachments.maxBytes() / (1024 * 1024), recording.mayRecord(viewer, EventType.HAZARD_CLOSED),
                log(current, shown.asOf(), directory),
                offered.contains(EventType.ENFORCEMENT_RECORDED) ? recording.deciders() : List.of(),
                offered.contains(EventType.SUPERVISION_LISTED) ? recording.supervisingUnits() : List.of(),
                RecordingService.ENFORCEMENT_STEPS, viewer.personId().orElse(""));
    }

    /**
     * The hazard's own events up to the page's date, oldest first, each with the person who recorded it
     * (the ledger's actor) and what it said: the record of who did what.
     */
    private List<RecordingPages.LogLine> log(HazardView h, LocalDate asOf, Directory directory) {
        String stream = "hazard:" + h.hazardId();
        java.time.ZoneId zone = ledger.campaign().timeZone();
        List<RecordingPages.LogLine> lines = new java.util.ArrayList<>();
        for (RecordedEvent e : ledger.timeline(h.venueId())) {
            LocalDate day = LocalDate.ofInstant(e.happenedAt(), zone);
            if (!e.stream().equals(stream) || day.isAfter(asOf)) {
                continue;
            }
            String decidedBy = e.event() instanceof io.firerisk.ledger.Event.EnforcementRecorded x
                    ? name(directory, x.decidedBy()) : "";
            lines.add(new RecordingPages.LogLine(e.eventId(), day, e.type(), e.actor(), name(directory, e.actor()),
                    e.event(), decidedBy));
        }
        return lines;
    }

    private static String name(Directory directory, String personId) {
        Directory.Person p = personId == null ? null : directory.people().get(personId);
        return p == null ? (personId == null ? "" : personId) : p.name();
    }

    /** A value the form sent that is not of its field's type (a date that is none): beside the field. */
    private void bindingErrors(BindingResult binding, Locale locale) {
        if (!binding.hasErrors()) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            errors.putIfAbsent(e.getField(), recording.message(locale, "form.badValue", String.valueOf(e.getRejectedValue())));
        }
        if (errors.isEmpty()) {
            binding.getGlobalErrors().forEach(e -> errors.putIfAbsent(SubmissionRefusedException.WHOLE,
                    String.valueOf(e.getDefaultMessage())));
        }
        throw new SubmissionRefusedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    /** A field's value parsed, or null when empty; a value that does not parse is an error beside it. */
    private <T> T parse(HttpServletRequest request, String field, Map<String, String> errors, Locale locale,
            java.util.function.Function<String, T> parser) {
        String v = request.getParameter(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return parser.apply(v.strip());
        } catch (RuntimeException e) {
            errors.putIfAbsent(field, recording.message(locale, "form.badValue", v));
            return null;
        }
    }

    private String date(LocalDate date) {
        return (date == null ? ledger.today() : date).toString();
    }
}
