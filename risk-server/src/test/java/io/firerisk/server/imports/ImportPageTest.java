package io.firerisk.server.imports;

import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.excel.InspectionSheets;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * 导入检查记录 in the desk: a filled template is recorded and the page says how many inspections and hazards;
 * a workbook with bad rows is refused whole, each problem listed by sheet, row and column; a file too large,
 * of another type, or not a workbook whatever its name, is refused before it is opened. Nothing of a refused
 * upload reaches the ledger.
 */
@DeskTest
class ImportPageTest extends DeskMvcTest {

    static final String XLSX = SheetUpload.XLSX;

    /** Ids no other test (nor an earlier run of this one on the same ledger) uses. */
    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private String venue;
    private String otherVenue;

    @BeforeEach
    void accounts() {
        // Venues of the unit with the most hazards: what is imported here only adds to its lead, so the units the
        // test accounts were given (TestAccounts.officerUnits) stay the same for the other test classes.
        String top = TestAccounts.officerUnits(ledger)[0];
        List<HazardRow> rows = ledger.hazards(HazardQuery.builder().units(top).build()).items();
        venue = rows.get(0).venueId();
        otherVenue = rows.stream().map(HazardRow::venueId).filter(v -> !v.equals(venue)).findFirst().orElse(venue);
    }

    private MockHttpServletResponse upload(String username, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/import/inspections").file(file).with(csrf())
                .with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static byte[] workbook(Consumer<XSSFWorkbook> fill, Ledger ledger) throws Exception {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        InspectionSheets.template(ledger.campaign(), template);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
            fill.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Row row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
        return row;
    }

    @Test
    void aFilledTemplateIsRecordedAndThePageSaysHowManyInspectionsAndHazards() throws Exception {
        String inspector = TestAccounts.INSPECTOR_PERSON;
        byte[] good = workbook(wb -> {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            row(s, 1, "IMP-I1-" + run, venue, "抽查", "2024-03-20", inspector, "IMP-H1-" + run,
                    "GAS_ALARM_NOT_INSTALLED", "后厨", "否", "2024-03-27", "导入测试");
            row(s, 2, "IMP-I1-" + run, venue, "抽查", "2024-03-20", inspector, "IMP-H2-" + run,
                    "EVACUATION_ROUTE_BLOCKED", "二楼走道", "是", "", "");
            row(s, 3, "IMP-I2-" + run, otherVenue, "抽查", "2024-03-21", inspector, "IMP-H3-" + run,
                    "DUTY_ROSTER_NOT_IN_PLACE", "", "否", "", "");
        }, ledger);
        long events = ledger.eventCount();

        MockHttpServletResponse r = upload("test-inspector", new MockMultipartFile("file", "三月检查.xlsx", XLSX, good));

        assertThat(r.getStatus()).isEqualTo(200);
        String page = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-recorded\"")
                .contains("已导入“三月检查.xlsx”：3 行，新记录检查 2 次、隐患 3 条");
        assertThat(ledger.eventCount()).isEqualTo(events + 5);
        assertThat(ledger.hazard("IMP-H1-" + run)).hasValueSatisfying(h -> {
            assertThat(h.venueId()).isEqualTo(venue);
            assertThat(h.deadline()).isEqualTo(LocalDate.of(2024, 3, 27));
        });
        assertThat(ledger.hazard("IMP-H3-" + run)).hasValueSatisfying(h -> assertThat(h.venueId()).isEqualTo(otherVenue));

        // The same workbook again records nothing twice and says so.
        MockHttpServletResponse again = upload("test-staff", new MockMultipartFile("file", "三月检查.xlsx", XLSX, good));
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("新记录检查 0 次、隐患 0 条（此前已导入 5 条");
        assertThat(ledger.eventCount()).isEqualTo(events + 5);
    }

    @Test
    void aWorkbookWithBadRowsIsRefusedWholeAndEachProblemIsShownBySheetRowAndColumn() throws Exception {
        String inspector = TestAccounts.INSPECTOR_PERSON;
        byte[] bad = workbook(wb -> {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            // row 2 is good: it must not be recorded either
            row(s, 1, "IMP-I3-" + run, venue, "抽查", "2024-03-20", inspector, "IMP-H4-" + run,
                    "GAS_ALARM_NOT_INSTALLED", "后厨", "否", "", "");
            row(s, 2, "IMP-I4-" + run, venue, "抽查", "昨天", inspector, "", "", "", "", "", "");
            row(s, 3, "IMP-I5-" + run, venue, "抽查", "2024-03-20", inspector, "IMP-H5-" + run, "NOT_A_CODE", "", "", "", "");
            Row number = row(s, 4, "IMP-I6-" + run, venue, "抽查", "2024-03-20", inspector, "", "", "", "", "", "");
            number.createCell(5).setCellValue(3.5);
            row(s, 5, "IMP-I7-" + run, venue, "抽查", "2024-03-20", inspector, "", "", "", "", "", "");
            s.addMergedRegion(new CellRangeAddress(5, 5, 0, 1));
            wb.createSheet("Sheet2");
        }, ledger);
        long events = ledger.eventCount();

        MockHttpServletResponse r = upload("test-staff", new MockMultipartFile("file", "有误.xlsx", XLSX, bad));

        assertThat(r.getStatus()).isEqualTo(422);
        String page = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-problems\"").contains("未导入任何内容");
        assertThat(page).contains("<tr><td>Sheet2</td><td class=\"n\"></td><td></td>")
                .contains("<tr><td>检查记录</td><td class=\"n\">3</td><td>D 检查日期</td><td>类型不对：应为日期")
                .contains("<tr><td>检查记录</td><td class=\"n\">4</td><td>G 隐患代码</td><td>")
                .contains("隐患代码“NOT_A_CODE”不在本活动的隐患目录中")
                .contains("<tr><td>检查记录</td><td class=\"n\">5</td><td>F 隐患编号</td><td>类型不对：应为文字，此处为数字 3.5")
                .contains("<tr><td>检查记录</td><td class=\"n\">6</td><td>A 检查编号</td><td>合并了单元格 A6:B6");
        assertThat(page).doesNotContain("<td class=\"n\">2</td><td>");
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard("IMP-H4-" + run)).isEmpty();
    }

    @Test
    void aTwentyMegabyteFileIsRefusedWithItsSizeAndTheLimit() throws Exception {
        byte[] big = new byte[20 << 20];
        new Random(7).nextBytes(big);
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        long events = ledger.eventCount();

        MockHttpServletResponse r = upload("test-staff", new MockMultipartFile("file", "大文件.xlsx", XLSX, big));

        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"import-refused\"")
                .contains("大文件.xlsx：文件大小 20.0 MB，超过上限 10 MB").contains("未导入任何内容");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedByItsBytesWhateverItsNameAndDeclaredType() throws Exception {
        long events = ledger.eventCount();
        byte[] csv = ("检查编号,场所编号\nIMP-X-" + run + "," + venue + "\n").getBytes(StandardCharsets.UTF_8);

        MockHttpServletResponse renamed = upload("test-staff", new MockMultipartFile("file", "改名.xlsx", XLSX, csv));
        assertThat(renamed.getStatus()).isEqualTo(415);
        assertThat(renamed.getContentAsString(StandardCharsets.UTF_8))
                .contains("改名.xlsx：文件内容不是 Excel 工作簿（.xlsx 文件以压缩包开头，此文件不是）");

        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        MockHttpServletResponse old = upload("test-staff", new MockMultipartFile("file", "旧版.xlsx", XLSX, xls));
        assertThat(old.getStatus()).isEqualTo(415);
        assertThat(old.getContentAsString(StandardCharsets.UTF_8)).contains("旧版 Excel 97-2003 工作簿（.xls）");

        MockHttpServletResponse declared = upload("test-staff", new MockMultipartFile("file", "检查.csv", "text/csv", csv));
        assertThat(declared.getStatus()).isEqualTo(415);
        assertThat(declared.getContentAsString(StandardCharsets.UTF_8)).contains("文件类型为 text/csv，不是 Excel 工作簿");

        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void theUploadPageOffersTheTemplateToStaffAndInspectorsOnly() throws Exception {
        for (String who : List.of("test-staff", "test-inspector", "test-admin")) {
            MockHttpServletResponse r = mvc.perform(get("/import/inspections")
                    .with(user(accounts.loadUserByUsername(who)))).andReturn().getResponse();
            assertThat(r.getStatus()).as(who).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/reports/inspection-sheet.xlsx\"")
                    .contains("enctype=\"multipart/form-data\"");
        }
        for (String who : List.of("test-officer", "test-leader")) {
            assertThat(mvc.perform(get("/import/inspections").with(user(accounts.loadUserByUsername(who))))
                    .andReturn().getResponse().getStatus()).as(who).isEqualTo(403);
        }
    }
}
