package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.CalendarPosition;
import io.firerisk.Label;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.Verification;
import io.firerisk.campaign.CalendarEntry;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.firerisk.campaign.CalendarEntry.Type.EARLY_WARNING;
import static io.firerisk.campaign.CalendarEntry.Type.KEY_PERIOD;
import static io.firerisk.campaign.CalendarEntry.Type.PHASE;
import static io.firerisk.campaigns.wanzhou.Wanzhou.PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Wanzhou calendar: the plan's phases (三、时间步骤), its key periods (二(八)) on the dates of
 * domain.md §5, where every date falls, and the summary a report draws.
 */
class CampaignCalendarTest {

    private final CampaignCalendar calendar = Wanzhou.ENGINE.campaign().calendar();

    @Test
    void phasesAreThoseOfThePlansScheduleWithDeploymentFromTheFirstOfDecember() {
        assertThat(calendar.phases())
                .extracting(Phase::code, Phase::from, Phase::to, Phase::clause)
                .containsExactly(
                        tuple("DEPLOYMENT", LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 5), PLAN + "三(一)"),
                        tuple("IMPLEMENTATION", LocalDate.of(2023, 12, 6), LocalDate.of(2024, 3, 25), PLAN + "三(二)"),
                        tuple("REVIEW", LocalDate.of(2024, 3, 26), LocalDate.of(2024, 3, 31), PLAN + "三(三)"));
        assertThat(calendar.start()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(calendar.end()).as("the preamble's 至2023年3月 is a typo; 三(三) ends the campaign on 2024-03-31")
                .isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void keyPeriodsAreThePlansFourOnTheDatesOfTheirVerifiedSources() {
        assertThat(calendar.keyPeriods())
                .extracting(KeyPeriod::code, KeyPeriod::from, KeyPeriod::to, KeyPeriod::alertLevel, KeyPeriod::source)
                .containsExactly(
                        tuple("NEW_YEAR", LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 1), "RAISED",
                                "国务院办公厅 2024年部分节假日安排"),
                        tuple("SPRING_FESTIVAL", LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 17), "RAISED",
                                "国务院办公厅 2024年部分节假日安排"),
                        tuple("LANTERN_FESTIVAL", LocalDate.of(2024, 2, 24), LocalDate.of(2024, 2, 24), "RAISED",
                                "农历 2024年元宵节"),
                        tuple("TWO_SESSIONS", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 11), "RAISED",
                                "全国两会 2024年会期"));
        assertThat(calendar.keyPeriods()).allSatisfy(k -> {
            assertThat(k.clause()).isEqualTo(PLAN + "二(八)");
            assertThat(k.leadDays()).isEqualTo(7);
            assertThat(k.marginDays()).isZero();
            assertThat(Wanzhou.ENGINE.campaign().clause(k.source())).get()
                    .satisfies(c -> assertThat(c.verification()).isEqualTo(Verification.VERIFIED));
        });
        assertThat(calendar.keyPeriods()).extracting(k -> k.label().zh()).containsExactly("元旦", "春节", "元宵节", "全国两会");
    }

    /**
     * The day before, the first day, the last day and the day after every phase, key period and
     * early-warning lead-up. Empty cells: none.
     */
    @ParameterizedTest(name = "{0}: in force {1}, phase {2}, key period {3}, warning before {4}, level {5}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            2023-11-30 | false |                |                  |                  | NORMAL
            2023-12-01 | true  | DEPLOYMENT     |                  |                  | NORMAL
            2023-12-05 | true  | DEPLOYMENT     |                  |                  | NORMAL
            2023-12-06 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2023-12-22 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2023-12-23 | true  | IMPLEMENTATION |                  | NEW_YEAR         | WARNING
            2023-12-29 | true  | IMPLEMENTATION |                  | NEW_YEAR         | WARNING
            2023-12-30 | true  | IMPLEMENTATION | NEW_YEAR         |                  | RAISED
            2024-01-01 | true  | IMPLEMENTATION | NEW_YEAR         |                  | RAISED
            2024-01-02 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2024-02-02 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2024-02-03 | true  | IMPLEMENTATION |                  | SPRING_FESTIVAL  | WARNING
            2024-02-09 | true  | IMPLEMENTATION |                  | SPRING_FESTIVAL  | WARNING
            2024-02-10 | true  | IMPLEMENTATION | SPRING_FESTIVAL  |                  | RAISED
            2024-02-16 | true  | IMPLEMENTATION | SPRING_FESTIVAL  |                  | RAISED
            2024-02-17 | true  | IMPLEMENTATION | SPRING_FESTIVAL  | LANTERN_FESTIVAL | RAISED
            2024-02-18 | true  | IMPLEMENTATION |                  | LANTERN_FESTIVAL | WARNING
            2024-02-23 | true  | IMPLEMENTATION |                  | LANTERN_FESTIVAL | WARNING
            2024-02-24 | true  | IMPLEMENTATION | LANTERN_FESTIVAL |                  | RAISED
            2024-02-25 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2024-02-26 | true  | IMPLEMENTATION |                  | TWO_SESSIONS     | WARNING
            2024-03-03 | true  | IMPLEMENTATION |                  | TWO_SESSIONS     | WARNING
            2024-03-04 | true  | IMPLEMENTATION | TWO_SESSIONS     |                  | RAISED
            2024-03-11 | true  | IMPLEMENTATION | TWO_SESSIONS     |                  | RAISED
            2024-03-12 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2024-03-25 | true  | IMPLEMENTATION |                  |                  | NORMAL
            2024-03-26 | true  | REVIEW         |                  |                  | NORMAL
            2024-03-31 | true  | REVIEW         |                  |                  | NORMAL
            2024-04-01 | false |                |                  |                  | NORMAL
            2024-12-30 | false |                |                  |                  | NORMAL
            """)
    void everyBoundaryDayFallsInItsPhaseKeyPeriodAndAlertLevel(LocalDate date, boolean inForce, String phase,
            String keyPeriod, String upcoming, String level) {
        Assessment a = Wanzhou.ENGINE.assess(VenueFacts.of(Venue.builder("V1", "OFFICE").build(), List.of(), date));

        for (CalendarPosition p : List.of(calendar.position(date), a.calendar())) {
            assertThat(p.date()).isEqualTo(date);
            assertThat(p.campaignInForce()).isEqualTo(inForce);
            assertThat(p.phase().map(Label::code)).isEqualTo(java.util.Optional.ofNullable(phase));
            assertThat(p.keyPeriod().map(Label::code)).isEqualTo(java.util.Optional.ofNullable(keyPeriod));
            assertThat(p.upcomingPeriod().map(Label::code)).isEqualTo(java.util.Optional.ofNullable(upcoming));
            assertThat(p.alertLevel().code()).isEqualTo(level);
        }
        assertThat(a.assessedOn()).isEqualTo(date);
    }

    @Test
    void positionNamesThePhaseAndPeriodInChineseAndTheFirstDayOfTheUpcomingPeriod() {
        CalendarPosition eve = calendar.position(LocalDate.of(2024, 2, 9));

        assertThat(eve.phase()).get().satisfies(l -> assertThat(l.text().zh()).isEqualTo("组织实施"));
        assertThat(eve.upcomingPeriod()).get().satisfies(l -> assertThat(l.text().zh()).isEqualTo("春节"));
        assertThat(eve.upcomingStart()).contains(LocalDate.of(2024, 2, 10));
        assertThat(eve.alertLevel().text().zh()).isEqualTo("预警");
        assertThat(calendar.position(LocalDate.of(2024, 2, 10)).alertLevel().text().zh()).isEqualTo("提高火灾防范等级");
    }

    @Test
    void summaryOfFebruaryListsThePhaseLeadUpsAndKeyPeriodsInDateOrder() {
        List<CalendarEntry> february = Wanzhou.ENGINE.campaign().calendar()
                .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));

        assertThat(february)
                .extracting(CalendarEntry::type, CalendarEntry::code, CalendarEntry::from, CalendarEntry::to,
                        e -> e.alertLevel().code())
                .containsExactly(
                        tuple(PHASE, "IMPLEMENTATION", LocalDate.of(2023, 12, 6), LocalDate.of(2024, 3, 25), "NORMAL"),
                        tuple(EARLY_WARNING, "SPRING_FESTIVAL", LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 9), "WARNING"),
                        tuple(KEY_PERIOD, "SPRING_FESTIVAL", LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 17), "RAISED"),
                        tuple(EARLY_WARNING, "LANTERN_FESTIVAL", LocalDate.of(2024, 2, 17), LocalDate.of(2024, 2, 23), "WARNING"),
                        tuple(KEY_PERIOD, "LANTERN_FESTIVAL", LocalDate.of(2024, 2, 24), LocalDate.of(2024, 2, 24), "RAISED"),
                        tuple(EARLY_WARNING, "TWO_SESSIONS", LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 3), "WARNING"));
        assertThat(february.get(2).label().zh()).isEqualTo("春节");
    }

    @Test
    void summaryOfTheWholeCampaignHasEveryPhasePeriodAndLeadUp() {
        List<CalendarEntry> all = calendar.between(calendar.start(), calendar.end());

        assertThat(all).filteredOn(e -> e.type() == PHASE).extracting(CalendarEntry::code)
                .containsExactly("DEPLOYMENT", "IMPLEMENTATION", "REVIEW");
        assertThat(all).filteredOn(e -> e.type() == KEY_PERIOD).extracting(CalendarEntry::code)
                .containsExactly("NEW_YEAR", "SPRING_FESTIVAL", "LANTERN_FESTIVAL", "TWO_SESSIONS");
        assertThat(all).filteredOn(e -> e.type() == EARLY_WARNING).extracting(CalendarEntry::from)
                .containsExactly(LocalDate.of(2023, 12, 23), LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 17),
                        LocalDate.of(2024, 2, 26));
    }

    @Test
    void summaryTouchingOnlyTheLastDayOfAPeriodStillListsIt() {
        assertThat(calendar.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)))
                .extracting(CalendarEntry::type, CalendarEntry::code)
                .containsExactly(tuple(PHASE, "IMPLEMENTATION"), tuple(KEY_PERIOD, "NEW_YEAR"));
    }

    @Test
    void summaryOfARangeOutsideTheCampaignIsEmpty() {
        assertThat(calendar.between(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(calendar.between(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 11, 30))).isEmpty();
    }

    @Test
    void summaryOfARangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> calendar.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to (2024-02-01) must not be before from (2024-03-01)");
    }
}
