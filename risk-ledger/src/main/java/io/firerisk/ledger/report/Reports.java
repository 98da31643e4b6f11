package io.firerisk.ledger.report;

import io.firerisk.HazardVerdict;
import io.firerisk.RiskGrade;
import io.firerisk.SuspendedPart;
import io.firerisk.Text;
import io.firerisk.campaign.CalendarEntry;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardChange;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.InspectionView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.LedgerPeriod;
import io.firerisk.ledger.LedgerPolicy;
import io.firerisk.ledger.LedgerSnapshot;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueListing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the campaign's reports from a ledger, as of a date, through the ledger's public reads. A report
 * folds the log once ({@link Ledger#asOf}, {@link Ledger#period}) and reads everything from that fold: the
 * hazards, their histories, the venues and the engine's assessment of each, never a venue or a hazard at a time.
 *
 * <pre>{@code
 * Reports reports = Reports.of(ledger);
 * PeriodicAnalysis week = reports.week(LocalDate.of(2024, 2, 18));     // the 7 days ending that day
 * Digest today = reports.digest(LocalDate.of(2024, 2, 18), 3);
 * UnitAccountability units = reports.accountability(LocalDate.of(2024, 3, 25));
 * FinalSummary summary = reports.finalSummary(LocalDate.of(2024, 3, 31));
 * }</pre>
 *
 * <p>Safe to share between threads (it holds nothing but the ledger).
 */
public final class Reports {

    /** Hazard types listed in the periodic analysis. */
    static final int TOP_TYPES = 10;

    private final Ledger ledger;
    private final Campaign campaign;
    private final LedgerPolicy policy;
    private final ZoneId zone;

    private Reports(Ledger ledger) {
        this.ledger = ledger;
        this.campaign = ledger.campaign();
        this.policy = ledger.policy();
        this.zone = campaign.timeZone();
    }

    public static Reports of(Ledger ledger) {
        return new Reports(Objects.requireNonNull(ledger, "ledger"));
    }

    // ---- periodic analysis ---------------------------------------------------------------------

    /** The periodic analysis of the week (7 days) ending on {@code lastDay}. */
    public PeriodicAnalysis week(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        return periodic(lastDay.minusDays(6), lastDay);
    }

    /**
     * The periodic analysis of {@code from} to {@code to} (both included) against the period of the
     * same length just before, as of the end of {@code to}.
     */
    public PeriodicAnalysis periodic(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate prevTo = from.minusDays(1);
        LocalDate prevFrom = from.minusDays(days);
        Directory dir = ledger.directory();

        // One fold of the log: the ledger at the end of both periods and what changed from the first's start.
        LedgerPeriod read = ledger.period(prevFrom.minusDays(1), to, prevTo, to);
        LedgerSnapshot atEnd = read.asOf(to);
        List<HazardRow> now = atEnd.hazards();
        List<HazardRow> before = read.asOf(prevTo).hazards();
        Map<String, HazardRow> nowById = byId(now);
        Map<String, HazardRow> beforeById = byId(before);
        List<HazardChange> changes = read.changes();

        Map<PeriodicAnalysis.By, Map<String, Figures[]>> lines = new EnumMap<>(PeriodicAnalysis.By.class);
        for (PeriodicAnalysis.By by : PeriodicAnalysis.By.values()) {
            lines.put(by, new TreeMap<>());
        }
        Figures[] total = {Figures.ZERO, Figures.ZERO};
        Map<String, int[]> types = new HashMap<>();
        java.util.function.BiConsumer<HazardRow, Object[]> add = (row, what) -> {
            int period = (int) what[0];
            Figures f = (Figures) what[1];
            total[period] = total[period].plus(f);
            for (PeriodicAnalysis.By by : PeriodicAnalysis.By.values()) {
                lines.get(by).computeIfAbsent(key(by, row), k -> new Figures[] {Figures.ZERO, Figures.ZERO})[period] =
                        lines.get(by).get(key(by, row))[period].plus(f);
            }
        };
        for (HazardChange c : changes) {
            for (RecordedEvent e : c.events()) {
                LocalDate day = e.happenedAt().atZone(zone).toLocalDate();
                int period = day.isBefore(from) ? 1 : 0;
                HazardRow row = (period == 0 ? nowById : beforeById).get(c.hazardId());
                if (row == null || row.state() == HazardState.CANCELLED) {
                    continue;
                }
                Figures f = switch (e.type()) {
                    case HAZARD_FOUND -> new Figures(1, 0, 0, 0, 0);
                    case HAZARD_CLOSED -> new Figures(0, 1, 0, 0, 0);
                    case HAZARD_REOPENED -> new Figures(0, 0, 1, 0, 0);
                    default -> null;
                };
                if (f == null) {
                    continue;
                }
                add.accept(row, new Object[] {period, f});
                if (e.event() instanceof Event.HazardFound) {
                    types.computeIfAbsent(row.hazardCode(), k -> new int[2])[period]++;
                }
            }
        }
        for (int period = 0; period < 2; period++) {
            for (HazardRow row : period == 0 ? now : before) {
                if (row.state().isOpen()) {
                    add.accept(row, new Object[] {period, new Figures(0, 0, 0, 1, row.overdue() ? 1 : 0)});
                }
            }
        }
        List<PeriodicAnalysis.Breakdown> breakdowns = new ArrayList<>();
        for (PeriodicAnalysis.By by : PeriodicAnalysis.By.values()) {
            List<PeriodicAnalysis.Line> l = new ArrayList<>();
            lines.get(by).forEach((k, f) -> l.add(new PeriodicAnalysis.Line(k, label(by, k, dir), f[0], f[1])));
            breakdowns.add(new PeriodicAnalysis.Breakdown(by, l));
        }
        List<PeriodicAnalysis.TopType> top = types.entrySet().stream().filter(t -> t.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(t -> -t.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_TYPES)
                .map(t -> new PeriodicAnalysis.TopType(t.getKey(), hazardLabel(t.getKey()),
                        campaign.hazard(t.getKey()).map(HazardType::category).orElse(""), t.getValue()[0],
                        t.getValue()[1]))
                .toList();
        List<CalendarEntry> keyPeriods = campaign.calendar().between(from, to).stream()
                .filter(c -> c.type() != CalendarEntry.Type.PHASE).toList();
        Map<InspectionKind, int[]> kinds = new EnumMap<>(InspectionKind.class);
        for (InspectionView i : ledger.inspections(prevFrom, to)) {
            kinds.computeIfAbsent(i.kind(), k -> new int[2])[i.date().isBefore(from) ? 1 : 0]++;
        }
        List<PeriodicAnalysis.KindCount> inspections = new ArrayList<>();
        for (InspectionKind k : InspectionKind.values()) {
            int[] n = kinds.getOrDefault(k, new int[2]);
            inspections.add(new PeriodicAnalysis.KindCount(k, n[0], n[1]));
        }
        return new PeriodicAnalysis(from, to, prevFrom, prevTo,
                new PeriodicAnalysis.Line("", Text.of("合计", "total"), total[0], total[1]), breakdowns, top, keyPeriods,
                majorVenues(atEnd, dir), inspections);
    }

    private static String key(PeriodicAnalysis.By by, HazardRow row) {
        return switch (by) {
            case STREET -> row.street();
            case UNIT -> row.unitId();
            case CATEGORY -> row.category();
            case GRADE -> row.grade().map(Enum::name).orElse("");
        };
    }

    private Text label(PeriodicAnalysis.By by, String key, Directory dir) {
        if (key.isEmpty()) {
            return Text.of("未知", "unknown");
        }
        return switch (by) {
            case STREET -> Optional.ofNullable(dir.areas().get(key)).map(a -> Text.of(a.name(), a.name()))
                    .orElse(Text.of(key, key));
            case UNIT -> unitName(dir, key);
            case CATEGORY -> campaign.categories().getOrDefault(key, Text.of(key, key));
            case GRADE -> RiskGrade.valueOf(key).label();
        };
    }

    private static Text unitName(Directory dir, String unitId) {
        return Optional.ofNullable(dir.units().get(unitId)).map(u -> Text.of(u.name(), u.name()))
                .orElse(Text.of(unitId, unitId));
    }

    private Text hazardLabel(String code) {
        return campaign.hazard(code).map(HazardType::label).orElse(Text.of(code, code));
    }

    /**
     * Venues with a major hazard open on the date: the engine's suspected major verdict (assessed for
     * every venue with an open hazard) or a hazard under 挂牌督办.
     */
    private static List<MajorVenue> majorVenues(LedgerSnapshot snapshot, Directory dir) {
        Map<String, List<HazardRow>> open = new TreeMap<>();
        snapshot.hazards().stream().filter(r -> r.state().isOpen()).forEach(r -> open.computeIfAbsent(r.venueId(),
                k -> new ArrayList<>()).add(r));
        List<MajorVenue> out = new ArrayList<>();
        for (Map.Entry<String, List<HazardRow>> v : open.entrySet()) {
            List<HazardRow> hs = v.getValue();
            boolean supervised = hs.stream().anyMatch(HazardRow::supervised);
            boolean suspected = snapshot.verdict(v.getKey()).map(x -> x == HazardVerdict.SUSPECTED_MAJOR).orElse(false);
            if (!supervised && !suspected) {
                continue;
            }
            List<MajorVenue.Supervised> listed = new ArrayList<>();
            for (HazardRow r : hs) {
                if (r.supervised()) {
                    HazardView h = snapshot.hazard(r.hazardId()).orElseThrow();
                    HazardView.Supervision s = h.supervision().orElseThrow();
                    listed.add(new MajorVenue.Supervised(r.hazardId(), s, unitName(dir, s.supervisingUnit()).zh(),
                            r.daysOverdue()));
                }
            }
            out.add(new MajorVenue(v.getKey(), hs.get(0).venueName(), hs.get(0).unitId(),
                    unitName(dir, hs.get(0).unitId()).zh(), suspected,
                    hs.stream().map(HazardRow::hazardId).toList(), listed));
        }
        return out;
    }

    // ---- digest --------------------------------------------------------------------------------

    /** The digest with the campaign's own due-soon days (ledger.yaml {@code escalation.dueSoonDays}). */
    public Digest digest(LocalDate date) {
        return digest(date, policy.escalation().dueSoonDays());
    }

    /** Per unit with a venue: hazards due within {@code withinDays} days of {@code date}, overdue, escalated. */
    public Digest digest(LocalDate date, int withinDays) {
        Objects.requireNonNull(date, "date");
        if (withinDays < 0 || withinDays > 366) {
            throw new IllegalArgumentException("withinDays must be between 0 and 366 (was " + withinDays + ")");
        }
        Directory dir = ledger.directory();
        LedgerSnapshot snapshot = ledger.asOf(date);
        Map<String, List<HazardRow>> byUnit = new TreeMap<>();
        for (VenueListing v : snapshot.venues()) {
            byUnit.putIfAbsent(v.unitId(), new ArrayList<>());
        }
        for (HazardRow r : snapshot.hazards()) {
            if (r.state().awaitsRectification()) {
                byUnit.computeIfAbsent(r.unitId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Digest.UnitDigest> units = new ArrayList<>();
        byUnit.forEach((unit, rs) -> {
            List<Digest.Item> soon = new ArrayList<>();
            List<Digest.Item> overdue = new ArrayList<>();
            for (HazardRow r : rs) {
                int left = (int) ChronoUnit.DAYS.between(date, r.deadline());
                Digest.Item item = item(r, left);
                if (r.overdue()) {
                    overdue.add(item);
                } else if (left >= 0 && left <= withinDays) {
                    soon.add(item);
                }
            }
            soon.sort(Comparator.comparing(Digest.Item::deadline).thenComparing(Digest.Item::hazardId));
            overdue.sort(Comparator.comparingInt(Digest.Item::daysOverdue).reversed().thenComparing(Digest.Item::hazardId));
            List<Digest.Item> escalated = overdue.stream().filter(i -> i.escalationLevel() > 0)
                    .sorted(Comparator.comparingInt(Digest.Item::escalationLevel).reversed()
                            .thenComparing(Digest.Item::hazardId)).toList();
            units.add(new Digest.UnitDigest(unit, unitName(dir, unit).zh(), soon, overdue, escalated));
        });
        return new Digest(date, withinDays, units);
    }

    private Digest.Item item(HazardRow r, int daysLeft) {
        LedgerPolicy.Escalation ladder = policy.escalation();
        Optional<LedgerPolicy.Level> level = ladder.levelFor(r.daysOverdue());
        int before = ladder.levelFor(r.daysOverdue() - 1).map(LedgerPolicy.Level::level).orElse(0);
        int reached = level.map(LedgerPolicy.Level::level).orElse(0);
        return new Digest.Item(r.hazardId(), r.venueId(), r.venueName(), r.hazardCode(), hazardLabel(r.hazardCode()),
                r.state(), r.deadline(), daysLeft, r.daysOverdue(), reached,
                level.map(LedgerPolicy.Level::label).orElse(Text.EMPTY), reached > before, r.supervised());
    }

    // ---- unit accountability -------------------------------------------------------------------

    /** Each unit's record as of {@code asOf}, ranked, with the units meeting the follow-up criteria. */
    public UnitAccountability accountability(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Directory dir = ledger.directory();
        LedgerSnapshot snapshot = ledger.asOf(asOf);
        List<VenueListing> venues = snapshot.venues();
        List<HazardRow> rows = snapshot.hazards().stream().filter(r -> r.state() != HazardState.CANCELLED).toList();
        Set<String> selfInspected = new HashSet<>();
        for (InspectionView i : ledger.inspections(campaign.calendar().start(), asOf)) {
            if (i.kind() == InspectionKind.SELF_INSPECTION) {
                selfInspected.add(i.venueId());
            }
        }
        int timesFound = repeatedTimes();
        Map<String, Integer> sameTypeAtVenue = new HashMap<>();
        rows.forEach(r -> sameTypeAtVenue.merge(r.venueId() + "\n" + r.hazardCode(), 1, Integer::sum));
        String readiness = policy.reports().readinessCategory();
        Optional<LedgerPolicy.FollowUp> criteria = policy.reports().followUp();

        Map<String, List<VenueListing>> venuesOf = new TreeMap<>();
        venues.forEach(v -> venuesOf.computeIfAbsent(v.unitId(), k -> new ArrayList<>()).add(v));
        Map<String, List<HazardRow>> hazardsOf = new HashMap<>();
        rows.forEach(r -> hazardsOf.computeIfAbsent(r.unitId(), k -> new ArrayList<>()).add(r));

        List<UnitAccountability.UnitRecord> records = new ArrayList<>();
        for (Map.Entry<String, List<VenueListing>> u : venuesOf.entrySet()) {
            List<HazardRow> hs = hazardsOf.getOrDefault(u.getKey(), List.of());
            int due = 0;
            int onTime = 0;
            int overdue = 0;
            int overdueDays = 0;
            int maxDays = 0;
            int repeated = 0;
            int reopened = 0;
            int readinessOpen = 0;
            for (HazardRow r : hs) {
                if (r.overdue()) {
                    overdue++;
                    overdueDays += r.daysOverdue();
                    maxDays = Math.max(maxDays, r.daysOverdue());
                }
                if (sameTypeAtVenue.get(r.venueId() + "\n" + r.hazardCode()) >= timesFound) {
                    repeated++;
                }
                if (r.reopenings() > 0) {
                    reopened++;
                }
                if (!readiness.isEmpty() && readiness.equals(r.category()) && r.state().isOpen()) {
                    readinessOpen++;
                }
                if (r.state() == HazardState.CORRECTED_ON_SPOT) {
                    continue;
                }
                Optional<Boolean> lastOnTime = lastRectificationOnTime(r, snapshot);
                if (r.overdue() || lastOnTime.isPresent()) {
                    due++;
                    if (!r.overdue() && lastOnTime.orElse(false)) {
                        onTime++;
                    }
                }
            }
            int own = 0;
            int inspected = 0;
            for (VenueListing v : u.getValue()) {
                if (policy.ownPremises().contains(v.kind())) {
                    own++;
                    if (selfInspected.contains(v.venueId())) {
                        inspected++;
                    }
                }
            }
            OptionalDouble rate = due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) onTime / due);
            List<String> reasons = new ArrayList<>();
            if (criteria.isPresent()) {
                LedgerPolicy.FollowUp c = criteria.get();
                if (rate.isPresent() && rate.getAsDouble() < c.onTimeRateBelow()) {
                    reasons.add(String.format("按期整改率 %.0f%%，低于 %.0f%%", rate.getAsDouble() * 100,
                            c.onTimeRateBelow() * 100));
                }
                if (overdue >= c.overdueHazardsAtLeast()) {
                    reasons.add("逾期隐患 " + overdue + " 条（不少于 " + c.overdueHazardsAtLeast() + " 条）");
                }
                if (maxDays >= c.maxDaysOverdueAtLeast()) {
                    reasons.add("隐患逾期 " + maxDays + " 天（不少于 " + c.maxDaysOverdueAtLeast() + " 天）");
                }
                if (reopened >= c.reopenedHazardsAtLeast()) {
                    reasons.add("回头看反弹隐患 " + reopened + " 条");
                }
                if (c.selfInspectionMissing() && inspected < own) {
                    reasons.add("自有场所未开展自查 " + (own - inspected) + " 处");
                }
            }
            records.add(new UnitAccountability.UnitRecord(0, u.getKey(), unitName(dir, u.getKey()).zh(),
                    u.getValue().size(), hs.size(), due, onTime, rate, overdue, overdueDays, maxDays, repeated, reopened,
                    own, inspected, readinessOpen, reasons));
        }
        records.sort(Comparator.comparing((UnitAccountability.UnitRecord r) -> !r.followUp())
                .thenComparingDouble(r -> r.onTimeRate().orElse(2.0))
                .thenComparing(Comparator.comparingInt(UnitAccountability.UnitRecord::overdue).reversed())
                .thenComparing(Comparator.comparingInt(UnitAccountability.UnitRecord::overdueDays).reversed())
                .thenComparing(UnitAccountability.UnitRecord::unitId));
        List<UnitAccountability.UnitRecord> ranked = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            UnitAccountability.UnitRecord r = records.get(i);
            ranked.add(new UnitAccountability.UnitRecord(i + 1, r.unitId(), r.unitName(), r.venues(), r.hazards(),
                    r.due(), r.onTime(), r.onTimeRate(), r.overdue(), r.overdueDays(), r.maxDaysOverdue(), r.repeated(),
                    r.reopened(), r.ownPremises(), r.selfInspected(), r.readinessGapsOpen(), r.followUpReasons()));
        }
        return new UnitAccountability(asOf, criteria, ranked);
    }

    /** Whether the last rectification reported came by the deadline then in force; empty when none was. */
    private static Optional<Boolean> lastRectificationOnTime(HazardRow r, LedgerSnapshot snapshot) {
        if (r.state() == HazardState.OPEN) {
            return Optional.empty();
        }
        List<HazardView.Rectification> reports = snapshot.hazard(r.hazardId()).orElseThrow().rectifications();
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.get(reports.size() - 1).onTime());
    }

    // ---- final summary -------------------------------------------------------------------------

    /** The campaign's summary as the ledger holds it on {@code asOf} (its last day, or any day before). */
    public FinalSummary finalSummary(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        CampaignCalendar cal = campaign.calendar();
        LocalDate start = cal.start();
        LocalDate until = asOf.isBefore(start) ? start : asOf;
        Directory dir = ledger.directory();
        // One fold of the log: the ledger at the end of asOf and what changed from the campaign's start.
        LedgerPeriod read = ledger.period(start.minusDays(1), until, asOf);
        LedgerSnapshot snapshot = read.asOf(asOf);
        List<HazardRow> rows = snapshot.hazards();
        Map<String, HazardRow> byId = byId(rows);
        List<InspectionView> inspections = ledger.inspections(start, until);
        Map<String, InspectionKind> kindOf = new HashMap<>();
        inspections.forEach(i -> kindOf.put(i.inspectionId(), i.kind()));

        // What happened to each hazard, by day: found (with the inspection), closed, reopened.
        record Happened(String hazardId, LocalDate day, Event event) {}
        List<Happened> happened = new ArrayList<>();
        for (HazardChange c : read.changes()) {
            HazardRow r = byId.get(c.hazardId());
            if (r == null || r.state() == HazardState.CANCELLED) {
                continue;
            }
            for (RecordedEvent e : c.events()) {
                if (e.event() instanceof Event.HazardFound || e.event() instanceof Event.HazardClosed
                        || e.event() instanceof Event.HazardReopened) {
                    happened.add(new Happened(c.hazardId(), e.happenedAt().atZone(zone).toLocalDate(), e.event()));
                }
            }
        }
        Function<java.util.function.Predicate<HazardRow>, Figures> figures = which -> {
            int found = 0;
            int closed = 0;
            int reopened = 0;
            for (Happened h : happened) {
                HazardRow r = byId.get(h.hazardId());
                if (!which.test(r)) {
                    continue;
                }
                if (h.event() instanceof Event.HazardFound) {
                    found++;
                } else if (h.event() instanceof Event.HazardClosed) {
                    closed++;
                } else {
                    reopened++;
                }
            }
            int open = 0;
            int overdue = 0;
            for (HazardRow r : rows) {
                if (r.state().isOpen() && which.test(r)) {
                    open++;
                    overdue += r.overdue() ? 1 : 0;
                }
            }
            return new Figures(found, closed, reopened, open, overdue);
        };
        Map<String, String> foundIn = new HashMap<>();
        happened.forEach(h -> {
            if (h.event() instanceof Event.HazardFound f) {
                foundIn.put(h.hazardId(), f.inspectionId());
            }
        });
        List<FinalSummary.TaskResult> tasks = new ArrayList<>();
        for (LedgerPolicy.Task t : policy.reports().tasks()) {
            java.util.function.Predicate<HazardRow> under = under(t, kindOf, foundIn);
            int n = (int) inspections.stream().filter(i -> t.inspections().contains(i.kind())).count();
            tasks.add(new FinalSummary.TaskResult(t.code(), t.title(), t.clause(), figures.apply(under), n, t.inspections()));
        }
        String readiness = policy.reports().readinessCategory();
        Figures readinessGaps = readiness.isEmpty() ? Figures.ZERO
                : figures.apply(r -> r != null && readiness.equals(r.category()));

        List<FinalSummary.Suspended> suspensions = new ArrayList<>();
        Map<String, HazardRow> venuesWithOpen = new TreeMap<>();
        rows.stream().filter(r -> r.state().isOpen()).forEach(r -> venuesWithOpen.putIfAbsent(r.venueId(), r));
        venuesWithOpen.forEach((venueId, r) -> {
            for (SuspendedPart p : snapshot.suspended(venueId)) {
                suspensions.add(new FinalSummary.Suspended(venueId, r.venueName(), r.unitId(),
                        unitName(dir, r.unitId()).zh(), p.area(), p.ground(), p.clauses()));
            }
        });
        Map<InspectionKind, Integer> kinds = new EnumMap<>(InspectionKind.class);
        inspections.forEach(i -> kinds.merge(i.kind(), 1, Integer::sum));
        List<PeriodicAnalysis.KindCount> byKind = new ArrayList<>();
        for (InspectionKind k : InspectionKind.values()) {
            byKind.add(new PeriodicAnalysis.KindCount(k, kinds.getOrDefault(k, 0), 0));
        }
        Map<String, List<HazardRow>> openBy = new TreeMap<>();
        rows.stream().filter(r -> r.state().isOpen()).forEach(r -> openBy.computeIfAbsent(r.unitId(),
                k -> new ArrayList<>()).add(r));
        List<FinalSummary.Unfinished> unfinished = new ArrayList<>();
        openBy.forEach((unit, hs) -> unfinished.add(new FinalSummary.Unfinished(unit, unitName(dir, unit).zh(),
                hs.size(), (int) hs.stream().filter(HazardRow::overdue).count(),
                hs.stream().map(HazardRow::hazardId).sorted().toList())));
        List<FinalSummary.CalendarRun> calendar = new ArrayList<>();
        for (CalendarEntry c : cal.between(start, cal.end())) {
            if (c.type() == CalendarEntry.Type.EARLY_WARNING) {
                continue;
            }
            int found = 0;
            int closed = 0;
            for (Happened h : happened) {
                if (!h.day().isBefore(c.from()) && !h.day().isAfter(c.to())) {
                    found += h.event() instanceof Event.HazardFound ? 1 : 0;
                    closed += h.event() instanceof Event.HazardClosed ? 1 : 0;
                }
            }
            int n = (int) inspections.stream().filter(i -> !i.date().isBefore(c.from()) && !i.date().isAfter(c.to()))
                    .count();
            calendar.add(new FinalSummary.CalendarRun(c, found, closed, n));
        }
        List<Text> notInLedger = List.of(
                Text.of("消防宣传“五进”、“三清三关”及典型案例警示教育活动（二(七)）：台账不记录宣传教育活动，次数与人数以各单位报送为准",
                        "publicity and warning-education activities (二(七)): the ledger keeps no record of them"),
                Text.of("综合演练、灭火应急预案修订（二(九)）：台账不记录演练，次数以各单位报送为准",
                        "drills and revised contingency plans (二(九)): the ledger keeps no record of them"));
        return new FinalSummary(asOf, start, cal.end(), campaign.document(), figures.apply(r -> r != null), tasks,
                majorVenues(snapshot, dir), suspensions, byKind, readinessGaps, notInLedger, unfinished, calendar);
    }

    /**
     * Whether the final summary counts a hazard under a task of the plan: its type is one the task covers,
     * it was found in a key period the task is about, or the inspection that found it is of a kind the task
     * names ({@code kindOf}: inspection → kind; {@code foundIn}: hazard → the inspection that found it).
     */
    private java.util.function.Predicate<HazardRow> under(LedgerPolicy.Task t, Map<String, InspectionKind> kindOf,
            Map<String, String> foundIn) {
        CampaignCalendar cal = campaign.calendar();
        return r -> r != null
                && (campaign.hazard(r.hazardCode()).map(t::covers).orElse(false)
                || (t.keyPeriods() && cal.keyPeriods().stream().anyMatch(k -> k.raisedOn(r.foundOn())))
                || t.inspections().contains(kindOf.get(foundIn.get(r.hazardId()))));
    }

    // ---- the lists behind the numbers ----------------------------------------------------------

    /**
     * The hazards the final summary as of {@code asOf} counts under the plan's task {@code code} (ledger.yaml
     * {@code reports.tasks}, such as {@code 二(一)}): the list behind that task's figures.
     *
     * @throws IllegalArgumentException when the campaign has no such task
     */
    public Set<String> underTask(String code, LocalDate asOf) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(asOf, "asOf");
        LedgerPolicy.Task task = policy.reports().tasks().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task '" + code + "' in the campaign's reports (one of "
                        + policy.reports().tasks().stream().map(LedgerPolicy.Task::code).toList() + ")"));
        LocalDate start = campaign.calendar().start();
        LocalDate until = asOf.isBefore(start) ? start : asOf;
        LedgerPeriod read = ledger.period(start.minusDays(1), until, asOf);
        Map<String, InspectionKind> kindOf = new HashMap<>();
        ledger.inspections(start, until).forEach(i -> kindOf.put(i.inspectionId(), i.kind()));
        Map<String, String> foundIn = new HashMap<>();
        for (HazardChange c : read.changes()) {
            for (RecordedEvent e : c.events()) {
                if (e.event() instanceof Event.HazardFound f) {
                    foundIn.put(c.hazardId(), f.inspectionId());
                }
            }
        }
        java.util.function.Predicate<HazardRow> under = under(task, kindOf, foundIn);
        Set<String> ids = new java.util.TreeSet<>();
        read.asOf(asOf).hazards().stream().filter(under).forEach(r -> ids.add(r.hazardId()));
        return ids;
    }

    /**
     * The hazards unit accountability counts as repeated (重复隐患) as of {@code asOf}: those whose venue has, among its
     * hazards not cancelled, at least the campaign's {@code tasks.repeated.times-found} (2 unless set) of the same
     * hazard code. The list behind the report's 重复隐患 figure.
     */
    public Set<String> repeated(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<HazardRow> rows = ledger.asOf(asOf).hazards().stream().filter(r -> r.state() != HazardState.CANCELLED)
                .toList();
        Map<String, Integer> sameTypeAtVenue = new HashMap<>();
        rows.forEach(r -> sameTypeAtVenue.merge(r.venueId() + "\n" + r.hazardCode(), 1, Integer::sum));
        int timesFound = repeatedTimes();
        Set<String> ids = new java.util.TreeSet<>();
        rows.stream().filter(r -> sameTypeAtVenue.get(r.venueId() + "\n" + r.hazardCode()) >= timesFound)
                .forEach(r -> ids.add(r.hazardId()));
        return ids;
    }

    /** How many hazards of one code at one venue make them repeated (campaign parameter, 2 unless set). */
    private int repeatedTimes() {
        return (int) Math.round(campaign.parameters().getOrDefault("tasks.repeated.times-found", 2.0));
    }

    /**
     * The hazards that had an event of {@code type} (such as {@link EventType#HAZARD_CLOSED} or
     * {@link EventType#HAZARD_REOPENED}) on a day from {@code from} to {@code to}, both included, whatever
     * became of them since: the list behind a "closed" or "reopened" figure, counted the way the reports count.
     */
    public Set<String> hadEvent(EventType type, LocalDate from, LocalDate to) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Set<String> ids = new java.util.TreeSet<>();
        for (HazardChange c : ledger.changes(from.minusDays(1), to)) {
            for (RecordedEvent e : c.events()) {
                LocalDate day = e.happenedAt().atZone(zone).toLocalDate();
                if (e.type() == type && !day.isBefore(from) && !day.isAfter(to)) {
                    ids.add(c.hazardId());
                }
            }
        }
        return ids;
    }

    // ---- reads ---------------------------------------------------------------------------------

    private static Map<String, HazardRow> byId(List<HazardRow> rows) {
        Map<String, HazardRow> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.hazardId(), r));
        return m;
    }
}
