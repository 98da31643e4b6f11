package io.firerisk.internal;

import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.ClauseRef;
import io.firerisk.Determination;
import io.firerisk.DueBasis;
import io.firerisk.Grading;
import io.firerisk.MatrixRow;
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
import io.firerisk.campaign.Ground;
import io.firerisk.campaign.RiskMatrix;
import io.firerisk.campaign.SuspensionPolicy;
import io.firerisk.rules.ActionRequired;
import io.firerisk.rules.DeadlineCap;
import io.firerisk.rules.ElementPresent;
import io.firerisk.rules.Exclusion;
import io.firerisk.rules.LikelihoodRaise;
import io.firerisk.rules.LikelihoodRow;
import io.firerisk.rules.SeverityRow;
import io.firerisk.rules.SuspensionRequired;
import io.firerisk.rules.ThresholdCount;
import io.firerisk.rules.Verdict;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one assessment: prepares the facts, fires the campaign's rules in a pooled session, and
 * assembles the {@link Assessment} from the conclusions still standing. Where conclusions must be
 * combined (the matrix's L and S, the earliest deadline, the most serious verdict) it is done here,
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
        DroolsParts.load();
        this.compiled = compiled;
        this.campaign = compiled.campaign();
        this.pool = new SessionPool(compiled.kieBase(), compiled.data(), poolSize);
        this.firing = Assessor::firePooled;
        this.explain = explain;
        this.maxFirings = maxFirings;
    }

    /** An assessor that fires the rules another way, for measuring what the pool saves. */
    Assessor(CompiledCampaign compiled, boolean explain, int maxFirings, Firing firing) {
        DroolsParts.load();
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
        Enricher.Prepared prepared = Enricher.prepare(campaign, compiled.lookups(), facts, today);
        FiringRecorder recorder = new FiringRecorder(compiled, explain);
        // Drools looks parts of itself up on the thread's context class loader (see DroolsParts)
        DroolsParts.withLoader(() -> {
            firing.fire(this, prepared, recorder);
            return null;
        });
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
                lease.inserted.add(session.insert(fact));
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
        List<FiringRecorder.Conclusion> suspensions = new ArrayList<>();
        List<FiringRecorder.Conclusion> likelihoodRows = new ArrayList<>();
        List<FiringRecorder.Conclusion> severityRows = new ArrayList<>();
        List<FiringRecorder.Conclusion> raises = new ArrayList<>();
        List<FiringRecorder.Conclusion> actionRequests = new ArrayList<>();
        List<FiringRecorder.Conclusion> caps = new ArrayList<>();

        Set<String> countable = new java.util.HashSet<>();
        for (FiringRecorder.Conclusion c : conclusions) {
            Object fact = c.fact();
            if (fact instanceof io.firerisk.rules.CountableFinding cf) {
                countable.add(cf.findingId());
            } else if (fact instanceof Verdict v) {
                if (v.verdict().compareTo(verdict) > 0) {
                    verdict = v.verdict();
                }
            } else if (fact instanceof ElementPresent e) {
                (e.direct() ? direct : comprehensive).add(e.element());
            } else if (fact instanceof ThresholdCount t) {
                thresholds.add(new ThresholdCheck(t.row().row(), placeClassOf(t, prepared), List.copyOf(t.elements()),
                        t.count(), t.threshold(), clause(t.row().clause())));
            } else if (fact instanceof Exclusion x) {
                exclusions.putIfAbsent(x.code(), new Label(x.code(), prepared.editions().stream()
                        .map(s -> s.exclusions().get(x.code())).filter(java.util.Objects::nonNull).findFirst()
                        .orElse(Text.of(x.code(), x.code()))));
            } else if (fact instanceof SuspensionRequired) {
                suspensions.add(c);
            } else if (fact instanceof LikelihoodRow) {
                likelihoodRows.add(c);
            } else if (fact instanceof SeverityRow) {
                severityRows.add(c);
            } else if (fact instanceof LikelihoodRaise) {
                raises.add(c);
            } else if (fact instanceof ActionRequired) {
                actionRequests.add(c);
            } else if (fact instanceof DeadlineCap) {
                caps.add(c);
            }
        }

        Grading grading = grading(likelihoodRows, raises, severityRows);
        RiskGrade grade = campaign.matrix().grade(grading.score());
        List<RequiredAction> actions = mergeActions(actionRequests, caps, grade, date);
        thresholds.sort(Comparator.comparing(ThresholdCheck::row));
        Determination determination = new Determination(verdict, List.copyOf(direct), List.copyOf(comprehensive),
                thresholds, List.copyOf(exclusions.values()), reminder(prepared.editions()),
                String.join(", ", prepared.editions().stream().map(io.firerisk.campaign.Standard::document).toList()));
        return new Assessment(campaign.id(), campaign.version(), prepared.profile().venueId(), date, grade, grading,
                determination, suspension(suspensions), prepared.position(), prepared.placeClasses(),
                counted(prepared.assessedFindings(), countable), actions, explain ? recorder.reasons() : List.of());
    }

    /**
     * The findings, each marked counted exactly when the edition in force drew a {@link
     * io.firerisk.rules.CountableFinding} for it: its own exclusion rule (GB 35181-2017 5.1.2/5.1.3,
     * GB 35181-2025 4.2) decides, not a guess made before the rules ran.
     */
    private static List<AssessedFinding> counted(List<AssessedFinding> findings, Set<String> countable) {
        List<AssessedFinding> out = new ArrayList<>(findings.size());
        for (AssessedFinding f : findings) {
            boolean counted = countable.contains(f.id());
            out.add(f.counted() == counted ? f : new AssessedFinding(f.id(), f.hazardCode(), f.label(), f.category(),
                    f.elements(), f.verification(), f.status(), f.area(), counted, f.correctedOnSpot(), f.overdue()));
        }
        return List.copyOf(out);
    }

    /** What must happen before the verdict is final, by the editions in force (one, nearly always). */
    private static Text reminder(List<io.firerisk.campaign.Standard> editions) {
        List<Text> reminders = editions.stream().map(io.firerisk.campaign.Standard::reminder)
                .filter(r -> !r.zh().isEmpty() || !r.en().isEmpty()).toList();
        if (reminders.size() <= 1) {
            return reminders.isEmpty() ? Text.EMPTY : reminders.get(0);
        }
        return Text.of(String.join(" ", reminders.stream().map(Text::zh).toList()),
                String.join(" ", reminders.stream().map(Text::en).toList()));
    }

    /**
     * R = L × S: L is the highest level of the likelihood rows that applied, raised by the largest
     * raise but never above the campaign's cap for raises (and never lowered by it); S is the highest
     * severity row. A table no rule concluded from gives its default row.
     */
    private Grading grading(List<FiringRecorder.Conclusion> lRows, List<FiringRecorder.Conclusion> raises,
            List<FiringRecorder.Conclusion> sRows) {
        RiskMatrix matrix = campaign.matrix();
        ClauseRef gradingClause = clause(matrix.clause());
        List<MatrixRow> likelihood = new ArrayList<>();
        for (FiringRecorder.Conclusion c : lRows) {
            LikelihoodRow r = (LikelihoodRow) c.fact();
            likelihood.add(row(matrix.likelihood().get(r.row()), r.level(), r.findingId(), c));
        }
        if (likelihood.isEmpty()) {
            RiskMatrix.Level d = matrix.likelihood().get(matrix.likelihoodDefault());
            likelihood.add(new MatrixRow(d.code(), d.label(), d.level(), 0, Optional.empty(), "", gradingClause,
                    Optional.empty()));
        }
        int base = likelihood.stream().mapToInt(MatrixRow::level).max().orElse(1);
        likelihood.sort(ROWS);
        int l = base;
        List<MatrixRow> raised = new ArrayList<>();
        for (FiringRecorder.Conclusion c : raises) {
            LikelihoodRaise r = (LikelihoodRaise) c.fact();
            int reached = Math.max(base, Math.min(base + r.steps(), matrix.raiseCap()));
            l = Math.max(l, reached);
            raised.add(new MatrixRow("", Text.EMPTY, reached, r.steps(),
                    r.findingId().isEmpty() ? Optional.empty() : Optional.of(r.findingId()), c.rule().info().name(),
                    c.rule().ref(), c.reason()));
        }
        raised.sort(Comparator.comparing(MatrixRow::raise).reversed().thenComparing(MatrixRow::rule)
                .thenComparing(r -> r.findingId().orElse("")));
        likelihood.addAll(raised);

        List<MatrixRow> severity = new ArrayList<>();
        for (FiringRecorder.Conclusion c : sRows) {
            SeverityRow r = (SeverityRow) c.fact();
            severity.add(row(matrix.severity().get(r.row()), r.level(), "", c));
        }
        if (severity.isEmpty()) {
            RiskMatrix.Level d = matrix.severity().get(matrix.severityDefault());
            severity.add(new MatrixRow(d.code(), d.label(), d.level(), 0, Optional.empty(), "", gradingClause,
                    Optional.empty()));
        }
        severity.sort(ROWS);
        int s = severity.stream().mapToInt(MatrixRow::level).max().orElse(1);
        int score = l * s;
        RiskGrade grade = matrix.grade(score);
        return new Grading(l, s, score, matrix.bands().getOrDefault(grade, 1), likelihood, severity);
    }

    private static final Comparator<MatrixRow> ROWS = Comparator.comparing(MatrixRow::level).reversed()
            .thenComparing(MatrixRow::code).thenComparing(r -> r.findingId().orElse("")).thenComparing(MatrixRow::rule);

    private static MatrixRow row(RiskMatrix.Level level, int value, String findingId, FiringRecorder.Conclusion c) {
        return new MatrixRow(level.code(), level.label(), value, 0,
                findingId.isEmpty() ? Optional.empty() : Optional.of(findingId), c.rule().info().name(),
                c.rule().ref(), c.reason());
    }

    /** One part per area and ground, with every finding that makes the ground hold there. */
    private Suspension suspension(List<FiringRecorder.Conclusion> conclusions) {
        if (conclusions.isEmpty()) {
            return Suspension.NONE;
        }
        record Key(String area, String ground) {}
        final class Part {
            SuspensionRequired first;
            final Set<String> findings = new LinkedHashSet<>();
        }
        Map<Key, Part> parts = new LinkedHashMap<>();
        for (FiringRecorder.Conclusion c : conclusions) {
            SuspensionRequired s = (SuspensionRequired) c.fact();
            Part p = parts.computeIfAbsent(new Key(s.area(), s.ground()), k -> new Part());
            if (p.first == null) {
                p.first = s;
            }
            p.findings.add(s.findingId());
        }
        SuspensionPolicy policy = campaign.suspension();
        List<SuspendedPart> out = new ArrayList<>();
        for (Map.Entry<Key, Part> e : parts.entrySet()) {
            Ground ground = policy.ground(e.getKey().ground()).orElseThrow();
            List<ClauseRef> clauses = new ArrayList<>();
            ground.clauses().forEach(id -> clauses.add(clause(id)));
            if (!policy.resumptionClause().isEmpty()) {
                clauses.add(clause(policy.resumptionClause()));
            }
            out.add(new SuspendedPart(e.getKey().area(), new Label(ground.code(), ground.label()), clauses,
                    e.getValue().first.actor(), policy.resumesWhen(), List.copyOf(e.getValue().findings)));
        }
        out.sort(Comparator.comparing(SuspendedPart::wholeVenue).reversed().thenComparing(SuspendedPart::area)
                .thenComparing(p -> p.ground().code()));
        return new Suspension(out);
    }

    private Label placeClassOf(ThresholdCount t, Enricher.Prepared prepared) {
        if (t.row().placeClasses().contains(io.firerisk.campaign.CountingRow.ANY_PLACE)) {
            return new Label(io.firerisk.campaign.CountingRow.ANY_PLACE, Text.of("任何建筑或场所", "any building or place"));
        }
        for (String pc : t.row().placeClasses()) {
            if (prepared.profile().is(pc)) {
                return campaign.placeClass(pc);
            }
        }
        return campaign.placeClass(t.row().placeClasses().get(0));
    }

    private ClauseRef clause(String id) {
        return compiled.lookups().clause(id);
    }

    /**
     * Requests for the same action on the same subject become one action with one deadline: the
     * earliest any request asks for, after each request's periods and limits, never earlier than what
     * the work needs (the largest floor any request names) and never later than a deadline already
     * set. {@link DueBasis} says which of them set the date.
     */
    private List<RequiredAction> mergeActions(List<FiringRecorder.Conclusion> requests,
            List<FiringRecorder.Conclusion> caps, RiskGrade grade, LocalDate date) {
        record Key(String code, String findingId) {}
        final class Merged {
            ActionType type;
            String findingId;
            Due due;
            LocalDate floor;
            DueBasis floorBasis;
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
            String rule = c.rule().info().name();
            Due due = dueDate(type, request, rule, grade, date);
            if (due != null && (m.due == null || due.date.isBefore(m.due.date))) {
                m.due = due;
            }
            if (request.atLeastDays() != null) {
                LocalDate start = request.from() != null ? request.from() : date;
                LocalDate floor = start.plusDays(request.atLeastDays());
                if (m.floor == null || floor.isAfter(m.floor)) {
                    m.floor = floor;
                    m.floorBasis = new DueBasis(DueBasis.Kind.WORK_MINIMUM, OptionalInt.of(request.atLeastDays()),
                            Optional.of(start), rule);
                }
            }
            m.clauses.add(c.rule().ref());
            if (request.aboutFinding()) {
                m.findingIds.add(request.findingId());
            }
            if (!request.detail().isEmpty()) {
                m.details.add(request.detail());
            }
        }
        // The caps by the finding they name ("" for every action of the venue): an action looks only at the caps
        // that can apply to it, in the order they were concluded, instead of at every cap (a key period caps every
        // open finding of a crowded venue, so looking at all of them for every action grew with the square of the
        // findings: docs/performance.md, *Growth in findings*).
        Map<String, List<Integer>> capsByFinding = new java.util.HashMap<>();
        for (int i = 0; i < caps.size(); i++) {
            capsByFinding.computeIfAbsent(((DeadlineCap) caps.get(i).fact()).findingId(), k -> new ArrayList<>(2)).add(i);
        }
        java.util.BitSet candidates = new java.util.BitSet(caps.size());
        List<RequiredAction> actions = new ArrayList<>(merged.size());
        for (Merged m : merged.values()) {
            Due due = m.due;
            if (due != null && due.basis.kind() != DueBasis.Kind.RECORDED) {
                candidates.clear();
                // Only actions the table marks capped: a cap hurries the work, not a procedure with its own timetable.
                if (m.type.capped()) {
                    mark(candidates, capsByFinding.get(""));
                    mark(candidates, capsByFinding.get(m.findingId));
                    for (String f : m.findingIds) {
                        mark(candidates, capsByFinding.get(f));
                    }
                }
                for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                    FiringRecorder.Conclusion c = caps.get(i);
                    DeadlineCap cap = (DeadlineCap) c.fact();
                    if (cap.appliesTo(m.findingId, m.findingIds) && cap.latest().isBefore(due.date)) {
                        due = new Due(cap.latest(), new DueBasis(DueBasis.Kind.CAP, OptionalInt.empty(),
                                Optional.empty(), c.rule().info().name()));
                    }
                }
                if (m.floor != null && due.date.isBefore(m.floor)) {
                    due = new Due(m.floor, m.floorBasis);
                }
                if (due.date.isBefore(date)) {
                    due = new Due(date, new DueBasis(DueBasis.Kind.TODAY, OptionalInt.empty(), Optional.empty(),
                            due.basis.rule()));
                }
            }
            actions.add(new RequiredAction(m.type.code(), m.type.label(),
                    m.findingId.isEmpty() ? Optional.empty() : Optional.of(m.findingId),
                    due == null ? Optional.empty() : Optional.of(due.date),
                    due == null ? Optional.empty() : Optional.of(due.basis),
                    m.priority, List.copyOf(m.clauses), List.copyOf(m.findingIds), List.copyOf(m.details)));
        }
        actions.sort(Comparator
                .comparing((RequiredAction a) -> a.due().orElse(LocalDate.MAX))
                .thenComparing(RequiredAction::priority)
                .thenComparing(RequiredAction::code)
                .thenComparing(a -> a.findingId().orElse("")));
        return actions;
    }

    private static void mark(java.util.BitSet set, List<Integer> indices) {
        if (indices != null) {
            indices.forEach(set::set);
        }
    }

    private record Due(LocalDate date, DueBasis basis) {}

    /**
     * One request's deadline: a deadline already set is kept as it is; otherwise the period (the
     * rule's, else the action table's) from its start, shortened by the grade's rectification period
     * and by the rule's latest date, whichever is soonest. What the work needs is applied after the
     * requests are merged.
     */
    private Due dueDate(ActionType type, ActionRequired request, String rule, RiskGrade grade, LocalDate date) {
        if (request.fixedOn() != null) {
            return new Due(request.fixedOn(), new DueBasis(DueBasis.Kind.RECORDED, OptionalInt.empty(),
                    Optional.empty(), rule));
        }
        LocalDate start = request.from() != null ? request.from() : date;
        Due due = null;
        if (request.days() != null) {
            due = new Due(start.plusDays(request.days()), new DueBasis(DueBasis.Kind.RULE,
                    OptionalInt.of(request.days()), Optional.of(start), rule));
        } else if (type.days().isPresent()) {
            due = new Due(start.plusDays(type.days().getAsInt()), new DueBasis(DueBasis.Kind.ACTION_TABLE,
                    type.days(), Optional.of(start), ""));
        }
        // The grade's period shortens a period; a request that only adds a detail sets no deadline of its own.
        if (type.byGrade() && due != null) {
            Integer gradeDays = campaign.rectifyWithinDays().get(grade);
            if (gradeDays != null) {
                LocalDate byGrade = start.plusDays(gradeDays);
                if (due == null || byGrade.isBefore(due.date)) {
                    due = new Due(byGrade, new DueBasis(DueBasis.Kind.GRADE_PERIOD, OptionalInt.of(gradeDays),
                            Optional.of(start), ""));
                }
            }
        }
        if (request.notAfter() != null && (due == null || request.notAfter().isBefore(due.date))) {
            due = new Due(request.notAfter(), new DueBasis(DueBasis.Kind.RULE, OptionalInt.empty(), Optional.empty(),
                    rule));
        }
        return due;
    }
}
