package io.firerisk.server.recording;

import io.firerisk.StandardRevision;
import io.firerisk.ledger.InspectionKind;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;

/**
 * What a form or an API call asks the desk to record, one record per kind of submission. The same
 * records are bound from a page's form fields and read from the JSON API's bodies, and go to the one
 * {@link RecordingService}. Every submission may carry a {@code requestId} (letters, digits and
 * {@code . _ : -}, at most 100): sending it again records nothing new, so a retry is safe. Those on a
 * hazard may carry the {@code version} of the hazard the user saw: when someone changed it since, the
 * submission is refused with what changed. {@code date} is the day it happened (empty: today).
 */
public final class Commands {
    private Commands() {}

    /**
     * An inspection of a venue and the hazards it found (none is a clean inspection). {@code noRealFireRisk}
     * (optional, false when left out): it confirmed on site that the building or place, out of use, has no
     * real fire risk (GB 35181-2025 4.2 b); it holds until the venue's next inspection.
     */
    public record Inspection(String requestId, String venueId, InspectionKind kind,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String note, List<Found> findings,
            Boolean noRealFireRisk) {
        public Inspection {
            findings = findings == null ? List.of() : findings.stream().filter(f -> f != null && !f.isBlank()).toList();
        }
    }

    /**
     * A hazard found: its catalogue code, where, whether it was corrected in the inspector's presence,
     * the rectification deadline (empty: the campaign's for it), what a quantitative criterion
     * measures: {@code ratio} (0 to 1) or {@code quantity}, as the hazard type's {@code measure} says, and
     * (optional, {@code NONE} when left out) whether it arises only from a revision of a fire technical
     * standard: {@code CAUSED}, or {@code CAUSED_BUT_LAW_REQUIRES} when a law or regulation expressly
     * requires compliance all the same (GB 35181-2025 4.2 a).
     */
    public record Found(String hazardCode, String location, Boolean correctedOnSpot,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Double ratio, Integer quantity,
            StandardRevision standardRevision) {
        /** A row of the form left empty. */
        boolean isBlank() {
            return (hazardCode == null || hazardCode.isBlank()) && (location == null || location.isBlank())
                    && deadline == null && ratio == null && quantity == null
                    && (standardRevision == null || standardRevision == StandardRevision.NONE);
        }
    }

    /** The 五落实 plan: responsibility, measures, funds, deadline (may bring the hazard's forward), contingency plan. */
    public record Plan(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String responsiblePerson, String measures,
            String funds, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String contingencyPlan) {}

    /**
     * The unit reports the hazard rectified. {@code attachments}: ids of files uploaded before through
     * {@code POST /api/venues/{venueId}/attachments} (the form sends its photos with itself instead).
     */
    public record Rectification(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String note, List<String> attachments) {
        public Rectification {
            attachments = attachments == null ? List.of()
                    : attachments.stream().filter(a -> a != null && !a.isBlank()).toList();
        }
    }

    /** What the re-inspection found. */
    public enum Outcome {
        /** Rectified; someone else closes it (销号). */
        PASSED,
        /** Rectified, and closed at once by the same person (who must be allowed to close). */
        PASSED_AND_CLOSED,
        /** Not rectified: back to rectification, the deadline kept; {@code note} is the reason. */
        FAILED
    }

    /** A re-inspection of a hazard reported rectified; records the re-inspection (kind 回头看/复查) itself too. */
    public record Reinspection(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Outcome outcome, String note) {}

    /** 销号 of a hazard whose re-inspection passed. */
    public record Closure(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String note) {}

    /** The unit asks for the deadline to move to {@code until}. */
    public record ExtensionRequest(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, String reason) {}

    /** The pending request granted (up to {@code until}, no later than asked) or refused ({@code note} the reason). */
    public record ExtensionDecision(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Boolean approve,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, String note) {}

    /** 回头看 found a closed hazard back: reopened with a reason and a new deadline (empty: the campaign's). */
    public record Reopening(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {}
    /** 作废: the hazard was recorded in error (a duplicate, the wrong venue); kept in the log with the reason. */
    public record Cancellation(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason) {}

    /**
     * 挂牌督办: the hazard, determined a major fire hazard by a collective decision, is listed for
     * supervision by {@code supervisingUnit} (a registered unit's id); {@code documentNo} is the
     * decision's document number. It stays listed until the hazard is closed (销号).
     */
    public record Supervision(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String supervisingUnit, String documentNo) {}

    /** 摘牌 before closing: the listing ends by a decision with its document number and the reason. */
    public record SupervisionLifting(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String documentNo, String reason) {}

    /**
     * An enforcement step: {@code step} {@code ORDERED_TO_CORRECT} (责令改正) or {@code REFUSED_TO_CORRECT}
     * (拒不改正), its document's number, the registered person who decided it ({@code decidedBy}, a
     * person id; may differ from whoever records it) and the legal ground and facts it rests on.
     */
    public record EnforcementStep(String requestId, String hazardId, Integer version,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, io.firerisk.Enforcement step,
            String documentNo, String decidedBy, String ground) {}
}
