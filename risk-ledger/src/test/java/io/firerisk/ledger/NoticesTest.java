package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.ledger.notice.Notice;
import io.firerisk.ledger.notice.Notices;
import io.firerisk.ledger.notice.NothingToRectifyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.INSPECTOR_2;
import static io.firerisk.ledger.World.LEADER;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.STAFF;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.photo;
import static io.firerisk.ledger.World.day;
import static io.firerisk.ledger.World.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notices from a hand-built ledger: what each prints, as of the date asked for, and the major-hazard
 * notice saying it awaits the collective determination until a hazard is listed for 挂牌督办.
 */
class NoticesTest extends LedgerTestBase {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    private Notices notices;

    @BeforeEach
    void twoHazardsAtTheRestaurant() {
        ledger.record(List.of(
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.InspectionRecorded("I-1", RESTAURANT,
                        InspectionKind.SPOT_CHECK, day("2023-12-11"), List.of(INSPECTOR), "")),
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.HazardFound(RESTAURANT, "I-1",
                        Finding.builder("H1", "GAS_ALARM_NOT_INSTALLED").location("后厨").build(), false,
                        day("2023-12-18"), List.of())),
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.HazardFound(RESTAURANT, "I-1",
                        Finding.builder("H2", "EXIT_LOCKED_OR_BLOCKED").location("一楼东侧安全出口").build(), false,
                        day("2023-12-14"), List.of()))));
        ledger.record(world.entry(OFFICER, at("2023-12-12", 9), new Event.PlanSet("H1", plan("2023-12-16"))));
        notices = Notices.of(ledger);
    }

    @Test
    void aHazardsNoticeCarriesItsClauseDeadlineAndFiveImplementations() {
        Notice n = notices.forHazard("H1", day("2023-12-12"));

        assertThat(n.kind()).isEqualTo(Notice.Kind.RECTIFICATION);
        assertThat(n.title()).isEqualTo("火灾隐患整改通知书");
        assertThat(n.reference()).isEqualTo("万州城管消改〔2023〕WZ-0002-20231212-H1号");
        assertThat(n.venueName()).isEqualTo("老张串串香");
        assertThat(n.unitName()).isEqualTo("老张餐饮有限公司");
        assertThat(n.authority()).isEqualTo("重庆市万州区城市管理局");
        assertThat(n.deadline()).isEqualTo(day("2023-12-16"));
        assertThat(n.basis().id()).isEqualTo("万州城管发〔2023〕114号 二(一)");
        assertThat(n.basis().title()).contains("整改责任、措施、时限、资金和预案");
        Notice.Item item = n.items().get(0);
        assertThat(item.clause().id()).isEqualTo(ledger.campaign().hazard("GAS_ALARM_NOT_INSTALLED").orElseThrow().clause());
        assertThat(item.clause().title()).isNotEmpty();
        assertThat(item.plan().responsibility()).isEqualTo("周经理");
        assertThat(item.plan().funds()).isEqualTo("企业自筹3000元");
        assertThat(item.plan().deadline()).contains(day("2023-12-16"));
        assertThat(item.location()).isEqualTo("后厨");
        assertThat(n.determination()).isEmpty();
    }

    @Test
    void aNoticeCitesTheClauseOfTheEditionInForceOnItsDate() {
        // Given a locked exit (a code both GB 35181 editions define) found in December 2023 and still open

        // When notices for it are dated before and after GB 35181-2025 came into force (2025-11-01)
        Notice before = notices.forHazard("H2", day("2024-02-05"));
        Notice after = notices.forHazard("H2", day("2025-11-15"));

        // Then each cites the edition in force on its date, with that clause's wording
        assertThat(before.items().get(0).clause().id()).isEqualTo("GB 35181-2017 7.3.3");
        assertThat(before.items().get(0).clause().title()).isNotEmpty();
        assertThat(after.items().get(0).clause().id()).isEqualTo("GB 35181-2025 6.3.2");
        assertThat(after.items().get(0).clause().title()).isNotEmpty();
    }

    @Test
    void theClosingLineNamesTheCampaignDocumentOnce() throws Exception {
        Notice n = notices.forHazard("H1", day("2023-12-12"));
        java.io.StringWriter html = new java.io.StringWriter();

        io.firerisk.ledger.notice.NoticePrinter.html(n, html);

        assertThat(n.citation()).startsWith("万州城管发〔2023〕114号 二(一)（").doesNotContain("114号 万州城管发");
        String closing = html.toString().lines().filter(l -> l.startsWith("<p class=\"closing\">")).findFirst()
                .orElseThrow();
        assertThat(closing).startsWith("<p class=\"closing\">依据：万州城管发〔2023〕114号 二(一)（")
                .contains("整改责任、措施、时限、资金和预案");
        assertThat(closing.split("万州城管发〔2023〕114号", -1)).as(closing).hasSize(2);
    }

    @Test
    void theReferenceNumberNamesTheVenueOnceWhenTheHazardsIdBeginsWithIt() {
        ledger.record(world.entry(INSPECTOR, at("2023-12-11", 11), new Event.HazardFound(RESTAURANT, "I-1",
                Finding.builder(RESTAURANT + "/F9", "GAS_ALARM_NOT_INSTALLED").location("二楼").build(), false,
                day("2023-12-18"), List.of())));

        Notice n = notices.forHazard(RESTAURANT + "/F9", day("2023-12-12"));

        assertThat(n.reference()).isEqualTo("万州城管消改〔2023〕" + RESTAURANT + "-20231212-F9号");
        assertThat(n.items()).extracting(Notice.Item::hazardId).containsExactly(RESTAURANT + "/F9");
    }

    @Test
    void aVenuesNoticeListsItsOpenHazardsEarliestFirstAsOfTheDate() {
        Notice n = notices.forVenue(RESTAURANT, day("2023-12-15"));

        assertThat(n.items()).extracting(Notice.Item::hazardId).containsExactly("H2", "H1");
        assertThat(n.deadline()).isEqualTo(day("2023-12-14"));
        assertThat(n.items().get(0).state()).isEqualTo("待整改，已逾期 1 天");
        assertThat(n.items().get(0).plan().responsibility()).isEmpty();
        assertThat(n.reference()).isEqualTo("万州城管消改〔2023〕WZ-0002-20231215号");
        assertThatThrownBy(() -> notices.forVenue(RESTAURANT, day("2023-12-10")))
                .isInstanceOf(NothingToRectifyException.class).hasMessageContaining("nothing left to rectify as of 2023-12-10");
        assertThatThrownBy(() -> notices.forVenue(CANTEEN, day("2023-12-15"))).hasMessageContaining("nothing left to rectify");
    }

    @Test
    void theMajorHazardNoticeNamesItsSupervisionOnceListedAndIsRefusedForAGeneralHazard() {
        assertThatThrownBy(() -> notices.majorHazard(RESTAURANT, day("2023-12-12")))
                .hasMessageContaining("no suspected or determined major fire hazard");

        ledger.record(world.entry(LEADER, at("2023-12-13", 9), new Event.SupervisionListed("H2", "BUREAU",
                "万州城管督〔2023〕2号")));
        Notice n = notices.majorHazard(RESTAURANT, day("2023-12-13"));

        assertThat(n.kind()).isEqualTo(Notice.Kind.MAJOR_HAZARD);
        assertThat(n.title()).isEqualTo("重大火灾隐患整改通知书");
        assertThat(n.reference()).startsWith("万州城管重改〔2023〕WZ-0002-20231213");
        assertThat(n.supervision()).containsExactly("H2：万州区城市管理局 挂牌督办（万州城管督〔2023〕2号，2023-12-13 起）");
        assertThat(n.determination()).isEmpty();
    }

    @Test
    void aHazardVerifiedAwaitingClosureIsNotOrderedRectifiedAndAVenueWithNothingLeftGetsNoNotice() {
        // Given the locked exit (H2) reported rectified and its re-inspection passed: 复查通过待销号
        ledger.record(world.entry(OFFICER, at("2023-12-13", 9), new Event.RectificationReported("H2", "已打开安全出口",
                List.of(photo("exit.jpg")))));
        ledger.record(world.entry(INSPECTOR_2, at("2023-12-14", 9), new Event.ReinspectionPassed("H2", null, "复查合格",
                List.of(photo("ok.jpg")))));
        assertThat(ledger.hazard("H2", day("2023-12-14")).orElseThrow().state()).isEqualTo(HazardState.VERIFIED);

        // When the venue's notice is made that day, then it lists only the gas alarm still being rectified
        Notice n = notices.forVenue(RESTAURANT, day("2023-12-14"));
        assertThat(n.items()).extracting(Notice.Item::hazardId).containsExactly("H1");
        assertThat(n.deadline()).isEqualTo(day("2023-12-16"));
        // And the verified hazard gets no notice of its own
        assertThatThrownBy(() -> notices.forHazard("H2", day("2023-12-14"))).isInstanceOf(NothingToRectifyException.class)
                .hasMessageContaining("H2 复查通过待销号");

        // Given the gas alarm reported rectified and verified too, and the locked exit closed (销号)
        ledger.record(world.entry(OFFICER, at("2023-12-15", 9), new Event.RectificationReported("H1", "已安装报警器",
                List.of(photo("alarm.jpg")))));
        ledger.record(world.entry(INSPECTOR_2, at("2023-12-16", 9), new Event.ReinspectionPassed("H1", null, "复查合格",
                List.of(photo("ok2.jpg")))));
        ledger.record(world.entry(STAFF, at("2023-12-16", 10), new Event.HazardClosed("H2", "销号")));

        // When a notice for the venue is asked for, then it is refused, saying why hazard by hazard
        assertThatThrownBy(() -> notices.forVenue(RESTAURANT, day("2023-12-16")))
                .isInstanceOfSatisfying(NothingToRectifyException.class, e -> {
                    assertThat(e.venueId()).isEqualTo(RESTAURANT);
                    assertThat(e.states()).containsEntry("H1", HazardState.VERIFIED).containsEntry("H2", HazardState.CLOSED);
                })
                .hasMessage("venue WZ-0002 has nothing left to rectify as of 2023-12-16 (H1 复查通过待销号, H2 已销号): "
                        + "a rectification notice orders only hazards still to be rectified");
    }
    @Test
    void aVenueWhoseSupervisedHazardIsVerifiedAwaitingClosureGetsNoMajorHazardNotice() {
        // Given the locked exit (H2) under 挂牌督办, reported rectified and its re-inspection passed (复查通过待销号),
        // while the gas alarm (H1, a general hazard) is still being rectified
        ledger.record(world.entry(LEADER, at("2023-12-13", 9), new Event.SupervisionListed("H2", "BUREAU",
                "万州城管督〔2023〕2号")));
        ledger.record(world.entry(OFFICER, at("2023-12-13", 10), new Event.RectificationReported("H2", "已打开安全出口",
                List.of(photo("exit.jpg")))));
        ledger.record(world.entry(INSPECTOR_2, at("2023-12-14", 9), new Event.ReinspectionPassed("H2", null, "复查合格",
                List.of(photo("ok.jpg")))));
        assertThat(ledger.hazard("H2", day("2023-12-14")).orElseThrow().state()).isEqualTo(HazardState.VERIFIED);

        // When the major-hazard notice is asked for that day, then it is refused: the supervised order has been met
        assertThatThrownBy(() -> notices.majorHazard(RESTAURANT, day("2023-12-14")))
                .isInstanceOfSatisfying(NothingToRectifyException.class, e -> {
                    assertThat(e.venueId()).isEqualTo(RESTAURANT);
                    assertThat(e.states()).containsExactly(java.util.Map.entry("H2", HazardState.VERIFIED));
                });
        // And the ordinary notice still orders the gas alarm rectified
        assertThat(notices.forVenue(RESTAURANT, day("2023-12-14")).items()).extracting(Notice.Item::hazardId)
                .containsExactly("H1");
    }
}
