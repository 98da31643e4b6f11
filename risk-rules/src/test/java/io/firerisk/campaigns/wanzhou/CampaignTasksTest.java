package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.DueBasis;
import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.HazardVerdict;
import io.firerisk.Priority;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.RequiredAction;
import io.firerisk.ResponsibleParty;
import io.firerisk.RiskEngine;
import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.Venue;
import io.firerisk.Verification;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.firerisk.campaigns.wanzhou.Venues.CAMPAIGN_END;
import static io.firerisk.campaigns.wanzhou.Venues.DAY;
import static io.firerisk.campaigns.wanzhou.Venues.LAST_WEEK;
import static io.firerisk.campaigns.wanzhou.Venues.action;
import static io.firerisk.campaigns.wanzhou.Venues.assess;
import static io.firerisk.campaigns.wanzhou.Venues.officeCanteenInBasement;
import static io.firerisk.campaigns.wanzhou.Venues.smallShop;
import static io.firerisk.campaigns.wanzhou.Venues.thirtyStoreyBlock;
import static io.firerisk.campaigns.wanzhou.Wanzhou.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/** The nine key tasks of 万州城管发〔2023〕114号 二, on realistic venues. */
class CampaignTasksTest {


    static List<String> clauses(RequiredAction a) {
        return a.clauses().stream().map(ClauseRef::id).toList();
    }

    static List<String> detailsZh(RequiredAction a) {
        return a.details().stream().map(Text::zh).toList();
    }

    static Finding lpgCylinderInBasementKitchen() {
        return Finding.builder("F1", "LPG_CYLINDER_UNDERGROUND").location("地下一层厨房").build();
    }

    static Venue ktv() {
        return Venue.builder("WZ-KTV", "ENTERTAINMENT").name("星光KTV").heightMeters(12.0).floors(3)
                .occupantCapacity(80).build();
    }

    /**
     * 二(一): major hazards get the rectification notice, 五落实 named gap by gap and government
     * supervision, and are rectified before the campaign ends unless the work needs longer.
     */
    @Nested
    class MajorHazards {

        @Test
        void suspectedMajorHazardWhosePlanLacksFundsAndContingencyPlanGetsAnActionNamingThem() {
            RectificationPlan partial = new RectificationPlan("王经理", "增设安全出口", DAY.plusDays(20), null, null);
            Assessment a = assess(ktv(), DAY,
                    Finding.builder("F1", "EXITS_TOO_FEW").location("二楼包房区").plan(partial).build());

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(action(a, "FIVE_IN_PLACE", "F1")).get().satisfies(five -> {
                assertThat(five.due()).contains(DAY.plusDays(3));
                assertThat(detailsZh(five)).containsExactlyInAnyOrder(
                        "缺整改资金：落实整改经费来源", "缺应急预案：制定整改期间的应急预案");
                assertThat(clauses(five)).contains(PLAN + "二(一)");
            });
            assertThat(a.action("COLLECTIVE_DETERMINATION")).get()
                    .satisfies(c -> assertThat(c.due()).contains(DAY.plusDays(7)));
            assertThat(a.action("MAJOR_HAZARD_NOTICE")).get()
                    .satisfies(n -> assertThat(clauses(n)).containsExactly("消防监督检查规定 第二十一条"));
            assertThat(a.action("LIST_FOR_SUPERVISION")).get()
                    .satisfies(n -> assertThat(clauses(n)).containsExactly("消防监督检查规定 第二十一条"));
            // the deadline the plan already sets is the one the hazard keeps
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(20));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.RECORDED);
            });
        }

        @Test
        void suspectedMajorHazardWithoutALegalGroundIsNotifiedPlannedAndSupervisedButNotSuspended() {
            // Given a hotel without the sprinklers GB 35181-2017 6.6 requires: a direct element, no ground for stopping use
            Venue hotel = Venue.builder("WZ-HOTEL", "HOTEL").name("滨江宾馆").heightMeters(40.0).floors(12)
                    .occupantCapacity(100).sleepingOnSite(true).build();

            Assessment a = assess(hotel, DAY, Finding.of("F1", "SPRINKLER_NOT_INSTALLED"));

            assertThat(a.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.grading().formula()).isEqualTo("L5 × S5 = 25");
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
            assertThat(a.actionCodes()).contains("COLLECTIVE_DETERMINATION", "MAJOR_HAZARD_NOTICE", "FIVE_IN_PLACE",
                    "LIST_FOR_SUPERVISION").doesNotContain("SUSPEND_USE");
            // a person is asked to consider 第二十二条(五), which the engine never applies itself
            assertThat(a.action("CONSIDER_SEALING")).get()
                    .satisfies(c -> assertThat(clauses(c)).containsExactly("消防监督检查规定 第二十二条(五)"));
            // sprinklers take months to install: red shortens the period, but not below the 60 days the work needs
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(60));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.WORK_MINIMUM);
            });
        }

        @Test
        void suspectedMajorHazardWithoutAnyPlanGetsAllFivePartsNamed() {
            Assessment a = assess(ktv(), DAY, Finding.builder("F1", "EXITS_TOO_FEW").build());

            assertThat(action(a, "FIVE_IN_PLACE", "F1")).get()
                    .satisfies(five -> assertThat(five.details()).hasSize(5));
        }

        @Test
        void suspectedMajorHazardWithACompletePlanHasNoGapsToName() {
            RectificationPlan full = new RectificationPlan("王经理", "增设安全出口", DAY.plusDays(20), "20万元", "专人值守");
            Assessment a = assess(ktv(), DAY, Finding.builder("F1", "EXITS_TOO_FEW").plan(full).build());

            assertThat(action(a, "FIVE_IN_PLACE", "F1")).get()
                    .satisfies(five -> assertThat(five.details()).isEmpty());
        }

        @Test
        void generalHazardNeedsNoFiveInPlace() {
            Assessment a = assess(smallShop(), DAY, Finding.of("F1", "ELECTRICAL_WIRING_AGED"));

            assertThat(a.actionCodes()).doesNotContain("FIVE_IN_PLACE", "COLLECTIVE_DETERMINATION");
        }

        @Test
        void majorHazardFoundInTheLastWeekKeepsTheTimeTheWorkNeedsRatherThanTheCampaignsEnd() {
            Assessment a = assess(ktv(), LAST_WEEK, Finding.of("F1", "EXITS_TOO_FEW"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(LAST_WEEK.plusDays(60));
                assertThat(r.dueBasis()).get().satisfies(b -> {
                    assertThat(b.kind()).isEqualTo(DueBasis.Kind.WORK_MINIMUM);
                    assertThat(b.days()).hasValue(60);
                });
                assertThat(clauses(r)).contains(PLAN + "二(一)");
            });
        }
    }

    /** 二(二): use stops on a legal ground, for the part exposed, until a re-inspection passes. */
    @Nested
    class Suspension {

        @Test
        void officeCanteenWithAnLpgCylinderInItsBasementKitchenStopsTheGasTodayButIsNotSuspended() {
            Assessment a = assess(officeCanteenInBasement(), DAY, lpgCylinderInBasementKitchen());

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.grading().formula()).isEqualTo("L4 × S4 = 16");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(action(a, "STOP_GAS_USE", "F1")).get().satisfies(s -> {
                assertThat(s.due()).contains(DAY);
                assertThat(s.priority()).isEqualTo(Priority.IMMEDIATE);
            });
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(3));
                assertThat(detailsZh(r)).contains("移出气瓶，改用管道燃气或电能");
            });
            assertThat(a.actionCodes()).contains("SELF_INSPECT", "GAS_ISSUE_LIST").doesNotContain("SUSPEND_USE");
        }

        @Test
        void bureausOwnCanteenWithAnLpgApplianceUndergroundClearsTheKitchenItself() {
            Venue own = officeCanteenInBasement().toBuilder().ownedByAuthority(true).build();

            Assessment a = assess(own, DAY, Finding.builder("F1", "LPG_APPLIANCE_UNDERGROUND").location("灶台")
                    .area("地下一层厨房").build());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.area()).isEqualTo("地下一层厨房");
                assertThat(p.ground().code()).isEqualTo("GAS_FACILITY_UNSAFE");
                assertThat(p.clauses()).extracting(ClauseRef::id)
                        .containsExactly("安全生产法 第六十五条第一款第（三）项", "消防法 第七十条");
                assertThat(p.actor().zh()).isEqualTo("本局立即从危险区域撤出人员，停止使用相关燃气设施");
            });
            assertThat(action(a, "SUSPEND_USE", "F1")).get().satisfies(s -> {
                assertThat(s.due()).contains(DAY);
                assertThat(detailsZh(s)).singleElement().asString().startsWith("停止使用：地下一层厨房；本局");
            });
            assertThat(action(a, "STOP_GAS_USE", "F1")).isPresent();
            assertThat(a.grade()).isEqualTo(RiskGrade.RED);
        }

        @Test
        void partReportedRectifiedStaysSuspendedUntilTheReInspectionPasses() {
            Assessment a = assess(officeCanteenInBasement(), DAY, Finding.builder("F1", "LPG_APPLIANCE_UNDERGROUND")
                    .area("地下一层厨房").status(RectificationStatus.RECTIFIED).build());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.area()).isEqualTo("地下一层厨房");
                assertThat(p.resumesWhen().zh()).contains("检查合格后，方可恢复使用");
            });
            assertThat(action(a, "RE_INSPECT", "F1")).get()
                    .satisfies(r -> assertThat(r.due()).contains(DAY.plusDays(7)));
            assertThat(a.actionCodes()).doesNotContain("CLOSE_OUT", "RECTIFY", "STOP_GAS_USE");
        }

        @Test
        void partWhoseRectificationIsVerifiedIsNoLongerSuspendedAndIsClosed() {
            Assessment a = assess(officeCanteenInBasement(), DAY, Finding.builder("F1", "LPG_APPLIANCE_UNDERGROUND")
                    .status(RectificationStatus.VERIFIED).build());

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.verdict()).isEqualTo(HazardVerdict.NONE);
            assertThat(a.actionCodes()).contains("CLOSE_OUT").doesNotContain("SUSPEND_USE", "RE_INSPECT");
        }
    }

    /** 二(三): offices and canteens self-inspect, with the check items the findings point to. */
    @Nested
    class CrowdedPlaces {

        @Test
        void bureauOfficeSelfInspectsEvenWithNothingFound() {
            Venue office = Venue.builder("WZ-OFFICE", "OFFICE").name("区城市管理局机关").floors(6).heightMeters(21.0)
                    .occupantCapacity(120).build();
            Assessment a = assess(office, DAY);

            assertThat(a.grade()).isEqualTo(RiskGrade.BLUE);
            assertThat(a.verdict()).isEqualTo(HazardVerdict.NONE);
            assertThat(a.action("SELF_INSPECT")).get().satisfies(s -> {
                assertThat(s.due()).contains(DAY.plusDays(15));
                assertThat(s.details()).isEmpty();
                assertThat(clauses(s)).containsExactly(PLAN + "二(三)");
            });
        }

        @Test
        void officeWithMessyWiringAndABlockedRouteSelfInspectsThoseItemsHardest() {
            Venue office = Venue.builder("WZ-OFFICE", "OFFICE").occupantCapacity(120).build();
            Assessment a = assess(office, DAY, Finding.of("F1", "WIRING_MESSY"),
                    Finding.of("F2", "EVACUATION_ROUTE_BLOCKED"), Finding.of("F3", "EMERGENCY_PLAN_MISSING"));

            assertThat(a.action("SELF_INSPECT")).get().satisfies(s -> assertThat(detailsZh(s))
                    .containsExactlyInAnyOrder("重点：电气线路", "重点：疏散通道", "重点：应急预案"));
        }

        @Test
        void smallShopWithOneGeneralHazardOnlyRectifiesIt() {
            Assessment a = assess(smallShop(), DAY, Finding.builder("F1", "ELECTRICAL_WIRING_AGED").location("仓储间").build());

            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.actions()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("RECTIFY");
                assertThat(r.due()).contains(DAY.plusDays(15));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.RULE);
                assertThat(clauses(r)).containsExactly("消防监督检查规定 第二十条");
            });
        }

        @Test
        void selfInspectionIsTheCampaignsDutyAndLapsesAfterIt() {
            Venue office = Venue.builder("WZ-OFFICE", "OFFICE").occupantCapacity(120).build();
            Assessment a = assess(office, LocalDate.of(2024, 5, 6), Finding.of("F1", "WIRING_MESSY"));

            assertThat(a.calendar().campaignInForce()).isFalse();
            assertThat(a.actionCodes()).doesNotContain("SELF_INSPECT");
        }
    }

    /** 二(四): canteens and restaurants using gas. */
    @Nested
    class Gas {

        Venue canteen() {
            return Venue.builder("WZ-CANTEEN2", "CANTEEN").name("环卫所职工食堂").floors(2).heightMeters(8.0)
                    .occupantCapacity(60).gasSupply(GasSupply.PIPED_NATURAL_GAS).build();
        }

        @Test
        void canteenUsingGasWithoutAnAlarmMustInstallOneIsOrderedAndMayBeFined() {
            Assessment a = assess(canteen(), DAY,
                    Finding.builder("F1", "GAS_ALARM_NOT_INSTALLED").location("厨房").party(ResponsibleParty.UNIT).build());

            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            // one finding, one deadline: fitting the alarm is how it is rectified, not a second action
            assertThat(a.actions("RECTIFY")).singleElement().satisfies(g -> {
                assertThat(g.due()).contains(DAY.plusDays(7));
                assertThat(clauses(g)).contains("安全生产法 第三十六条第四款", PLAN + "二(四)");
                assertThat(detailsZh(g)).contains("安装可燃气体报警装置并保障其正常使用");
            });
            assertThat(action(a, "ORDER_TO_CORRECT", "F1")).get()
                    .satisfies(o -> assertThat(o.due()).contains(DAY.plusDays(1)));
            assertThat(action(a, "PENALTY", "F1")).get().satisfies(p -> assertThat(detailsZh(p))
                    .containsExactly("安全生产法第九十九条第（八）项：处五万元以下罚款"));
            assertThat(a.action("GAS_ISSUE_LIST")).get()
                    .satisfies(l -> assertThat(l.due()).contains(DAY.plusDays(7)));
        }

        @Test
        void alarmThatIsInstalledButNotWorkingMustBeRepairedButArticle99DoesNotFineIt() {
            Assessment a = assess(canteen(), DAY, Finding.of("F1", "GAS_ALARM_NOT_WORKING"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(g -> {
                assertThat(g.due()).contains(DAY.plusDays(3));
                assertThat(detailsZh(g)).contains("修复报警装置，恢复供电，不得关闭");
            });
            assertThat(a.actionCodes()).doesNotContain("PENALTY", "ORDER_TO_CORRECT");
        }

        @Test
        void alarmStillMissingAfterItsDeadlineBringsTheHigherFineAndEscalation() {
            RectificationPlan plan = new RectificationPlan("李主任", "加装报警器", DAY.minusDays(5), "0.5万元", "专人巡查");
            Assessment a = assess(canteen(), DAY, Finding.builder("F1", "GAS_ALARM_NOT_INSTALLED").plan(plan)
                    .status(RectificationStatus.IN_PROGRESS).enforcement(Enforcement.ORDERED_TO_CORRECT).build());

            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(action(a, "PENALTY", "F1")).get().satisfies(p -> assertThat(detailsZh(p)).singleElement()
                    .asString().contains("五万元以上二十万元以下"));
            assertThat(a.actionCodes()).contains("ESCALATE", "RECHECK_ORDER");
        }

        @Test
        void lpgApplianceInARestaurantBasementStopsTheGasAndClearsTheBasementKitchenToday() {
            Venue restaurant = Venue.builder("WZ-REST", "RESTAURANT").name("老火锅").floors(3).heightMeters(10.0)
                    .occupantCapacity(40).gasSupply(GasSupply.LPG_CYLINDER).build();
            Assessment a = assess(restaurant, DAY, Finding.builder("F1", "LPG_APPLIANCE_UNDERGROUND").location("灶台")
                    .area("负一楼后厨").build());

            assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
                assertThat(p.area()).isEqualTo("负一楼后厨");
                assertThat(p.ground().code()).isEqualTo("GAS_FACILITY_UNSAFE");
                assertThat(p.actor().zh()).startsWith("提请负有燃气安全监督管理职责的部门");
            });
            assertThat(a.grading().formula()).isEqualTo("L5 × S3 = 15");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(action(a, "STOP_GAS_USE", "F1")).get()
                    .satisfies(s -> assertThat(s.due()).contains(DAY));
        }

        @Test
        void gasPipesInABedroomAndAToiletAreMovedWithTheirDeadlines() {
            Venue dormitory = Venue.builder("WZ-DORM", "DORMITORY").floors(4).occupantCapacity(80).sleepingOnSite(true)
                    .gasSupply(GasSupply.PIPED_NATURAL_GAS).build();
            Assessment a = assess(dormitory, DAY, Finding.of("F1", "GAS_PIPE_IN_BEDROOM"), Finding.of("F2", "GAS_PIPE_IN_TOILET"),
                    Finding.of("F3", "GAS_HOSE_OBSOLETE"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r ->
                    assertThat(detailsZh(r)).containsExactly("将燃气管道、燃具改移出卧室等居住休息房间"));
            assertThat(action(a, "RECTIFY", "F2")).get().satisfies(r ->
                    assertThat(detailsZh(r)).containsExactly("由燃气经营企业将管道改移出卫生间"));
            assertThat(action(a, "RECTIFY", "F3")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(3));
                assertThat(clauses(r)).contains("建城规〔2023〕4号 第九条");
            });
        }

        @Test
        void cylinderInAHighRiseRestRestsOnAnUnverifiedLocalRuleAndSaysSo() {
            Venue highRise = Venue.builder("WZ-TOWER", "RESTAURANT").floors(12).heightMeters(40.0).occupantCapacity(60)
                    .gasSupply(GasSupply.LPG_CYLINDER).build();
            Assessment a = assess(highRise, DAY, Finding.of("F1", "LPG_CYLINDER_IN_HIGH_RISE"),
                    Finding.of("F2", "GAS_CUTOFF_VALVE_MISSING"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r ->
                    assertThat(clauses(r)).contains("地方燃气规定 瓶装燃气"));
            assertThat(action(a, "RECTIFY", "F2")).get().satisfies(c -> {
                assertThat(detailsZh(c)).singleElement().asString().contains("燃气自动切断装置");
                assertThat(c.clauses()).anySatisfy(cl -> {
                    assertThat(cl.id()).isEqualTo("地方燃气规定 瓶装燃气");
                    assertThat(cl.verification()).isEqualTo(Verification.UNVERIFIED);
                });
            });
            assertThat(a.reasons()).anySatisfy(r -> {
                assertThat(r.rule()).startsWith("引导职工继续加装必要安全设施：燃气自动切断装置");
                assertThat(r.sentence().zh()).contains("未经核实");
                assertThat(r.clause().verified()).isFalse();
            });
            assertThat(a.restsOnUnverifiedClauses()).isTrue();
        }

        @Test
        void lockedExitInAGasUsingCanteenGoesOnTheGasIssueList() {
            Assessment a = assess(canteen(), DAY, Finding.of("F1", "EXIT_LOCKED_OR_BLOCKED"));

            assertThat(a.action("GAS_ISSUE_LIST")).get().satisfies(l ->
                    assertThat(detailsZh(l)).containsExactly("重点：堵塞安全出口和疏散通道"));
        }
    }

    /** 二(五): residential communities, e-bikes under 应急管理部令第5号 and the enforcement path. */
    @Nested
    class Residential {

        static Finding ebikesChargingInTheStairwell(Enforcement enforcement) {
            return Finding.builder("F1", "EBIKE_CHARGING_IN_COMMON_AREA").location("2单元楼梯间")
                    .party(ResponsibleParty.INDIVIDUAL).enforcement(enforcement).build();
        }

        static Finding lockedExit() {
            return Finding.builder("F2", "EXIT_LOCKED_OR_BLOCKED").location("一楼北侧安全出口")
                    .party(ResponsibleParty.UNIT).build();
        }

        @Test
        void thirtyStoreyBlockWithEbikesChargingInTheStairwellAndALockedExit() {
            Assessment a = assess(thirtyStoreyBlock(), DAY, ebikesChargingInTheStairwell(Enforcement.NONE), lockedExit());

            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(a.verdict()).isEqualTo(HazardVerdict.GENERAL);
            assertThat(a.suspensionRequired()).isFalse();
            // article 37 is the rule broken: the e-bikes go today, on the finding's one deadline
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(e -> {
                assertThat(e.due()).contains(DAY);
                assertThat(clauses(e)).contains("应急管理部令第5号 第三十七条");
                assertThat(detailsZh(e)).contains("立即清离电动自行车，停止在公共区域充电（应急管理部令第5号第三十七条）",
                        "高层建筑生命通道：立即清理疏通");
            });
            assertThat(action(a, "RECTIFY", "F2")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY);
                assertThat(detailsZh(r)).contains("高层建筑生命通道：立即清理疏通");
            });
            // article 47 is the power to order correction; the locked exit is 消防法 第六十条 item (三)
            assertThat(action(a, "ORDER_TO_CORRECT", "F1")).get().satisfies(o -> {
                assertThat(clauses(o)).containsExactly("应急管理部令第5号 第四十七条");
                assertThat(detailsZh(o)).singleElement().asString().startsWith("违反应急管理部令第5号第三十七条");
            });
            assertThat(action(a, "ORDER_TO_CORRECT", "F2")).get()
                    .satisfies(o -> assertThat(clauses(o)).containsExactly("消防法 第六十条第一款(三)"));
            assertThat(action(a, "PENALTY", "F1")).isEmpty();
            assertThat(action(a, "PENALTY", "F2")).get().satisfies(p -> {
                assertThat(clauses(p)).containsExactlyInAnyOrder("消防法 第六十条第一款", "应急管理部令第5号 第四十八条");
                assertThat(detailsZh(p)).containsExactly("消防法第六十条：对单位处五千元以上五万元以下罚款");
            });
            assertThat(a.action("RESIDENT_EDUCATION")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(7));
                assertThat(detailsZh(r)).containsExactlyInAnyOrder("不锁闭安全出口", "电动自行车不违规停放充电");
            });
            assertThat(a.action("LIFE_PASSAGE_JOINT_ENFORCEMENT")).get()
                    .satisfies(j -> assertThat(j.due()).contains(DAY.plusDays(3)));
            assertThat(a.actionCodes()).doesNotContain("GAS_ISSUE_LIST", "SELF_INSPECT", "COMPULSORY_ENFORCEMENT");
        }

        @Test
        void ebikeOwnerIsFinedOnlyAfterRefusingToCorrect() {
            Assessment ordered = assess(thirtyStoreyBlock(), DAY, ebikesChargingInTheStairwell(Enforcement.ORDERED_TO_CORRECT));
            Assessment refused = assess(thirtyStoreyBlock(), DAY, ebikesChargingInTheStairwell(Enforcement.REFUSED_TO_CORRECT));

            assertThat(ordered.actionCodes()).contains("RECHECK_ORDER").doesNotContain("PENALTY", "ORDER_TO_CORRECT");
            assertThat(action(refused, "PENALTY", "F1")).get().satisfies(p -> {
                assertThat(clauses(p)).containsExactly("应急管理部令第5号 第四十七条(七)");
                assertThat(detailsZh(p)).singleElement().asString()
                        .contains("经营性单位和个人二千元以上一万元以下", "非经营性单位和个人五百元以上一千元以下");
            });
        }

        @Test
        void ebikesInTheCorridorOfALowRiseBlockAreNotUnderArticle37ButStillTaught() {
            Venue lowRise = thirtyStoreyBlock().toBuilder().heightMeters(18.0).floors(6).occupantCapacity(72).build();
            Assessment a = assess(lowRise, DAY, ebikesChargingInTheStairwell(Enforcement.REFUSED_TO_CORRECT));

            assertThat(a.actionCodes()).contains("RESIDENT_EDUCATION").doesNotContain("PENALTY", "ORDER_TO_CORRECT");
            assertThat(action(a, "RECTIFY", "F1")).get()
                    .satisfies(r -> assertThat(detailsZh(r)).noneMatch(d -> d.contains("第三十七条") || d.contains("生命通道")));
            assertThat(a.citedClauses()).doesNotContain("应急管理部令第5号 第三十七条");
        }

        @Test
        void residentBlockingTheFireLaneIsWarnedOrFinedAsAnIndividualNotAsAUnit() {
            Finding byResident = Finding.builder("F1", "FIRE_LANE_BLOCKED").location("小区东门消防车通道")
                    .party(ResponsibleParty.INDIVIDUAL).build();
            Assessment a = assess(thirtyStoreyBlock(), DAY, byResident);

            assertThat(action(a, "PENALTY", "F1")).get().satisfies(p -> {
                assertThat(detailsZh(p)).containsExactly("消防法第六十条：对个人处警告或者五百元以下罚款");
                assertThat(clauses(p)).contains("消防法 第六十条第二款");
            });
            assertThat(action(a, "ORDER_TO_CORRECT", "F1")).get()
                    .satisfies(o -> assertThat(clauses(o)).containsExactly("消防法 第六十条第一款(五)"));
            assertThat(action(a, "RECTIFY", "F1")).get()
                    .satisfies(r -> assertThat(detailsZh(r)).contains("高层建筑生命通道：立即清理疏通"));
            assertThat(a.actionCodes()).contains("LIFE_PASSAGE_JOINT_ENFORCEMENT");
        }

        @Test
        void unitRefusingToUnlockTheExitFacesCompulsoryEnforcement() {
            Finding refused = Finding.builder("F2", "EXIT_LOCKED_OR_BLOCKED").party(ResponsibleParty.UNIT)
                    .enforcement(Enforcement.REFUSED_TO_CORRECT).build();
            Assessment a = assess(thirtyStoreyBlock(), DAY, refused);

            assertThat(action(a, "COMPULSORY_ENFORCEMENT", "F2")).get()
                    .satisfies(c -> assertThat(c.due()).contains(DAY.plusDays(3)));
            assertThat(a.actionCodes()).doesNotContain("ORDER_TO_CORRECT");
        }

        @Test
        void offenderNotYetKnownMustBeIdentifiedBeforeAnyPenalty() {
            Assessment a = assess(thirtyStoreyBlock(), DAY, Finding.of("F1", "PUBLIC_FIRE_FACILITY_DAMAGED"));

            assertThat(a.actionCodes()).contains("IDENTIFY_PARTY", "ORDER_TO_CORRECT", "RESIDENT_EDUCATION")
                    .doesNotContain("PENALTY");
        }
    }

    /** 二(二), 二(六): high-rise life passages, 一楼一策 and 回头看. */
    @Nested
    class HighRiseAndReinspection {

        @Test
        void hazardFoundAgainInAHighRiseGetsOneBuildingOnePlanEscalationAndARaisedLikelihood() {
            Finding again = Finding.builder("F1", "EVACUATION_ROUTE_BLOCKED").location("15楼走道").timesFound(2)
                    .party(ResponsibleParty.UNIT).build();
            Assessment a = assess(thirtyStoreyBlock(), DAY, again);

            // found again: L3 → L4, never straight to red
            assertThat(a.grading().formula()).isEqualTo("L4 × S4 = 16");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(a.grading().raises()).singleElement().satisfies(b -> {
                assertThat(b.raise()).isEqualTo(1);
                assertThat(b.rule()).isEqualTo("L：隐患反复出现的，可能性提高");
            });
            assertThat(a.action("ONE_BUILDING_ONE_PLAN")).get().satisfies(p -> {
                assertThat(p.due()).contains(DAY.plusDays(15));
                assertThat(clauses(p)).containsExactly(PLAN + "二(二)");
            });
            assertThat(action(a, "ESCALATE", "F1")).get()
                    .satisfies(e -> assertThat(detailsZh(e)).containsExactly("反复出现"));
        }

        @Test
        void publicBuildingAbove24MetresIsHighRiseAndItsLifePassageIsClearedToday() {
            Venue office = Venue.builder("WZ-TOWER", "OFFICE").floors(9).heightMeters(30.0).occupantCapacity(200).build();
            Assessment a = assess(office, DAY, Finding.of("F1", "COMBUSTIBLES_IN_STAIRWELL"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(c -> {
                assertThat(c.due()).contains(DAY);
                assertThat(detailsZh(c)).contains("高层建筑生命通道：立即清理疏通");
            });
            assertThat(a.grading().formula()).isEqualTo("L3 × S3 = 9");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
        }

        @Test
        void residentialBuildingOfExactly27MetresIsNotHighRise() {
            Venue block = thirtyStoreyBlock().toBuilder().heightMeters(27.0).floors(9).occupantCapacity(100).build();
            Assessment a = assess(block, DAY, Finding.builder("F1", "EVACUATION_ROUTE_BLOCKED").party(ResponsibleParty.UNIT).build());

            assertThat(a.actionCodes()).doesNotContain("ONE_BUILDING_ONE_PLAN");
            assertThat(action(a, "RECTIFY", "F1")).get()
                    .satisfies(r -> assertThat(detailsZh(r)).noneMatch(d -> d.contains("生命通道")));
        }

        @Test
        void hazardReportedRectifiedIsReInspectedWithinAWeekAndNotClosedYet() {
            Assessment a = assess(smallShop(), DAY, Finding.builder("F1", "ELECTRICAL_WIRING_AGED")
                    .status(RectificationStatus.RECTIFIED).build());

            // reported rectified but not yet re-inspected: L2, not yet L1
            assertThat(a.grading().formula()).isEqualTo("L2 × S2 = 4");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(action(a, "RE_INSPECT", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(7));
                assertThat(clauses(r)).containsExactly(PLAN + "二(六)");
            });
            assertThat(a.actionCodes()).doesNotContain("CLOSE_OUT");
        }

        @Test
        void reInspectionIsNeverLaterThanTheCampaignsEnd() {
            Assessment a = assess(smallShop(), LAST_WEEK, Finding.builder("F1", "ELECTRICAL_WIRING_AGED")
                    .status(RectificationStatus.RECTIFIED).build());

            assertThat(action(a, "RE_INSPECT", "F1")).get().satisfies(r -> assertThat(r.due()).contains(CAMPAIGN_END));
        }

        @Test
        void overdueRectificationRaisesTheLikelihoodEscalatesAndFinesTheUnit() {
            RectificationPlan plan = new RectificationPlan("店主", "更换线路", DAY.minusDays(3), "0.3万元", "断电");
            Assessment a = assess(smallShop(), DAY, Finding.builder("F1", "ELECTRICAL_WIRING_AGED").plan(plan)
                    .status(RectificationStatus.IN_PROGRESS).party(ResponsibleParty.UNIT).build());

            assertThat(a.grading().formula()).isEqualTo("L4 × S2 = 8");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(action(a, "ESCALATE", "F1")).get()
                    .satisfies(e -> assertThat(detailsZh(e)).containsExactly("逾期未整改"));
            assertThat(action(a, "PENALTY", "F1")).get().satisfies(p -> assertThat(detailsZh(p)).singleElement()
                    .asString().startsWith("消防法第六十条第一款第（七）项"));
            // the deadline it missed stays its deadline: no fresh one
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.minusDays(3));
                assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.RECORDED);
            });
        }
    }

    /** 二(七): 三清三关 education where the findings call for it. */
    @Nested
    class ThreeClearsThreeOffs {

        @Test
        void combustiblesOnTheStairsAndGasLeftOnCallForThreeClearsEducationOnThosePoints() {
            Assessment a = assess(thirtyStoreyBlock(), DAY, Finding.builder("F1", "COMBUSTIBLES_IN_STAIRWELL").location("8楼楼道").build(),
                    Finding.builder("F2", "GAS_LEFT_ON_UNATTENDED").location("1203室厨房").build());

            assertThat(a.action("THREE_CLEARS_THREE_OFFS")).get().satisfies(t -> {
                assertThat(t.due()).contains(DAY.plusDays(7));
                assertThat(detailsZh(t)).containsExactlyInAnyOrder("清理楼道可燃杂物", "离人关闭气源");
                assertThat(clauses(t)).containsExactly(PLAN + "二(七)");
            });
        }

        @Test
        void findingsThatAreNotAboutCombustiblesOrLeavingThingsOnCallForNoSuchEducation() {
            Assessment a = assess(smallShop(), DAY, Finding.of("F1", "ELECTRICAL_WIRING_AGED"));

            assertThat(a.actionCodes()).doesNotContain("THREE_CLEARS_THREE_OFFS");
        }

        @Test
        void clutterAlreadyClearedOnTheSpotNeedsNoEducation() {
            Assessment a = assess(smallShop(), DAY, Finding.builder("F1", "COMBUSTIBLES_IN_KITCHEN")
                    .status(RectificationStatus.CORRECTED_ON_SPOT).build());

            assertThat(a.actionCodes()).doesNotContain("THREE_CLEARS_THREE_OFFS");
            // corrected on the spot: the state of control is L2, an occupied shop S2
            assertThat(a.grading().formula()).isEqualTo("L2 × S2 = 4");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
        }
    }

    /** 二(九): a unit's emergency readiness; gaps are findings with dated actions. */
    @Nested
    class EmergencyReadiness {

        Venue depot() {
            return Venue.builder("WZ-DEPOT", "SANITATION_DEPOT").name("万州区环卫所").floors(2).occupantCapacity(40).build();
        }

        @Test
        void readinessGapsOfAUnitBecomeActionsDueByTheirDaysOrTheCampaignsEnd() {
            Assessment a = assess(depot(), LAST_WEEK, Finding.of("F1", "DRILL_NOT_HELD"),
                    Finding.of("F2", "DUTY_ROSTER_NOT_IN_PLACE"), Finding.of("F3", "CONTINGENCY_PLAN_NOT_REVISED"));

            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(CAMPAIGN_END);
                assertThat(detailsZh(r)).containsExactly("组织灭火和应急疏散综合演练并记录");
                assertThat(clauses(r)).contains(PLAN + "二(九)");
            });
            assertThat(action(a, "RECTIFY", "F2")).get()
                    .satisfies(r -> assertThat(r.due()).contains(LAST_WEEK.plusDays(3)));
            assertThat(action(a, "RECTIFY", "F3")).get()
                    .satisfies(r -> assertThat(r.due()).contains(CAMPAIGN_END));
            assertThat(a.grading().formula()).isEqualTo("L2 × S2 = 4");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
        }

        @Test
        void earlyInTheCampaignAReadinessGapKeepsItsOwnDays() {
            Assessment a = assess(depot(), DAY, Finding.of("F1", "RESCUE_TEAM_NOT_ESTABLISHED"));

            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                assertThat(r.due()).contains(DAY.plusDays(15));
                assertThat(detailsZh(r)).containsExactly("组建救援队伍，明确人员、装备和调度方式");
            });
        }
    }

    /** 二 as a whole: the grade is R = L × S on the campaign's matrix, with the rows behind each. */
    @Nested
    class Grade {

        @TempDir
        Path temp;

        @Test
        void threeOpenHazardsAtAShopGiveTheHighestLikelihoodRowNotACount() {
            Assessment a = assess(smallShop(), DAY, Finding.of("F1", "ELECTRICAL_WIRING_AGED"),
                    Finding.of("F2", "FIRE_PATROL_NOT_DONE"), Finding.of("F3", "FIRE_SAFETY_DUTY_UNASSIGNED"));

            assertThat(a.grading().formula()).isEqualTo("L3 × S2 = 6");
            assertThat(a.grading().likelihoodSetBy()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("IGNITION_OR_FUEL");
                assertThat(r.findingId()).contains("F1");
            });
            assertThat(a.grading().severitySetBy()).singleElement().extracting(r -> r.code()).isEqualTo("OCCUPIED");
            assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
            assertThat(action(a, "RECTIFY", "F1")).get()
                    .satisfies(r -> assertThat(r.due()).contains(DAY.plusDays(15)));
        }

        @Test
        void blockedRouteInALargeMarketIsOrangeFromItsConsequenceClassWithoutStoppingIt() {
            Venue market = Venue.builder("WZ-MARKET", "MARKET").floors(2).occupantCapacity(400).build();
            Assessment a = assess(market, DAY, Finding.of("F1", "EVACUATION_ROUTE_BLOCKED"));

            assertThat(a.suspensionRequired()).isFalse();
            assertThat(a.grading().formula()).isEqualTo("L3 × S4 = 12");
            assertThat(a.grade()).isEqualTo(RiskGrade.ORANGE);
            assertThat(a.grading().severitySetBy()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("LARGE_GATHERING");
                assertThat(r.clause().id()).isEqualTo("国务院令第493号 第三条");
                assertThat(r.because().zh()).contains("容纳400人", "100人以上");
            });
        }

        @Test
        void venueWithoutOpenHazardsIsBlue() {
            Assessment a = assess(smallShop(), DAY);

            assertThat(a.grading().formula()).isEqualTo("L1 × S2 = 2");
            assertThat(a.grading().likelihoodSetBy()).singleElement().satisfies(r -> assertThat(r.isDefault()).isTrue());
            assertThat(a.grade()).isEqualTo(RiskGrade.BLUE);
            assertThat(a.actions()).isEmpty();
        }

        @Test
        void theBandsAreCampaignData() {
            CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                    .replace("campaign.yaml", "bands: {RED: 20, ORANGE: 9, YELLOW: 4, BLUE: 1}",
                            "bands: {RED: 6, ORANGE: 5, YELLOW: 3, BLUE: 1}");
            try (RiskEngine remapped = RiskEngine.builder().campaignDirectory(copy.folder()).build()) {
                Assessment a = remapped.assess(Venues.facts(smallShop(), DAY, Finding.of("F1", "ELECTRICAL_WIRING_AGED")));

                assertThat(a.grading().formula()).isEqualTo("L3 × S2 = 6");
                assertThat(a.grade()).isEqualTo(RiskGrade.RED);
                assertThat(action(a, "RECTIFY", "F1")).get().satisfies(r -> {
                    assertThat(r.due()).contains(DAY.plusDays(7));
                    assertThat(r.dueBasis()).get().extracting(DueBasis::kind).isEqualTo(DueBasis.Kind.GRADE_PERIOD);
                });
            }
        }

        @Test
        void aRaiseOfZeroStepsForOverdueOrRepeatedHazardsTurnsThoseRaisesOff() {
            // Given the campaign with both escalation raises set to zero steps
            CampaignFixture copy = CampaignFixture.copyOfFolder(Wanzhou.folder(), temp)
                    .replace("campaign.yaml", "tasks.likelihood.raise-overdue: 1", "tasks.likelihood.raise-overdue: 0")
                    .replace("campaign.yaml", "tasks.likelihood.raise-repeated: 1", "tasks.likelihood.raise-repeated: 0");
            RectificationPlan lapsed = new RectificationPlan("店主", "更换线路", DAY.minusDays(3), "0.3万元", "断电");
            try (RiskEngine noRaises = RiskEngine.builder().campaignDirectory(copy.folder()).build()) {
                // When a shop with an overdue hazard that was also found before is assessed
                Assessment a = noRaises.assess(Venues.facts(smallShop(), DAY, Finding.builder("F1", "ELECTRICAL_WIRING_AGED")
                        .plan(lapsed).status(RectificationStatus.IN_PROGRESS).timesFound(2).party(ResponsibleParty.UNIT).build()));

                // Then it is assessed, its likelihood is not raised, and it is still escalated
                assertThat(a.grading().raises()).isEmpty();
                assertThat(a.grading().formula()).isEqualTo("L3 × S2 = 6");
                assertThat(a.grade()).isEqualTo(RiskGrade.YELLOW);
                assertThat(action(a, "ESCALATE", "F1")).isPresent();
            }
        }
    }
}
