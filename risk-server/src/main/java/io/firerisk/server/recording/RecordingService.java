package io.firerisk.server.recording;

import io.firerisk.AssessmentException;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.ConflictException;
import io.firerisk.ledger.Deadlines;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.Evidence;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.IllegalTransitionException;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.Receipt;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.RefusedException;
import io.firerisk.ledger.Role;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.attachments.AttachmentStore;
import io.firerisk.server.attachments.StoredAttachment;
import io.firerisk.server.attachments.UploadRefusedException;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Records what the desk's forms and its JSON API submit, the one way both do it: checks the fields
 * (each problem named by its field, in the person's language), checks the person may act on the
 * venue's unit (a unit officer only on their own unit's: refused with 403 and nothing recorded, by id
 * too), then hands the ledger every event of the submission as one transaction. The actor of every
 * event is the signed-in account's person in the ledger's directory. What the ledger refuses (an
 * illegal transition, a stale version, a field) comes back as a {@link SubmissionRefusedException}
 * naming the field; files stored for a refused submission are removed again: nothing is half-saved.
 */
@Service
public class RecordingService {

    /** The hazard events the desk has forms for: every one after HAZARD_FOUND (which the inspection form records). */
    private static final Set<EventType> FORMS = EnumSet.of(EventType.PLAN_SET, EventType.RECTIFICATION_REPORTED,
            EventType.REINSPECTION_PASSED, EventType.REINSPECTION_FAILED, EventType.HAZARD_CLOSED,
            EventType.EXTENSION_REQUESTED, EventType.EXTENSION_APPROVED, EventType.EXTENSION_REFUSED,
            EventType.HAZARD_REOPENED, EventType.HAZARD_CANCELLED, EventType.SUPERVISION_LISTED,
            EventType.SUPERVISION_LIFTED, EventType.ENFORCEMENT_RECORDED);
    /**
     * The events each form records, by the form's name (its address: {@code /hazard/plan},
     * {@code /api/hazards/plan}; {@code inspection} for an inspection), whose ledger roles are checked before
     * anything else. An extension's decision stands for either approvers' role until the hazard is read; a
     * re-inspection for its outcome, which may close too (checked again once the outcome is read).
     */
    public static final Map<String, List<EventType>> FORM_EVENTS = Map.ofEntries(
            Map.entry("inspection", List.of(EventType.INSPECTION_RECORDED)),
            Map.entry("plan", List.of(EventType.PLAN_SET)),
            Map.entry("rectification", List.of(EventType.RECTIFICATION_REPORTED)),
            Map.entry("reinspection", List.of(EventType.INSPECTION_RECORDED, EventType.REINSPECTION_PASSED)),
            Map.entry("closure", List.of(EventType.HAZARD_CLOSED)),
            Map.entry("extension-request", List.of(EventType.EXTENSION_REQUESTED)),
            Map.entry("extension-decision", List.of(EventType.EXTENSION_APPROVED)),
            Map.entry("reopening", List.of(EventType.INSPECTION_RECORDED, EventType.HAZARD_REOPENED)),
            Map.entry("cancellation", List.of(EventType.HAZARD_CANCELLED)),
            Map.entry("supervision", List.of(EventType.SUPERVISION_LISTED)),
            Map.entry("supervision-lifting", List.of(EventType.SUPERVISION_LIFTED)),
            Map.entry("enforcement", List.of(EventType.ENFORCEMENT_RECORDED)));
    /** The enforcement steps a person records (挂牌督办 has its own form). */
    public static final List<io.firerisk.Enforcement> ENFORCEMENT_STEPS = List.of(
            io.firerisk.Enforcement.ORDERED_TO_CORRECT, io.firerisk.Enforcement.REFUSED_TO_CORRECT);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_TEXT = Venue.MAX_TEXT_LENGTH;
    /** Findings one inspection may record through a form or a call. */
    public static final int MAX_FINDINGS = 50;

    private final Ledger ledger;
    private final AttachmentStore attachments;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    RecordingService(Ledger ledger, AttachmentStore attachments, MessageSource messages, Clock clock) {
        this.ledger = ledger;
        this.attachments = attachments;
        this.messages = messages;
        this.clock = clock;
        this.zone = ledger.campaign().timeZone();
    }

    // ---- the submissions ------------------------------------------------------------------------

    /** An inspection and the hazards it found, one transaction. */
    public Recorded inspect(Viewer viewer, Commands.Inspection c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = c.findings().isEmpty() ? actor(viewer, null, locale, EventType.INSPECTION_RECORDED)
                : actor(viewer, null, locale, EventType.INSPECTION_RECORDED, EventType.HAZARD_FOUND);
        String venueId = required(p, "venueId", c.venueId());
        p.throwIfAny();
        VenueView venue = venue(viewer, venueId);
        if (c.kind() == null) {
            p.add("kind", "form.required");
        }
        LocalDate date = date(p, c.date());
        text(p, "note", c.note(), false);
        if (c.findings().size() > MAX_FINDINGS) {
            p.add("findings", "form.tooMany", MAX_FINDINGS);
        }
        for (int i = 0; i < c.findings().size() && i < MAX_FINDINGS; i++) {
            Commands.Found f = c.findings().get(i);
            String at = "findings[" + i + "].";
            String code = required(p, at + "hazardCode", f.hazardCode());
            if (code != null && ledger.campaign().hazard(code).isEmpty()) {
                p.add(at + "hazardCode", "form.unknownHazard", code);
            } else if (code != null) {
                HazardType type = ledger.campaign().hazard(code).get();
                String measure = type.measure().orElse("");
                // The message says what the number is (the catalogue's measure_zh/_en), where the catalogue says it.
                java.util.Optional<String> meaning = type.measureMeaning().map(m -> m.in(locale));
                if (measure.equals(HazardType.MEASURE_RATIO)
                        && (f.ratio() == null || !(f.ratio() >= 0 && f.ratio() <= 1))) {
                    meaning.ifPresentOrElse(m -> p.add(at + "ratio", "form.ratioOf", m),
                            () -> p.add(at + "ratio", "form.ratio"));
                } else if (measure.equals(HazardType.MEASURE_QUANTITY)
                        && (f.quantity() == null || f.quantity() < 0 || f.quantity() > Finding.MAX_QUANTITY)) {
                    meaning.ifPresentOrElse(m -> p.add(at + "quantity", "form.quantityOf", Finding.MAX_QUANTITY, m),
                            () -> p.add(at + "quantity", "form.quantity", Finding.MAX_QUANTITY));
                }
            }
            text(p, at + "location", f.location(), false);
            p.deadline(at + "deadline", Deadlines.onFinding(date, f.deadline()));
        }
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        Instant at = instant(date);
        String inspectionId = "I-" + date.toString().replace("-", "") + "-" + digest(actor, requestId);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        entries.add(Entry.of(requestId + ":inspection", actor, at, new Event.InspectionRecorded(inspectionId,
                venue.venueId(), c.kind(), date, List.of(actor), blankToEmpty(c.note()),
                Boolean.TRUE.equals(c.noRealFireRisk()))));
        List<String> hazardIds = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < c.findings().size(); i++) {
            Commands.Found f = c.findings().get(i);
            String hazardId = inspectionId + "-F" + (i + 1);
            hazardIds.add(hazardId);
            String eventId = requestId + ":finding-" + (i + 1);
            prefixes.put(eventId, "findings[" + i + "].");
            String code = f.hazardCode().strip();
            String measure = ledger.campaign().hazard(code).orElseThrow().measure().orElse("");
            Finding finding = Finding.builder(hazardId, code).location(blankToEmpty(f.location()))
                    .ratio(measure.equals(HazardType.MEASURE_RATIO) ? f.ratio() : null)
                    .quantity(measure.equals(HazardType.MEASURE_QUANTITY) ? f.quantity() : null)
                    .standardRevision(f.standardRevision()).build();
            found.add(finding);
            entries.add(Entry.of(eventId, actor, at, new Event.HazardFound(venue.venueId(), inspectionId, finding,
                    Boolean.TRUE.equals(f.correctedOnSpot()), f.deadline(), List.of())));
        }
        assessable(venue, found, date, locale);
        Receipt r = record(entries, locale, (eventId, field) -> prefixes.getOrDefault(eventId, "") + field);
        return recorded(venue.venueId(), inspectionId, hazardIds, r);
    }

    /** A version of the 五落实 plan. */
    public Recorded setPlan(Viewer viewer, Commands.Plan c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.PLAN_SET);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        text(p, "responsiblePerson", c.responsiblePerson(), true);
        text(p, "measures", c.measures(), true);
        text(p, "funds", c.funds(), false);
        text(p, "contingencyPlan", c.contingencyPlan(), false);
        if (c.deadline() == null) {
            p.add("deadline", "form.required");
        } else {
            p.deadline("deadline", Deadlines.onPlan(date, h.foundOn(), h.deadline(), c.deadline()));
        }
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        RectificationPlan plan = new RectificationPlan(c.responsiblePerson().strip(), c.measures().strip(), c.deadline(),
                blankToEmpty(c.funds()), blankToEmpty(c.contingencyPlan()));
        return recordOnHazard(h, requestId + ":plan", actor, date,
                new Event.PlanSet(h.hazardId(), plan), c.version(), locale);
    }

    /**
     * The unit reports the hazard rectified, with photos: the files sent with the form ({@code uploads})
     * and those uploaded before and named by id ({@code c.attachments()}).
     */
    public Recorded reportRectification(Viewer viewer, Commands.Rectification c, List<MultipartFile> uploads,
            Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.RECTIFICATION_REPORTED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        text(p, "note", c.note(), true);
        List<StoredAttachment> referenced = new ArrayList<>();
        for (int i = 0; i < c.attachments().size(); i++) {
            var a = attachments.find(c.attachments().get(i));
            if (a.isEmpty() || !a.get().venueId().equals(h.venueId())) {
                p.add("attachments[" + i + "]", "form.unknownAttachment", c.attachments().get(i));
            } else if (!attachments.claimable(a.get())) {
                p.add("attachments[" + i + "]", "form.staleAttachment", c.attachments().get(i),
                        attachments.unclaimedFor().dividedBy(2).toHours());
            } else {
                referenced.add(a.get());
            }
        }
        List<MultipartFile> files = uploads.stream().filter(f -> f != null && !f.isEmpty()
                || f != null && f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty()).toList();
        if (files.size() + referenced.size() > Evidence.MAX_PER_EVENT) {
            p.add("photos", "form.tooMany", Evidence.MAX_PER_EVENT);
        }
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        List<StoredAttachment> stored = new ArrayList<>();
        try {
            for (MultipartFile f : files) {
                try {
                    stored.add(attachments.store(h.venueId(), f.getInputStream(), f.getOriginalFilename(),
                            viewer.username()));
                } catch (UploadRefusedException e) {
                    p.add("photos", e.messageKey(), e.args());
                    p.throwIfAny();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read an uploaded file", e);
                }
            }
            List<Evidence> evidence = new ArrayList<>();
            referenced.forEach(a -> evidence.add(a.evidence("")));
            stored.forEach(a -> evidence.add(a.evidence("")));
            Entry e = versioned(Entry.of(requestId + ":rectification", actor, instant(date),
                    new Event.RectificationReported(h.hazardId(), c.note().strip(), evidence)), c.version());
            Receipt r = record(List.of(e), locale, (id, f) -> f.startsWith("evidence") ? "photos" : f);
            if (!r.alreadyRecorded().isEmpty()) {
                // A retry: the first submission's files are the evidence; these copies are not needed.
                attachments.discard(stored);
            }
            return recorded(h.venueId(), null, List.of(h.hazardId()), r);
        } catch (RuntimeException e) {
            attachments.discard(stored);
            throw e;
        }
    }

    /** The re-inspection, recorded as an inspection of the venue, and what it found; closed at once if asked. */
    public Recorded reinspect(Viewer viewer, Commands.Reinspection c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = c.outcome() == Commands.Outcome.PASSED_AND_CLOSED
                ? actor(viewer, null, locale, EventType.INSPECTION_RECORDED, EventType.REINSPECTION_PASSED,
                        EventType.HAZARD_CLOSED)
                : actor(viewer, null, locale, EventType.INSPECTION_RECORDED, c.outcome() == Commands.Outcome.FAILED
                        ? EventType.REINSPECTION_FAILED : EventType.REINSPECTION_PASSED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        if (c.outcome() == null) {
            p.add("outcome", "form.required");
        }
        text(p, "note", c.note(), c.outcome() == Commands.Outcome.FAILED);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        Instant at = instant(date);
        String inspectionId = "I-" + date.toString().replace("-", "") + "-" + digest(actor, requestId);
        String note = blankToEmpty(c.note());
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of(requestId + ":inspection", actor, at, new Event.InspectionRecorded(inspectionId,
                h.venueId(), InspectionKind.REINSPECTION, date, List.of(actor), note)));
        Event outcome = c.outcome() == Commands.Outcome.FAILED
                ? new Event.ReinspectionFailed(h.hazardId(), inspectionId, note, List.of())
                : new Event.ReinspectionPassed(h.hazardId(), inspectionId, note, List.of());
        entries.add(versioned(Entry.of(requestId + ":outcome", actor, at, outcome), c.version()));
        if (c.outcome() == Commands.Outcome.PASSED_AND_CLOSED) {
            entries.add(Entry.of(requestId + ":closure", actor, at, new Event.HazardClosed(h.hazardId(), note)));
        }
        Receipt r = record(entries, locale, (id, f) -> f.equals("reason") ? "note" : f);
        return recorded(h.venueId(), inspectionId, List.of(h.hazardId()), r);
    }

    /** 销号. */
    public Recorded close(Viewer viewer, Commands.Closure c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.HAZARD_CLOSED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        text(p, "note", c.note(), false);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":closure", actor, date,
                new Event.HazardClosed(h.hazardId(), blankToEmpty(c.note())), c.version(), locale);
    }

    /** The unit asks for more time. */
    public Recorded requestExtension(Viewer viewer, Commands.ExtensionRequest c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.EXTENSION_REQUESTED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        if (c.until() == null) {
            p.add("until", "form.required");
        } else {
            p.deadline("until", Deadlines.onExtensionRequest(date, h.deadline(),
                    ledger.policy().extensions().maxDaysEach(), c.until()));
        }
        text(p, "reason", c.reason(), true);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":extension-request", actor, date,
                new Event.ExtensionRequested(h.hazardId(), c.until(), c.reason().strip()), c.version(), locale);
    }

    /** The pending request granted or refused. */
    public Recorded decideExtension(Viewer viewer, Commands.ExtensionDecision c, Locale locale) {
        Problems p = new Problems(locale);
        EventType decision = Boolean.FALSE.equals(c.approve()) ? EventType.EXTENSION_REFUSED : EventType.EXTENSION_APPROVED;
        actor(viewer, null, locale, decision);
        HazardView h = hazard(viewer, p, c.hazardId());
        // (a hazard under 挂牌督办 takes a leader: known once the hazard is read)
        String actor = actor(viewer, h, locale, decision);
        LocalDate date = date(p, c.date());
        if (c.approve() == null) {
            p.add("approve", "form.required");
        } else if (c.approve() && c.until() == null) {
            p.add("until", "form.required");
        } else if (c.approve() && h.pendingExtension().isPresent()) {
            p.deadline("until", Deadlines.onExtensionApproval(date, h.deadline(), h.pendingExtension().get().until(),
                    c.until()));
        }
        text(p, "note", c.note(), Boolean.FALSE.equals(c.approve()));
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        Event event = c.approve() ? new Event.ExtensionApproved(h.hazardId(), c.until(), blankToEmpty(c.note()))
                : new Event.ExtensionRefused(h.hazardId(), c.note().strip());
        return recordOnHazard(h, requestId + ":extension-decision", actor, date,
                event, c.version(), locale, (id, f) -> f.equals("reason") ? "note" : f);
    }

    /** 回头看 found the hazard back: the 回头看 inspection and the reopening, one transaction. */
    public Recorded reopen(Viewer viewer, Commands.Reopening c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.INSPECTION_RECORDED, EventType.HAZARD_REOPENED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        text(p, "reason", c.reason(), true);
        p.deadline("deadline", Deadlines.onReopening(date, c.deadline()));
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        Instant at = instant(date);
        String inspectionId = "I-" + date.toString().replace("-", "") + "-" + digest(actor, requestId);
        List<Entry> entries = List.of(
                Entry.of(requestId + ":inspection", actor, at, new Event.InspectionRecorded(inspectionId, h.venueId(),
                        InspectionKind.REINSPECTION, date, List.of(actor), c.reason().strip())),
                versioned(Entry.of(requestId + ":reopening", actor, at, new Event.HazardReopened(h.hazardId(),
                        inspectionId, c.reason().strip(), c.deadline(), List.of())), c.version()));
        return recorded(h.venueId(), inspectionId, List.of(h.hazardId()), record(entries, locale, (id, f) -> f));
    }

    /** 作废: a hazard recorded in error, cancelled with the reason (kept in the log, counted nowhere). */
    public Recorded cancel(Viewer viewer, Commands.Cancellation c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.HAZARD_CANCELLED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        text(p, "reason", c.reason(), true);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":cancellation", actor, date,
                new Event.HazardCancelled(h.hazardId(), c.reason().strip()), c.version(), locale);
    }

    /** 挂牌督办: the hazard listed for supervision by a unit, under the collective decision's document. */
    public Recorded listForSupervision(Viewer viewer, Commands.Supervision c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.SUPERVISION_LISTED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        String unit = required(p, "supervisingUnit", c.supervisingUnit());
        if (unit != null && !ledger.directory().units().containsKey(unit)) {
            p.add("supervisingUnit", "form.unknownUnit", unit);
        }
        documentNo(p, c.documentNo());
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":supervision", actor, date,
                new Event.SupervisionListed(h.hazardId(), unit, c.documentNo().strip()), c.version(), locale);
    }

    /** 摘牌 before closing: the listing ends, by a decision with its document and the reason. */
    public Recorded liftSupervision(Viewer viewer, Commands.SupervisionLifting c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.SUPERVISION_LIFTED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        documentNo(p, c.documentNo());
        text(p, "reason", c.reason(), true);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":supervision-lifted", actor, date,
                new Event.SupervisionLifted(h.hazardId(), c.documentNo().strip(), c.reason().strip()),
                c.version(), locale);
    }

    /**
     * An enforcement step (责令改正, 拒不改正): a person's decision, recorded with who decided it and on
     * what ground; the desk proposes none of it.
     */
    public Recorded recordEnforcement(Viewer viewer, Commands.EnforcementStep c, Locale locale) {
        Problems p = new Problems(locale);
        String actor = actor(viewer, null, locale, EventType.ENFORCEMENT_RECORDED);
        HazardView h = hazard(viewer, p, c.hazardId());
        LocalDate date = date(p, c.date());
        if (c.step() == null) {
            p.add("step", "form.required");
        } else if (!ENFORCEMENT_STEPS.contains(c.step())) {
            p.add("step", "form.badValue", c.step());
        }
        documentNo(p, c.documentNo());
        String decidedBy = required(p, "decidedBy", c.decidedBy());
        if (decidedBy != null && !ledger.directory().people().containsKey(decidedBy)) {
            p.add("decidedBy", "form.unknownPerson", decidedBy);
        } else if (decidedBy != null && deciders().stream().noneMatch(d -> d.personId().equals(decidedBy))) {
            // the form offers only these; the API is held to the same list
            p.add("decidedBy", "form.notDecider", decidedBy);
        }
        text(p, "ground", c.ground(), true);
        String requestId = requestId(p, c.requestId());
        p.throwIfAny();
        return recordOnHazard(h, requestId + ":enforcement", actor, date,
                new Event.EnforcementRecorded(h.hazardId(), c.step(), c.documentNo().strip(), decidedBy,
                        c.ground().strip()), c.version(), locale);
    }

    /** The people who may be named as having decided an enforcement step: the enforcing side, not the units'. */
    public List<Directory.Person> deciders() {
        return ledger.directory().people().values().stream()
                .filter(person -> person.roles().stream().anyMatch(r -> r != Role.UNIT_OFFICER))
                .sorted(java.util.Comparator.comparing(Directory.Person::personId)).toList();
    }

    /** The units that may supervise a listed hazard: the bureau's own and the other authorities. */
    public List<Directory.Unit> supervisingUnits() {
        return ledger.directory().units().values().stream()
                .filter(u -> u.kind() == io.firerisk.ledger.UnitKind.BUREAU_DEPARTMENT
                        || u.kind() == io.firerisk.ledger.UnitKind.OTHER_AUTHORITY)
                .sorted(java.util.Comparator.comparing(Directory.Unit::unitId)).toList();
    }

    /**
     * An evidence file about a venue, uploaded ahead of the submission that names it (the API's way). The venue is
     * checked first (403 for whoever may not act on it), then the file: a request without one ({@code file} null:
     * a body that is no upload at all) is 400, naming the field.
     */
    public StoredAttachment upload(Viewer viewer, String venueId, MultipartFile file, Locale locale) {
        VenueView venue = uploadable(viewer, venueId);
        if (file == null) {
            throw new SubmissionRefusedException(HttpStatus.BAD_REQUEST, Map.of("file", message(locale, "upload.noFile")));
        }
        try {
            return attachments.store(venue.venueId(), file.getInputStream(), file.getOriginalFilename(),
                    viewer.username());
        } catch (UploadRefusedException e) {
            Problems p = new Problems(locale);
            p.add("file", e.messageKey(), e.args());
            p.throwIfAny();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }

    /**
     * Whether the viewer may upload a file about the venue (403 if not, 404 for no such venue): asked by
     * {@link #upload} first, and by the API when the upload's body could not even be read, so that whoever may not
     * act on the venue its path names is told that rather than what is wrong with the body.
     */
    public void authorizeUpload(Viewer viewer, String venueId) {
        uploadable(viewer, venueId);
    }

    /** The venue, when the viewer may record on it (an actor of the ledger) and see it. */
    private VenueView uploadable(Viewer viewer, String venueId) {
        actor(viewer);
        return venue(viewer, venueId);
    }

    // ---- what a page needs to offer the forms ---------------------------------------------------

    /**
     * The hazard events the viewer's person may record in the hazard's state: those the transition
     * table allows and the campaign's permissions give one of the person's roles. Empty for a viewer
     * not linked to a person, or who only reads.
     */
    public Set<EventType> offered(Viewer viewer, HazardView h) {
        Set<EventType> offered = EnumSet.noneOf(EventType.class);
        if (viewer.readOnly() || viewer.personId().isEmpty()) {
            return offered;
        }
        Directory.Person person = ledger.directory().people().get(viewer.personId().get());
        if (person == null) {
            return offered;
        }
        for (EventType t : h.state().allowedEvents()) {
            if (!FORMS.contains(t)) {
                continue;
            }
            Set<Role> allowed = ledger.policy().allowed(t);
            if (t == EventType.EXTENSION_APPROVED || t == EventType.EXTENSION_REFUSED) {
                allowed = h.supervision().isPresent() ? ledger.policy().extensions().supervisedApprovers()
                        : ledger.policy().extensions().approvers();
                if (h.pendingExtension().isEmpty()) {
                    continue;
                }
            }
            if (t == EventType.EXTENSION_REQUESTED && h.pendingExtension().isPresent()) {
                continue;
            }
            if (t == EventType.SUPERVISION_LISTED && h.supervision().isPresent()
                    || t == EventType.SUPERVISION_LIFTED && h.supervision().isEmpty()) {
                continue;
            }
            if (allowed.isEmpty() || person.roles().stream().anyMatch(allowed::contains)) {
                offered.add(t);
            }
        }
        return offered;
    }

    /** Whether the viewer acts as a person of the ledger's directory (and so may record anything). */
    public boolean mayRecord(Viewer viewer) {
        return !viewer.readOnly() && viewer.personId().map(id -> ledger.directory().people().containsKey(id))
                .orElse(false);
    }

    /** Whether the viewer's person holds a role the campaign allows to record {@code type}. */
    public boolean mayRecord(Viewer viewer, EventType type) {
        if (!mayRecord(viewer)) {
            return false;
        }
        Set<Role> allowed = ledger.policy().allowed(type);
        return allowed.isEmpty() || ledger.directory().people().get(viewer.personId().get()).roles().stream()
                .anyMatch(allowed::contains);
    }

    /** A hazard as it stands, if the viewer may see it. */
    public HazardView hazard(Viewer viewer, String hazardId) {
        Problems p = new Problems(Locale.ROOT);
        return hazard(viewer, p, hazardId);
    }

    // ---- the checks ----------------------------------------------------------------------------

    /**
     * The engine can assess the venue with the new findings beside those it has: a finding the engine
     * would refuse (a quantitative criterion without its measure) never reaches the ledger, where it
     * would leave the venue unassessable.
     */
    private void assessable(VenueView venue, List<Finding> found, LocalDate date, Locale locale) {
        if (found.isEmpty()) {
            return;
        }
        Set<String> ids = new java.util.HashSet<>();
        found.forEach(f -> ids.add(f.id()));
        List<Finding> all = new ArrayList<>();
        // (a retry names the findings the first submission recorded: they are not counted twice)
        venue.hazards().forEach(h -> h.finding().filter(f -> !ids.contains(f.id())).ifPresent(all::add));
        int existing = all.size();
        found.forEach(f -> all.add(f.toBuilder().foundOn(date).build()));
        try {
            ledger.engine().assess(VenueFacts.of(venue.venue(), all, date));
        } catch (AssessmentException e) {
            java.util.regex.Matcher m = Pattern.compile("^findings\\[(\\d+)\\]\\.?(.*)$").matcher(e.field());
            String field = SubmissionRefusedException.WHOLE;
            if (m.matches() && Integer.parseInt(m.group(1)) >= existing) {
                field = "findings[" + (Integer.parseInt(m.group(1)) - existing) + "]."
                        + (m.group(2).isEmpty() ? "hazardCode" : m.group(2));
            }
            throw new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(field,
                    message(locale, "recording.refused", e.getMessage())));
        }
    }

    /** The person the account acts as: every event names them. */
    private String actor(Viewer viewer) {
        if (viewer.readOnly()) {
            throw new DeskRequestException(HttpStatus.FORBIDDEN, "error.readOnly", viewer.username());
        }
        String person = viewer.personId().orElseThrow(() -> new DeskRequestException(HttpStatus.FORBIDDEN,
                "error.noPerson", viewer.username()));
        if (!ledger.directory().people().containsKey(person)) {
            throw new DeskRequestException(HttpStatus.FORBIDDEN, "error.noPerson", viewer.username());
        }
        return person;
    }

    /**
     * The person the account acts as, who must hold a role the campaign gives each of {@code types}
     * ({@code ledger.yaml} permissions; an extension's decision: {@code extensions.approvers}, or
     * {@code supervisedApprovers} on a hazard under 挂牌督办): refused with 403 before anything else is
     * checked, the refusal naming the person, the event and the roles it takes. {@code h}: the hazard
     * when it has been read (null before: an extension's decision then takes either approvers' role).
     */
    private String actor(Viewer viewer, HazardView h, Locale locale, EventType... types) {
        String personId = actor(viewer);
        Directory.Person person = ledger.directory().people().get(personId);
        for (EventType t : types) {
            Set<Role> allowed = rolesFor(t, h);
            if (!allowed.isEmpty() && person.roles().stream().noneMatch(allowed::contains)) {
                String source = t == EventType.EXTENSION_APPROVED || t == EventType.EXTENSION_REFUSED
                        ? h != null && h.supervision().isPresent() ? "extensions.supervisedApprovers" : "extensions.approvers"
                        : "permissions " + t.name();
                throw new SubmissionRefusedException(HttpStatus.FORBIDDEN, Map.of(SubmissionRefusedException.WHOLE,
                        message(locale, "recording.notPermitted", person.name() + " (" + personId + ")",
                                labels(person.roles(), locale), t.label().in(locale), labels(allowed, locale), source)));
            }
        }
        return personId;
    }

    /** The roles that may record {@code t} on {@code h} (null: on some hazard); empty when anyone may. */
    private Set<Role> rolesFor(EventType t, HazardView h) {
        if (t == EventType.EXTENSION_APPROVED || t == EventType.EXTENSION_REFUSED) {
            var x = ledger.policy().extensions();
            if (h == null) {
                Set<Role> either = EnumSet.noneOf(Role.class);
                either.addAll(x.approvers());
                either.addAll(x.supervisedApprovers());
                return either;
            }
            return h.supervision().isPresent() ? x.supervisedApprovers() : x.approvers();
        }
        return ledger.policy().allowed(t);
    }

    private static String labels(Set<Role> roles, Locale locale) {
        return roles.isEmpty() ? "—" : String.join("、", roles.stream().sorted()
                .map(r -> r.label().in(locale) + "（" + r.name() + "）").toList());
    }

    /**
     * Whether the viewer may send the form recording {@code types} on the venue: the same refusals (403) as the submission itself, asked first by a form whose fields
     * did not even parse, so that whoever may not act is told so rather than what is wrong with the fields.
     */
    public void authorizeOnVenue(Viewer viewer, String venueId, Locale locale, List<EventType> types) {
        actor(viewer, null, locale, types.toArray(EventType[]::new));
        venue(viewer, venueId);
    }

    /** {@link #authorizeOnVenue}, for a form on a hazard (its id not known when null). */
    public void authorize(Viewer viewer, String hazardId, Locale locale, List<EventType> types) {
        actor(viewer, null, locale, types.toArray(EventType[]::new));
        if (hazardId != null && !hazardId.isBlank()) {
            ledger.hazard(hazardId.strip()).ifPresent(h -> venue(viewer, h.venueId()));
        }
    }

    private static void documentNo(Problems p, String documentNo) {
        if (documentNo == null || documentNo.isBlank()) {
            p.add("documentNo", "form.required");
        } else if (documentNo.strip().length() > Venue.MAX_ID_LENGTH) {
            p.add("documentNo", "form.tooLong", Venue.MAX_ID_LENGTH, documentNo.strip().length());
        } else if (documentNo.codePoints().anyMatch(Character::isISOControl)) {
            p.add("documentNo", "form.badValue", documentNo);
        }
    }

    private VenueView venue(Viewer viewer, String venueId) {
        VenueView v = ledger.venue(venueId, ledger.today())
                .orElseThrow(() -> DeskRequestException.notFound(venueId));
        if (!viewer.maySee(v.unitId())) {
            throw DeskRequestException.forbidden();
        }
        return v;
    }

    private HazardView hazard(Viewer viewer, Problems p, String hazardId) {
        if (hazardId == null || hazardId.isBlank()) {
            p.add("hazardId", "form.required");
            p.throwIfAny();
        }
        HazardView h = ledger.hazard(hazardId.strip()).orElseThrow(() -> DeskRequestException.notFound(hazardId));
        venue(viewer, h.venueId());
        return h;
    }

    private LocalDate date(Problems p, LocalDate date) {
        LocalDate today = ledger.today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            p.add("date", "form.future", today);
            return null;
        }
        return date;
    }

    /**
     * When it happened: now for today; for an earlier day (a record entered afterwards, or a desk
     * looking at a past campaign) the end of that day, so that it follows what that day already holds.
     */
    private Instant instant(LocalDate date) {
        if (date.equals(ledger.today())) {
            return clock.instant();
        }
        return date.atTime(23, 59, 59).atZone(zone).toInstant();
    }

    private static String required(Problems p, String field, String value) {
        if (value == null || value.isBlank()) {
            p.add(field, "form.required");
            return null;
        }
        return value.strip();
    }

    private static void text(Problems p, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "form.required");
            }
        } else if (value.length() > MAX_TEXT) {
            p.add(field, "form.tooLong", MAX_TEXT, value.length());
        }
    }

    private static String requestId(Problems p, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!REQUEST_ID.matcher(requestId).matches()) {
            p.add("requestId", "form.requestId");
        }
        return requestId;
    }

    /** One event on one hazard, recorded as one entry: the end of every hazard form. */
    private Recorded recordOnHazard(HazardView h, String key, String actor, LocalDate date, Event event, Integer version,
            Locale locale) {
        return recordOnHazard(h, key, actor, date, event, version, locale, (id, f) -> f);
    }

    private Recorded recordOnHazard(HazardView h, String key, String actor, LocalDate date, Event event, Integer version,
            Locale locale, BiFunction<String, String, String> fieldOf) {
        Entry e = versioned(Entry.of(key, actor, instant(date), event), version);
        return recorded(h.venueId(), null, List.of(h.hazardId()), record(List.of(e), locale, fieldOf));
    }

    private static Entry versioned(Entry e, Integer version) {
        return version == null ? e : e.expecting(version);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** Eight hex digits of the actor and request: the same submission always makes the same ids. */
    private static String digest(String actor, String requestId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((actor + "\n" + requestId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hands the entries to the ledger as one transaction. {@code fieldOf} turns the ledger's name of a
     * field (without {@code event.}, {@code finding.}, {@code plan.}) into the form's, given the entry's id.
     */
    private Receipt record(List<Entry> entries, Locale locale, BiFunction<String, String, String> fieldOf) {
        try {
            return ledger.record(entries);
        } catch (IllegalTransitionException e) {
            throw new SubmissionRefusedException(HttpStatus.CONFLICT, Map.of(SubmissionRefusedException.WHOLE,
                    message(locale, "recording.illegal", e.hazardId(), e.state().label().in(locale),
                            e.event().label().in(locale), e.state().allowedEvents().stream()
                                    .map(t -> t.label().in(locale)).toList())));
        } catch (ConflictException e) {
            throw new SubmissionRefusedException(HttpStatus.CONFLICT, Map.of(SubmissionRefusedException.WHOLE,
                    message(locale, "recording.conflict", e.since().stream().map(x -> x.type().label().in(locale)
                            + " (" + x.actor() + ", " + x.happenedAt() + ")").toList())));
        } catch (RefusedException e) {
            String field = e.field();
            String form;
            if (field.equals("happenedAt")) {
                form = "date";
            } else if (field.equals("actor")) {
                // the ledger says this person may not (a role, a unit, the same person re-inspecting their own work)
                throw new SubmissionRefusedException(HttpStatus.FORBIDDEN, Map.of(SubmissionRefusedException.WHOLE,
                        message(locale, "recording.refused", e.getMessage())));
            } else if (field.equals("event") || field.equals("eventId") || field.isEmpty()) {
                form = SubmissionRefusedException.WHOLE;
            } else {
                String bare = field.replaceFirst("^event\\.", "").replaceFirst("^(finding|plan)\\.", "");
                if (bare.equals("date") || bare.equals("inspectionId") || bare.equals("venueId")
                        || bare.equals("hazardId") || bare.equals("id")) {
                    form = bare.equals("date") ? "date" : SubmissionRefusedException.WHOLE;
                } else {
                    form = fieldOf.apply(e.eventId(), bare.replaceFirst("\\[\\d+\\].*$", ""));
                }
            }
            throw new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(form,
                    message(locale, "recording.refused", e.getMessage())));
        }
    }

    private static Recorded recorded(String venueId, String inspectionId, List<String> hazardIds, Receipt r) {
        List<Recorded.Event> events = new ArrayList<>();
        for (RecordedEvent e : r.all()) {
            events.add(new Recorded.Event(e.eventId(), e.type().name(), e.stream(), e.version()));
        }
        return new Recorded(venueId, inspectionId, hazardIds, events);
    }

    /** The desk's messages (for answering a refusal as the API's advice does). */
    MessageSource messages() {
        return messages;
    }

    String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The problems found in a submission's fields, each in the person's language. */
    private final class Problems {
        private final Locale locale;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Problems(Locale locale) {
            this.locale = locale;
        }

        void add(String field, String key, Object... args) {
            errors.putIfAbsent(field, message(locale, key, args));
        }

        /** A deadline that breaks the ledger's one rule ({@link Deadlines}), in the person's language. */
        void deadline(String field, java.util.Optional<Deadlines.Breach> breach) {
            breach.ifPresent(b -> add(field, "deadline." + b.kind().name(), b.args().toArray()));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new SubmissionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, errors);
            }
        }
    }
}
