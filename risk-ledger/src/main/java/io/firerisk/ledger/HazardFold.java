package io.firerisk.ledger;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.Text;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hazard's state, built by applying its events in order. The events were checked against the
 * transition table when they were recorded, so applying them only moves the state; a log that breaks
 * the table is corrupt and says so.
 */
final class HazardFold {
    final String hazardId;
    String venueId;
    String inspectionId;
    Finding found;
    HazardState state;
    LocalDate foundOn;
    LocalDate deadline;
    LocalDate firstDeadline;
    final List<HazardView.PlanVersion> plans = new ArrayList<>();
    HazardView.ExtensionRequest pending;
    final List<HazardView.ExtensionDecision> decisions = new ArrayList<>();
    final List<HazardView.Rectification> rectifications = new ArrayList<>();
    int failed;
    String verifiedBy;
    LocalDate closedOn;
    int reopenings;
    HazardView.Supervision supervision;
    Enforcement enforcement = Enforcement.NONE;
    final List<Evidence> evidence = new ArrayList<>();
    int version;
    Instant lastChange;

    HazardFold(String hazardId) {
        this.hazardId = hazardId;
    }

    /** A copy that later events applied to this fold leave as it is (the lists hold immutable records). */
    HazardFold copy() {
        HazardFold c = new HazardFold(hazardId);
        c.venueId = venueId;
        c.inspectionId = inspectionId;
        c.found = found;
        c.state = state;
        c.foundOn = foundOn;
        c.deadline = deadline;
        c.firstDeadline = firstDeadline;
        c.plans.addAll(plans);
        c.pending = pending;
        c.decisions.addAll(decisions);
        c.rectifications.addAll(rectifications);
        c.failed = failed;
        c.verifiedBy = verifiedBy;
        c.closedOn = closedOn;
        c.reopenings = reopenings;
        c.supervision = supervision;
        c.enforcement = enforcement;
        c.evidence.addAll(evidence);
        c.version = version;
        c.lastChange = lastChange;
        return c;
    }

    void apply(RecordedEvent recorded, ZoneId zone) {
        Event.HazardEvent event = (Event.HazardEvent) recorded.event();
        LocalDate day = LocalDate.ofInstant(recorded.happenedAt(), zone);
        if (event instanceof Event.HazardFound f) {
            if (state != null) {
                throw corrupt(recorded, "a second HAZARD_FOUND");
            }
            venueId = f.venueId();
            inspectionId = f.inspectionId();
            found = f.finding();
            state = f.correctedOnSpot() ? HazardState.CORRECTED_ON_SPOT : HazardState.OPEN;
            foundOn = day;
            deadline = f.deadline();
            firstDeadline = f.deadline();
            evidence.addAll(f.evidence());
        } else {
            if (state == null) {
                throw corrupt(recorded, "an event before HAZARD_FOUND");
            }
            HazardState next = state.after(event.type()).orElseThrow(() -> corrupt(recorded,
                    event.type() + " in state " + state));
            if (event instanceof Event.PlanSet p) {
                plans.add(new HazardView.PlanVersion(plans.size() + 1, p.plan(), recorded.actor(), recorded.happenedAt()));
                if (p.plan().deadline() != null && p.plan().deadline().isBefore(deadline)) {
                    deadline = p.plan().deadline();
                }
            } else if (event instanceof Event.RectificationReported r) {
                rectifications.add(new HazardView.Rectification(recorded.actor(), recorded.happenedAt(), day,
                        !day.isAfter(deadline)));
                evidence.addAll(r.evidence());
            } else if (event instanceof Event.ReinspectionPassed p) {
                verifiedBy = recorded.actor();
                evidence.addAll(p.evidence());
            } else if (event instanceof Event.ReinspectionFailed f) {
                failed++;
                evidence.addAll(f.evidence());
            } else if (event instanceof Event.HazardClosed) {
                closedOn = day;
            } else if (event instanceof Event.ExtensionRequested r) {
                pending = new HazardView.ExtensionRequest(r.until(), text(r.reason()), recorded.actor(),
                        recorded.happenedAt());
            } else if (event instanceof Event.ExtensionApproved a) {
                decisions.add(new HazardView.ExtensionDecision(true, pending.until(), Optional.of(a.until()), a.note(),
                        recorded.actor(), recorded.happenedAt()));
                deadline = a.until();
                pending = null;
            } else if (event instanceof Event.ExtensionRefused r) {
                decisions.add(new HazardView.ExtensionDecision(false, pending.until(), Optional.empty(),
                        text(r.reason()), recorded.actor(), recorded.happenedAt()));
                pending = null;
            } else if (event instanceof Event.HazardReopened r) {
                reopenings++;
                deadline = r.deadline();
                firstDeadline = r.deadline();
                closedOn = null;
                verifiedBy = null;
                pending = null;
                evidence.addAll(r.evidence());
            } else if (event instanceof Event.HazardCancelled) {
                pending = null;
            } else if (event instanceof Event.SupervisionListed l) {
                supervision = new HazardView.Supervision(l.supervisingUnit(), text(l.documentNo()), day);
            } else if (event instanceof Event.SupervisionLifted) {
                supervision = null;
            } else if (event instanceof Event.EnforcementRecorded e) {
                if (e.step().compareTo(enforcement) > 0) {
                    enforcement = e.step();
                }
            }
            state = next;
        }
        version = recorded.version();
        lastChange = recorded.happenedAt();
    }

    /** The last rectification's reporter: the one person who may not confirm it. */
    Optional<String> lastReporter() {
        return rectifications.isEmpty() ? Optional.empty()
                : Optional.of(rectifications.get(rectifications.size() - 1).reportedBy());
    }

    int daysOverdue(LocalDate asOf) {
        if (state == null || !state.awaitsRectification() || !asOf.isAfter(deadline)) {
            return 0;
        }
        return (int) ChronoUnit.DAYS.between(deadline, asOf);
    }

    boolean dueSoon(LocalDate asOf, LedgerPolicy policy) {
        return state != null && state.awaitsRectification() && !asOf.isAfter(deadline)
                && ChronoUnit.DAYS.between(asOf, deadline) <= policy.escalation().dueSoonDays();
    }

    /**
     * What the engine is told: the finding as found, its status from the state, the plan in force
     * with the deadline in force as its 时限 (the order's deadline stands for the plan's when the plan
     * names none), and found once more for every reopening (a repeated hazard).
     */
    Optional<Finding> finding() {
        if (state == null || state.findingStatus() == null) {
            return Optional.empty();
        }
        RectificationPlan p = plans.isEmpty() ? RectificationPlan.NONE : plans.get(plans.size() - 1).plan();
        RectificationPlan handed = new RectificationPlan(p.responsiblePerson(), p.measures(), deadline, p.funds(),
                p.contingencyPlan());
        return Optional.of(found.toBuilder().foundOn(foundOn).status(state.findingStatus()).plan(handed)
                .timesFound(Math.min(Finding.MAX_TIMES_FOUND, found.timesFound() + reopenings))
                .enforcement(enforcement).build());
    }

    HazardView view(LocalDate asOf, LedgerPolicy policy, Campaign campaign) {
        int days = daysOverdue(asOf);
        Optional<HazardType> type = campaign.hazard(found.hazardCode());
        return new HazardView(hazardId, venueId, inspectionId, found.hazardCode(),
                type.map(HazardType::label).orElse(Text.of(found.hazardCode(), found.hazardCode())),
                type.map(HazardType::category).orElse(""), found.location(), state, asOf, foundOn, deadline,
                firstDeadline, days, dueSoon(asOf, policy), policy.escalation().levelFor(days), plans,
                Optional.ofNullable(pending), decisions, rectifications, failed, Optional.ofNullable(verifiedBy),
                Optional.ofNullable(closedOn), reopenings, Optional.ofNullable(supervision), enforcement, evidence,
                version, lastChange, finding());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private IllegalStateException corrupt(RecordedEvent e, String what) {
        return new IllegalStateException("the log is inconsistent: hazard " + hazardId + " has " + what + " at event "
                + e.eventId() + " (sequence " + e.sequence() + "); it breaks the transition table it was checked against");
    }
}
