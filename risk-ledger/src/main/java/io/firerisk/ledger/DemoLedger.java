package io.firerisk.ledger;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A demo ledger for a campaign, generated with a seed from a set of venues and what was found at
 * them (the bundled sample, say): the district's streets, communities and grids; the bureau, its
 * subordinate units and the enterprises with their people; inspections of every kind in every month
 * of the campaign; and each hazard carried through one of the closed loop's paths — rectified on
 * time or late, a failed re-inspection, extensions granted and refused, 挂牌督办, enforcement,
 * closures, reopenings at 回头看, corrections on the spot, cancellations, and hazards still open —
 * so that every state and every report has something to show. Every event goes through the
 * ledger's checks; the same seed and venues give the same events with the same ids, so generating
 * twice into one ledger records nothing the second time.
 */
public final class DemoLedger {

    /**
     * What was generated.
     *
     * @param venues      venues registered
     * @param events      events in the submission
     * @param recorded    events recorded now (0 when the ledger had them all)
     * @param paths       how many hazards took each path
     * @param inspections inspections by kind
     */
    public record Summary(int venues, int events, long recorded, Map<String, Integer> paths,
            Map<InspectionKind, Integer> inspections) {
        public Summary {
            paths = Map.copyOf(paths);
            inspections = Map.copyOf(inspections);
        }
    }

    /** The closed loop's paths a demo hazard can take; each appears at least twice when there are enough hazards. */
    enum Path {
        ON_TIME, LATE, FAILED_THEN_PASSED, EXTENDED, EXTENSION_REFUSED, STILL_OPEN, RECTIFYING, AWAITING_REINSPECTION,
        REOPENED, CORRECTED_ON_SPOT, CANCELLED, SUPERVISED, ENFORCED
    }

    private final Ledger ledger;
    private final Campaign campaign;
    private final ZoneId zone;
    private final long seed;
    private final Random random;
    private final List<Entry> entries = new ArrayList<>();
    private int counter;
    private final LocalDate start;
    private final LocalDate end;

    private DemoLedger(Ledger ledger, long seed) {
        this.ledger = ledger;
        this.campaign = ledger.campaign();
        this.zone = campaign.timeZone();
        this.seed = seed;
        this.random = new Random(seed);
        this.start = campaign.calendar().start();
        this.end = campaign.calendar().end();
    }

    /**
     * Generates the demo into {@code ledger}. The ledger's clock must stand after the campaign's end,
     * or its last weeks would be in the future.
     *
     * @param venues what the sample holds: each venue with the findings made there
     */
    public static Summary generate(Ledger ledger, List<VenueFacts> venues, long seed) {
        if (!ledger.today().isAfter(ledger.campaign().calendar().end())) {
            throw new IllegalArgumentException("the ledger's clock (" + ledger.today() + ") must stand after the campaign's "
                    + "end (" + ledger.campaign().calendar().end() + ") to generate a demo of the whole campaign");
        }
        return new DemoLedger(ledger, seed).run(venues);
    }

    private record Person(String id, String unit) {}

    private record Site(Venue venue, String unit, String area, boolean ownPremises, List<Finding> findings,
            LocalDate inspected) {}

    private record Found(String hazardId, Site site, Finding finding, Path path, LocalDate on, String inspectionId) {}

    private Summary run(List<VenueFacts> venues) {
        long before = ledger.eventCount();
        Instant setUp = at(start.minusDays(1), 9);
        // The area tree: the district, its streets as the venues name them, two communities each, two grids each.
        String district = "WZ";
        add("admin", setUp, new Event.AreaRegistered(district, AreaLevel.DISTRICT, "万州区", null));
        Map<String, String> streets = new TreeMap<>();
        venues.stream().map(v -> v.venue().street().isBlank() ? "未标注街道" : v.venue().street()).distinct().sorted()
                .forEach(name -> streets.put(name, String.format("ST-%02d", streets.size() + 1)));
        List<String> grids = new ArrayList<>();
        Map<String, List<String>> gridsOf = new LinkedHashMap<>();
        streets.forEach((name, code) -> {
            add("admin", setUp, new Event.AreaRegistered(code, AreaLevel.STREET, name, district));
            for (int c = 1; c <= 2; c++) {
                String community = code.replace("ST", "CM") + "-" + c;
                add("admin", setUp, new Event.AreaRegistered(community, AreaLevel.COMMUNITY,
                        name.replace("街道", "") + "第" + c + "社区", code));
                for (int g = 1; g <= 2; g++) {
                    String grid = community.replace("CM", "GR") + "-" + g;
                    add("admin", setUp, new Event.AreaRegistered(grid, AreaLevel.GRID,
                            name.replace("街道", "") + "第" + c + "社区第" + g + "网格", community));
                    gridsOf.computeIfAbsent(code, k -> new ArrayList<>()).add(grid);
                    grids.add(grid);
                }
            }
        });

        // The bureau, its departments and subordinate units, and the people who act in the campaign.
        add("admin", setUp, new Event.UnitRegistered("BUREAU", "万州区城市管理局", UnitKind.BUREAU_DEPARTMENT, null));
        add("admin", setUp, new Event.UnitRegistered("BUREAU-SAFETY", "局安全办", UnitKind.BUREAU_DEPARTMENT, "BUREAU"));
        add("admin", setUp, new Event.UnitRegistered("BUREAU-LAW", "城市管理综合行政执法支队", UnitKind.BUREAU_DEPARTMENT,
                "BUREAU"));
        add("admin", setUp, new Event.UnitRegistered("FIRE-RESCUE", "万州区消防救援支队", UnitKind.OTHER_AUTHORITY, null));
        String[][] subordinate = {{"SUB-SANITATION", "区环境卫生管理所"}, {"SUB-MUNICIPAL", "区市政设施维护所"},
                {"SUB-PARKS", "区园林绿化所"}, {"SUB-DIGITAL", "区数字化城市管理中心"}};
        for (String[] u : subordinate) {
            add("admin", setUp, new Event.UnitRegistered(u[0], u[1], UnitKind.SUBORDINATE_UNIT, "BUREAU"));
        }
        Person leader = person(setUp, "P-LEADER", "王局长", "BUREAU", Role.BUREAU_LEADER);
        List<Person> staff = List.of(person(setUp, "P-STAFF-1", "李科长", "BUREAU-SAFETY", Role.BUREAU_STAFF),
                person(setUp, "P-STAFF-2", "陈科员", "BUREAU-SAFETY", Role.BUREAU_STAFF));
        List<Person> inspectors = new ArrayList<>();
        String[] names = {"赵", "钱", "孙", "周", "吴", "郑"};
        for (int i = 0; i < names.length; i++) {
            inspectors.add(person(setUp, "P-INSP-" + (i + 1), names[i] + "执法队员", i < 3 ? "BUREAU-LAW" : "BUREAU-SAFETY",
                    Role.INSPECTOR));
        }
        List<Person> reviewers = List.of(person(setUp, "P-REVIEW-1", "冯复查员", "BUREAU-SAFETY", Role.REVIEWER),
                person(setUp, "P-REVIEW-2", "褚复查员", "BUREAU-SAFETY", Role.REVIEWER));
        Map<String, Person> officers = new LinkedHashMap<>();
        for (String[] u : subordinate) {
            officers.put(u[0], person(setUp, "P-" + u[0], u[1] + "安全管理员", u[0], Role.UNIT_OFFICER));
        }

        // Venues: the bureau's own premises go to its subordinate units, the rest to enterprises by kind.
        List<Site> sites = new ArrayList<>();
        Map<String, Integer> perKind = new TreeMap<>();
        int own = 0;
        for (VenueFacts facts : venues.stream().sorted(Comparator.comparing(v -> v.venue().id())).toList()) {
            Venue v = facts.venue();
            boolean ownPremises = ledger.policy().ownPremises().contains(v.kind());
            String unit;
            if (ownPremises) {
                unit = subordinate[own++ % subordinate.length][0];
            } else {
                int n = perKind.merge(v.kind(), 1, Integer::sum);
                unit = "ENT-" + v.kind() + "-" + ((n - 1) / 5 + 1);
                if (!officers.containsKey(unit)) {
                    String label = campaign.venueKinds().get(v.kind()).label().zh();
                    add("admin", setUp, new Event.UnitRegistered(unit, label + "经营单位" + ((n - 1) / 5 + 1) + "号",
                            UnitKind.ENTERPRISE, null));
                    officers.put(unit, person(setUp, "P-" + unit, label + ((n - 1) / 5 + 1) + "号安全负责人", unit,
                            Role.UNIT_OFFICER));
                }
            }
            String street = streets.get(v.street().isBlank() ? "未标注街道" : v.street());
            List<String> choices = gridsOf.get(street);
            String area = choices.get(Math.floorMod(v.id().hashCode(), choices.size()));
            LocalDate inspected = clamp(facts.assessmentDate() != null ? facts.assessmentDate() : start.plusDays(10));
            sites.add(new Site(v, unit, area, ownPremises, facts.findings(), inspected));
            add(staff.get(0).id(), at(start, 9), new Event.VenueRegistered(v, unit, area));
        }

        // Inspections with their findings; each hazard is given a path now (a correction on the spot is a fact of the finding).
        List<Found> found = new ArrayList<>();
        Map<InspectionKind, Integer> inspections = new EnumMap<>(InspectionKind.class);
        List<Path> deck = deck(sites.stream().mapToInt(s -> s.findings().size()).sum());
        int dealt = 0;
        int majors = 0;
        Map<String, Integer> inspectionsOf = new LinkedHashMap<>();
        for (Site site : sites) {
            Map<LocalDate, List<Finding>> byDay = new TreeMap<>();
            for (Finding f : site.findings()) {
                byDay.computeIfAbsent(clamp(f.foundOn() != null ? f.foundOn() : site.inspected()), d -> new ArrayList<>())
                        .add(f);
            }
            if (byDay.isEmpty()) {
                byDay.put(site.inspected(), List.of());
            }
            for (Map.Entry<LocalDate, List<Finding>> day : byDay.entrySet()) {
                InspectionKind kind = site.ownPremises() ? InspectionKind.SELF_INSPECTION
                        : site.venue().kind().equals("RESIDENTIAL") || site.venue().floors() > 9
                        ? InspectionKind.JOINT_ENFORCEMENT
                        : random.nextBoolean() ? InspectionKind.SPOT_CHECK : InspectionKind.DOUBLE_RANDOM;
                Person by = kind == InspectionKind.SELF_INSPECTION ? officers.get(site.unit())
                        : inspectors.get(random.nextInt(inspectors.size()));
                String inspectionId = inspection(site, day.getKey(), kind, by, inspectionsOf, inspections);
                for (Finding f : day.getValue()) {
                    Path path = deck.get(dealt++ % deck.size());
                    boolean direct = direct(f);
                    if ((path == Path.SUPERVISED || path == Path.ENFORCED) && !direct) {
                        path = Path.ON_TIME;
                    } else if (direct && (path == Path.ON_TIME || path == Path.LATE)) {
                        // a direct element of GB 35181 is what 挂牌督办 and enforcement are for
                        path = (majors++ % 2 == 0) ? Path.SUPERVISED : Path.ENFORCED;
                    }
                    String hazardId = site.venue().id() + "/" + f.id();
                    Finding clean = Finding.builder(hazardId, f.hazardCode()).location(f.location())
                            .correctableOnSpot(f.correctableOnSpot()).ratio(f.ratio()).quantity(f.quantity())
                            .expertReviewed(f.expertReviewed()).party(f.party()).standardRevision(f.standardRevision())
                            .build();
                    add(by.id(), at(day.getKey(), 10), new Event.HazardFound(site.venue().id(), inspectionId, clean,
                            path == Path.CORRECTED_ON_SPOT, ordered(site.venue(), clean, day.getKey()),
                            List.of(photo(hazardId, "found"))));
                    found.add(new Found(hazardId, site, clean, path, day.getKey(), inspectionId));
                }
            }
        }
        // Inspections without findings so that every kind is seen in every month of the campaign.
        int index = 0;
        for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
            for (InspectionKind kind : InspectionKind.values()) {
                Site site = sites.get(Math.floorMod(index++ * 7919 + kind.ordinal(), sites.size()));
                if (kind == InspectionKind.SELF_INSPECTION) {
                    site = sites.stream().filter(Site::ownPremises).skip(index % Math.max(1,
                            sites.stream().filter(Site::ownPremises).count())).findFirst().orElse(site);
                }
                LocalDate day = clamp(month.withDayOfMonth(Math.min(20, month.lengthOfMonth())));
                if (day.getMonth() != month.getMonth()) {
                    continue;
                }
                Person by = kind == InspectionKind.SELF_INSPECTION ? officers.get(site.unit())
                        : kind == InspectionKind.REINSPECTION ? reviewers.get(0) : inspectors.get(index % inspectors.size());
                inspection(site, day, kind, by, inspectionsOf, inspections);
            }
        }
        int registered = entries.size();
        ledger.recordAll(entries);

        // Each hazard's path, from the deadline the ledger set when it was found.
        entries.clear();
        Map<String, Integer> paths = new TreeMap<>();
        List<Entry> lifecycle = new ArrayList<>();
        for (Found f : found) {
            HazardView h = ledger.hazard(f.hazardId(), f.on()).orElseThrow();
            Person officer = officers.get(f.site().unit());
            Person inspector = inspectors.get(Math.floorMod(f.hazardId().hashCode(), inspectors.size()));
            Person reviewer = reviewers.get(Math.floorMod(f.hazardId().hashCode(), reviewers.size()));
            Person approver = staff.get(Math.floorMod(f.hazardId().hashCode(), staff.size()));
            Script s = new Script(f.hazardId(), f.on());
            LocalDate d = h.deadline();
            paths.merge(f.path().name(), 1, Integer::sum);
            switch (f.path()) {
                case ON_TIME -> {
                    s.at(1, officer, new Event.PlanSet(f.hazardId(), plan(f, d)));
                    s.on(mid(f.on(), d), officer, report(f, "按期整改完毕"));
                    s.after(2, reviewer, passed(f));
                    s.after(1, approver, new Event.HazardClosed(f.hazardId(), "复查合格，予以销号"));
                }
                case LATE -> {
                    s.on(d.plusDays(3 + random.nextInt(8)), officer, report(f, "逾期完成整改"));
                    s.after(2, inspector, passed(f));
                    s.after(1, approver, new Event.HazardClosed(f.hazardId(), "复查合格，予以销号"));
                }
                case FAILED_THEN_PASSED -> {
                    s.at(1, officer, report(f, "已整改"));
                    s.after(2, inspector, new Event.ReinspectionFailed(f.hazardId(), null, "复查发现整改不到位",
                            List.of(photo(f.hazardId(), "failed"))));
                    s.after(3, officer, report(f, "重新整改完毕"));
                    s.after(2, reviewer, passed(f));
                    s.after(1, approver, new Event.HazardClosed(f.hazardId(), "复查合格，予以销号"));
                }
                case EXTENDED -> {
                    LocalDate until = d.plusDays(14);
                    s.at(1, officer, new Event.ExtensionRequested(f.hazardId(), until, "材料采购周期长，申请延期"));
                    s.after(1, approver, new Event.ExtensionApproved(f.hazardId(), until, "同意延期"));
                    s.on(until.minusDays(2), officer, report(f, "延期内整改完毕"));
                    s.after(2, reviewer, passed(f));
                    s.after(1, approver, new Event.HazardClosed(f.hazardId(), "复查合格，予以销号"));
                }
                case EXTENSION_REFUSED -> {
                    s.at(1, officer, new Event.ExtensionRequested(f.hazardId(), d.plusDays(20), "人手不足，申请延期"));
                    s.after(1, approver, new Event.ExtensionRefused(f.hazardId(), "理由不充分，按原期限整改"));
                    s.on(d.plusDays(4), officer, report(f, "整改完毕"));
                    s.after(2, inspector, passed(f));
                }
                case STILL_OPEN -> { }
                case RECTIFYING -> s.at(1, officer, new Event.PlanSet(f.hazardId(), plan(f, d)));
                case AWAITING_REINSPECTION -> {
                    s.at(1, officer, new Event.PlanSet(f.hazardId(), plan(f, d)));
                    s.on(end.minusDays(2), officer, report(f, "整改完毕，待复查"));
                }
                case REOPENED -> {
                    s.at(1, officer, report(f, "已整改"));
                    s.after(2, inspector, passed(f));
                    s.after(1, approver, new Event.HazardClosed(f.hazardId(), "复查合格，予以销号"));
                    LocalDate back = s.last().plusDays(7);
                    if (back.isBefore(end.withDayOfMonth(1))) {
                        back = end.withDayOfMonth(1).plusDays(Math.floorMod(f.hazardId().hashCode(), 14));
                    }
                    String again = "INS-" + f.site().venue().id() + "-R" + (inspectionsOf.merge(f.site().venue().id(), 1,
                            Integer::sum));
                    if (s.on(back, reviewer.id(), new Event.InspectionRecorded(again, f.site().venue().id(),
                            InspectionKind.REINSPECTION, back, List.of(reviewer.id()), "回头看"))) {
                        inspections.merge(InspectionKind.REINSPECTION, 1, Integer::sum);
                        s.same(reviewer, new Event.HazardReopened(f.hazardId(), again, "回头看发现隐患反弹",
                                ordered(f.site().venue(), f.finding(), back), List.of(photo(f.hazardId(), "rebound"))));
                    }
                }
                case CORRECTED_ON_SPOT -> { }
                case CANCELLED -> s.at(1, approver, new Event.HazardCancelled(f.hazardId(), "与同日另一检查记录重复"));
                case SUPERVISED -> {
                    s.at(1, leader, new Event.SupervisionListed(f.hazardId(), "BUREAU",
                            "万州城管督〔2023〕" + (paths.get(Path.SUPERVISED.name())) + "号"));
                    s.same(officer, new Event.PlanSet(f.hazardId(), plan(f, d)));
                    s.after(1, officer, new Event.ExtensionRequested(f.hazardId(), d.plusDays(30), "需停业施工，申请延期"));
                    s.after(1, leader, new Event.ExtensionApproved(f.hazardId(), d.plusDays(25), "同意延期至" + d.plusDays(25)));
                    s.on(d.plusDays(20), officer, report(f, "挂牌督办隐患整改完毕"));
                    s.after(3, reviewer, passed(f));
                    s.after(1, leader, new Event.HazardClosed(f.hazardId(), "挂牌督办隐患销号，摘牌"));
                }
                case ENFORCED -> {
                    s.at(0, inspector, new Event.EnforcementRecorded(f.hazardId(), Enforcement.ORDERED_TO_CORRECT,
                            "万州城管责改〔2023〕" + Math.floorMod(f.hazardId().hashCode(), 900) + "号", inspector.id(),
                            "《中华人民共和国消防法》第六十条：检查发现消防安全违法行为，责令改正"));
                    s.on(d.plusDays(2), inspector, new Event.EnforcementRecorded(f.hazardId(),
                            Enforcement.REFUSED_TO_CORRECT, "拒不改正记录" + Math.floorMod(f.hazardId().hashCode(), 900),
                            inspector.id(), "责令限期改正期满复查，仍未改正"));
                }
            }
            lifecycle.addAll(s.entries);
        }
        lifecycle.sort(Comparator.comparing(Entry::happenedAt));
        ledger.recordAll(lifecycle);
        int total = registered + lifecycle.size();
        return new Summary(sites.size(), total, ledger.eventCount() - before, paths, inspections);
    }

    /**
     * The deadline to write on the order: none, so that the ledger takes the engine's, except where the
     * campaign sets none for the finding (a structural defect awaiting its appraisal, say): there the
     * demo, like a bureau would, orders it done by the campaign's end.
     */
    private LocalDate ordered(Venue venue, Finding finding, LocalDate day) {
        io.firerisk.Assessment a = ledger.engine().assess(VenueFacts.of(venue,
                List.of(finding.toBuilder().foundOn(day).build()), day));
        boolean engineSetsOne = a.actions(ledger.policy().deadlineAction()).stream()
                .anyMatch(x -> x.due().isPresent() && (x.findingId().map(finding.id()::equals).orElse(false)
                        || x.findingIds().contains(finding.id())));
        return engineSetsOne ? null : end;
    }

    /** The paths, shuffled with the seed, each at least twice when there are enough hazards. */
    private List<Path> deck(int hazards) {
        List<Path> deck = new ArrayList<>();
        int[] weights = {6, 3, 3, 2, 2, 3, 2, 2, 3, 1, 1, 1, 2};
        for (Path p : Path.values()) {
            for (int i = 0; i < weights[p.ordinal()]; i++) {
                deck.add(p);
            }
        }
        java.util.Collections.shuffle(deck, random);
        return deck;
    }

    private boolean direct(Finding f) {
        return campaign.hazard(f.hazardCode()).map(HazardType::elements).orElse(List.of()).stream()
                .flatMap(number -> campaign.elementsNumbered(number).stream())
                .anyMatch(e -> e.kind() == ElementKind.DIRECT);
    }

    private String inspection(Site site, LocalDate day, InspectionKind kind, Person by, Map<String, Integer> numbering,
            Map<InspectionKind, Integer> counts) {
        String id = "INS-" + site.venue().id() + "-" + numbering.merge(site.venue().id(), 1, Integer::sum);
        add(by.id(), at(day, 10), new Event.InspectionRecorded(id, site.venue().id(), kind, day, List.of(by.id()),
                kind.label().zh()));
        counts.merge(kind, 1, Integer::sum);
        return id;
    }

    private Person person(Instant t, String id, String name, String unit, Role role) {
        add("admin", t, new Event.PersonRegistered(id, name, unit, Set.of(role)));
        return new Person(id, unit);
    }

    private RectificationPlan plan(Found f, LocalDate deadline) {
        return new RectificationPlan(f.site().venue().name() + "负责人", "按规定整改："
                + campaign.hazard(f.finding().hazardCode()).map(t -> t.label().zh()).orElse(f.finding().hazardCode()),
                deadline, "单位自筹", "整改期间加强巡查，落实临时防范措施");
    }

    private Event.RectificationReported report(Found f, String note) {
        return new Event.RectificationReported(f.hazardId(), note, List.of(photo(f.hazardId(), "rectified")));
    }

    private Event.ReinspectionPassed passed(Found f) {
        return new Event.ReinspectionPassed(f.hazardId(), null, "复查合格", List.of(photo(f.hazardId(), "verified")));
    }

    private static LocalDate mid(LocalDate from, LocalDate to) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        return from.plusDays(Math.max(1, days / 2));
    }

    private LocalDate clamp(LocalDate d) {
        LocalDate first = campaign.calendar().phases().size() > 1 ? campaign.calendar().phases().get(1).from() : start;
        LocalDate last = end.minusDays(10);
        return d.isBefore(first) ? first : d.isAfter(last) ? last : d;
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    private String id() {
        return "demo-" + seed + "-" + (++counter);
    }

    private void add(String actor, Instant at, Event event) {
        entries.add(Entry.of(id(), actor, at, event));
    }

    private Evidence photo(String hazardId, String what) {
        String name = hazardId.replace('/', '-') + "-" + what + ".jpg";
        return new Evidence(Evidence.Kind.PHOTO, "attachment:demo/" + name, sha256(name), 200_000 + Math.floorMod(
                name.hashCode(), 300_000), "image/jpeg", "");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hazard's events, each a given number of days after the last, cut at the campaign's end. */
    private final class Script {
        final String hazardId;
        final List<Entry> entries = new ArrayList<>();
        LocalDate last;
        int hour = 11;
        boolean stopped;

        Script(String hazardId, LocalDate found) {
            this.hazardId = hazardId;
            this.last = found;
        }

        LocalDate last() {
            return last;
        }

        void at(int daysAfterFound, Person who, Event e) {
            after(daysAfterFound, who, e);
        }

        void after(int days, Person who, Event e) {
            on(last.plusDays(days), who.id(), e);
        }

        void on(LocalDate day, Person who, Event e) {
            on(day, who.id(), e);
        }

        void same(Person who, Event e) {
            on(last, who.id(), e);
        }

        boolean on(LocalDate day, String who, Event e) {
            if (stopped || day.isAfter(end) || day.isBefore(last)) {
                stopped = true;
                return false;
            }
            hour = day.equals(last) ? hour + 1 : 11;
            last = day;
            entries.add(Entry.of(id(), who, DemoLedger.this.at(day, Math.min(hour, 20)), e));
            return true;
        }
    }
}
