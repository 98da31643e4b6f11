package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.DueBasis;
import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.MatrixRow;
import io.firerisk.OperatingStatus;
import io.firerisk.Priority;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.ResponsibleParty;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.Venue;
import io.firerisk.campaign.RiskMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.firerisk.campaigns.wanzhou.Venues.DAY;
import static io.firerisk.campaigns.wanzhou.Venues.action;
import static io.firerisk.campaigns.wanzhou.Venues.assess;
import static io.firerisk.campaigns.wanzhou.Venues.smallShop;
import static io.firerisk.campaigns.wanzhou.Venues.thirtyStoreyBlock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: suspension only on the law's enumerated grounds, for the part of a venue where people are
 * exposed; the grade as R = L × S on the campaign's matrix; one deadline per finding that the grade
 * may shorten but never below what the work needs, and that an overdue hazard keeps.
 */
class DecisionsAFireOfficerWouldSignTest {

    static final String SEAL = "督促单位立即停止使用该部位，并提请消防救援机构依法临时查封";

    static Venue restaurantFor315() {
        return Venue.builder("WZ-REST315", "RESTAURANT").name("江城大酒楼").floors(3).heightMeters(13.0)
                .occupantCapacity(315).build();
    }

    static Venue highRiseHotel() {
        return Venue.builder("WZ-HOTEL", "HOTEL").name("滨江宾馆").heightMeters(40.0).floors(12)
                .occupantCapacity(200).sleepingOnSite(true).build();
    }

    static Venue mall() {
        return Venue.builder("WZ-MALL", "MALL").name("万达广场").heightMeters(22.0).floors(4).occupantCapacity(1200).build();
    }

    static Venue dormitoryFor(int occupants) {
        return Venue.builder("WZ-DORM", "DORMITORY").name("环卫工人宿舍").floors(3).heightMeters(9.0)
                .occupantCapacity(occupants).sleepingOnSite(true).build();
    }

    static Finding dryHydrantNetwork() {
        return Finding.builder("F1", "HYDRANT_SYSTEM_DRY").location("消防水泵房").build();
    }

    static Finding onlyStairLocked() {
        return Finding.builder("F1", "EXITS_ALL_LOCKED_OR_BLOCKED").location("唯一疏散楼梯").correctableOnSpot(false)
                .party(ResponsibleParty.UNIT).build();
    }

    static List<String> ids(List<ClauseRef> clauses) {
        return clauses.stream().map(ClauseRef::id).toList();
    }

    static List<String> detailsZh(RequiredAction a) {
        return a.details().stream().map(Text::zh).toList();
    }

    @Nested
    class Suspension {

        @Test
        void expiredExtinguisherNeverSuspendsEvenInARestaurantFor315() {
            Assessment a = assess(restaurantFor315(), DAY, Finding.builder("F1", "FIRE_EXTINGUISHER_INVALID")
                    .location("大堂").party(ResponsibleParty.UNIT).build());

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.grading().formula()).isEqualTo("L2 × S4 = 8");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(a.actionCodes()).containsExactlyInAnyOrder("ORDER_TO_CORRECT", "PENALTY", "RECTIFY")
                    .doesNotContain("SUSPEND_USE");
            assertThat(action(a, "ORDER_TO_CORRECT", "F1")).get()
                    .satisfies(o -> assertThat(ids(o.clauses())).containsExactly("消防法 第六十条第一款(一)"));
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> assertThat(r.due()).contains(DAY.plusDays(7)));
        }

        @Test
        void dryHydrantNetworkInAHotelStopsUseOfThePartItServesAndAsksTheFireServiceToSealIt() {
            Assessment a = assess(highRiseHotel(), DAY, dryHydrantNetwork().toBuilder().area("客房楼（3至12层）").build());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.area()).isEqualTo("客房楼（3至12层）");
                assertThat(p.ground().code()).isEqualTo("FIRE_SYSTEM_FAILED");
                assertThat(ids(p.clauses())).containsExactly("消防法 第五十四条", "消防监督检查规定 第二十二条(二)",
                        "消防法 第七十条");
                assertThat(p.actor().zh()).isEqualTo("督促单位立即停止使用该设施所保护的部位，并提请消防救援机构依法临时查封");
                assertThat(p.resumesWhen().zh()).contains("经作出决定的机关或机构检查合格后，方可恢复使用");
                assertThat(p.findingIds()).containsExactly("F1");
            });
            assertThat(a.grading().formula()).isEqualTo("L5 × S5 = 25");
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(action(a, "SUSPEND_USE", "F1")).get().satisfies(s -> {
                assertThat(s.due()).contains(DAY);
                assertThat(s.priority()).isEqualTo(Priority.IMMEDIATE);
                assertThat(ids(s.clauses())).containsExactly("消防法 第七十条");
                assertThat(detailsZh(s)).singleElement().asString().startsWith("停止使用：客房楼（3至12层）；督促单位");
            });
            assertThat(a.citedClauses()).contains("消防监督检查规定 第二十二条(二)");
        }

        @Test
        void dryHydrantNetworkInAMallStopsTheWholeMallWhenTheSystemServesAllOfIt() {
            Assessment a = assess(mall(), DAY, dryHydrantNetwork());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.wholeVenue()).isTrue();
                assertThat(p.ground().code()).isEqualTo("FIRE_SYSTEM_FAILED");
            });
            assertThat(a.grading().formula()).isEqualTo("L5 × S5 = 25");
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(a.actionCodes()).contains("SUSPEND_USE", "RECTIFY");
        }

        @Test
        void dryHydrantNetworkInAResidentialTowerGoesToTheFireServiceAndOneBuildingOnePlanAndStopsNoHome() {
            Assessment a = assess(thirtyStoreyBlock(), DAY, dryHydrantNetwork());

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.actionCodes()).doesNotContain("SUSPEND_USE");
            // the ground holds, so the state of control is as bad as it gets: L5 in an S4 tower
            assertThat(a.grading().formula()).isEqualTo("L5 × S4 = 20");
            assertThat(a.grading().likelihoodSetBy()).singleElement()
                    .satisfies(r -> assertThat(r.code()).isEqualTo("LEGAL_GROUND"));
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(a.action("REFER_TO_FIRE_RESCUE")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(1));
                assertThat(ids(r.clauses())).containsExactly("消防法 第五十四条");
                assertThat(detailsZh(r)).singleElement().asString().startsWith("建筑消防设施严重损坏");
            });
            assertThat(a.action("ONE_BUILDING_ONE_PLAN")).get().satisfies(p -> {
                assertThat(ids(p.clauses())).contains(Wanzhou.PLAN + "二(二)");
                assertThat(detailsZh(p)).anySatisfy(d -> assertThat(d).startsWith("不停用住户"));
            });
        }

        @Test
        void closedVenueIsNeverSuspendedWhateverItsHazards() {
            Venue closed = highRiseHotel().toBuilder().operatingStatus(OperatingStatus.CLOSED).build();

            Assessment a = assess(closed, DAY, dryHydrantNetwork(), Finding.of("F2", "EXITS_TOO_FEW"));

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.actionCodes()).doesNotContain("SUSPEND_USE", "CONSIDER_SEALING", "REFER_TO_FIRE_RESCUE");
            // out of use: not a major hazard (GB 35181-2017 5.1.3 b) and no one exposed (S1)
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.determination().exclusions()).extracting(l -> l.code()).containsExactly("OUT_OF_USE");
            assertThat(a.grading().formula()).isEqualTo("L5 × S1 = 5");
            assertThat(a.grading().severitySetBy()).singleElement().satisfies(r -> assertThat(r.isDefault()).isTrue());
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(action(a, "RECTIFY", "F1")).isPresent();
        }

        @Test
        void dormitoryWhoseOnlyStairIsLockedAndCannotBeOpenedStopsUseWhateverItsSize() {
            Assessment small = assess(dormitoryFor(12), DAY, onlyStairLocked());
            Assessment large = assess(dormitoryFor(400), DAY, onlyStairLocked());

            for (Assessment a : List.of(small, large)) {
                assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                    assertThat(p.wholeVenue()).isTrue();
                    assertThat(p.ground().code()).isEqualTo("NO_SAFE_EVACUATION");
                    assertThat(ids(p.clauses())).containsExactly("消防法 第五十四条", "消防监督检查规定 第二十二条(一)",
                            "消防法 第七十条");
                    assertThat(p.actor().zh()).isEqualTo(SEAL);
                });
                assertThat(a.grading().likelihood()).isEqualTo(5);
                assertThat(action(a, "SUSPEND_USE", "F1")).get().satisfies(s -> assertThat(s.due()).contains(DAY));
                assertThat(action(a, "ORDER_TO_CORRECT", "F1")).get()
                        .satisfies(o -> assertThat(ids(o.clauses())).containsExactly("消防法 第六十条第一款(三)"));
                assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> assertThat(r.due()).contains(DAY));
            }
            // the size changes the consequence class and so the colour, never whether use stops
            assertThat(small.grading().formula()).isEqualTo("L5 × S3 = 15");
            assertThat(small.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(large.grading().formula()).isEqualTo("L5 × S5 = 25");
            assertThat(large.grade()).isEqualTo(RiskGrade.RED);
        }

        @Test
        void stairUnlockedInTheInspectorsPresenceIsOrderedCorrectedNotStopped() {
            Finding opened = onlyStairLocked().toBuilder().status(RectificationStatus.CORRECTED_ON_SPOT).build();

            Assessment a = assess(dormitoryFor(12), DAY, opened);

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.grading().formula()).isEqualTo("L2 × S3 = 6");
        }

        @Test
        void lockedExitNotRecordedAsCorrectedCountsTowardGb35181() {
            // The catalogue says a locked exit can usually be opened on the spot; that presumes nothing
            Venue office = Venue.builder("WZ-OFFICE", "OFFICE").name("区城市管理局机关").occupantCapacity(120).build();

            Assessment unrecorded = assess(office, DAY, Finding.of("F1", "EXIT_LOCKED_OR_BLOCKED"));
            Assessment correctable = assess(office, DAY, Finding.builder("F1", "EXIT_LOCKED_OR_BLOCKED")
                    .correctableOnSpot(true).build());

            assertThat(unrecorded.determination().comprehensiveElements()).containsExactly("7.3.3");
            assertThat(unrecorded.findings()).singleElement().satisfies(f -> assertThat(f.counted()).isTrue());
            assertThat(action(unrecorded, "RECTIFY", "F1")).get().satisfies(r -> assertThat(detailsZh(r))
                    .contains("可当场改正：督促立即改正并记录（未记录当场改正的，按未改正处理）"));
            assertThat(correctable.determination().comprehensiveElements()).isEmpty();
        }

        @Test
        void theBureausOwnFacilityIsStoppedByTheBureauItself() {
            Venue own = dormitoryFor(12).toBuilder().ownedByAuthority(true).build();

            Assessment a = assess(own, DAY, onlyStairLocked());

            assertThat(a.suspension().parts()).singleElement()
                    .satisfies(p -> assertThat(p.actor().zh()).isEqualTo("本局立即停止使用该部位"));
        }

        @Test
        void supervisedMajorHazardLateWithItsRectificationIsProposedToTheGovernmentForClosure() {
            Venue hotel = highRiseHotel();
            RectificationPlan lapsed = new RectificationPlan("王总", "加装喷淋", DAY.minusDays(10), "80万元", "专人巡查");

            Assessment a = assess(hotel, DAY, Finding.builder("F1", "SPRINKLER_NOT_INSTALLED").plan(lapsed)
                    .status(RectificationStatus.IN_PROGRESS).enforcement(io.firerisk.Enforcement.SUPERVISED).build());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.wholeVenue()).isTrue();
                assertThat(p.ground().code()).isEqualTo("MAJOR_HAZARD_ESCALATION");
                assertThat(p.actor().zh()).isEqualTo("提请本级人民政府责令停产停业（由政府决定）");
            });
            assertThat(a.actionCodes()).doesNotContain("LIST_FOR_SUPERVISION");
        }

        @Test
        void suspectedMajorHazardAloneIsNotifiedPlannedAndSupervisedNotStopped() {
            Assessment a = assess(highRiseHotel(), DAY, Finding.of("F1", "FIRE_ALARM_NOT_INSTALLED"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.actionCodes()).contains("MAJOR_HAZARD_NOTICE", "FIVE_IN_PLACE", "LIST_FOR_SUPERVISION",
                    "CONSIDER_SEALING").doesNotContain("SUSPEND_USE");
        }

        @Test
        void suspectedMajorHazardIsPutToTheFireServiceSayingTheConsequenceClassIsAnAssumption() {
            Assessment a = assess(highRiseHotel(), DAY, Finding.of("F1", "FIRE_ALARM_NOT_INSTALLED"));

            assertThat(a.actions("CONSIDER_SEALING")).singleElement().satisfies(c -> {
                assertThat(ids(c.clauses())).containsExactly("消防监督检查规定 第二十二条(五)");
                assertThat(detailsZh(c)).containsExactly("第二十二条第一款第（五）项：疑似重大火灾隐患，后果等级不低于S4（方案假定，非法定标准）");
            });
            assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("消防监督检查规定 第二十二条(五)"))
                    .singleElement().satisfies(r -> assertThat(r.sentence().zh()).contains("后果等级及该阈值为本方案假定"));
        }

        static Venue ktvFor(int occupants) {
            return Venue.builder("WZ-KTV", "ENTERTAINMENT").name("星光歌舞娱乐城").floors(3).heightMeters(12.0)
                    .occupantCapacity(occupants).build();
        }

        static Finding soundproofingFoam() {
            return Finding.builder("F1", "COMBUSTIBLE_DECORATION").location("包房吸音棉").area("二楼包房区").build();
        }

        @Test
        void combustibleDecorationOfAPublicGatheringPlaceIsPutToTheFireServiceNeverStoppedOnAnAssumedClass() {
            // 第二十二条(四) "可能导致重大人员伤亡" is the fire and rescue authority's judgement; the campaign's S class,
            // which its occupancy thresholds set, is an assumption and decides neither a stop nor whether to ask
            for (int occupants : new int[] {40, 300}) {
                Assessment a = assess(ktvFor(occupants), DAY, soundproofingFoam());

                assertThat(a.suspensionRequired()).as("%d people", occupants).isFalse();
                assertThat(a.actionCodes()).as("%d people", occupants).contains("CONSIDER_SEALING", "RECTIFY")
                        .doesNotContain("SUSPEND_USE");
                assertThat(a.actions("CONSIDER_SEALING")).singleElement().satisfies(c -> {
                    assertThat(ids(c.clauses())).containsExactly("消防监督检查规定 第二十二条(四)");
                    assertThat(c.due()).contains(DAY.plusDays(3));
                    assertThat(detailsZh(c)).singleElement().asString().startsWith("第二十二条第一款第（四）项：")
                            .contains("包房吸音棉").endsWith("是否可能导致重大人员伤亡由消防救援机构认定");
                });
                assertThat(a.grading().likelihoodRows()).extracting(MatrixRow::code).doesNotContain("LEGAL_GROUND");
                assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("消防监督检查规定 第二十二条(四)"))
                        .singleElement().satisfies(r -> assertThat(r.sentence().zh())
                                .contains("提请消防救援机构认定").contains("本方案的后果等级S为方案假定，不作认定或停用的依据"));
            }
        }

        @Test
        void combustibleDecorationOfAKtvOutOfUseIsNotPutToTheFireService() {
            Venue closed = ktvFor(300).toBuilder().operatingStatus(OperatingStatus.CLOSED).build();

            Assessment a = assess(closed, DAY, soundproofingFoam());

            assertThat(a.actionCodes()).doesNotContain("CONSIDER_SEALING", "SUSPEND_USE");
        }
    }

    /** The matrix: each band of the campaign's table at its edges, on venues and on the table itself. */
    @Nested
    class Matrix {

        @ParameterizedTest(name = "R = {0} is {1}")
        @CsvSource({"1, BLUE", "3, BLUE", "4, YELLOW", "8, YELLOW", "9, ORANGE", "16, ORANGE", "19, ORANGE",
                "20, RED", "25, RED"})
        void eachBandOfTheCampaignsMatrixStartsAndEndsWhereItsTableSays(int score, RiskGrade grade) {
            RiskMatrix matrix = Wanzhou.ENGINE.campaign().matrix();

            assertThat(matrix.grade(score)).isEqualTo(grade);
        }

        @Test
        void threeIsBlueAndFourIsYellow() {
            Venue office = Venue.builder("WZ-OFFICE", "OFFICE").name("区城市管理局机关").occupantCapacity(40).build();

            Assessment three = assess(office, DAY);
            Assessment four = assess(thirtyStoreyBlock(), DAY);

            assertThat(three.grading().formula()).isEqualTo("L1 × S3 = 3");
            assertThat(three.grade()).isEqualTo(RiskGrade.BLUE);
            assertThat(four.grading().formula()).isEqualTo("L1 × S4 = 4");
            assertThat(four.grade()).isEqualTo(RiskGrade.YELLOW);
        }

        @Test
        void eightIsYellowAndNineIsOrange() {
            Venue ktv = Venue.builder("WZ-KTV", "ENTERTAINMENT").name("星光KTV").occupantCapacity(80).build();

            Assessment eight = assess(restaurantFor315(), DAY, Finding.of("F1", "FIRE_EXTINGUISHER_INVALID"));
            Assessment nine = assess(ktv, DAY, Finding.of("F1", "COMBUSTIBLES_IN_STAIRWELL"));

            assertThat(eight.grading().formula()).isEqualTo("L2 × S4 = 8");
            assertThat(eight.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(nine.grading().formula()).isEqualTo("L3 × S3 = 9");
            assertThat(nine.grade()).isEqualTo(RiskGrade.ORANGE);
        }

        @Test
        void sixteenIsOrangeAndTwentyIsRed() {
            Assessment sixteen = assess(thirtyStoreyBlock(), DAY, Finding.of("F1", "FIRE_ALARM_NOT_WORKING"));
            Assessment twenty = assess(highRiseHotel(), DAY, Finding.of("F1", "FIRE_ALARM_NOT_WORKING"));

            assertThat(sixteen.grading().formula()).isEqualTo("L4 × S4 = 16");
            assertThat(sixteen.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(twenty.grading().formula()).isEqualTo("L4 × S5 = 20");
            assertThat(twenty.grade()).isEqualTo(RiskGrade.RED);
            // a partly failed system is not a legal ground: red without stopping use
            assertThat(twenty.suspensionRequired()).isFalse();
        }

        @Test
        void oneDamagedHydrantInATowerIsYellowWhileTheWholeNetworkDryIsRed() {
            // Given a thirty-storey block (S4), once with one damaged hydrant box, once with the network dry
            Finding oneHydrant = Finding.builder("F1", "PUBLIC_FIRE_FACILITY_DAMAGED").location("12楼消火栓箱").build();

            Assessment one = assess(thirtyStoreyBlock(), DAY, oneHydrant);
            Assessment dry = assess(thirtyStoreyBlock(), DAY, dryHydrantNetwork());

            // Then one device is an isolated defect, even though it evidences GB 35181 7.4.3 for counting
            assertThat(one.determination().comprehensiveElements()).containsExactly("7.4.3");
            assertThat(one.grading().likelihoodSetBy()).extracting(MatrixRow::code).containsExactly("ISOLATED_DEFECT");
            assertThat(one.grading().formula()).isEqualTo("L2 × S4 = 8");
            assertThat(one.grade()).isEqualTo(RiskGrade.YELLOW);
            // and the whole system without water is a legal ground (T2): L5, red, yet no home stops use
            assertThat(dry.grading().likelihoodSetBy()).extracting(MatrixRow::code).containsExactly("LEGAL_GROUND");
            assertThat(dry.grading().formula()).isEqualTo("L5 × S4 = 20");
            assertThat(dry.grade()).isEqualTo(RiskGrade.RED);
            assertThat(dry.suspensionRequired()).isFalse();
        }

        @Test
        void everyGradeSaysWhichRowsSetLAndSAndWhy() {
            Assessment a = assess(thirtyStoreyBlock(), DAY, Finding.builder("F1", "COMBUSTIBLES_IN_STAIRWELL")
                    .location("8楼楼道").build());

            assertThat(a.grading().score()).isEqualTo(12);
            assertThat(a.grading().bandFrom()).isEqualTo(9);
            assertThat(a.grading().likelihoodSetBy()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("ESCAPE_OR_ZONE");
                assertThat(r.level()).isEqualTo(3);
                assertThat(r.findingId()).contains("F1");
                assertThat(r.clause().id()).isEqualTo("LS风险矩阵 R=L×S");
                assertThat(r.because().zh()).isEqualTo("楼道、楼梯间堆放可燃杂物（8楼楼道）尚未整改：可能性L3（ESCAPE_OR_ZONE）");
            });
            assertThat(a.grading().severitySetBy()).extracting(MatrixRow::code).containsExactly("HIGH_RISE_RESIDENTIAL");
            assertThat(a.grading().severityRows()).extracting(MatrixRow::code)
                    .containsExactly("HIGH_RISE_RESIDENTIAL", "MULTI_STOREY_RESIDENTIAL", "OCCUPIED");
        }

        @Test
        void overdueRepeatedAndKeyPeriodRaisesMoveLOneStepAndNeverPastTheCap() {
            Venue ktv = Venue.builder("WZ-KTV", "ENTERTAINMENT").name("星光KTV").occupantCapacity(300).build();
            RectificationPlan lapsed = new RectificationPlan("店长", "清理", LocalDate.of(2024, 2, 1), "", "");
            Finding overdueAndRepeated = Finding.builder("F1", "COMBUSTIBLES_IN_STAIRWELL").plan(lapsed).timesFound(3)
                    .status(RectificationStatus.IN_PROGRESS).build();

            Assessment a = assess(ktv, LocalDate.of(2024, 2, 10), overdueAndRepeated);

            // three raises of one step each: the largest counts, once, and L stops at the cap of 4
            assertThat(a.grading().raises()).hasSize(3).allSatisfy(r -> {
                assertThat(r.raise()).isEqualTo(1);
                assertThat(r.level()).isEqualTo(4);
            });
            assertThat(a.grading().formula()).isEqualTo("L4 × S4 = 16");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
        }
    }

    /** One deadline per finding: what the work needs, shortened by the grade but not below its minimum, kept once set. */
    @Nested
    class Deadlines {

        @Test
        void workThatNeedsNoLeadTimeIsNotPromisedAtLeastZeroDays() {
            // Given expired extinguishers (7 days usually, no minimum: min_days 0)
            Assessment a = assess(smallShop(), DAY, Finding.builder("F1", "FIRE_EXTINGUISHER_INVALID").location("收银台").build());

            // Then the deadline is the usual 7 days, and the sentence does not say "不少于整改所需的0日"
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> assertThat(r.due()).contains(DAY.plusDays(7)));
            assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("消防监督检查规定 第二十条")).singleElement()
                    .satisfies(r -> assertThat(r.sentence().zh()).contains("起7日内整改；整改无需准备时间")
                            .doesNotContain("0日"));
        }

        @Test
        void aKeyPeriodHurriesRectificationButNotThePenaltyProcedure() {
            // Given a restaurant for 315 during the two sessions (2024-03-04 to 03-11; in-period hazards due within 3
            // days) with a hazard whose set deadline has passed (a penalty follows) and expired extinguishers
            LocalDate duringTwoSessions = LocalDate.of(2024, 3, 6);
            RectificationPlan plan = new RectificationPlan("店主", "更换线路", duringTwoSessions.minusDays(3), "0.3万元", "断电");
            Finding overdue = Finding.builder("F1", "ELECTRICAL_WIRING_AGED").plan(plan).foundOn(duringTwoSessions.minusDays(18))
                    .status(RectificationStatus.IN_PROGRESS).party(ResponsibleParty.UNIT).build();
            Finding extinguishers = Finding.builder("F2", "FIRE_EXTINGUISHER_INVALID").location("后厨").build();

            Assessment a = assess(restaurantFor315(), duringTwoSessions, overdue, extinguishers);

            // Then the extinguishers are due within the period's 3 days (the cap), as 二(八) asks
            assertThat(action(a, "RECTIFY", "F2")).get().satisfies(r -> {
                assertThat(r.due()).contains(duringTwoSessions.plusDays(3));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.CAP);
            });
            // but the penalty keeps its own period (actions.csv): the plan hurries rectification, not a penalty procedure
            assertThat(action(a, "PENALTY", "F1")).get().satisfies(p -> {
                assertThat(p.due()).contains(duringTwoSessions.plusDays(7));
                assertThat(p.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.ACTION_TABLE);
            });
        }

        @Test
        void overdueHazardKeepsItsDeadlineAndEscalates() {
            RectificationPlan plan = new RectificationPlan("店主", "更换线路", DAY.minusDays(3), "0.3万元", "断电");
            Finding overdue = Finding.builder("F1", "ELECTRICAL_WIRING_AGED").plan(plan).foundOn(DAY.minusDays(18))
                    .status(RectificationStatus.IN_PROGRESS).party(ResponsibleParty.UNIT).build();

            Assessment today = assess(smallShop(), DAY, overdue);
            Assessment tenDaysOn = assess(smallShop(), DAY.plusDays(10), overdue);

            for (Assessment a : List.of(today, tenDaysOn)) {
                assertThat(a.actions("RECTIFY")).singleElement().satisfies(r -> {
                    assertThat(r.due()).contains(DAY.minusDays(3));
                    assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.RECORDED);
                });
                assertThat(action(a, "ESCALATE", "F1")).get()
                        .satisfies(e -> assertThat(detailsZh(e)).containsExactly("逾期未整改"));
                assertThat(action(a, "PENALTY", "F1")).get()
                        .satisfies(p -> assertThat(ids(p.clauses())).containsExactly("消防法 第六十条第一款(七)"));
                assertThat(a.grading().raises()).singleElement().satisfies(r -> {
                    assertThat(r.rule()).isEqualTo("L：逾期未整改的，可能性提高");
                    assertThat(r.level()).isEqualTo(4);
                });
                assertThat(a.grading().formula()).isEqualTo("L4 × S2 = 8");
                assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
                assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.overdue()).isTrue());
            }
        }

        @Test
        void redShortensAPeriodButNeverBelowWhatTheWorkNeeds() {
            // Given a red hotel (a dry hydrant network) that also lacks fire-lane provision and has a damaged sign
            Assessment a = assess(highRiseHotel(), DAY, dryHydrantNetwork(), Finding.of("F2", "FIRE_LANE_NOT_PROVIDED"),
                    Finding.builder("F3", "EVACUATION_SIGNS_OR_LIGHTING_DAMAGED").ratio(0.1).build());

            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            // the sign is due in the red grade's 7 days, shorter than its usual 15
            assertThat(action(a, "RECTIFY", "F3")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(7));
                assertThat(r.dueBasis()).get().satisfies(b -> {
                    assertThat(b.kind()).isEqualTo(DueBasis.Kind.GRADE_PERIOD);
                    assertThat(b.days()).hasValue(7);
                });
            });
            // building a fire lane needs at least 90 days, red or not
            assertThat(action(a, "RECTIFY", "F2")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(90));
                assertThat(r.dueBasis()).get().satisfies(b -> {
                    assertThat(b.kind()).isEqualTo(DueBasis.Kind.WORK_MINIMUM);
                    assertThat(b.days()).hasValue(90);
                });
            });
        }

        @Test
        void periodCountsFromTheDayTheHazardWasFoundNotFromEachAssessment() {
            Finding found = Finding.builder("F1", "ELECTRICAL_WIRING_AGED").foundOn(DAY).build();

            Assessment a = assess(smallShop(), DAY.plusDays(5), found);

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> assertThat(r.due()).contains(DAY.plusDays(15)));
        }

        @Test
        void oneFindingHasOneRectificationDeadlineHoweverManyRulesAskForIt() {
            // A high-rise life passage, e-bikes under article 37 and the catalogue all ask to rectify F1
            Assessment a = assess(thirtyStoreyBlock(), DAY, Finding.builder("F1", "EBIKE_CHARGING_IN_COMMON_AREA")
                    .party(ResponsibleParty.INDIVIDUAL).build());

            assertThat(a.actions()).filteredOn(r -> r.findingId().filter("F1"::equals).isPresent())
                    .extracting(RequiredAction::code).doesNotHaveDuplicates();
            assertThat(a.actions("RECTIFY")).singleElement().satisfies(r -> {
                assertThat(r.due()).contains(DAY);
                assertThat(ids(r.clauses())).contains("应急管理部令第5号 第三十七条", Wanzhou.PLAN + "二(六)");
            });
        }
    }
}
