package io.firerisk.internal;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.ClauseRef;
import io.firerisk.Determination;
import io.firerisk.GradeBasis;
import io.firerisk.HazardVerdict;
import io.firerisk.Label;
import io.firerisk.Priority;
import io.firerisk.RequiredAction;
import io.firerisk.RiskGrade;
import io.firerisk.SuspendedPart;
import io.firerisk.Suspension;
import io.firerisk.Text;
import io.firerisk.ThresholdCheck;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.ActionType;
import io.firerisk.campaign.Campaign;
import io.firerisk.rules.ActionRequired;
import io.firerisk.rules.DeadlineCap;
import io.firerisk.rules.ElementPresent;
import io.firerisk.rules.Exclusion;
import io.firerisk.rules.GradeFloor;
import io.firerisk.rules.GradeRaise;
import io.firerisk.rules.HazardFinding;
import io.firerisk.rules.SuspensionRequired;
import io.firerisk.rules.ThresholdCount;
import io.firerisk.rules.Verdict;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one assessment: prepares the facts, fires the campaign's rules in a pooled session, and
 * assembles the {@link Assessment} from the conclusions still standing. Where conclusions must be
 * combined (the worst grade, the earliest deadline, the most serious verdict) it is done here,
 * explicitly, so rule order never decides an outcome. Thread-safe: each call borrows its own session.
 */
public final class Assessor {

    private final CompiledCampaign compiled;
    private final Campaign campaign;
    private final SessionPool pool;
    private final Firing firing;
    private final boolean explain;
    private final int maxFirings;

    /**
     * How one assessment gets a rule session and fires the rules. The engine's way is its pool
     * ({@link #firePooled}); the benchmarks compare others (a new session, a stateless one), kept in
     * risk-core's test fixtures so they do not ship.
     */
    interface Firing {
        void fire(Assessor assessor, Enricher.Prepared prepared, FiringRecorder recorder);
    }

    /** The engine's assessor: pooled sessions. */
    public Assessor(CompiledCampaign compiled, boolean explain, int maxFirings, int poolSize) {
        this.compiled = compiled;
        this.campaign = compiled.campaign();
        this.pool = new SessionPool(compiled.kieBase(), compiled.data(), poolSize);
        this.firing = Assessor::firePooled;
        this.explain = explain;
        this.maxFirings = maxFirings;
    }

    /** An assessor that fires the rules another way, for measuring what the pool saves. */
    Assessor(CompiledCampaign compiled, boolean explain, int maxFirings, Firing firing) {
        this.compiled = compiled;
        this.campaign = compiled.campaign();
        this.pool = null;
        this.firing = firing;
        this.explain = explain;
        this.maxFirings = maxFirings;
    }

    /** Outside the campaign, rules citing the campaign's own clauses do not fire. */
    final AgendaFilter outsideCampaign = match -> !compiledCampaignOnly(match);

    private boolean compiledCampaignOnly(org.kie.api.runtime.rule.Match match) {
        return compiled.rule(match.getRule()).info().campaignOnly();
    }

    public CompiledCampaign compiled() {
        return compiled;
    }

    public Assessment assess(VenueFacts facts, LocalDate today) {
        Enricher.Prepared prepared = Enricher.prepare(campaign, facts, today);
        FiringRecorder recorder = new FiringRecorder(compiled, explain);
        firing.fire(this, prepared, recorder);
        return assemble(prepared, recorder);
    }

    /** Releases the session pool; the assessor must not be used afterwards. */
    public void shutdown() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    int maxFirings() {
        return maxFirings;
    }

    private void firePooled(Enricher.Prepared prepared, FiringRecorder recorder) {
        SessionPool.Lease lease = pool.borrow(recorder);
        boolean healthy = false;
        try {
            KieSession session = lease.session;
            for (Object fact : prepared.facts()) {
                session.insert(fact);
            }
            AgendaFilter filter = prepared.day().campaignInForce() ? null : outsideCampaign;
            int fired;
            try {
                fired = filter == null ? session.fireAllRules(maxFirings) : session.fireAllRules(filter, maxFirings);
            } catch (RuntimeException e) {
                throw ruleError(prepared, e);
            }
            checkFiringLimit(fired, prepared, recorder);
            healthy = true;
        } finally {
            pool.release(lease, healthy);
        }
    }

    /** {@code fireAllRules} stops quietly at its limit; reaching it means the rules were looping. */
    void checkFiringLimit(int fired, Enricher.Prepared prepared, FiringRecorder recorder) {
        if (fired >= maxFirings) {
            throw new AssessmentException(AssessmentException.Kind.RULE_LOOP, campaign.id(),
                    prepared.profile().venueId(), "", "the rules reached the engine's limit of " + maxFirings
                    + " firings and would have gone on: a rule probably re-inserts its own trigger. Busiest rules: "
                    + String.join(", ", recorder.busiestRules(3)), null);
        }
    }

    AssessmentException ruleError(Enricher.Prepared prepared, RuntimeException e) {
        String rule = "";
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException ce && ce.getMatch() != null) {
                rule = ce.getMatch().getRule().getName();
                break;
            }
            t = t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new AssessmentException(AssessmentException.Kind.RULE_ERROR, campaign.id(), prepared.profile().venueId(),
                "", (rule.isEmpty() ? "a rule failed" : "rule \"" + rule + "\" failed") + ": " + root, e);
    }

    private Assessment assemble(Enricher.Prepared prepared, FiringRecorder recorder) {
        List<FiringRecorder.Conclusion> conclusions = recorder.conclusions();
        LocalDate date = prepared.date();

        // Determination: the most serious verdict any rule reached.
        HazardVerdict verdict = HazardVerdict.NONE;
        Set<String> direct = new TreeSet<>(io.firerisk.campaign.Element.NUMBER_ORDER);
        Set<String> comprehensive = new TreeSet<>(io.firerisk.campaign.Element.NUMBER_ORDER);
        List<ThresholdCheck> thresholds = new ArrayList<>();
        Map<String, Label> exclusions = new LinkedHashMap<>();
        List<SuspendedPart> suspended = new ArrayList<>();
        Set<String> suspendedFindings = new LinkedHashSet<>();
        List<GradeBasis> floors = new ArrayList<>();
        List<FiringRecorder.Conclusion> raises = new ArrayList<>();
        List<FiringRecorder.Conclusion> actionRequests = new ArrayList<>();
        List<DeadlineCap> caps = new ArrayList<>();
        Map<String, HazardFinding> findings = new HashMap<>();
        prepared.findings().forEach(f -> findings.put(f.findingId(), f));

        for (FiringRecorder.Conclusion c : conclusions) {
            Object fact = c.fact();
            if (fact instanceof Verdict v) {
                if (v.verdict().compareTo(verdict) > 0) {
                    verdict = v.verdict();
                }
            } else if (fact instanceof ElementPresent e) {
                (e.direct() ? direct : comprehensive).add(e.element());
            } else if (fact instanceof ThresholdCount t) {
                thresholds.add(new ThresholdCheck(t.row().row(), placeClassOf(t, prepared), List.copyOf(t.elements()),
                        t.count(), t.threshold(), clause(t.row().clause())));
            } else if (fact instanceof Exclusion x) {
                exclusions.putIfAbsent(x.code(), new Label(x.code(),
                        campaign.exclusions().getOrDefault(x.code(), Text.of(x.code(), x.code()))));
            } else if (fact instanceof SuspensionRequired s) {
                HazardFinding f = findings.get(s.findingId());
                if (f != null && suspendedFindings.add(s.findingId())) {
                    suspended.add(new SuspendedPart(f.findingId(), f.location(), f.estimate(), c.rule().clause().ref()));
                }
            } else if (fact instanceof GradeFloor g) {
                floors.add(new GradeBasis(g.grade(), 0, c.rule().info().name(), c.rule().clause().ref(),
                        c.reason()));
            } else if (fact instanceof GradeRaise) {
                raises.add(c);
            } else if (fact instanceof ActionRequired) {
                actionRequests.add(c);
            } else if (fact instanceof DeadlineCap cap) {
                caps.add(cap);
            }
        }

        RiskGrade floor = campaign.defaultGrade();
        for (GradeBasis b : floors) {
            floor = RiskGrade.worst(floor, b.grade());
        }
        int raise = 0;
        for (FiringRecorder.Conclusion c : raises) {
            raise = Math.max(raise, ((GradeRaise) c.fact()).steps());
        }
        RiskGrade grade = floor.raisedBy(raise);
        List<GradeBasis> basis = new ArrayList<>(floors);
        for (FiringRecorder.Conclusion c : raises) {
            GradeRaise r = (GradeRaise) c.fact();
            basis.add(new GradeBasis(floor.raisedBy(r.steps()), r.steps(), c.rule().info().name(),
                    c.rule().clause().ref(), c.reason()));
        }
        basis.sort(Comparator.comparing(GradeBasis::grade).reversed().thenComparing(GradeBasis::rule));

        List<RequiredAction> actions = mergeActions(actionRequests, caps, grade, date);
        thresholds.sort(Comparator.comparing(ThresholdCheck::row));
        Determination determination = new Determination(verdict, List.copyOf(direct), List.copyOf(comprehensive),
                thresholds, List.copyOf(exclusions.values()), campaign.determinationReminder());
        return new Assessment(campaign.id(), campaign.version(), prepared.profile().venueId(), date, grade, basis,
                determination, suspended.isEmpty() ? Suspension.NONE : new Suspension(suspended), prepared.position(),
                prepared.placeClasses(), prepared.assessedFindings(), actions,
                explain ? recorder.reasons() : List.of());
    }

    private Label placeClassOf(ThresholdCount t, Enricher.Prepared prepared) {
        for (String pc : t.row().placeClasses()) {
            if (prepared.profile().is(pc)) {
                return campaign.placeClass(pc);
            }
        }
        return campaign.placeClass(t.row().placeClasses().get(0));
    }

    private ClauseRef clause(String id) {
        return campaign.clauses().get(id).ref();
    }

    /** Requests for the same action on the same subject become one action: earliest deadline, most urgent priority. */
    private List<RequiredAction> mergeActions(List<FiringRecorder.Conclusion> requests, List<DeadlineCap> caps,
            RiskGrade grade, LocalDate date) {
        record Key(String code, String findingId) {}
        final class Merged {
            ActionType type;
            String findingId;
            LocalDate due;
            Priority priority;
            final Set<ClauseRef> clauses = new LinkedHashSet<>();
            final Set<String> findingIds = new LinkedHashSet<>();
            final Set<Text> details = new LinkedHashSet<>();
        }
        Map<Key, Merged> merged = new LinkedHashMap<>();
        for (FiringRecorder.Conclusion c : requests) {
            ActionRequired request = (ActionRequired) c.fact();
            ActionType type = campaign.actions().get(request.code());
            if (type == null) {
                throw new AssessmentException(AssessmentException.Kind.RULE_ERROR, campaign.id(), request.venueId(), "",
                        "rule \"" + c.rule().info().name() + "\" requires action '" + request.code()
                                + "', which is not in actions.csv", null);
            }
            String subject = type.perFinding() ? request.findingId() : "";
            Merged m = merged.computeIfAbsent(new Key(type.code(), subject), k -> {
                Merged fresh = new Merged();
                fresh.type = type;
                fresh.findingId = subject;
                fresh.priority = type.priority();
                return fresh;
            });
            LocalDate due = dueDate(type, request, grade, date);
            if (due != null && (m.due == null || due.isBefore(m.due))) {
                m.due = due;
            }
            m.clauses.add(c.rule().clause().ref());
            if (request.aboutFinding()) {
                m.findingIds.add(request.findingId());
            }
            if (!request.detail().isEmpty()) {
                m.details.add(request.detail());
            }
        }
        List<RequiredAction> actions = new ArrayList<>(merged.size());
        for (Merged m : merged.values()) {
            LocalDate due = m.due;
            if (due != null) {
                for (DeadlineCap cap : caps) {
                    if (cap.appliesTo(m.findingId, m.findingIds) && cap.latest().isBefore(due)) {
                        due = cap.latest();
                    }
                }
                if (due.isBefore(date)) {
                    due = date;
                }
            }
            actions.add(new RequiredAction(m.type.code(), m.type.label(),
                    m.findingId.isEmpty() ? Optional.empty() : Optional.of(m.findingId), Optional.ofNullable(due),
                    m.priority, List.copyOf(m.clauses), List.copyOf(m.findingIds), List.copyOf(m.details)));
        }
        actions.sort(Comparator
                .comparing((RequiredAction a) -> a.due().orElse(LocalDate.MAX))
                .thenComparing(RequiredAction::priority)
                .thenComparing(RequiredAction::code)
                .thenComparing(a -> a.findingId().orElse("")));
        return actions;
    }

    private LocalDate dueDate(ActionType type, ActionRequired request, RiskGrade grade, LocalDate date) {
        LocalDate due = null;
        Integer days = request.days() != null ? Integer.valueOf(request.days())
                : (type.days().isPresent() ? Integer.valueOf(type.days().getAsInt()) : null);
        if (days != null) {
            due = date.plusDays(days);
        }
        if (type.byGrade()) {
            Integer gradeDays = campaign.rectifyWithinDays().get(grade);
            if (gradeDays != null) {
                LocalDate byGrade = date.plusDays(gradeDays);
                due = due == null || byGrade.isBefore(due) ? byGrade : due;
            }
        }
        if (request.notAfter() != null) {
            due = due == null || request.notAfter().isBefore(due) ? request.notAfter() : due;
        }
        return due;
    }
}
