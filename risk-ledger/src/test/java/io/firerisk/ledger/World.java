package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.RectificationPlan;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small district for ledger tests: one district with two streets, the bureau with its leader,
 * staff, inspectors and reviewer, an enterprise with its officer, a subordinate unit with its own,
 * and two venues. The clock stands after the campaign, so every campaign date is in the past.
 */
final class World {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZONE);

    static final String LEADER = "leader-wang";
    static final String STAFF = "staff-li";
    static final String INSPECTOR = "inspector-zhao";
    static final String INSPECTOR_2 = "inspector-qian";
    static final String REVIEWER = "reviewer-sun";
    static final String OFFICER = "officer-zhou";
    static final String OTHER_OFFICER = "officer-wu";

    static final String RESTAURANT = "WZ-0002";
    static final String CANTEEN = "WZ-0100";

    private static RiskEngine engine;
    private final AtomicInteger ids = new AtomicInteger();

    static synchronized RiskEngine engine() {
        if (engine == null) {
            engine = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
        }
        return engine;
    }

    static Ledger open(TestDatabase db) {
        return db.configure(Ledger.builder()).campaign(engine()).clock(CLOCK).build();
    }

    static Instant at(String date, int hour) {
        return LocalDate.parse(date).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    String id() {
        return "E-" + ids.incrementAndGet();
    }

    Entry entry(String actor, Instant at, Event event) {
        return Entry.of(id(), actor, at, event);
    }

    static Venue restaurant() {
        return Venue.builder(RESTAURANT, "RESTAURANT").name("老张串串香").street("龙都街道").heightMeters(8.0).floors(2)
                .occupantCapacity(315).gasSupply(GasSupply.PIPED_NATURAL_GAS).build();
    }

    static Venue canteen() {
        return Venue.builder(CANTEEN, "CANTEEN").name("环卫所职工食堂").street("陈家坝街道").heightMeters(6.0).floors(1)
                .occupantCapacity(80).gasSupply(GasSupply.LPG_CYLINDER).build();
    }

    /** Records the district: areas, units, people and the two venues (registered 2023-12-01). */
    void setUp(Ledger ledger) {
        Instant t = at("2023-11-30", 9);
        ledger.record(List.of(
                entry("admin", t, new Event.AreaRegistered("WZ", AreaLevel.DISTRICT, "万州区", null)),
                entry("admin", t, new Event.AreaRegistered("ST-LD", AreaLevel.STREET, "龙都街道", "WZ")),
                entry("admin", t, new Event.AreaRegistered("CM-LD-1", AreaLevel.COMMUNITY, "龙都社区", "ST-LD")),
                entry("admin", t, new Event.AreaRegistered("GR-LD-1-01", AreaLevel.GRID, "龙都社区第1网格", "CM-LD-1")),
                entry("admin", t, new Event.AreaRegistered("ST-CJB", AreaLevel.STREET, "陈家坝街道", "WZ")),
                entry("admin", t, new Event.AreaRegistered("CM-CJB-1", AreaLevel.COMMUNITY, "陈家坝社区", "ST-CJB")),
                entry("admin", t, new Event.UnitRegistered("BUREAU", "万州区城市管理局", UnitKind.BUREAU_DEPARTMENT, null)),
                entry("admin", t, new Event.UnitRegistered("BUREAU-SAFETY", "局安全办", UnitKind.BUREAU_DEPARTMENT,
                        "BUREAU")),
                entry("admin", t, new Event.UnitRegistered("SUB-SANITATION", "区环卫所", UnitKind.SUBORDINATE_UNIT,
                        "BUREAU")),
                entry("admin", t, new Event.UnitRegistered("ENT-LAOZHANG", "老张餐饮有限公司", UnitKind.ENTERPRISE, null)),
                entry("admin", t, new Event.PersonRegistered(LEADER, "王局长", "BUREAU", Set.of(Role.BUREAU_LEADER))),
                entry("admin", t, new Event.PersonRegistered(STAFF, "李科员", "BUREAU-SAFETY",
                        Set.of(Role.BUREAU_STAFF))),
                entry("admin", t, new Event.PersonRegistered(INSPECTOR, "赵检查员", "BUREAU-SAFETY",
                        Set.of(Role.INSPECTOR))),
                entry("admin", t, new Event.PersonRegistered(INSPECTOR_2, "钱检查员", "BUREAU-SAFETY",
                        EnumSet.of(Role.INSPECTOR, Role.REVIEWER))),
                entry("admin", t, new Event.PersonRegistered(REVIEWER, "孙复查员", "BUREAU-SAFETY",
                        Set.of(Role.REVIEWER))),
                entry("admin", t, new Event.PersonRegistered(OFFICER, "周经理", "ENT-LAOZHANG",
                        Set.of(Role.UNIT_OFFICER))),
                entry("admin", t, new Event.PersonRegistered(OTHER_OFFICER, "吴所长", "SUB-SANITATION",
                        Set.of(Role.UNIT_OFFICER)))));
        Instant registered = at("2023-12-01", 9);
        ledger.record(List.of(
                entry(STAFF, registered, new Event.VenueRegistered(restaurant(), "ENT-LAOZHANG", "GR-LD-1-01")),
                entry(STAFF, registered, new Event.VenueRegistered(canteen(), "SUB-SANITATION", "CM-CJB-1"))));
    }

    Receipt inspect(Ledger ledger, String inspectionId, String venueId, InspectionKind kind, String date,
            String inspector, Finding... findings) {
        Instant t = at(date, 10);
        List<Entry> entries = new java.util.ArrayList<>();
        entries.add(entry(inspector, t, new Event.InspectionRecorded(inspectionId, venueId, kind, day(date),
                List.of(inspector), "")));
        for (Finding f : findings) {
            entries.add(entry(inspector, t, new Event.HazardFound(venueId, inspectionId, f, false, null, List.of())));
        }
        return ledger.record(entries);
    }

    static RectificationPlan plan(String deadline) {
        return new RectificationPlan("周经理", "加装可燃气体报警装置并与切断阀联动", deadline == null ? null : day(deadline),
                "企业自筹3000元", "整改期间后厨专人值守，配备灭火器和灭火毯");
    }

    static Evidence photo(String name) {
        return new Evidence(Evidence.Kind.PHOTO, "attachment:" + name, "a".repeat(64), 123_456, "image/jpeg", "整改后照片");
    }
}
