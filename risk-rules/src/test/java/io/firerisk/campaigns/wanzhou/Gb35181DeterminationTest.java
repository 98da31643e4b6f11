package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.Label;
import io.firerisk.OperatingStatus;
import io.firerisk.PlaceClassification;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.ThresholdCheck;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.firerisk.campaigns.wanzhou.Venues.assess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * GB 35181-2017 as the Wanzhou campaign encodes it: the cases where the wording is subtle (ratios
 * at their threshold, carve-outs between chapters 6 and 7, place classes from two authorities, the
 * exclusions). The scenario table scenarios/gb35181.csv covers every element for breadth.
 */
class Gb35181DeterminationTest {

    static final LocalDate IN_CAMPAIGN = LocalDate.of(2024, 1, 10);
    static final LocalDate AFTER_CAMPAIGN = LocalDate.of(2024, 6, 1);

    static Venue restaurant() {
        return Venue.builder("WZ-R", "RESTAURANT").name("江滨饭店").heightMeters(8.0).floors(2).occupantCapacity(20).build();
    }

    static Venue highRiseHospital() {
        return Venue.builder("WZ-H", "HOSPITAL").name("区人民医院住院楼").heightMeters(40.0).floors(12).occupantCapacity(20).build();
    }

    static Venue highRiseFlats() {
        return Venue.builder("WZ-F", "RESIDENTIAL").name("江南小区8栋").heightMeters(60.0).floors(20).occupantCapacity(20).build();
    }

    static Venue office() {
        return Venue.builder("WZ-O", "OFFICE").name("城管局办公楼").heightMeters(16.0).floors(5).occupantCapacity(20).build();
    }

    static Venue governmentOffice() {
        return Venue.builder("WZ-G", "GOVERNMENT_OFFICE").name("区政府办公楼").heightMeters(20.0).floors(6).occupantCapacity(20).build();
    }

    static Venue of(String kind, String name) {
        return Venue.builder("WZ-" + kind, kind).name(name).heightMeters(9.0).floors(3).occupantCapacity(20).build();
    }

    static Finding finding(String id, String code) {
        return Finding.builder(id, code).location("二楼").correctableOnSpot(false).build();
    }

    static Finding measured(String id, String code, double ratio) {
        return Finding.builder(id, code).location("二楼").ratio(ratio).build();
    }

    /** Two elements of the 8.2 a) list that count at any crowded place: one more reaches its threshold of 3. */
    static Finding[] twoCrowdedListElements() {
        return new Finding[] {finding("F8", "REFUGE_AREA_OCCUPIED"), finding("F9", "INDEPENDENT_EXIT_OR_STAIR_MISSING")};
    }

    static Finding[] with(Finding first, Finding... rest) {
        List<Finding> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all.toArray(Finding[]::new);
    }

    static List<String> elements(Assessment a) {
        List<String> all = new ArrayList<>(a.determination().directElements());
        all.addAll(a.determination().comprehensiveElements());
        return all;
    }

    @Nested
    class Output {

        @Test
        @Covers({"7.3.1", "7.3.2", "7.3.4"})
        void crowdedPlaceAtItsThresholdGivesTheElementsTheCountAgainstEveryRowAndTheCollectiveDecisionReminder() {
            // Given a restaurant (a crowded place by statute) with three elements of the 8.2 a) list
            Assessment a = assess(restaurant(), IN_CAMPAIGN,
                    with(finding("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT"), twoCrowdedListElements()));

            // Then it is a suspected major hazard by counting, never a final verdict: L5, in a restaurant for 20 (S2)
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.grading().formula()).isEqualTo("L5 × S2 = 10");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(a.determination().directElements()).isEmpty();
            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.2", "7.3.4");
            assertThat(a.determination().thresholds())
                    .extracting(ThresholdCheck::row, t -> t.placeClass().code(), ThresholdCheck::count,
                            ThresholdCheck::threshold, ThresholdCheck::reached, t -> t.clause().id())
                    .containsExactly(
                            tuple("CROWDED_EVACUATION", "CROWDED", 3, 3, true, "GB 35181-2017 8.2 a)"),
                            tuple("SENSITIVE_ANY", "CROWDED", 3, 4, false, "GB 35181-2017 8.2 c)"));
            assertThat(a.determination().needsCollectiveDecision()).isTrue();
            assertThat(a.determination().reminder().zh()).contains("不少于3人", "不少于7人", "2/3", "GB 35181-2017 4.2");
            assertThat(a.action("COLLECTIVE_DETERMINATION")).get().satisfies(r -> {
                assertThat(r.due()).contains(IN_CAMPAIGN.plusDays(7));
                assertThat(r.clauses()).extracting(ClauseRef::id).containsExactly("GB 35181-2017 4.2");
            });
            assertThat(a.actions("FIVE_IN_PLACE")).extracting(r -> r.findingId().orElseThrow())
                    .containsExactlyInAnyOrder("F1", "F8", "F9");
            assertThat(a.actions("FIVE_IN_PLACE")).allSatisfy(r -> assertThat(r.due()).contains(IN_CAMPAIGN.plusDays(3)));
            assertThat(a.reasons()).anySatisfy(r -> {
                // One rule for the elements a finding makes at a crowded place (elementLists in standard.yaml); its
                // reason cites the element's own clause.
                assertThat(r.rule()).isEqualTo("8.1 b) 确定存在第7章规定的综合判定要素的情形：人员密集场所存在的火灾隐患构成其所属的综合判定要素");
                assertThat(r.clause().id()).isEqualTo("GB 35181-2017 7.3.2");
                assertThat(r.sentence().zh()).isEqualTo(
                        "江滨饭店属人员密集场所，人员密集场所内疏散楼梯间的设置形式不符合国家工程建设消防技术标准的规定（二楼），构成综合判定要素7.3.2");
            });
        }

        @Test
        @Covers({"7.3.9", "7.3.10"})
        void countedElementsAreListedInTheStandardsOrder() {
            Assessment a = assess(restaurant(), IN_CAMPAIGN, finding("F1", "EXTERNAL_WINDOWS_BLOCKED"),
                    finding("F2", "BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE"));

            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.9", "7.3.10");
            assertThat(a.determination().thresholds()).filteredOn(t -> t.row().equals("SENSITIVE_ANY")).singleElement()
                    .satisfies(t -> assertThat(t.elements()).containsExactly("7.3.9", "7.3.10"));
            assertThat(a.reasons()).extracting(r -> r.sentence().zh()).contains(
                    "江滨饭店适用综合判定规则SENSITIVE_ANY：存在2项规定的综合判定要素（7.3.9、7.3.10），判定标准为4项以上");
        }

        @Test
        void explanationSaysWhichPlaceClassWasUsedAndWhetherTheStatuteOrTheCampaignPutTheVenueInIt() {
            // Given a restaurant (crowded by statute), an office (crowded by the campaign's own reading) and an other place
            Assessment restaurant = assess(restaurant(), IN_CAMPAIGN);
            Assessment office = assess(office(), IN_CAMPAIGN);
            Assessment other = assess(of("OTHER", "物业服务用房"), IN_CAMPAIGN);

            assertThat(restaurant.placeClasses()).extracting(c -> c.placeClass().code(), PlaceClassification::source)
                    .containsExactlyInAnyOrder(tuple("PUBLIC_GATHERING", "STATUTE"), tuple("CROWDED", "STATUTE"));
            assertThat(restaurant.reasons()).extracting(r -> r.sentence().zh())
                    .contains("江滨饭店（饭店、餐馆）依消防法 第七十三条 (四)属人员密集场所（法律规定）");
            assertThat(office.placeClasses()).singleElement().satisfies(c -> {
                assertThat(c.placeClass().code()).isEqualTo("CROWDED");
                assertThat(c.source()).isEqualTo("CAMPAIGN");
                assertThat(c.clause().id()).isEqualTo("万州城管发〔2023〕114号 二(三)");
            });
            assertThat(office.reasons()).extracting(r -> r.sentence().zh()).contains(
                    "城管局办公楼（办公场所）依万州城管发〔2023〕114号 二(三)按人员密集场所管理（本方案的认定，非法律规定，仅在方案实施期间适用）");
            assertThat(other.reasons()).extracting(r -> r.sentence().zh())
                    .contains("物业服务用房（其他场所）不属人员密集场所、易燃易爆危险品场所或重要场所，按其他场所判定");
            assertThat(other.determination().thresholds()).extracting(ThresholdCheck::row).containsExactly("OTHER_ANY");
        }

        @Test
        void everyRatioThresholdIsTheStandardsNumberReadFromTheCampaignFile() {
            Map<String, Double> p = Wanzhou.ENGINE.campaign().parameters();

            assertThat(p).containsEntry("gb35181.6.2.separation-ratio-below", 0.75)
                    .containsEntry("gb35181.6.5.exit-width-ratio-below", 0.80)
                    .containsEntry("gb35181.7.1.2.separation-ratio-below", 0.80)
                    .containsEntry("gb35181.7.2.1.compartment-excess-above", 0.50)
                    .containsEntry("gb35181.7.2.2.damaged-ratio-above", 0.50)
                    .containsEntry("gb35181.7.3.3.exit-width-ratio-below", 1.0)
                    .containsEntry("gb35181.7.3.5.travel-distance-excess-above", 0.25)
                    .containsEntry("gb35181.7.3.6.damaged-ratio-above.high-rise-or-underground", 0.30)
                    .containsEntry("gb35181.7.3.6.damaged-ratio-above.other", 0.50)
                    .containsEntry("gb35181.7.3.7.damaged-ratio-above.high-rise-with-crowded-place", 0.20)
                    .containsEntry("gb35181.7.3.7.damaged-ratio-above.other", 0.50);
        }
    }

    @Nested
    class Ratios {

        static Stream<Arguments> thresholds() {
            return Stream.of(
                    // element, venue, code, exactly at the threshold, just past it
                    Arguments.of("6.2", of("DANGEROUS_GOODS_STORE", "化工仓库"), "DG_SEPARATION_SHORT", 0.75, 0.74),
                    Arguments.of("6.5", of("SHOP", "百货商店"), "EXIT_WIDTH_SHORT", 0.80, 0.79),
                    Arguments.of("7.1.2", of("WAREHOUSE", "物流仓库"), "BUILDING_SEPARATION_SHORT", 0.80, 0.79),
                    Arguments.of("7.2.1", of("OTHER", "物业服务用房"), "FIRE_COMPARTMENT_OVERSIZED", 0.50, 0.51),
                    Arguments.of("7.2.2", of("OTHER", "物业服务用房"), "FIRE_SEPARATION_DEVICES_DAMAGED", 0.50, 0.51),
                    Arguments.of("7.3.3", office(), "EXIT_WIDTH_SHORT", 1.0, 0.99),
                    Arguments.of("7.3.5", of("MALL", "万达广场"), "SALES_FLOOR_TRAVEL_DISTANCE_LONG", 0.25, 0.26),
                    Arguments.of("7.3.6", highRiseHospital(), "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.30, 0.31),
                    Arguments.of("7.3.6", restaurant(), "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.50, 0.51),
                    Arguments.of("7.3.7", highRiseHospital(), "STAIR_DOORS_DAMAGED", 0.20, 0.21),
                    Arguments.of("7.3.7", restaurant(), "STAIR_DOORS_DAMAGED", 0.50, 0.51));
        }

        @ParameterizedTest(name = "{0} at {2}: {3} does not make it, {4} does")
        @MethodSource("thresholds")
        @Covers({"6.2", "6.5", "7.1.2", "7.2.1", "7.2.2", "7.3.3", "7.3.5", "7.3.6", "7.3.7"})
        void aRatioExactlyAtTheStandardsNumberDoesNotMakeTheElementAndOneJustPastItDoes(String element, Venue venue,
                String code, double at, double past) {
            Assessment atThreshold = assess(venue, IN_CAMPAIGN, measured("F1", code, at));
            Assessment pastThreshold = assess(venue, IN_CAMPAIGN, measured("F1", code, past));

            assertThat(elements(atThreshold)).doesNotContain(element);
            assertThat(elements(pastThreshold)).contains(element);
        }

        @Test
        @Covers("7.3.7")
        void stairDoorsDamagedOver20PercentCountOnlyInAHighRiseBuildingWithACrowdedPlace() {
            // Given 30% of the stair doors damaged in a high-rise hospital, in high-rise flats and in a low restaurant
            Assessment hospital = assess(highRiseHospital(), IN_CAMPAIGN, measured("F1", "STAIR_DOORS_DAMAGED", 0.30));
            Assessment flats = assess(highRiseFlats(), IN_CAMPAIGN, measured("F1", "STAIR_DOORS_DAMAGED", 0.30));
            Assessment low = assess(restaurant(), IN_CAMPAIGN, measured("F1", "STAIR_DOORS_DAMAGED", 0.30));

            // Then only the high-rise building with a crowded place is over its 20%; the others are held to 50%
            assertThat(hospital.determination().comprehensiveElements()).containsExactly("7.3.7");
            assertThat(hospital.reasons()).extracting(r -> r.sentence().zh()).contains(
                    "区人民医院住院楼为高层建筑内的人员密集场所，封闭楼梯间或防烟楼梯间的门损坏（二楼）：损坏率30%，超过20%，构成综合判定要素7.3.7");
            assertThat(flats.determination().comprehensiveElements()).isEmpty();
            assertThat(low.determination().comprehensiveElements()).isEmpty();
        }

        @Test
        @Covers("7.3.6")
        void damagedEmergencyLightingIsJudgedAt30PercentInHighRiseAndUndergroundBuildingsAnd50PercentElsewhere() {
            Venue underground = restaurant().toBuilder().underground(true).build();

            Assessment highRise = assess(highRiseHospital(), IN_CAMPAIGN, measured("F1", "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.40));
            Assessment below = assess(underground, IN_CAMPAIGN, measured("F1", "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.40));
            Assessment other = assess(restaurant(), IN_CAMPAIGN, measured("F1", "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.40));
            Assessment missing = assess(restaurant(), IN_CAMPAIGN, finding("F1", "EVACUATION_SIGNS_OR_LIGHTING_MISSING"));

            assertThat(highRise.determination().comprehensiveElements()).containsExactly("7.3.6");
            assertThat(below.determination().comprehensiveElements()).containsExactly("7.3.6");
            assertThat(other.determination().comprehensiveElements()).isEmpty();
            assertThat(missing.determination().comprehensiveElements()).containsExactly("7.3.6");
        }
    }

    @Nested
    class CarveOuts {

        @Test
        @Covers({"6.5", "7.3.3"})
        void anExitWidthShortfallAtAShopIsJudgedUnder65AloneEvenWhenItIsTooSmallFor65() {
            // 7.3.3: "除6.5规定外的其他场所" — at the places of 6.5, exit width is 6.5's matter only
            Assessment shopAt85 = assess(of("SHOP", "百货商店"), IN_CAMPAIGN, measured("F1", "EXIT_WIDTH_SHORT", 0.85));
            Assessment shopAt79 = assess(of("SHOP", "百货商店"), IN_CAMPAIGN, measured("F1", "EXIT_WIDTH_SHORT", 0.79));
            Assessment officeAt85 = assess(office(), IN_CAMPAIGN, measured("F1", "EXIT_WIDTH_SHORT", 0.85));

            assertThat(elements(shopAt85)).isEmpty();
            assertThat(shopAt85.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(elements(shopAt79)).containsExactly("6.5");
            assertThat(shopAt79.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(elements(officeAt85)).containsExactly("7.3.3");
        }

        @Test
        @Covers("7.3.3")
        void aSealedExitCountsUnder733EvenAtAPlaceOf65() {
            Assessment a = assess(of("ENTERTAINMENT", "星光KTV"), IN_CAMPAIGN, with(finding("F1", "EXIT_SEALED"), twoCrowdedListElements()));

            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.3", "7.3.4");
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.firedRules()).contains("7.3.3 既有安全出口被封堵");
        }

        @Test
        @Covers({"6.6", "7.4.4", "7.7.1"})
        void missingSprinklersOrAlarmAreADirectElementAtHotelsShopsAndEntertainmentAndAComprehensiveOneElsewhere() {
            Assessment hotel = assess(of("HOTEL", "滨江宾馆"), IN_CAMPAIGN, finding("F1", "SPRINKLER_NOT_INSTALLED"),
                    finding("F2", "FIRE_ALARM_NOT_INSTALLED"));
            Assessment undergroundRestaurant = assess(restaurant().toBuilder().underground(true).build(), IN_CAMPAIGN,
                    finding("F1", "SPRINKLER_NOT_INSTALLED"));
            Assessment school = assess(of("SCHOOL", "第二中学教学楼"), IN_CAMPAIGN, finding("F1", "SPRINKLER_NOT_INSTALLED"),
                    finding("F2", "FIRE_ALARM_NOT_INSTALLED"));

            assertThat(hotel.determination().directElements()).containsExactly("6.6");
            assertThat(hotel.determination().comprehensiveElements()).isEmpty();
            assertThat(undergroundRestaurant.determination().directElements()).containsExactly("6.6");
            assertThat(school.determination().directElements()).isEmpty();
            assertThat(school.determination().comprehensiveElements()).containsExactly("7.4.4", "7.7.1");
            assertThat(school.verdict()).isEqualTo(HazardVerdict.GENERAL);
        }

        @Test
        @Covers({"7.1.1", "7.3.11"})
        void aBlockedFireLaneOfAHighRiseBuildingIsCountedOnceUnder7311AndElsewhereUnder711() {
            Assessment highRise = assess(highRiseFlats(), IN_CAMPAIGN, finding("F1", "FIRE_LANE_BLOCKED"));
            Assessment low = assess(restaurant(), IN_CAMPAIGN, finding("F1", "FIRE_LANE_BLOCKED"));

            assertThat(highRise.determination().comprehensiveElements()).containsExactly("7.3.11");
            assertThat(low.determination().comprehensiveElements()).containsExactly("7.1.1");
        }

        @Test
        @Covers({"6.2", "7.1.2"})
        void aFindingThatMakesADirectElementIsNotCountedAgainAsAComprehensiveOne() {
            Assessment direct = assess(of("DANGEROUS_GOODS_STORE", "化工仓库"), IN_CAMPAIGN, measured("F1", "DG_SEPARATION_SHORT", 0.74));
            Assessment comprehensive = assess(of("DANGEROUS_GOODS_STORE", "化工仓库"), IN_CAMPAIGN, measured("F1", "DG_SEPARATION_SHORT", 0.78));

            assertThat(direct.determination().directElements()).containsExactly("6.2");
            assertThat(direct.determination().comprehensiveElements()).isEmpty();
            assertThat(comprehensive.determination().directElements()).isEmpty();
            assertThat(comprehensive.determination().comprehensiveElements()).containsExactly("7.1.2");
        }
    }

    @Nested
    class Exclusions {

        Finding[] threeElementsWithFirst(Finding.Builder first) {
            return with(first.location("二楼").correctableOnSpot(false).build(), twoCrowdedListElements());
        }

        @Test
        void aFindingCorrectedOnTheSpotOrCorrectableOnTheSpotDoesNotCount() {
            // GB 35181-2017 5.1.2: only hazards that cannot be corrected on the spot are elements
            Assessment corrected = assess(restaurant(), IN_CAMPAIGN, with(Finding.builder("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT")
                    .status(RectificationStatus.CORRECTED_ON_SPOT).build(), twoCrowdedListElements()));
            Assessment correctable = assess(restaurant(), IN_CAMPAIGN, with(Finding.builder("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT")
                    .correctableOnSpot(true).build(), twoCrowdedListElements()));

            for (Assessment a : List.of(corrected, correctable)) {
                assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
                assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.4");
                assertThat(a.findings()).filteredOn(f -> f.id().equals("F1")).singleElement()
                        .satisfies(f -> assertThat(f.counted()).isFalse());
                assertThat(a.firedRules()).contains("5.1.2 能够立即改正的火灾隐患不作为判定要素");
            }
        }

        @Test
        void anExpertDesignReviewWithItsMeasuresTakenTakesTheFindingOutOfTheCount() {
            // 5.1.3 a)
            Assessment a = assess(restaurant(), IN_CAMPAIGN,
                    threeElementsWithFirst(Finding.builder("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT").expertReviewed(true)));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.4");
            assertThat(a.citedClauses()).contains("GB 35181-2017 5.1.3 a)");
        }

        @Test
        void aPlaceOutOfUseKeepsItsElementsListedButIsNotJudgedMajor() {
            // 5.1.3 b)
            Venue closed = restaurant().toBuilder().operatingStatus(OperatingStatus.CLOSED).build();
            Assessment a = assess(closed, IN_CAMPAIGN,
                    threeElementsWithFirst(Finding.builder("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT")));

            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.2", "7.3.4");
            assertThat(a.determination().thresholds()).filteredOn(ThresholdCheck::reached).extracting(ThresholdCheck::row)
                    .containsExactly("CROWDED_EVACUATION");
            assertThat(a.determination().exclusions()).extracting(Label::code).containsExactly("OUT_OF_USE");
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.actionCodes()).doesNotContain("COLLECTIVE_DETERMINATION", "FIVE_IN_PLACE");
        }

        @Test
        void aHumanJudgmentThatTheHazardsAreNotEnoughForAMajorFireIsRecordedAndExcludesTheVerdict() {
            // 5.1.3 c): the engine records the judgment; it never makes it
            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(restaurant(), List.of(threeElementsWithFirst(
                    Finding.builder("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT"))), IN_CAMPAIGN).withJudgedNotMajor(true));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().exclusions()).extracting(Label::code).containsExactly("JUDGED_NOT_MAJOR");
            assertThat(a.reasons()).anySatisfy(r -> {
                assertThat(r.clause().id()).isEqualTo("GB 35181-2017 5.1.3 c)");
                assertThat(r.sentence().zh()).contains("人工判断");
            });
        }
    }

    @Nested
    class PlaceClasses {

        @Test
        @Covers({"7.3.2", "7.6.1"})
        void aGovernmentOfficeIsJudgedAsBothACrowdedAndAnImportantPlaceAndEitherRowSuffices() {
            // Given an office of a state organ: crowded by the campaign's reading, important by GB 35181-2017 3.6
            Assessment crowdedRow = assess(governmentOffice(), IN_CAMPAIGN,
                    with(finding("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT"), twoCrowdedListElements()));
            Assessment anyThree = assess(governmentOffice(), IN_CAMPAIGN, finding("F1", "FIRE_LIFT_OUT_OF_ORDER"),
                    finding("F2", "FIRE_WATER_OR_AGENT_MISSING"), finding("F3", "OUTDOOR_FIRE_WATER_DEFECTIVE"));
            Assessment anyFour = assess(governmentOffice(), IN_CAMPAIGN, finding("F1", "FIRE_LIFT_OUT_OF_ORDER"),
                    finding("F2", "FIRE_WATER_OR_AGENT_MISSING"), finding("F3", "OUTDOOR_FIRE_WATER_DEFECTIVE"),
                    finding("F4", "FIRE_POWER_LOAD_CLASS_LOW"));

            assertThat(crowdedRow.placeClasses()).extracting(c -> c.placeClass().code(), PlaceClassification::source)
                    .containsExactlyInAnyOrder(tuple("CROWDED", "CAMPAIGN"), tuple("IMPORTANT", "STANDARD"));
            assertThat(crowdedRow.determination().thresholds())
                    .extracting(ThresholdCheck::row, ThresholdCheck::count, ThresholdCheck::reached)
                    .containsExactly(tuple("CROWDED_EVACUATION", 3, true), tuple("SENSITIVE_ANY", 3, false));
            assertThat(crowdedRow.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(anyThree.determination().thresholds())
                    .extracting(ThresholdCheck::row, ThresholdCheck::count, ThresholdCheck::reached)
                    .containsExactly(tuple("CROWDED_EVACUATION", 0, false), tuple("SENSITIVE_ANY", 3, false));
            assertThat(anyThree.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(anyFour.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        @Covers({"7.3.1", "7.3.2", "7.3.4", "7.9.3"})
        void afterTheCampaignAGovernmentOfficeIsOnlyAnImportantPlace() {
            Assessment a = assess(governmentOffice(), AFTER_CAMPAIGN, finding("F1", "STAIR_ENCLOSURE_TYPE_NONCOMPLIANT"),
                    finding("F2", "GAS_USE_NONCOMPLIANT"), twoCrowdedListElements()[0], twoCrowdedListElements()[1]);

            assertThat(a.calendar().campaignInForce()).isFalse();
            assertThat(a.placeClasses()).extracting(c -> c.placeClass().code()).containsExactly("IMPORTANT");
            // 7.3.2 needs a crowded place, so it is no element now; three others stay short of 8.2 c)'s four
            assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.4", "7.9.3");
            assertThat(a.determination().thresholds()).extracting(ThresholdCheck::row, ThresholdCheck::count)
                    .containsExactly(tuple("SENSITIVE_ANY", 3));
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.citedClauses()).contains("GB 35181-2017 3.6").doesNotContain("万州城管发〔2023〕114号 二(三)");
        }

        @Test
        @Covers({"7.1.1", "7.1.3", "7.4.5"})
        void aPlaceWhereFlammableGoodsAreProducedIsAFlammableGoodsPlaceWhateverItsKind() {
            Venue plant = of("FACTORY", "化工厂房");
            Finding[] three = {finding("F1", "FIRE_LANE_NOT_PROVIDED"), finding("F2", "STAFF_DORMITORY_IN_PLANT_OR_MALL"),
                    finding("F3", "FIXED_EXTINGUISHING_NOT_INSTALLED")};

            Assessment flammable = assess(plant.toBuilder().dangerousGoods(true).build(), IN_CAMPAIGN, three);
            Assessment ordinary = assess(plant, IN_CAMPAIGN, three);

            assertThat(flammable.placeClasses()).singleElement().satisfies(c -> {
                assertThat(c.placeClass().code()).isEqualTo("FLAMMABLE_EXPLOSIVE");
                assertThat(c.source()).isEqualTo("STANDARD");
            });
            assertThat(flammable.determination().thresholds()).extracting(ThresholdCheck::row, ThresholdCheck::reached)
                    .containsExactly(tuple("FLAMMABLE_LAYOUT", true), tuple("SENSITIVE_ANY", false));
            assertThat(flammable.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(ordinary.determination().thresholds()).extracting(ThresholdCheck::row, ThresholdCheck::count)
                    .containsExactly(tuple("OTHER_ANY", 3));
            assertThat(ordinary.verdict()).isEqualTo(HazardVerdict.GENERAL);
        }
    }

    @Nested
    class Catalogue {

        @TempDir
        Path temp;

        @Test
        @Covers("7.9.3")
        void aCodeAddedInAnotherCatalogueFileCountsForTheElementItNamesWithoutAnyRuleChange() {
            // Given a campaign task adds its own code for bottled gas in a basement, evidencing 7.9.3
            CampaignFixture fixture = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp).write("hazards/task-gas.csv",
                    "code,zh,en,category,element,clause,applies_to,correctable,rectify_days,measure,verified\n"
                    + "LPG_IN_BASEMENT,地下室使用瓶装液化石油气,Bottled LPG used in a basement,GAS,7.9.3,GB 35181-2017 7.9.3,,N,3,,U\n");
            try (RiskEngine engine = RiskEngine.builder().campaignDirectory(fixture.folder()).build()) {
                // When a crowded place has it and two more elements of the 8.2 a) list
                Assessment a = engine.assess(VenueFacts.of(restaurant(),
                        List.of(with(finding("F1", "LPG_IN_BASEMENT"), twoCrowdedListElements())), IN_CAMPAIGN));

                // Then the existing 7.9.3 rule counts it and the threshold is reached
                assertThat(a.determination().comprehensiveElements()).containsExactly("7.3.1", "7.3.4", "7.9.3");
                assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
                assertThat(a.actions("FIVE_IN_PLACE")).extracting(RequiredAction::findingIds).contains(List.of("F1"));
            }
        }
    }
}
