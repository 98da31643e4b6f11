package io.firerisk.campaigns.wanzhou;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.OperatingStatus;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
import io.firerisk.RiskGrade;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grade is monotonic in the hazards: over generated venues, findings and dates (inside and
 * around the campaign), adding a finding never lowers the grade and removing one never raises it.
 * Every code of the bundled catalogue can be drawn, so rules added later are held to the same law.
 */
class GradeMonotonicityTest {

    private static final Campaign CAMPAIGN = Wanzhou.ENGINE.campaign();
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 11, 20);
    private static final int DAYS = 150;

    @Property(tries = 400)
    void addingAHazardNeverLowersTheGrade(@ForAll("venues") Venue venue,
            @ForAll("findingLists") List<Finding.Builder> findings, @ForAll("findings") Finding.Builder extra,
            @ForAll("dates") LocalDate date) {
        List<Finding> without = numbered(findings);
        List<Finding> with = new ArrayList<>(without);
        with.add(rebuild(extra, "EXTRA"));

        RiskGrade before = grade(venue, without, date);
        RiskGrade after = grade(venue, with, date);

        assertThat(after).as("%s on %s: grade with %s added (was %s)", venue, date, with.get(with.size() - 1), before)
                .isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 400)
    void removingAHazardNeverRaisesTheGrade(@ForAll("venues") Venue venue,
            @ForAll("findingLists") @Size(min = 1) List<Finding.Builder> findings,
            @ForAll("dates") LocalDate date, @ForAll("indexes") int pick) {
        List<Finding> all = numbered(findings);
        List<Finding> fewer = new ArrayList<>(all);
        Finding removed = fewer.remove(pick % all.size());

        RiskGrade before = grade(venue, all, date);
        RiskGrade after = grade(venue, fewer, date);

        assertThat(after).as("%s on %s: grade with %s removed (was %s)", venue, date, removed, before).isLessThanOrEqualTo(before);
    }

    private static RiskGrade grade(Venue venue, List<Finding> findings, LocalDate date) {
        return Wanzhou.ENGINE.assess(VenueFacts.of(venue, findings, date)).grade();
    }

    private static List<Finding> numbered(List<Finding.Builder> builders) {
        List<Finding> out = new ArrayList<>(builders.size());
        for (int i = 0; i < builders.size(); i++) {
            out.add(rebuild(builders.get(i), "F" + (i + 1)));
        }
        return out;
    }

    private static Finding rebuild(Finding.Builder builder, String id) {
        Finding f = builder.build();
        return new Finding(id, f.hazardCode(), f.location(), f.area(), f.foundOn(), f.correctableOnSpot(), f.ratio(),
                f.quantity(), f.status(), f.plan(), f.expertReviewed(), f.timesFound(), f.party(), f.enforcement(), f.standardRevision());
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, DAYS).map(FIRST_DAY::plusDays);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1_000);
    }

    @Provide
    Arbitrary<Venue> venues() {
        Arbitrary<String> kinds = Arbitraries.of(List.copyOf(CAMPAIGN.venueKinds().keySet()));
        Arbitrary<Double> heights = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.doubles().between(3, 150).ofScale(1));
        Arbitrary<Integer> floors = Arbitraries.integers().between(1, 45);
        Arbitrary<Integer> occupants = Arbitraries.integers().between(0, 2_000);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        Arbitrary<GasSupply> gas = Arbitraries.of(GasSupply.class);
        Arbitrary<OperatingStatus> status = Arbitraries.of(OperatingStatus.class);
        return Combinators.combine(kinds, heights, floors, occupants, flags.list().ofSize(3), gas, status)
                .as((kind, height, storeys, people, f, g, s) -> Venue.builder("V", kind).heightMeters(height)
                        .floors(storeys).occupantCapacity(people).underground(f.get(0)).sleepingOnSite(f.get(1))
                        .dangerousGoods(f.get(2)).gasSupply(g).operatingStatus(s).build());
    }

    @Provide
    Arbitrary<List<Finding.Builder>> findingLists() {
        return findings().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Finding.Builder> findings() {
        Arbitrary<HazardType> types = Arbitraries.of(List.copyOf(CAMPAIGN.hazards().values()));
        Arbitrary<RectificationStatus> statuses = Arbitraries.of(RectificationStatus.class);
        Arbitrary<Boolean> correctable = Arbitraries.of(null, true, false);
        Arbitrary<Double> ratios = Arbitraries.doubles().between(0, 1).ofScale(2);
        Arbitrary<Integer> quantities = Arbitraries.integers().between(0, 50);
        Arbitrary<Integer> times = Arbitraries.integers().between(1, 3);
        Arbitrary<ResponsibleParty> parties = Arbitraries.of(ResponsibleParty.class);
        Arbitrary<Enforcement> enforcement = Arbitraries.of(Enforcement.class);
        Arbitrary<RectificationPlan> plans = Arbitraries.oneOf(Arbitraries.just(RectificationPlan.NONE),
                dates().map(d -> new RectificationPlan("负责人", "措施", d, "资金", "预案")),
                dates().map(d -> new RectificationPlan("负责人", null, d, null, null)));
        return Combinators.combine(types, statuses, correctable, ratios, quantities, times, parties,
                Combinators.combine(enforcement, plans).as(List::of))
                .as((type, status, corr, ratio, quantity, n, party, rest) -> {
                    Finding.Builder b = Finding.builder("F", type.code()).status(status).correctableOnSpot(corr)
                            .timesFound(n).party(party).enforcement((Enforcement) rest.get(0))
                            .plan((RectificationPlan) rest.get(1)).location("部位");
                    type.measure().ifPresent(m -> {
                        if (m.equals(HazardType.MEASURE_RATIO)) {
                            b.ratio(ratio);
                        } else {
                            b.quantity(quantity);
                        }
                    });
                    return b;
                });
    }
}
