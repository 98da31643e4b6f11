package io.firerisk.ledger;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One hazard as of a date: where it stands in the closed loop, its deadline and how late it is,
 * its 五落实 plan in every version, extensions, re-inspections and 挂牌督办 — the fold of its events
 * up to that date.
 *
 * @param hazardId           the hazard (the finding's id)
 * @param venueId            its venue
 * @param inspectionId       the inspection it was found in
 * @param hazardCode         the catalogue code
 * @param label              the catalogue's description
 * @param category           the catalogue category
 * @param location           where in the venue
 * @param state              where it stands
 * @param asOf               the date this view is as of
 * @param foundOn            the inspection date
 * @param deadline           the deadline in force (the order's, brought forward by a plan or moved by an approved extension)
 * @param firstDeadline      the deadline set when it was found (or last reopened)
 * @param daysOverdue        days past the deadline on {@code asOf} while the unit still has to rectify it, else 0
 * @param dueSoon            due within the campaign's due-soon days and not yet overdue
 * @param escalation         the escalation rung reached, if any
 * @param plans              every version of the 五落实 plan, oldest first
 * @param pendingExtension   an extension request awaiting a decision
 * @param extensions         decided extension requests, oldest first
 * @param rectifications     rectification reports, oldest first
 * @param failedReinspections re-inspections that found the rectification not done
 * @param verifiedBy         who passed the re-inspection, when it is verified or closed
 * @param closedOn           the day it was closed (销号)
 * @param reopenings         times 回头看 reopened it
 * @param supervision        its 挂牌督办, if listed
 * @param enforcement        the furthest enforcement step
 * @param evidence           every piece of evidence recorded on it, oldest first
 * @param version            the hazard's stream version (for {@link Entry#expecting})
 * @param lastChange         when its last event happened
 * @param finding            what the engine is told about it as of {@code asOf}; empty when cancelled
 */
public record HazardView(
        String hazardId,
        String venueId,
        String inspectionId,
        String hazardCode,
        Text label,
        String category,
        String location,
        HazardState state,
        LocalDate asOf,
        LocalDate foundOn,
        LocalDate deadline,
        LocalDate firstDeadline,
        int daysOverdue,
        boolean dueSoon,
        Optional<LedgerPolicy.Level> escalation,
        List<PlanVersion> plans,
        Optional<ExtensionRequest> pendingExtension,
        List<ExtensionDecision> extensions,
        List<Rectification> rectifications,
        int failedReinspections,
        Optional<String> verifiedBy,
        Optional<LocalDate> closedOn,
        int reopenings,
        Optional<Supervision> supervision,
        Enforcement enforcement,
        List<Evidence> evidence,
        int version,
        Instant lastChange,
        Optional<Finding> finding) {

    public HazardView {
        plans = List.copyOf(plans);
        extensions = List.copyOf(extensions);
        rectifications = List.copyOf(rectifications);
        evidence = List.copyOf(evidence);
    }

    public boolean overdue() {
        return daysOverdue > 0;
    }

    /** The plan in force, {@link RectificationPlan#NONE} when none was set. */
    public RectificationPlan plan() {
        return plans.isEmpty() ? RectificationPlan.NONE : plans.get(plans.size() - 1).plan();
    }

    /** Extensions granted. */
    public long extensionsApproved() {
        return extensions.stream().filter(ExtensionDecision::approved).count();
    }

    /**
     * Whether the first rectification was reported by the deadline then in force; empty while none
     * has been reported.
     */
    public Optional<Boolean> rectifiedOnTime() {
        return rectifications.isEmpty() ? Optional.empty() : Optional.of(rectifications.get(0).onTime());
    }

    /** One version of the 五落实 plan. */
    public record PlanVersion(int number, RectificationPlan plan, String setBy, Instant setAt) {}

    /** A request to move the deadline. */
    public record ExtensionRequest(LocalDate until, String reason, String requestedBy, Instant requestedAt) {}

    /** A decided request: granted up to {@code granted}, or refused. */
    public record ExtensionDecision(boolean approved, LocalDate requested, Optional<LocalDate> granted, String reason,
            String decidedBy, Instant decidedAt) {}

    /** A rectification report, and whether it came by the deadline then in force. */
    public record Rectification(String reportedBy, Instant reportedAt, LocalDate reportedOn, boolean onTime) {}

    /** 挂牌督办: who supervises it, under which document, since when. */
    public record Supervision(String supervisingUnit, String documentNo, LocalDate since) {}
}
