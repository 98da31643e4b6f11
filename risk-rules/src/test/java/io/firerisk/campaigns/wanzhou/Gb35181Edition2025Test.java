package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.CampaignException;
import io.firerisk.ClauseRef;
import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.Label;
import io.firerisk.OperatingStatus;
import io.firerisk.Reason;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskEngine;
import io.firerisk.StandardRevision;
import io.firerisk.ThresholdCheck;
import io.firerisk.Venue;
import io.firerisk.AssessedFinding;
import io.firerisk.VenueFacts;
import io.firerisk.Verification;
import io.firerisk.analysis.Diagnostic;
import io.firerisk.analysis.Validator;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * GB 35181-2025 as the Wanzhou campaign applies it from 2025-11-01, after its own window (issue 13, "Done when"):
 * each direct element at the place it names and not at another, the count of six comprehensive elements, the 4.2
 * exclusions in their 2025 meanings, Annex A and both readings of A.4, the reminder that people decide, the OCR
 * gaps, and what loading says about bad 2025 data. The scenario tables standards/gb35181-2025/scenarios/*.csv
 * cover the same ground row by row; these are the cases stated as specifications.
 */
class Gb35181Edition2025Test {

    static final String EDITION = "GB 35181-2025";
    static final LocalDate IN_FORCE = LocalDate.of(2025, 11, 15);

    // ------------------------------------------------------------------------------------------- venues

    static Venue.Builder venue(String kind, String name, double height, int floors) {
        return Venue.builder("WZ-" + kind + "-" + Math.round(height), kind).name(name).heightMeters(height).floors(floors)
                .occupantCapacity(50);
    }

    static Venue highRiseOffice() {
        return venue("OFFICE", "政务中心大楼", 50, 15).build();
    }

    static Venue office() {
        return venue("OFFICE", "城管局办公楼", 12, 3).build();
    }

    static Venue warehouse() {
        return venue("WAREHOUSE", "物流仓库", 10, 2).build();
    }

    static Venue factory() {
        return venue("FACTORY", "机械加工厂房", 12, 2).build();
    }

    static Venue workshop() {
        return venue("WORKSHOP", "服装加工车间", 12, 3).build();
    }

    static Venue school() {
        return venue("SCHOOL", "实验中学教学楼", 15, 4).build();
    }

    static Venue hotel(String... declared) {
        return venue("HOTEL", "江畔宾馆", 18, 5).sleepingOnSite(true).placeClasses(List.of(declared)).build();
    }

    static Venue hospital() {
        return venue("HOSPITAL", "区人民医院病房楼", 21, 6).sleepingOnSite(true).build();
    }

    static Venue elderlyCare() {
        return venue("ELDERLY_CARE", "福寿养老院", 15, 4).sleepingOnSite(true).build();
    }

    static Venue entertainment() {
        return venue("ENTERTAINMENT", "星光KTV", 12, 3).build();
    }

    static Venue restaurant() {
        return venue("RESTAURANT", "江景餐厅", 9, 3).build();
    }

    static Venue undergroundRestaurant() {
        return venue("RESTAURANT", "地下美食城", 0, 1).underground(true).build();
    }

    static Venue dangerousGoodsStore() {
        return venue("DANGEROUS_GOODS_STORE", "城北化工仓库", 8, 1).dangerousGoods(true).build();
    }

    static Venue other(String... declared) {
        return venue("OTHER", "物业服务用房", 9, 3).placeClasses(List.of(declared)).build();
    }

    static Finding finding(String id, String code) {
        return Finding.builder(id, code).location("二楼").correctableOnSpot(false).build();
    }

    static Finding measured(String id, String code, double ratio) {
        return Finding.builder(id, code).location("二楼").ratio(ratio).build();
    }

    static Assessment assess(Venue venue, Finding... findings) {
        return Wanzhou.ENGINE.assess(VenueFacts.of(venue, List.of(findings), IN_FORCE));
    }

    static Assessment assess(RiskEngine engine, Venue venue, Finding... findings) {
        return engine.assess(VenueFacts.of(venue, List.of(findings), IN_FORCE));
    }

    /** The 2025 edition's elements of one kind, by number. */
    static Set<String> elementsOf(ElementKind kind) {
        return Wanzhou.ENGINE.campaign().elements().values().stream()
                .filter(e -> e.standard().equals("gb35181-2025") && e.kind() == kind)
                .map(Element::number).collect(Collectors.toCollection(TreeSet::new));
    }

    // ------------------------------------------------------------------------------------------- chapter 5

    /**
     * Every direct element of chapter 5 with a hazard code that evidences it, a venue that is the place it names,
     * and one that is not (null for 5.1 a and b, which name no place: then a second, unrelated kind of venue).
     */
    static Stream<Arguments> directElements() {
        return Stream.of(
                arguments("5.1.a", finding("F1", "CLASS_AB_UNDERGROUND"), warehouse(), null, other()),
                arguments("5.1.b", finding("F1", "STAIR_BELOW_AND_ABOVE_GROUND_NOT_SEPARATED"), office(), null, other()),
                arguments("5.1.c", finding("F1", "BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE"), restaurant(), warehouse(), null),
                arguments("5.1.d", finding("F1", "EXITS_TOO_FEW"), highRiseOffice(), restaurant(), null),
                arguments("5.1.e", finding("F1", "FIRE_ALARM_NOT_INSTALLED"), undergroundRestaurant(), office(), null),
                arguments("5.1.f", finding("F1", "METAL_SANDWICH_PANEL_STRUCTURE"), workshop(), warehouse(), null),
                arguments("5.1.g", finding("F1", "FINISHES_NOT_TO_GB50222"), undergroundRestaurant(), restaurant(), null),
                arguments("5.1.h", finding("F1", "COLD_STORE_SEPARATION_OR_INSULATION_NONCOMPLIANT"),
                        venue("COLD_STORE", "冷链物流冷库", 15, 3).build(), warehouse(), null),
                arguments("5.1.i", finding("F1", "SHARED_FIRE_SAFETY_DUTIES_UNASSIGNED"), other("MULTI_OWNER_BUILDING"),
                        other(), null),
                arguments("5.1.j", finding("F1", "BATTERY_OR_ENERGY_STORAGE_PROTECTION_MISSING"),
                        venue("ENERGY_STORAGE_STATION", "储能电站", 8, 1).build(), factory(), null),
                arguments("5.2.a", measured("F1", "FIRE_COMPARTMENT_OVERSIZED", 0.10),
                        venue("MALL", "万达商场", 15, 4).build(), office(), null),
                arguments("5.2.b", finding("F1", "COMBUSTIBLE_DECORATION"), hotel(), school(), null),
                arguments("5.2.c", finding("F1", "EXITS_TOO_FEW"), entertainment(), school(), null),
                arguments("5.2.d", finding("F1", "SPRINKLER_NOT_INSTALLED"), venue("SHOP", "五金商店", 6, 2).build(),
                        school(), null),
                arguments("5.2.e", finding("F1", "RESCUE_OPENING_OBSTRUCTED"), venue("MARKET", "农贸市场", 8, 2).build(),
                        school(), null),
                arguments("5.3.a", finding("F1", "CHILDREN_OR_ELDERLY_ON_WRONG_FLOOR"),
                        venue("KINDERGARTEN", "阳光幼儿园", 12, 3).build(), hospital(), null),
                arguments("5.3.b", finding("F1", "EXITS_TOO_FEW"), hospital(), school(), null),
                arguments("5.3.c", finding("F1", "REFUGE_AREA_NONCOMPLIANT"), elderlyCare(), hotel(), null),
                arguments("5.3.d", finding("F1", "INDEPENDENT_EXIT_OR_STAIR_MISSING"),
                        venue("CHILDREN_ACTIVITY", "童趣早教中心", 60, 20).build(),
                        venue("CHILDREN_ACTIVITY", "童趣早教中心", 9, 3).build(), null),
                arguments("5.3.e", finding("F1", "FIRE_ALARM_NOT_INSTALLED"), elderlyCare(), school(), null),
                arguments("5.3.f", finding("F1", "RESCUE_OPENING_OBSTRUCTED"), hospital(), school(), null),
                arguments("5.4.a", finding("F1", "STAFF_DORMITORY_IN_PLANT_OR_MALL"), workshop(), factory(), null),
                arguments("5.4.b", finding("F1", "EXPLOSION_PROTECTION_DEFECTIVE"), workshop(), factory(), null),
                arguments("5.4.c", finding("F1", "FIRE_RESISTANCE_BELOW_HAZARD_CLASS"), workshop(), factory(), null),
                arguments("5.4.d", finding("F1", "FIRE_ALARM_NOT_INSTALLED"), workshop(), factory(), null),
                arguments("5.5.a", finding("F1", "DG_IN_BUILDING_WITH_CROWDED_OR_HOMES"), dangerousGoodsStore(), other(),
                        null),
                arguments("5.5.b", measured("F1", "DG_SEPARATION_SHORT", 0.90),
                        venue("FUEL_STATION", "江南加油站", 6, 1).dangerousGoods(true).build(), other(), null),
                arguments("5.5.c", finding("F1", "OPEN_FLAME_NEAR_FLAMMABLE_PLANT"), dangerousGoodsStore(), factory(), null),
                arguments("5.5.d", finding("F1", "DG_UNDERGROUND_OR_IN_HOMES"),
                        venue("RESIDENTIAL", "滨江小区3栋", 18, 6).sleepingOnSite(true).build(), office(), null),
                arguments("5.5.e", finding("F1", "FULL_TIME_FIRE_BRIGADE_MISSING"), dangerousGoodsStore(), factory(), null));
    }

    @Nested
    class DirectElements {

        @Test
        void theTableBelowNamesEveryDirectElementOfTheEditionAndThereAreThirty() {
            Set<String> tested = directElements().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));

            assertThat(elementsOf(ElementKind.DIRECT)).hasSize(30).isEqualTo(tested);
        }

        @Covers({"5.1.a", "5.1.b", "5.1.c", "5.1.d", "5.1.e", "5.1.f", "5.1.g", "5.1.h", "5.1.i", "5.1.j", "5.2.a",
                "5.2.b", "5.2.c", "5.2.d", "5.2.e", "5.3.a", "5.3.b", "5.3.c", "5.3.d", "5.3.e", "5.3.f", "5.4.a",
                "5.4.b", "5.4.c", "5.4.d", "5.5.a", "5.5.b", "5.5.c", "5.5.d", "5.5.e"})
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.firerisk.campaigns.wanzhou.Gb35181Edition2025Test#directElements")
        void eachDirectElementAloneIsASuspectedMajorHazardAtThePlaceItNamesAndNotAtAnother(String element, Finding finding,
                Venue named, Venue notNamed, Venue anyOther) {
            // Given one finding of the element at the place it names, on a date the 2025 edition is in force
            Assessment a = assess(named, finding);

            // Then it alone makes a suspected major hazard under GB 35181-2025, citing the element's clause
            assertThat(a.determination().standard()).isEqualTo(EDITION);
            assertThat(a.verdict()).as("%s at %s", element, named.kind()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().directElements()).containsExactly(element);
            assertThat(a.citedClauses()).contains(clauseOf(element), "GB 35181-2025 4.1 b)");

            if (notNamed != null) {
                // And the same finding at a place the element does not name is not that element
                Assessment elsewhere = assess(notNamed, finding);
                assertThat(elsewhere.determination().directElements()).as("%s at %s", element, notNamed.kind())
                        .doesNotContain(element);
                assertThat(elsewhere.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            } else {
                // And an element that names no place holds at any building or place
                assertThat(assess(anyOther, finding).determination().directElements()).containsExactly(element);
            }
        }

        /** 5.1.a → GB 35181-2025 5.1 a). */
        private static String clauseOf(String element) {
            String[] parts = element.split("\\.");
            return EDITION + " " + parts[0] + "." + parts[1] + " " + parts[2] + ")";
        }
    }

    // ------------------------------------------------------------------------------------------- chapter 6

    /** Six findings at an office, each of a different chapter 6 element. */
    static List<Finding> sixComprehensiveElements() {
        return List.of(finding("C1", "FIRE_POWER_LOAD_CLASS_LOW"), finding("C2", "FIRE_POWER_NOT_DEDICATED"),
                finding("C3", "CABLE_SHEATH_SCORCHED"), finding("C4", "TERMINALS_SCORCHED"),
                finding("C5", "CONTROL_ROOM_OPERATOR_UNCERTIFIED"), finding("C6", "FIRE_PUMP_CABINET_IN_MANUAL"));
    }

    @Nested
    class ComprehensiveElements {

        @Test
        void theEditionHasThirtyFiveComprehensiveElements() {
            assertThat(elementsOf(ElementKind.COMPREHENSIVE)).hasSize(35).first().isEqualTo("6.1.1");
        }

        @Covers({"6.5.1", "6.5.2", "6.5.5", "6.5.6", "6.6.1"})
        @Test
        void fiveComprehensiveElementsAreNotASuspectedMajorHazard() {
            // Given an office with five different chapter 6 elements
            Assessment a = assess(office(), sixComprehensiveElements().subList(0, 5).toArray(Finding[]::new));

            // Then the count is 5 against 6, not reached: a general hazard
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().comprehensiveElements()).containsExactly("6.5.1", "6.5.2", "6.5.5", "6.5.6", "6.6.1");
            assertThat(a.determination().thresholds())
                    .extracting(ThresholdCheck::row, ThresholdCheck::count, ThresholdCheck::threshold, ThresholdCheck::reached,
                            t -> t.clause().id())
                    .containsExactly(tuple("ANY_SIX", 5, 6, false, "GB 35181-2025 4.1 c)"));
        }

        @Covers({"6.5.1", "6.5.2", "6.5.5", "6.5.6", "6.6.1", "6.6.2"})
        @Test
        void sixComprehensiveElementsAreASuspectedMajorHazard() {
            // Given the same office with a sixth element
            Assessment a = assess(office(), sixComprehensiveElements().toArray(Finding[]::new));

            // Then 6 reach the threshold of 4.1 c)
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().thresholds()).singleElement().satisfies(t -> {
                assertThat(t.count()).isEqualTo(6);
                assertThat(t.reached()).isTrue();
            });
        }

        @Test
        void theThresholdIsSixAtEveryKindOfPlaceUnlikeThe2017Edition() {
            // Given four elements at a crowded place (enough under 2017 8.2 c) and six at a flammable-goods store
            Assessment crowded = assess(school(), sixComprehensiveElements().subList(0, 4).toArray(Finding[]::new));
            Assessment dangerousGoods = assess(dangerousGoodsStore(), sixComprehensiveElements().toArray(Finding[]::new));

            // Then under 2025 four are not enough anywhere, and six are enough everywhere
            assertThat(crowded.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(dangerousGoods.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Covers({"6.5.1"})
        @Test
        void oneElementFoundTwiceCountsOnce() {
            // Given six findings at an office, two of them of one element (the same code in two rooms)
            List<Finding> findings = new ArrayList<>(sixComprehensiveElements().subList(0, 5));
            findings.add(Finding.builder("C1b", "FIRE_POWER_LOAD_CLASS_LOW").location("五楼配电间").correctableOnSpot(false).build());

            Assessment a = assess(office(), findings.toArray(Finding[]::new));

            // Then 6.5.1 counts once: 5 elements, not a major hazard
            assertThat(a.determination().thresholds()).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(5));
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
        }

        @Covers({"6.4.2"})
        @Test
        void twoCodesOfOneElementCountOnce() {
            // Given indoor hydrants and the outdoor fire water both defective (both 6.4.2) among six findings
            Assessment a = assess(office(), finding("H1", "INDOOR_HYDRANTS_DEFECTIVE"), finding("H2", "OUTDOOR_FIRE_WATER_DEFECTIVE"),
                    finding("C1", "FIRE_POWER_LOAD_CLASS_LOW"), finding("C2", "FIRE_POWER_NOT_DEDICATED"),
                    finding("C3", "CABLE_SHEATH_SCORCHED"), finding("C4", "TERMINALS_SCORCHED"));

            // Then 6.4.2 counts once: 5
            assertThat(a.determination().thresholds()).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(5));
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
        }
    }

    // ------------------------------------------------------------------------------------------- 4.2

    @Nested
    class Exclusions {

        @Test
        void aFindingCausedOnlyByAStandardsRevisionIsNotAnElement() {
            // Given too few exits at a KTV, caused by a revision of a technical standard that no law requires
            Finding revised = Finding.builder("F1", "EXITS_TOO_FEW").location("二楼")
                    .standardRevision(StandardRevision.CAUSED).build();

            Assessment a = assess(entertainment(), revised);

            // Then 4.2 a) leaves it out of the determination
            assertThat(a.determination().directElements()).isEmpty();
            assertThat(a.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.citedClauses()).contains("GB 35181-2025 4.2 a)");
        }

        @Test
        void aRevisionALawStillRequiresIsAnElement() {
            Finding revised = Finding.builder("F1", "EXITS_TOO_FEW").location("二楼")
                    .standardRevision(StandardRevision.CAUSED_BUT_LAW_REQUIRES).build();

            Assessment a = assess(entertainment(), revised);

            assertThat(a.determination().directElements()).containsExactly("5.2.c");
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void outOfUseAndConfirmedWithoutRealFireRiskIsNotAMajorHazard() {
            // Given a KTV that has stopped trading and an on-site inspection confirmed no real fire risk
            Venue stopped = entertainment().toBuilder().operatingStatus(OperatingStatus.SUSPENDED).build();
            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(stopped, List.of(finding("F1", "EXITS_TOO_FEW")), IN_FORCE)
                    .withNoRealFireRisk(true));

            // Then 4.2 b) excludes it, in the 2025 edition's words
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().exclusions()).extracting(Label::code).containsExactly("OUT_OF_USE_NO_REAL_RISK");
            assertThat(a.determination().exclusions().get(0).text().zh()).contains("无现实火灾风险", "4.2 b");
        }

        @Test
        void outOfUseWithoutTheConfirmationIsStillJudged() {
            Venue stopped = entertainment().toBuilder().operatingStatus(OperatingStatus.SUSPENDED).build();

            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(stopped, List.of(finding("F1", "EXITS_TOO_FEW")), IN_FORCE));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().exclusions()).isEmpty();
        }

        @Test
        void theConfirmationWithoutBeingOutOfUseExcludesNothing() {
            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(entertainment(), List.of(finding("F1", "EXITS_TOO_FEW")),
                    IN_FORCE).withNoRealFireRisk(true));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void fixableAndFixedOnTheSpotIsNotAnElement() {
            // Given a locked exit the inspector had opened on the spot
            Finding fixed = Finding.builder("F1", "EXIT_LOCKED_OR_BLOCKED").location("东门").correctableOnSpot(true)
                    .status(RectificationStatus.CORRECTED_ON_SPOT).build();

            Assessment a = assess(entertainment(), fixed);

            // Then 4.2 c) leaves it out
            assertThat(a.determination().directElements()).isEmpty();
            assertThat(a.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void aRevisionCausedFindingNeitherCountsTowardChapter6NorMakesAnAnnexACondition() {
            // Given six chapter 6 elements at an office, one of them caused only by a standard's revision
            List<Finding> findings = new ArrayList<>(sixComprehensiveElements().subList(0, 5));
            findings.add(Finding.builder("C6", "FIRE_PUMP_CABINET_IN_MANUAL").location("泵房").correctableOnSpot(false)
                    .standardRevision(StandardRevision.CAUSED).build());
            // And a hotel that must have a fire alarm, whose alarm bus fault the inspector had fixed on the spot
            Finding fixedBus = Finding.builder("F1", "ALARM_BUS_FAULT").location("消防控制室").correctableOnSpot(true)
                    .status(RectificationStatus.CORRECTED_ON_SPOT).build();

            Assessment office = assess(office(), findings.toArray(Finding[]::new));
            Assessment hotel = assess(hotel("FIRE_ALARM_REQUIRED"), fixedBus);

            // Then 4.2 a) leaves the sixth out of the count: 5 against 6
            assertThat(office.determination().comprehensiveElements()).doesNotContain("6.6.2").hasSize(5);
            assertThat(office.verdict()).isEqualTo(HazardVerdict.GENERAL);
            // And 4.2 c) leaves the fixed fault out of Annex A, so 5.2 d) is not made
            assertThat(hotel.determination().directElements()).isEmpty();
            assertThat(hotel.citedClauses()).doesNotContain("GB 35181-2025 A.3.4");
            assertThat(hotel.reasons()).extracting(Reason::rule).noneMatch(r -> r.startsWith("附录A") || r.startsWith("A.4"));
        }

        @Test
        void aFindingThatCountsSaysSoOnceUnderTheClauseOf42() {
            // Given too few exits at a KTV, neither fixed on the spot nor caused by a revision
            Assessment a = assess(entertainment(), finding("F1", "EXITS_TOO_FEW"));

            // Then the reason it counts is given once, under 4.2, though its code evidences several elements
            assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("GB 35181-2025 4.2"))
                    .extracting(r -> r.sentence().zh()).singleElement()
                    .satisfies(zh -> assertThat(zh).contains("未当场整改完毕", "作为重大火灾隐患判定要素"));
            assertThat(a.determination().directElements()).containsExactly("5.2.c");
        }

        @Test
        void theExclusionsOfAFindingAreWrittenOnceAndTheElementRulesCountThroughThem() throws java.io.IOException {
            // Given the edition's rule files
            Path rules = Wanzhou.folder().getParent().getParent().resolve("standards/gb35181-2025/rules/gb35181_2025");
            try (Stream<Path> files = java.nio.file.Files.list(rules)) {
                for (Path file : files.toList()) {
                    String drl = java.nio.file.Files.readString(file);
                    // Then no rule but determination.drl's repeats the guard of 4.2 a) and c)
                    if (!file.getFileName().toString().equals("determination.drl")) {
                        assertThat(drl).as(file.getFileName().toString()).doesNotContain("!fromStandardRevision")
                                .doesNotContainPattern("HazardFinding\\([^)]*\\bopen\\b");
                    }
                }
            }
            // And determination.drl draws the countable finding in one rule
            String determination = java.nio.file.Files.readString(rules.resolve("determination.drl"));
            assertThat(determination.split("new CountableFinding\\(", -1)).hasSize(2);
        }

        @Test
        void fixableButNotFixedOnTheSpotStillCounts() {
            // Given a locked exit that could have been opened on the spot but was not (2017 left it out; 2025 does not)
            Finding fixable = Finding.builder("F1", "EXIT_LOCKED_OR_BLOCKED").location("东门").correctableOnSpot(true).build();

            Assessment a = assess(entertainment(), fixable);

            assertThat(a.determination().directElements()).containsExactly("5.2.c");
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void eachFindingIsReportedCountedExactlyWhenTheEditionInForceCountsIt() {
            // Given a locked exit that could have been opened on the spot but was not, and too few exits caused only
            // by a standard's revision, at a KTV
            Finding fixable = Finding.builder("F1", "EXIT_LOCKED_OR_BLOCKED").location("东门").correctableOnSpot(true).build();
            Finding revised = Finding.builder("F2", "EXITS_TOO_FEW").location("二楼")
                    .standardRevision(StandardRevision.CAUSED).build();

            // When judged under GB 35181-2025 and, on 2025-10-31, under GB 35181-2017
            Assessment under2025 = assess(entertainment(), fixable, revised);
            Assessment under2017 = Wanzhou.ENGINE.assess(VenueFacts.of(entertainment(), List.of(fixable, revised),
                    LocalDate.of(2025, 10, 31)));

            // Then each finding's counted flag says what the edition's own 4.2 (2025) or 5.1.2 (2017) decided:
            // 2025 counts the unfixed fixable exit and leaves out the revision; 2017 does the opposite
            assertThat(under2025.findings()).extracting(AssessedFinding::id, AssessedFinding::counted)
                    .containsExactly(tuple("F1", true), tuple("F2", false));
            assertThat(under2017.findings()).extracting(AssessedFinding::id, AssessedFinding::counted)
                    .containsExactly(tuple("F1", false), tuple("F2", true));
        }
    }

    // ------------------------------------------------------------------------------------------- Annex A

    /** Each A.1–A.3 condition, with a hazard code that shows it and the system the venue must then have. */
    static Stream<Arguments> annexAConditions() {
        return Stream.of(
                arguments("A.1.1", "HYDRANT_PUMP_WILL_NOT_START", "HYDRANTS_REQUIRED"),
                arguments("A.1.2", "HYDRANT_PUMP_CABINET_FAILED", "HYDRANTS_REQUIRED"),
                arguments("A.2.1", "EXTINGUISHING_PUMP_WILL_NOT_START", "AUTOMATIC_EXTINGUISHING_REQUIRED"),
                arguments("A.2.2", "EXTINGUISHING_PUMP_CABINET_FAILED", "AUTOMATIC_EXTINGUISHING_REQUIRED"),
                arguments("A.2.3", "ALARM_VALVE_WILL_NOT_OPEN", "AUTOMATIC_EXTINGUISHING_REQUIRED"),
                arguments("A.2.4", "GAS_EXTINGUISHING_WILL_NOT_START", "AUTOMATIC_EXTINGUISHING_REQUIRED"),
                arguments("A.2.5", "WATER_MIST_WILL_NOT_START", "AUTOMATIC_EXTINGUISHING_REQUIRED"),
                arguments("A.3.1", "ALARM_PANEL_POWER_FAILED", "FIRE_ALARM_REQUIRED"),
                arguments("A.3.2", "ALARM_PANEL_CONTROLS_FAILED", "FIRE_ALARM_REQUIRED"),
                arguments("A.3.3", "LINKAGE_CONTROLLER_FAILED", "FIRE_ALARM_REQUIRED"),
                arguments("A.3.4", "ALARM_BUS_FAULT", "FIRE_ALARM_REQUIRED"));
    }

    @Nested
    class AnnexA {

        @Test
        void theTableBelowNamesEveryConditionOfA1ToA3() {
            Set<String> tested = annexAConditions().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
            Set<String> conditions = elementsOf(ElementKind.CONDITION);
            conditions.remove("A.4");

            assertThat(conditions).isEqualTo(tested);
        }

        @Covers({"A.1.1", "A.1.2", "A.2.1", "A.2.2", "A.2.3", "A.2.4", "A.2.5", "A.3.1", "A.3.2", "A.3.3", "A.3.4",
                "A.4", "5.2.d"})
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.firerisk.campaigns.wanzhou.Gb35181Edition2025Test#annexAConditions")
        void eachConditionInTheOneSystemAHotelMustHaveMeansItsSystemsAreNotRunning(String condition, String code,
                String required) {
            // Given a hotel that must have one system under the technical standards, and a condition of it
            Assessment a = assess(hotel(required), finding("F1", code));

            // Then A.4 holds and, at a hotel, 5.2 d) makes it a suspected major hazard
            assertThat(a.verdict()).as(condition).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().directElements()).containsExactly("5.2.d");
            assertThat(a.citedClauses()).contains(EDITION + " " + condition, EDITION + " A.4", EDITION + " 5.2 d)");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.firerisk.campaigns.wanzhou.Gb35181Edition2025Test#annexAConditions")
        void theSameConditionWhereTheSystemIsNotRequiredIsNoDirectElement(String condition, String code, String required) {
            Assessment a = assess(hotel(), finding("F1", code));

            assertThat(a.determination().directElements()).as(condition).isEmpty();
            assertThat(a.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Covers({"A.2.4"})
        @Test
        void gasAgentUnderNinetyPercentOfTheDesignIsA24AndNinetyIsNot() {
            Assessment under = assess(hotel("AUTOMATIC_EXTINGUISHING_REQUIRED"), measured("F1", "GAS_EXTINGUISHING_AGENT_LOW", 0.89));
            Assessment at = assess(hotel("AUTOMATIC_EXTINGUISHING_REQUIRED"), measured("F1", "GAS_EXTINGUISHING_AGENT_LOW", 0.90));

            assertThat(under.determination().directElements()).containsExactly("5.2.d");
            assertThat(at.determination().directElements()).isEmpty();
        }
    }

    /** A hotel that must have hydrants and a fire alarm, with a condition of the alarm only. */
    static Assessment alarmOnlyAtAHotelRequiringTwoSystems(RiskEngine engine) {
        return assess(engine, hotel("HYDRANTS_REQUIRED", "FIRE_ALARM_REQUIRED"), finding("F1", "ALARM_BUS_FAULT"));
    }

    /** The same hotel with a condition in each of its two systems. */
    static Assessment bothSystemsAtAHotelRequiringTwo(RiskEngine engine) {
        return assess(engine, hotel("HYDRANTS_REQUIRED", "FIRE_ALARM_REQUIRED"), finding("F1", "ALARM_BUS_FAULT"),
                finding("F2", "HYDRANT_PUMP_WILL_NOT_START"));
    }

    @Nested
    class A4LiteralReading {

        @Test
        void theBundledCampaignReadsA4bLiterally() {
            assertThat(Wanzhou.ENGINE.campaign().parameters()).containsEntry("gb35181-2025.A.4.each-required-system", 1.0);
        }

        @Covers({"A.4"})
        @Test
        void aConditionInOneOfTwoRequiredSystemsIsNotEnough() {
            Assessment a = alarmOnlyAtAHotelRequiringTwoSystems(Wanzhou.ENGINE);

            assertThat(a.determination().directElements()).isEmpty();
            assertThat(a.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Covers({"A.4"})
        @Test
        void aConditionInEachRequiredSystemIsEnough() {
            Assessment a = bothSystemsAtAHotelRequiringTwo(Wanzhou.ENGINE);

            assertThat(a.determination().directElements()).containsExactly("5.2.d");
            assertThat(a.reasons()).extracting(Reason::rule).anyMatch(r -> r.contains("字面读法"));
        }
    }

    /** Where A4OtherReading keeps its copy of the campaign, for the whole class. */
    @TempDir
    static Path sharedTemp;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class A4OtherReading {

        RiskEngine anyRequiredSystem;

        @BeforeAll
        void load() {
            // Given a copy of the campaign that reads A.4 b) and c) as "a condition in any required system"
            CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), sharedTemp)
                    .replace("campaign.yaml", "\nparameters:\n", "\nparameters:\n  gb35181-2025.A.4.each-required-system: 0\n");
            anyRequiredSystem = RiskEngine.builder().campaignDirectory(copy.folder()).build();
        }

        @AfterAll
        void close() {
            anyRequiredSystem.close();
        }

        @Covers({"A.4"})
        @Test
        void aConditionInOneOfTwoRequiredSystemsIsEnough() {
            Assessment a = alarmOnlyAtAHotelRequiringTwoSystems(anyRequiredSystem);

            assertThat(a.determination().directElements()).containsExactly("5.2.d");
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.reasons()).extracting(Reason::rule).anyMatch(r -> r.contains("另一读法"));
        }

        @Covers({"A.4"})
        @Test
        void aConditionInEachRequiredSystemIsEnoughUnderBothReadings() {
            assertThat(bothSystemsAtAHotelRequiringTwo(anyRequiredSystem).determination().directElements())
                    .containsExactly("5.2.d");
        }
    }

    // ------------------------------------------------------------------------------------------- the verdict

    @Nested
    class AHumanDecides {

        @Test
        void aVerdictUnder2025IsACandidateForPeopleAndItsReminderCitesTheCampaignsSettingNotTheStandard() {
            // Given a KTV with too few exits on a date the 2025 edition is in force
            Assessment a = assess(entertainment(), finding("F1", "EXITS_TOO_FEW"));

            // Then the verdict is suspected, for a collective decision the campaign's setting describes
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.determination().needsCollectiveDecision()).isTrue();
            assertThat(a.determination().reminder().zh()).contains("集体", "消防监督检查规定 第二十一条")
                    .doesNotContain("GB 35181");
            assertThat(a.determination().reminder().en()).contains("消防监督检查规定 第二十一条").doesNotContain("GB 35181");
            // And the action asking for it cites that setting's clause, not GB 35181-2025 (which no longer says it)
            assertThat(a.action("COLLECTIVE_DETERMINATION")).get().satisfies(r -> assertThat(r.clauses())
                    .extracting(ClauseRef::id).containsExactly("消防监督检查规定 第二十一条"));
        }

        @Test
        void aVerdictUnder2017StillCitesTheProcedureOf2017() {
            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(entertainment(), List.of(finding("F1", "EXITS_TOO_FEW")),
                    LocalDate.of(2025, 10, 31)));

            assertThat(a.determination().standard()).isEqualTo("GB 35181-2017");
            assertThat(a.determination().reminder().zh()).contains("GB 35181-2017 4.2");
            assertThat(a.action("COLLECTIVE_DETERMINATION")).get().satisfies(r -> assertThat(r.clauses())
                    .extracting(ClauseRef::id).containsExactly("GB 35181-2017 4.2"));
        }
    }

    // ------------------------------------------------------------------------------------------- OCR gaps

    @Nested
    class OcrGaps {

        @Test
        void theCountingRuleOf41cIsFlaggedUnverifiedWhereverItIsCited() {
            Assessment a = assess(office(), sixComprehensiveElements().toArray(Finding[]::new));

            assertThat(a.determination().thresholds()).singleElement()
                    .satisfies(t -> assertThat(t.clause().verification()).isEqualTo(Verification.UNVERIFIED));
            assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("GB 35181-2025 4.1 c)")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.clause().toString()).endsWith("[U]"));
            assertThat(a.restsOnUnverifiedClauses()).isTrue();
        }

        @Test
        void oneComprehensiveElementIsCountedUnderTheOcrGapAndFlagsTheResult() {
            // Given an office with one chapter 6 element
            Assessment a = assess(office(), finding("C1", "FIRE_POWER_LOAD_CLASS_LOW"));

            // Then 4.1 c) counts it (1 against 6) and the result rests on the counting rule's OCR gap
            assertThat(a.determination().thresholds()).singleElement().satisfies(t -> {
                assertThat(t.count()).isEqualTo(1);
                assertThat(t.reached()).isFalse();
                assertThat(t.clause().verification()).isEqualTo(Verification.UNVERIFIED);
            });
            assertThat(a.citedClauses()).contains("GB 35181-2025 4.1 c)");
            assertThat(a.restsOnUnverifiedClauses()).isTrue();
        }

        @Test
        void aVenueWithNoComprehensiveElementDoesNotRestOnTheCountingRulesOcrGap() {
            // Given a KTV with one direct element (read word for word) and a hotel with no finding at all
            Assessment direct = assess(entertainment(), finding("F1", "EXITS_TOO_FEW"));
            Assessment nothing = assess(hotel());

            // Then nothing is counted under 4.1 c), its OCR gap is not cited and the results are not flagged
            for (Assessment a : List.of(direct, nothing)) {
                assertThat(a.determination().standard()).isEqualTo(EDITION);
                assertThat(a.determination().thresholds()).isEmpty();
                assertThat(a.citedClauses()).doesNotContain("GB 35181-2025 4.1 c)");
                assertThat(a.reasons()).filteredOn(r -> r.clause().id().startsWith(EDITION))
                        .allSatisfy(r -> assertThat(r.clause().verification()).as(r.rule()).isEqualTo(Verification.VERIFIED));
            }
            assertThat(direct.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }

        @Test
        void element54bIsFlaggedUnverifiedAndSaysWhatTheOcrLost() {
            Element element = Wanzhou.ENGINE.campaign().element("gb35181-2025", "5.4.b").orElseThrow();
            assertThat(element.verification()).isEqualTo(Verification.UNVERIFIED);
            assertThat(element.label().zh()).contains("OCR缺字");

            Assessment a = assess(workshop(), finding("F1", "EXPLOSION_PROTECTION_DEFECTIVE"));
            assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("GB 35181-2025 5.4 b)")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.clause().verification()).isEqualTo(Verification.UNVERIFIED));
            assertThat(a.restsOnUnverifiedClauses()).isTrue();
        }

        @Test
        void aDirectElementReadWordForWordIsVerifiedAndOnlyTheCountingRuleCarriesTheOcrFlag() {
            Assessment a = assess(entertainment(), finding("F1", "EXITS_TOO_FEW"));

            assertThat(a.reasons()).filteredOn(r -> r.clause().id().startsWith(EDITION))
                    .filteredOn(r -> !r.clause().id().equals("GB 35181-2025 4.1 c)")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.clause().verification()).isEqualTo(Verification.VERIFIED));
        }
    }

    // ------------------------------------------------------------------------------------------- loading

    @Nested
    class LoadingBad2025Data {

        @TempDir
        Path temp;

        /** The campaign with its own copy of the 2025 standard's folder, in which one file is changed. */
        CampaignFixture withStandardCopy() throws IOException {
            CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp);
            Path standard = Wanzhou.folder().getParent().getParent().resolve("standards/gb35181-2025");
            try (Stream<Path> files = Files.walk(standard)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    copy.write("standards/gb35181-2025/" + standard.relativize(file).toString().replace('\\', '/'),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return copy;
        }

        @Test
        void anElementNamingAnUnknownPlaceClassIsRefusedWithFileAndLine() throws IOException {
            CampaignFixture copy = withStandardCopy().replace("standards/gb35181-2025/elements.csv",
                    "GB 35181-2025 5.1 h),V,COLD_STORE,", "GB 35181-2025 5.1 h),V,COLD_STORES,");

            assertThatThrownBy(() -> RiskEngine.builder().campaignDirectory(copy.folder()).build())
                    .isInstanceOf(CampaignException.class)
                    .hasMessageContaining("standards/gb35181-2025/elements.csv:" + lineOf(copy, "elements.csv", "5.1.h,"))
                    .hasMessageContaining("COLD_STORES");
        }

        @Test
        void anElementNamingAnUnknownConditionIsRefusedWithFileAndLine() throws IOException {
            CampaignFixture copy = withStandardCopy().replace("standards/gb35181-2025/elements.csv",
                    "GB 35181-2025 5.2 d),V,AMUSEMENT_HOTEL_SHOP,A.4", "GB 35181-2025 5.2 d),V,AMUSEMENT_HOTEL_SHOP,A.9");

            assertThatThrownBy(() -> RiskEngine.builder().campaignDirectory(copy.folder()).build())
                    .isInstanceOf(CampaignException.class)
                    .hasMessageContaining("standards/gb35181-2025/elements.csv:" + lineOf(copy, "elements.csv", "5.2.d,"))
                    .hasMessageContaining("A.9");
        }

        @Test
        void aPlaceClassRowNamingAnUnknownClassIsRefusedWithFileAndLine() throws IOException {
            CampaignFixture copy = withStandardCopy().replace("standards/gb35181-2025/place-classes.csv",
                    "COLD_STORE,COLD_STORE,STANDARD", "COLD_STORE,FRIDGE,STANDARD");

            assertThatThrownBy(() -> RiskEngine.builder().campaignDirectory(copy.folder()).build())
                    .isInstanceOf(CampaignException.class)
                    .hasMessageContaining("standards/gb35181-2025/place-classes.csv:"
                            + lineOf(copy, "place-classes.csv", "COLD_STORE,FRIDGE"))
                    .hasMessageContaining("'FRIDGE' is not one of the placeClasses");
        }

        @Test
        void theValidatorCallsNoPlaceClassOfTheStandardUnusedThatAVenueMayDeclare() {
            // HYDRANTS_REQUIRED, MULTI_OWNER_BUILDING …: no venue kind belongs to them, venues declare them on their clause
            assertThat(Validator.validateBundled(Wanzhou.ID).diagnostics()).extracting(Diagnostic::message)
                    .noneMatch(m -> m.contains("place class"));
        }

        private int lineOf(CampaignFixture copy, String file, String start) {
            List<String> lines = copy.read("standards/gb35181-2025/" + file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line of " + file + " starts with " + start);
        }
    }
    // ------------------------------------------------------------------------------------------- place classes by date

    /** The last day of GB 35181-2017 and the first of GB 35181-2025 in the campaign's standards: list. */
    static final LocalDate LAST_OF_2017 = LocalDate.of(2025, 10, 31);
    static final LocalDate FIRST_OF_2025 = LocalDate.of(2025, 11, 1);

    /** Each place class as the assessment on the date took it: code → the clause that put the venue in it. */
    static java.util.Map<String, String> classesOn(LocalDate date, Venue venue) {
        Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(venue, List.of(), date));
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        a.placeClasses().forEach(c -> out.put(c.placeClass().code(), c.clause().id()));
        return out;
    }

    /** Each class the 2025 edition introduces, with a venue its kind or its declaration puts in it. */
    static Stream<Arguments> classesThe2025EditionIntroduces() {
        return Stream.of(
                arguments(venue("KINDERGARTEN", "阳光幼儿园", 12, 3).build(), "CHILDREN"),
                arguments(venue("CHILDREN_ACTIVITY", "童趣早教中心", 9, 3).build(), "CHILDREN"),
                arguments(elderlyCare(), "ELDERLY_CARE_FACILITY"),
                arguments(workshop(), "LABOUR_INTENSIVE"),
                arguments(venue("COLD_STORE", "冷链物流冷库", 15, 3).build(), "COLD_STORE"),
                arguments(venue("BATTERY_PLANT", "锂电池仓库", 10, 2).build(), "BATTERY_OR_ENERGY_STORAGE"),
                arguments(venue("ENERGY_STORAGE_STATION", "储能电站", 8, 1).build(), "BATTERY_OR_ENERGY_STORAGE"),
                arguments(hotel(), "AMUSEMENT_HOTEL_SHOP"),
                arguments(other("MIXED_USE"), "MIXED_USE"),
                arguments(other("MULTI_OWNER_BUILDING"), "MULTI_OWNER_BUILDING"),
                arguments(hotel("FIRE_ALARM_REQUIRED"), "FIRE_ALARM_REQUIRED"));
    }

    @Nested
    class PlaceClassesOnlyWhileTheirEditionIsInForce {

        @ParameterizedTest(name = "{1}")
        @MethodSource("io.firerisk.campaigns.wanzhou.Gb35181Edition2025Test#classesThe2025EditionIntroduces")
        void aClassThe2025EditionIntroducesHoldsFromItsFirstDayAndNotTheDayBefore(Venue venue, String placeClass) {
            // Given a venue the 2025 edition (its kind or its declaration) puts in the class
            // When it is assessed on 2025-10-31 (GB 35181-2017) and on 2025-11-01 (GB 35181-2025)
            java.util.Map<String, String> before = classesOn(LAST_OF_2017, venue);
            java.util.Map<String, String> after = classesOn(FIRST_OF_2025, venue);

            // Then the class holds only from 2025-11-01, on a clause of the 2025 edition
            assertThat(before).as("under GB 35181-2017").doesNotContainKey(placeClass);
            assertThat(after).as("under GB 35181-2025").containsKey(placeClass);
            assertThat(after.get(placeClass)).startsWith(EDITION);
        }

        @Test
        void anImportantPlaceOfThe2017EditionIsNoLongerOneUnder2025() {
            // Given a government office, an important place (重要场所) by GB 35181-2017 3.6, which 2025 deleted
            Venue office = venue("GOVERNMENT_OFFICE", "区政府办公楼", 18, 6).build();

            // Then it is one on 2025-10-31 and not on 2025-11-01
            assertThat(classesOn(LAST_OF_2017, office)).containsEntry("IMPORTANT", "GB 35181-2017 3.6");
            assertThat(classesOn(FIRST_OF_2025, office)).doesNotContainKey("IMPORTANT");
        }

        @Test
        void aFlammableGoodsPlaceIsOneUnderBothEditionsEachOnItsOwnClause() {
            // Given a flammable goods store and a shop that declares it keeps flammable goods
            Venue shop = venue("SHOP", "五金商店", 6, 2).dangerousGoods(true).build();

            // Then each edition classes them, on its own clause
            for (Venue v : List.of(dangerousGoodsStore(), shop)) {
                assertThat(classesOn(LAST_OF_2017, v)).as(v.kind()).containsEntry("FLAMMABLE_EXPLOSIVE", "GB 35181-2017 8.2 b)");
                assertThat(classesOn(FIRST_OF_2025, v)).as(v.kind()).containsEntry("FLAMMABLE_EXPLOSIVE", "GB 35181-2025 3.8");
            }
        }

        @Test
        void theClassesOfTheStatuteHoldUnderBothEditions() {
            // Given a hotel, a crowded and public gathering place by 消防法 第七十三条
            Venue h = hotel();

            assertThat(classesOn(LAST_OF_2017, h)).containsKeys("CROWDED", "PUBLIC_GATHERING");
            assertThat(classesOn(FIRST_OF_2025, h)).containsKeys("CROWDED", "PUBLIC_GATHERING");
        }

        @Test
        void aColdStoreOnTheLastDayOf2017IsCountedAsAnOtherPlaceWithSixElements() {
            // Given a cold store (冷库, a class only GB 35181-2025 names) with six chapter 7 elements on 2025-10-31
            Venue coldStore = venue("COLD_STORE", "冷链物流冷库", 15, 3).build();
            Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(coldStore, List.of(finding("C1", "FIRE_LIFT_OUT_OF_ORDER"),
                    finding("C2", "FIRE_WATER_OR_AGENT_MISSING"), finding("C3", "OUTDOOR_FIRE_WATER_DEFECTIVE"),
                    finding("C4", "FIRE_POWER_LOAD_CLASS_LOW"), finding("C5", "FIRE_POWER_NOT_DEDICATED"),
                    finding("C6", "FIRE_ALARM_NOT_WORKING")), LAST_OF_2017));

            // Then GB 35181-2017 takes it as an other place (8.2 d, six or more) and counts it: a suspected major hazard.
            // Classed 冷库 under 2017, it fell in no counting row and nothing was counted.
            assertThat(a.determination().standard()).isEqualTo("GB 35181-2017");
            assertThat(a.determination().thresholds()).extracting(ThresholdCheck::row, ThresholdCheck::count,
                    ThresholdCheck::reached).containsExactly(tuple("OTHER_ANY", 6, true));
            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        }
    }
}
