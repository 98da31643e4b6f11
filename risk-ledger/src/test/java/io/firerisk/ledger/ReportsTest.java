package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.campaign.CalendarEntry;
import io.firerisk.ledger.report.Digest;
import io.firerisk.ledger.report.Figures;
import io.firerisk.ledger.report.FinalSummary;
import io.firerisk.ledger.report.MajorVenue;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.ledger.report.PeriodicAnalysis.By;
import io.firerisk.ledger.report.Reports;
import io.firerisk.ledger.report.UnitAccountability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.INSPECTOR_2;
import static io.firerisk.ledger.World.LEADER;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.OTHER_OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.STAFF;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports against a hand-built ledger whose answers are known, each as of two dates. The reports
 * read the ledger through its public reads only (no SQL of their own), so H2 is enough here; the
 * reads themselves run on both databases in their own suites.
 *
 * <pre>
 * 12-11 Mon  spot check I-1 at the restaurant (龙都街道, 老张餐饮): H1 no gas alarm, due 12-18;
 *            H2 evacuation route blocked, corrected on the spot
 * 12-12      the sanitation depot's canteen (陈家坝街道, 区环卫所) self-inspects, I-2: H3 duty roster missing, due 12-15
 * 12-15      H1 reported rectified (on time); 12-16 re-inspection passed; H3 listed for 挂牌督办; 12-17 H1 closed
 * 12-20      回头看 I-3 at the restaurant: H1 back (reopened, due 12-27); H4 evacuation route blocked again, corrected
 * </pre>
 */
class ReportsTest extends LedgerTestBase {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    private Reports reports;

    @BeforeEach
    void recordTheFortnight() {
        ledger.record(List.of(
                inspection("I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR),
                found(INSPECTOR, "2023-12-11", RESTAURANT, "I-1", "H1", "GAS_ALARM_NOT_INSTALLED", false, "2023-12-18"),
                found(INSPECTOR, "2023-12-11", RESTAURANT, "I-1", "H2", "EVACUATION_ROUTE_BLOCKED", true, null)));
        ledger.record(List.of(
                inspection("I-2", CANTEEN, InspectionKind.SELF_INSPECTION, "2023-12-12", OTHER_OFFICER),
                found(OTHER_OFFICER, "2023-12-12", CANTEEN, "I-2", "H3", "DUTY_ROSTER_NOT_IN_PLACE", false, "2023-12-15")));
        ledger.record(world.entry(OFFICER, at("2023-12-15", 16), new Event.RectificationReported("H1", "已安装", List.of())));
        ledger.record(world.entry(INSPECTOR_2, at("2023-12-16", 10), new Event.ReinspectionPassed("H1", null, "合格",
                List.of())));
        ledger.record(world.entry(LEADER, at("2023-12-16", 11), new Event.SupervisionListed("H3", "BUREAU",
                "万州城管督〔2023〕1号")));
        ledger.record(world.entry(STAFF, at("2023-12-17", 9), new Event.HazardClosed("H1", "销号")));
        ledger.record(List.of(
                inspection("I-3", RESTAURANT, InspectionKind.REINSPECTION, "2023-12-20", INSPECTOR),
                world.entry(INSPECTOR, at("2023-12-20", 10), new Event.HazardReopened("H1", "I-3", "报警器已拆除",
                        day("2023-12-27"), List.of())),
                found(INSPECTOR, "2023-12-20", RESTAURANT, "I-3", "H4", "EVACUATION_ROUTE_BLOCKED", true, null)));
        reports = Reports.of(ledger);
    }

    private Entry inspection(String id, String venue, InspectionKind kind, String date, String inspector) {
        return world.entry(inspector, at(date, 9), new Event.InspectionRecorded(id, venue, kind, day(date),
                List.of(inspector), ""));
    }

    private Entry found(String actor, String date, String venue, String inspection, String id, String code,
            boolean corrected, String deadline) {
        return world.entry(actor, at(date, 10), new Event.HazardFound(venue, inspection,
                Finding.builder(id, code).location("现场").build(), corrected, deadline == null ? null : day(deadline),
                List.of()));
    }

    @Test
    void aSnapshotAnswersAsTheLedgerDoesVenueByVenueAndHazardByHazard() {
        for (String date : List.of("2023-12-11", "2023-12-16", "2023-12-17", "2023-12-20", "2023-12-31")) {
            LedgerSnapshot snapshot = ledger.asOf(day(date));

            assertThat(snapshot.hazards()).as(date).isEqualTo(ledger.hazards(HazardQuery.builder().asOf(day(date))
                    .sort(HazardQuery.Sort.HAZARD_ID, true).build()).items());
            assertThat(snapshot.venues()).as(date).isEqualTo(ledger.venues(day(date)));
            for (HazardRow r : snapshot.hazards()) {
                assertThat(snapshot.hazard(r.hazardId())).as(date + " " + r.hazardId())
                        .isEqualTo(ledger.hazard(r.hazardId(), day(date)));
            }
            for (String venue : List.of(RESTAURANT, CANTEEN)) {
                io.firerisk.Assessment a = ledger.assess(venue, day(date)).orElseThrow();
                assertThat(snapshot.verdict(venue)).as(date + " " + venue).contains(a.verdict());
                assertThat(snapshot.grade(venue)).as(date + " " + venue).contains(a.grade());
                assertThat(snapshot.suspended(venue)).as(date + " " + venue).isEqualTo(a.suspension().parts());
            }
        }
        assertThat(ledger.asOf(day("2023-12-10")).hazard("H1")).isEmpty();
    }

    @Test
    void onePassOverThePeriodGivesTheChangesAndEachDateAsTheyStoodThen() {
        // Read in one fold: H1 is closed on 12-17 and reopened on 12-20, after the first date was taken.
        LedgerPeriod period = ledger.period(day("2023-12-10"), day("2023-12-24"), day("2023-12-17"), day("2023-12-24"));

        assertThat(period.changes()).isEqualTo(ledger.changes(day("2023-12-10"), day("2023-12-24")));
        assertThat(period.asOf(day("2023-12-17")).hazard("H1").orElseThrow().state()).isEqualTo(HazardState.CLOSED);
        assertThat(period.asOf(day("2023-12-17")).hazards()).extracting(HazardRow::hazardId)
                .containsExactly("H1", "H2", "H3");
        assertThat(period.asOf(day("2023-12-24")).hazard("H1").orElseThrow().state()).isEqualTo(HazardState.REOPENED);
        assertThat(period.asOf(day("2023-12-24")).hazard("H1").orElseThrow().reopenings()).isEqualTo(1);
        assertThat(period.asOf(day("2023-12-17")).hazards()).isEqualTo(ledger.asOf(day("2023-12-17")).hazards());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> period.asOf(day("2023-12-18")))
                .hasMessageContaining("not read as of 2023-12-18");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.period(day("2023-12-10"), day("2023-12-17"),
                day("2023-12-20"))).hasMessageContaining("after the changes' end");
    }

    @Test
    void theFirstWeekCountsWhatWasFoundClosedAndLeftOverdueByStreetUnitAndCategory() {
        PeriodicAnalysis week = reports.week(day("2023-12-17"));

        assertThat(week.from()).isEqualTo(day("2023-12-11"));
        assertThat(week.previousFrom()).isEqualTo(day("2023-12-04"));
        assertThat(week.totals().current()).isEqualTo(new Figures(3, 1, 0, 1, 1));
        assertThat(week.totals().previous()).isEqualTo(Figures.ZERO);
        assertThat(week.by(By.STREET).line("ST-LD").current()).isEqualTo(new Figures(2, 1, 0, 0, 0));
        assertThat(week.by(By.STREET).line("ST-LD").label().zh()).isEqualTo("龙都街道");
        assertThat(week.by(By.STREET).line("ST-CJB").current()).isEqualTo(new Figures(1, 0, 0, 1, 1));
        assertThat(week.by(By.UNIT).line("SUB-SANITATION").current()).isEqualTo(new Figures(1, 0, 0, 1, 1));
        assertThat(week.by(By.UNIT).line("SUB-SANITATION").label().zh()).isEqualTo("区环卫所");
        assertThat(week.by(By.CATEGORY).line("GAS").current()).isEqualTo(new Figures(1, 1, 0, 0, 0));
        assertThat(week.by(By.CATEGORY).line("READINESS").current()).isEqualTo(new Figures(1, 0, 0, 1, 1));
        assertThat(week.by(By.GRADE).lines().stream().mapToInt(l -> l.current().found()).sum()).isEqualTo(3);
        assertThat(week.topHazardTypes()).extracting(PeriodicAnalysis.TopType::code)
                .containsExactly("DUTY_ROSTER_NOT_IN_PLACE", "EVACUATION_ROUTE_BLOCKED", "GAS_ALARM_NOT_INSTALLED");
        assertThat(week.inspections()).contains(new PeriodicAnalysis.KindCount(InspectionKind.SPOT_CHECK, 1, 0),
                new PeriodicAnalysis.KindCount(InspectionKind.SELF_INSPECTION, 1, 0),
                new PeriodicAnalysis.KindCount(InspectionKind.REINSPECTION, 0, 0));
        assertThat(week.keyPeriods()).isEmpty();
        assertThat(week.majorHazards()).singleElement().satisfies(m -> {
            assertThat(m.venueId()).isEqualTo(CANTEEN);
            assertThat(m.supervision()).extracting(MajorVenue.Supervised::hazardId).containsExactly("H3");
            assertThat(m.supervision().get(0).supervision().documentNo()).isEqualTo("万州城管督〔2023〕1号");
            assertThat(m.status().zh()).isEqualTo("已挂牌督办");
        });
    }

    @Test
    void theSecondWeekSetsTheReopeningAgainstTheFirstWeek() {
        PeriodicAnalysis week = reports.week(day("2023-12-24"));

        assertThat(week.totals().current()).isEqualTo(new Figures(1, 0, 1, 2, 1));
        assertThat(week.totals().previous()).isEqualTo(new Figures(3, 1, 0, 1, 1));
        assertThat(week.by(By.UNIT).line("ENT-LAOZHANG").current()).isEqualTo(new Figures(1, 0, 1, 1, 0));
        assertThat(week.by(By.UNIT).line("ENT-LAOZHANG").previous()).isEqualTo(new Figures(2, 1, 0, 0, 0));
        assertThat(week.inspections()).contains(new PeriodicAnalysis.KindCount(InspectionKind.REINSPECTION, 1, 0),
                new PeriodicAnalysis.KindCount(InspectionKind.SPOT_CHECK, 0, 1));
        assertThat(week.keyPeriods()).extracting(CalendarEntry::type, CalendarEntry::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CalendarEntry.Type.EARLY_WARNING, "NEW_YEAR"));
        assertThat(reports.periodic(day("2023-12-25"), day("2023-12-31")).keyPeriods())
                .extracting(CalendarEntry::code).contains("NEW_YEAR");
    }

    @Test
    void theDigestListsWhatIsDueSoonOverdueAndEscalatedForEachUnitOnItsDay() {
        Digest first = reports.digest(day("2023-12-16"), 3);
        Digest.UnitDigest depot = first.unit("SUB-SANITATION").orElseThrow();
        assertThat(depot.unitName()).isEqualTo("区环卫所");
        assertThat(depot.overdue()).singleElement().satisfies(i -> {
            assertThat(i.hazardId()).isEqualTo("H3");
            assertThat(i.daysOverdue()).isEqualTo(1);
            assertThat(i.escalationLevel()).isEqualTo(1);
            assertThat(i.escalatedToday()).isTrue();
            assertThat(i.supervised()).isTrue();
        });
        assertThat(first.unit("ENT-LAOZHANG").orElseThrow().isEmpty()).isTrue();

        Digest later = reports.digest(day("2023-12-25"), 3);
        assertThat(later.unit("ENT-LAOZHANG").orElseThrow().dueSoon()).singleElement().satisfies(i -> {
            assertThat(i.hazardId()).isEqualTo("H1");
            assertThat(i.deadline()).isEqualTo(day("2023-12-27"));
            assertThat(i.daysLeft()).isEqualTo(2);
        });
        Digest.Item h3 = later.unit("SUB-SANITATION").orElseThrow().escalated().get(0);
        assertThat(h3.daysOverdue()).isEqualTo(10);
        assertThat(h3.escalationLevel()).isEqualTo(2);
        assertThat(h3.escalatedToday()).isFalse();
        assertThat(reports.digest(day("2023-12-23"), 3).unit("SUB-SANITATION").orElseThrow().escalated().get(0)
                .escalatedToday()).isTrue();
        assertThat(reports.digest(day("2023-12-25"), 1).unit("ENT-LAOZHANG").orElseThrow().dueSoon()).isEmpty();
    }

    @Test
    void accountabilityRanksTheUnitsAndListsThoseMeetingTheCriteriaOfFourThree() {
        UnitAccountability early = reports.accountability(day("2023-12-17"));
        assertThat(early.criteria().orElseThrow().clause()).isEqualTo("万州城管发〔2023〕114号 四(三)");
        assertThat(early.units()).extracting(UnitAccountability.UnitRecord::unitId)
                .containsExactly("SUB-SANITATION", "ENT-LAOZHANG");
        UnitAccountability.UnitRecord depot = early.unit("SUB-SANITATION").orElseThrow();
        assertThat(List.of(depot.rank(), depot.venues(), depot.hazards(), depot.due(), depot.onTime(), depot.overdue(),
                depot.overdueDays(), depot.maxDaysOverdue(), depot.ownPremises(), depot.selfInspected(),
                depot.readinessGapsOpen())).containsExactly(1, 1, 1, 1, 0, 1, 2, 2, 1, 1, 1);
        assertThat(depot.onTimeRate().getAsDouble()).isZero();
        assertThat(depot.selfInspectionDone()).contains(true);
        assertThat(depot.followUpReasons()).containsExactly("按期整改率 0%，低于 80%");
        UnitAccountability.UnitRecord restaurant = early.unit("ENT-LAOZHANG").orElseThrow();
        assertThat(List.of(restaurant.hazards(), restaurant.due(), restaurant.onTime(), restaurant.repeated(),
                restaurant.reopened())).containsExactly(2, 1, 1, 0, 0);
        assertThat(restaurant.onTimeRate().getAsDouble()).isEqualTo(1.0);
        assertThat(restaurant.selfInspectionDone()).isEmpty();
        assertThat(early.followUp()).extracting(UnitAccountability.UnitRecord::unitId).containsExactly("SUB-SANITATION");

        UnitAccountability late = reports.accountability(day("2023-12-31"));
        UnitAccountability.UnitRecord r = late.unit("ENT-LAOZHANG").orElseThrow();
        assertThat(List.of(r.hazards(), r.due(), r.onTime(), r.overdue(), r.maxDaysOverdue(), r.repeated(),
                r.reopened())).containsExactly(3, 1, 0, 1, 4, 2, 1);
        assertThat(r.followUpReasons()).containsExactly("按期整改率 0%，低于 80%", "回头看反弹隐患 1 条");
        assertThat(late.unit("SUB-SANITATION").orElseThrow().followUpReasons())
                .containsExactly("按期整改率 0%，低于 80%", "隐患逾期 16 天（不少于 15 天）");
        assertThat(late.followUp()).extracting(UnitAccountability.UnitRecord::unitId)
                .containsExactly("SUB-SANITATION", "ENT-LAOZHANG");
    }

    @Test
    void theFinalSummaryCountsEachTaskOfThePlanAndWhatIsUnfinished() {
        FinalSummary s = reports.finalSummary(day("2024-03-31"));

        assertThat(s.document()).isEqualTo("万州城管发〔2023〕114号");
        assertThat(s.totals()).isEqualTo(new Figures(4, 1, 1, 2, 2));
        assertThat(s.tasks()).extracting(FinalSummary.TaskResult::code)
                .containsExactly("二(一)", "二(二)", "二(三)", "二(四)", "二(五)", "二(六)", "二(七)", "二(八)", "二(九)");
        assertThat(task(s, "二(一)").hazards()).isEqualTo(new Figures(2, 0, 0, 0, 0));
        assertThat(task(s, "二(二)").hazards()).isEqualTo(new Figures(1, 0, 0, 0, 0));
        assertThat(task(s, "二(二)").inspections()).isEqualTo(1);
        assertThat(task(s, "二(三)").hazards()).isEqualTo(new Figures(3, 1, 1, 2, 2));
        assertThat(task(s, "二(三)").inspections()).isEqualTo(2);
        assertThat(task(s, "二(四)").hazards()).isEqualTo(new Figures(1, 1, 1, 1, 1));
        assertThat(task(s, "二(八)").hazards()).isEqualTo(Figures.ZERO);
        assertThat(task(s, "二(九)").hazards()).isEqualTo(new Figures(1, 0, 0, 1, 1));
        assertThat(s.readinessGaps()).isEqualTo(new Figures(1, 0, 0, 1, 1));
        assertThat(s.suspensions()).isEmpty();
        assertThat(s.unfinished()).extracting(FinalSummary.Unfinished::unitId, FinalSummary.Unfinished::hazardIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENT-LAOZHANG", List.of("H1")),
                        org.assertj.core.groups.Tuple.tuple("SUB-SANITATION", List.of("H3")));
        assertThat(s.notInLedger()).hasSize(2);
        FinalSummary.CalendarRun implementation = s.calendar().stream()
                .filter(c -> c.entry().code().equals("IMPLEMENTATION")).findFirst().orElseThrow();
        assertThat(List.of(implementation.found(), implementation.closed(), implementation.inspections()))
                .containsExactly(4, 1, 3);

        FinalSummary earlier = reports.finalSummary(day("2023-12-17"));
        assertThat(earlier.totals()).isEqualTo(new Figures(3, 1, 0, 1, 1));
        assertThat(task(earlier, "二(四)").hazards()).isEqualTo(new Figures(1, 1, 0, 0, 0));
    }

    private static FinalSummary.TaskResult task(FinalSummary s, String code) {
        return s.tasks().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theSummarysMajorHazardTableNamesTheResponsibleAndSupervisingUnitsNotTheirIds() {
        // Given the canteen's H3 listed for 挂牌督办 by the bureau, still open at the end of March
        FinalSummary s = reports.finalSummary(day("2024-03-31"));

        // When the summary is laid out as its document's tables
        io.firerisk.ledger.report.Table major = io.firerisk.ledger.report.Tables.summary(s, ledger.campaign()).tables()
                .stream().filter(t -> t.name().equals("重大火灾隐患")).findFirst().orElseThrow();

        // Then the 责任单位 column has the sanitation depot's name and the 督办文号 the bureau's, no unit id anywhere
        assertThat(major.columns().get(2).header()).isEqualTo("责任单位");
        assertThat(major.rows()).filteredOn(row -> row.get(0).equals(CANTEEN)).singleElement().satisfies(row -> {
            assertThat(row.get(2)).isEqualTo("区环卫所");
            assertThat((String) row.get(6)).isEqualTo("H3 万州区城市管理局 万州城管督〔2023〕1号（2023-12-16 起）");
            assertThat(row.toString()).doesNotContain("SUB-SANITATION", "BUREAU");
        });
        assertThat(s.majorHazards()).filteredOn(m -> m.venueId().equals(CANTEEN)).singleElement().satisfies(m -> {
            assertThat(m.unitId()).isEqualTo("SUB-SANITATION");
            assertThat(m.unitName()).isEqualTo("区环卫所");
        });
    }

    @Test
    void theWeeklyReportsHeadersStandOverTheirFiguresInTheHtmlFileAndTheWorkbook() throws Exception {
        // Given the first week's periodic analysis as its document's tables
        io.firerisk.ledger.report.ReportDocument doc = io.firerisk.ledger.report.Tables.periodic(
                reports.week(day("2023-12-17")), ledger.campaign());

        // When it is written as an HTML file
        java.io.StringWriter html = new java.io.StringWriter();
        io.firerisk.ledger.report.ReportFiles.html(doc, html);

        // Then in every table each header cell has the alignment class of its column's figures: right (n) over
        // numbers and dates, none over text; the totals (总体情况) above all
        java.util.regex.Pattern cellClass = java.util.regex.Pattern.compile("<t([hd]) class=\"(n?)\">");
        java.util.regex.Matcher tables = java.util.regex.Pattern.compile("<h2>([^<]*)</h2>\\s*<table>(.*?)</table>",
                java.util.regex.Pattern.DOTALL).matcher(html.toString());
        List<String> checked = new java.util.ArrayList<>();
        while (tables.find()) {
            String body = tables.group(2);
            String head = body.substring(0, body.indexOf("</thead>"));
            String firstRow = body.substring(body.indexOf("<tbody>"), body.indexOf("</tr>", body.indexOf("<tbody>")));
            List<String> th = new java.util.ArrayList<>();
            List<String> td = new java.util.ArrayList<>();
            java.util.regex.Matcher m = cellClass.matcher(head);
            while (m.find()) {
                th.add(m.group(2));
            }
            m = cellClass.matcher(firstRow);
            while (m.find()) {
                td.add(m.group(2));
            }
            assertThat(th).as(tables.group(1)).isNotEmpty().isEqualTo(td);
            checked.add(tables.group(1));
        }
        assertThat(checked).contains("总体情况", "按街道", "检查情况");
        String totals = html.toString().substring(html.toString().indexOf("<h2>总体情况</h2>"));
        assertThat(totals.substring(0, totals.indexOf("</thead>"))).contains("<th class=\"\">范围</th>",
                "<th class=\"n\">发现</th>", "<th class=\"n\">上期末逾期</th>");
        assertThat(html.toString()).contains("th.n, td.n { text-align: right;");

        // And in the workbook each header cell is aligned as its column's cells: right over figures, left over text
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        io.firerisk.ledger.excel.Workbooks.write(doc, xlsx);
        try (org.apache.poi.ss.usermodel.Workbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            for (io.firerisk.ledger.report.Table t : doc.tables()) {
                if (t.rows().isEmpty()) {
                    continue;
                }
                org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(t.name());
                for (int c = 0; c < t.columns().size(); c++) {
                    org.apache.poi.ss.usermodel.HorizontalAlignment expected =
                            t.columns().get(c).kind() == io.firerisk.ledger.report.Table.Kind.TEXT
                                    ? org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT
                                    : org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT;
                    String where = t.name() + " " + t.columns().get(c).header();
                    assertThat(sheet.getRow(0).getCell(c).getCellStyle().getAlignment()).as(where).isEqualTo(expected);
                    for (int r = 1; r <= t.rows().size(); r++) {
                        org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(c);
                        if (cell != null) {
                            assertThat(cell.getCellStyle().getAlignment()).as(where + " row " + r).isEqualTo(expected);
                        }
                    }
                }
            }
            assertThat(wb.getSheet("总体情况").getRow(0).getCell(1).getStringCellValue()).isEqualTo("发现");
        }
    }
}
