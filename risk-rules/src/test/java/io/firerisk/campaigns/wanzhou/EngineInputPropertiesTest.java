package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.AssessmentException;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.OperatingStatus;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever the fact records accept, the engine answers: an assessment, or an
 * {@link AssessmentException} saying the facts do not fit the campaign and naming the field (an
 * unknown kind or code, a missing measurement). Never another exception, never a loop. Values run
 * to the records' limits: a million occupants, 1,000 m, quantities of a million, a finding seen
 * 1,000 times, dates from 1900 to 2999, codes the campaign has never heard of.
 */
class EngineInputPropertiesTest {

    private static final Campaign CAMPAIGN = Wanzhou.ENGINE.campaign();

    @Property(tries = 300)
    void everyRecordTheFactsAcceptIsAssessedOrRefusedNamingTheField(@ForAll("venues") Venue venue,
            @ForAll("findingLists") List<Finding> findings, @ForAll("dates") LocalDate date) {
        VenueFacts facts = VenueFacts.of(venue, findings, date);

        Throwable thrown = catchThrowable(() -> {
            Assessment a = Wanzhou.ENGINE.assess(facts);
            assertThat(a.venueId()).isEqualTo(venue.id());
            assertThat(a.assessedOn()).isEqualTo(date);
            assertThat(a.findings()).hasSameSizeAs(findings);
        });

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(AssessmentException.class);
            AssessmentException e = (AssessmentException) thrown;
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(AssessmentException.Kind.INVALID_FACTS);
            assertThat(e.field()).as(e.getMessage()).matches("venue\\.kind|findings\\[\\d+\\]\\.(hazardCode|ratio|quantity)");
            assertThat(e.getMessage()).contains(e.field());
            boolean unknownKind = !CAMPAIGN.venueKinds().containsKey(venue.kind());
            boolean unknownCode = findings.stream().anyMatch(f -> !CAMPAIGN.hazards().containsKey(f.hazardCode()));
            boolean missingMeasure = findings.stream().anyMatch(f -> CAMPAIGN.hazards().containsKey(f.hazardCode())
                    && CAMPAIGN.hazards().get(f.hazardCode()).measure().isPresent() && f.ratio() == null && f.quantity() == null);
            assertThat(unknownKind || unknownCode || missingMeasure).as("a reason to refuse: %s", e.getMessage()).isTrue();
        }
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of(VenueFacts.EARLIEST_DATE, VenueFacts.LATEST_DATE, CAMPAIGN.calendar().start(),
                        CAMPAIGN.calendar().end()),
                Arbitraries.longs().between(VenueFacts.EARLIEST_DATE.toEpochDay(), VenueFacts.LATEST_DATE.toEpochDay())
                        .map(LocalDate::ofEpochDay),
                Arbitraries.integers().between(-30, 150).map(CAMPAIGN.calendar().start()::plusDays));
    }

    @Provide
    Arbitrary<Venue> venues() {
        Arbitrary<String> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(List.copyOf(CAMPAIGN.venueKinds().keySet()))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("NO_SUCH_KIND", "office", "酒店")));
        Arbitrary<Double> heights = Arbitraries.oneOf(Arbitraries.just((Double) null),
                Arbitraries.of(0.0, Venue.MAX_HEIGHT_METERS, 24.0, 27.0, 100.0), Arbitraries.doubles().between(0, 1_000));
        Arbitrary<Integer> floors = Arbitraries.oneOf(Arbitraries.of(1, Venue.MAX_FLOORS), Arbitraries.integers().between(1, 200));
        Arbitrary<Integer> occupants = Arbitraries.oneOf(Arbitraries.of(0, Venue.MAX_OCCUPANTS),
                Arbitraries.integers().between(0, Venue.MAX_OCCUPANTS));
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(3);
        return Combinators.combine(kinds, heights, floors, occupants, flags, Arbitraries.of(GasSupply.class),
                Arbitraries.of(OperatingStatus.class))
                .as((kind, height, storeys, people, f, gas, status) -> Venue.builder("V-1", kind).name("<b>名称</b>")
                        .heightMeters(height).floors(storeys).occupantCapacity(people).underground(f.get(0))
                        .sleepingOnSite(f.get(1)).dangerousGoods(f.get(2)).gasSupply(gas).operatingStatus(status).build());
    }

    @Provide
    Arbitrary<List<Finding>> findingLists() {
        return findings().list().ofMaxSize(8).map(list -> {
            List<Finding> numbered = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Finding f = list.get(i);
                numbered.add(new Finding("F" + i, f.hazardCode(), f.location(), f.area(), f.foundOn(), f.correctableOnSpot(),
                        f.ratio(), f.quantity(), f.status(), f.plan(), f.expertReviewed(), f.timesFound(), f.party(),
                        f.enforcement(), f.standardRevision()));
            }
            return numbered;
        });
    }

    private Arbitrary<Finding> findings() {
        Arbitrary<String> codes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(19, Arbitraries.of(List.copyOf(CAMPAIGN.hazards().keySet()))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("NO_SUCH_CODE", "exit_locked_or_blocked")));
        Arbitrary<Double> ratios = Arbitraries.oneOf(Arbitraries.just((Double) null), Arbitraries.of(0.0, 1.0),
                Arbitraries.doubles().between(0, 1));
        Arbitrary<Integer> quantities = Arbitraries.oneOf(Arbitraries.just((Integer) null),
                Arbitraries.of(0, Finding.MAX_QUANTITY), Arbitraries.integers().between(0, 100));
        Arbitrary<Integer> times = Arbitraries.oneOf(Arbitraries.of(1, Finding.MAX_TIMES_FOUND), Arbitraries.integers().between(1, 5));
        Arbitrary<RectificationPlan> plans = Arbitraries.oneOf(Arbitraries.just(RectificationPlan.NONE),
                dates().map(d -> new RectificationPlan("负责人", "措施", d, "资金", "预案")));
        Arbitrary<LocalDate> foundOn = Arbitraries.oneOf(Arbitraries.just((LocalDate) null), dates());
        return Combinators.combine(codes, ratios, quantities, times, plans, foundOn,
                Arbitraries.of(RectificationStatus.class), Arbitraries.of(Enforcement.class))
                .as((code, ratio, quantity, n, plan, found, status, enforcement) -> {
                    HazardType type = CAMPAIGN.hazards().get(code);
                    boolean ratioMeasure = type != null && type.measure().filter(HazardType.MEASURE_RATIO::equals).isPresent();
                    return Finding.builder("F", code).location("部位").ratio(ratioMeasure ? ratio : null)
                            .quantity(ratioMeasure ? null : quantity).timesFound(n).plan(plan).foundOn(found)
                            .status(status).enforcement(enforcement).party(ResponsibleParty.UNIT).build();
                });
    }
}
