package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.RequiredAction;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The realistic venues the task tests are written against, and small helpers to read an assessment. */
final class Venues {

    /**
     * A working day of the implementation phase, clear of key periods and their early warning, with
     * 30 days to spare before the Spring Festival lead-up, so deadlines are the tasks' own.
     */
    static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    /** The last week of the campaign (review phase), when deadlines meet the campaign's end. */
    static final LocalDate LAST_WEEK = LocalDate.of(2024, 3, 27);
    static final LocalDate CAMPAIGN_END = LocalDate.of(2024, 3, 31);

    private Venues() {}

    /** 区城市管理局机关食堂: a unit canteen whose kitchen is in the basement of the office building. */
    static Venue officeCanteenInBasement() {
        return Venue.builder("WZ-CANTEEN", "CANTEEN").name("区城市管理局机关食堂").street("牌楼街道")
                .heightMeters(18.0).floors(5).underground(true).occupantCapacity(150)
                .gasSupply(GasSupply.LPG_CYLINDER).build();
    }

    /** 江南新区某小区7号楼: 30 storeys, about 90 m, 360 residents. */
    static Venue thirtyStoreyBlock() {
        return Venue.builder("WZ-BLOCK7", "RESIDENTIAL").name("江南新区某小区7号楼").street("江南新区")
                .heightMeters(90.0).floors(30).occupantCapacity(360).sleepingOnSite(true)
                .gasSupply(GasSupply.PIPED_NATURAL_GAS).build();
    }

    /** 高笋塘便利店: a one-storey corner shop. */
    static Venue smallShop() {
        return Venue.builder("WZ-SHOP", "SHOP").name("高笋塘便利店").street("高笋塘街道")
                .heightMeters(4.5).floors(1).occupantCapacity(20).build();
    }

    static VenueFacts facts(Venue venue, LocalDate date, Finding... findings) {
        return VenueFacts.of(venue, List.of(findings), date);
    }

    static Assessment assess(Venue venue, LocalDate date, Finding... findings) {
        return Wanzhou.ENGINE.assess(facts(venue, date, findings));
    }

    /** The merged action with this code about this finding. */
    static Optional<RequiredAction> action(Assessment a, String code, String findingId) {
        return a.actions(code).stream().filter(r -> r.findingId().filter(findingId::equals).isPresent()).findFirst();
    }
}
