package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.ledger.excel.InspectionSheets;
import io.firerisk.ledger.excel.SheetImport;
import io.firerisk.ledger.excel.SheetProblem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.firerisk.ledger.World.CANTEEN;
import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.OTHER_OFFICER;
import static io.firerisk.ledger.World.OFFICER;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.at;
import static io.firerisk.ledger.World.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inspection sheets in Excel, both ways: the ledger's inspections exported and read into another
 * ledger give the same ledger; a workbook with bad rows is refused row by row, with sheet, row and
 * column, and records nothing, not even its good rows.
 */
class InspectionSheetsTest extends LedgerTestBase {

    private static final LocalDate FROM = day("2023-12-01");
    private static final LocalDate TO = day("2024-03-31");

    @TempDir
    Path dir;

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    private void inspections() {
        ledger.record(List.of(
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.InspectionRecorded("I-1", RESTAURANT,
                        InspectionKind.SPOT_CHECK, day("2023-12-11"), List.of(INSPECTOR), "后厨检查")),
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.HazardFound(RESTAURANT, "I-1",
                        Finding.builder("H1", "GAS_ALARM_NOT_INSTALLED").location("后厨").build(), false, null, List.of())),
                world.entry(INSPECTOR, at("2023-12-11", 10), new Event.HazardFound(RESTAURANT, "I-1",
                        Finding.builder("H2", "EVACUATION_ROUTE_BLOCKED").location("二楼走道").build(), true, null,
                        List.of()))));
        ledger.record(List.of(
                world.entry(OTHER_OFFICER, at("2023-12-12", 10), new Event.InspectionRecorded("I-2", CANTEEN,
                        InspectionKind.SELF_INSPECTION, day("2023-12-12"), List.of(OTHER_OFFICER), "")),
                world.entry(OTHER_OFFICER, at("2023-12-12", 10), new Event.HazardFound(CANTEEN, "I-2",
                        Finding.builder("H3", "DUTY_ROSTER_NOT_IN_PLACE").build(), false, day("2023-12-15"), List.of()))));
        ledger.record(world.entry(INSPECTOR, at("2024-01-05", 10), new Event.InspectionRecorded("I-3", CANTEEN,
                InspectionKind.DOUBLE_RANDOM, day("2024-01-05"), List.of(INSPECTOR, "inspector-qian"), "未发现隐患")));
    }

    private Path export(Ledger from, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            InspectionSheets.export(from, FROM, TO, out);
        }
        return file;
    }

    /** A row as compared: everything but when its last event was recorded. */
    private static List<Object> comparable(HazardRow r) {
        return List.of(r.hazardId(), r.venueId(), r.venueName(), r.unitId(), r.street(), r.community(), r.grid(),
                r.hazardCode(), r.category(), r.state(), r.foundOn(), r.deadline(), r.daysOverdue(), r.escalationLevel(),
                r.supervised(), r.grade().map(Enum::name).orElse(""), r.version());
    }

    private static List<List<Object>> hazards(Ledger l, LocalDate day) {
        return l.hazards(HazardQuery.builder().asOf(day).sort(HazardQuery.Sort.HAZARD_ID, true).build()).items()
                .stream().map(InspectionSheetsTest::comparable).toList();
    }

    @Test
    void theExportReadIntoAnotherLedgerGivesTheSameLedgerAndASecondReadRecordsNothing() throws Exception {
        inspections();
        Path file = export(ledger, "检查记录.xlsx");

        try (TestDatabase other = TestDatabase.h2(); Ledger copy = World.open(other)) {
            new World().setUp(copy);
            SheetImport first = InspectionSheets.read(copy, file);

            assertThat(first.problems()).isEmpty();
            assertThat(first.rows()).isEqualTo(4);
            assertThat(first.inspections()).isEqualTo(3);
            assertThat(first.hazards()).isEqualTo(3);
            for (LocalDate d : List.of(day("2023-12-11"), day("2023-12-20"), TO)) {
                assertThat(hazards(copy, d)).as("as of %s", d).isEqualTo(hazards(ledger, d)).isNotEmpty();
            }
            assertThat(copy.inspections(FROM, TO)).usingRecursiveFieldByFieldElementComparatorIgnoringFields()
                    .isEqualTo(ledger.inspections(FROM, TO));

            long events = copy.eventCount();
            SheetImport again = InspectionSheets.read(copy, file);
            assertThat(again.recorded()).isTrue();
            assertThat(again.inspections() + again.hazards()).isZero();
            assertThat(again.alreadyRecorded()).isEqualTo(6);
            assertThat(copy.eventCount()).isEqualTo(events);
        }
    }

    @Test
    void aWorkbookWithBadRowsIsRefusedRowByRowAndNothingOfItIsRecorded() throws Exception {
        Path file = dir.resolve("bad.xlsx");
        try (XSSFWorkbook wb = template()) {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            row(s, 1, "I-9", RESTAURANT, "抽查", "2024-01-10", INSPECTOR, "H9", "GAS_ALARM_NOT_INSTALLED", "后厨", "否", "", "");
            row(s, 2, "I-10", RESTAURANT, "抽查", "昨天", INSPECTOR, "", "", "", "", "", "");
            row(s, 3, "I-11", RESTAURANT, "抽查", "2024-01-11", INSPECTOR, "H11", "NOT_A_CODE", "", "", "", "");
            row(s, 4, "I-12", RESTAURANT, "巡查", "2024-01-12", INSPECTOR, "", "", "", "", "", "");
            row(s, 5, "I-13", RESTAURANT, "抽查", "2024-01-13", INSPECTOR, "H13", "GAS_ALARM_NOT_INSTALLED", "", "也许", "", "");
            row(s, 6, "I-14", "WZ-9999", "抽查", "2024-01-14", "无名氏", "", "", "", "", "", "");
            Row wrongType = row(s, 7, "I-15", RESTAURANT, "抽查", "2024-01-15", INSPECTOR, "", "", "", "", "", "");
            wrongType.createCell(5).setCellValue(3.5);
            row(s, 8, "I-16", RESTAURANT, "抽查", "2024-01-16", INSPECTOR, "", "", "", "", "", "");
            s.addMergedRegion(new CellRangeAddress(8, 8, 0, 1));
            wb.createSheet("Sheet2");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        long events = ledger.eventCount();

        SheetImport result = InspectionSheets.read(ledger, file);

        assertThat(result.recorded()).isFalse();
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(result.problems()).extracting(SheetProblem::sheet, SheetProblem::row, SheetProblem::column)
                .contains(org.assertj.core.groups.Tuple.tuple("Sheet2", 0, ""),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 9, "A 检查编号"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 3, "D 检查日期"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 4, "G 隐患代码"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 5, "C 检查类型"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 6, "I 当场改正"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 7, "B 场所编号"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 7, "E 检查人员"),
                        org.assertj.core.groups.Tuple.tuple("检查记录", 8, "F 隐患编号"));
        assertThat(result.problems()).noneMatch(p -> p.row() == 2);
        assertThat(result.problems().stream().map(SheetProblem::toString))
                .anyMatch(m -> m.equals("工作表“检查记录” 第3行 D 检查日期列：类型不对：应为日期（如 2024-01-15），此处为“昨天”"))
                .anyMatch(m -> m.contains("隐患代码“NOT_A_CODE”不在本活动的隐患目录中"))
                .anyMatch(m -> m.contains("合并了单元格 A9:B9"))
                .anyMatch(m -> m.contains("类型不对：应为文字，此处为数字 3.5"));
    }

    @Test
    void aRowTheLedgerRefusesStopsTheWholeWorkbookAndIsNamed() throws Exception {
        Path file = dir.resolve("refused.xlsx");
        try (XSSFWorkbook wb = template()) {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            row(s, 1, "I-20", RESTAURANT, "抽查", "2024-01-10", INSPECTOR, "H20", "GAS_ALARM_NOT_INSTALLED", "后厨", "否", "", "");
            // the restaurant's officer may not inspect the sanitation depot's canteen
            row(s, 2, "I-21", CANTEEN, "自查", "2024-01-10", OFFICER, "", "", "", "", "", "");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        long events = ledger.eventCount();

        SheetImport result = InspectionSheets.read(ledger, file);

        assertThat(result.recorded()).isFalse();
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard("H20")).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).startsWith("台账拒绝记录（整个工作簿未导入）").contains(OFFICER);
        });
    }

    @Test
    void aTwentyMegabyteFileOrOneThatIsNoWorkbookIsRefusedBeforeItIsOpened() throws Exception {
        Path big = dir.resolve("big.xlsx");
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        }
        SheetImport tooBig = InspectionSheets.read(ledger, big);
        assertThat(tooBig.recorded()).isFalse();
        assertThat(tooBig.problems()).singleElement().extracting(SheetProblem::message).asString()
                .contains("超过上限 10485760 字节");

        Path text = dir.resolve("not.xlsx");
        Files.writeString(text, "检查编号,场所编号\nI-1,WZ-0002\n");
        assertThat(InspectionSheets.read(ledger, text).problems()).singleElement().extracting(SheetProblem::message)
                .asString().startsWith("不是 Excel 工作簿");
    }

    @Test
    void theTemplateHasTheSheetToFillItsGuideAndTheCatalogue() throws Exception {
        try (XSSFWorkbook wb = template()) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("检查记录", "填写说明", "隐患代码");
            List<String> headers = new ArrayList<>();
            wb.getSheet("检查记录").getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("检查编号", "场所编号", "检查类型", "检查日期", "检查人员", "隐患编号",
                    "隐患代码", "部位", "当场改正", "整改期限", "备注", "比例", "数量", "标准修订", "无现实火灾风险");
            assertThat(wb.getSheet("检查记录").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(wb.getSheet("检查记录").getDataValidations()).hasSize(4);
            // the catalogue says which codes need a measurement: exit width short is judged by a ratio
            Sheet codes = wb.getSheet("隐患代码");
            assertThat(codes.getRow(0).getCell(4).getStringCellValue()).isEqualTo("须填");
            List<String> byRatio = new ArrayList<>();
            for (int r = 1; r <= codes.getLastRowNum(); r++) {
                if (codes.getRow(r).getCell(4).getStringCellValue().equals("比例")) {
                    byRatio.add(codes.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(byRatio).contains("EXIT_WIDTH_SHORT").doesNotContain("GAS_ALARM_NOT_INSTALLED");
            assertThat(wb.getSheet("隐患代码").getLastRowNum()).isEqualTo(ledger.campaign().hazards().size());
        }
        Path empty = dir.resolve("empty.xlsx");
        try (OutputStream out = Files.newOutputStream(empty)) {
            InspectionSheets.template(ledger.campaign(), out);
        }
        assertThat(InspectionSheets.read(ledger, empty).problems()).extracting(SheetProblem::message)
                .containsExactly("没有数据行");
    }

    @Test
    void theTemplateSaysWhatEachHazardsRatioIsInTheHeadersNoteAndTheCatalogue() throws Exception {
        // Given the standard's words for what an exit-width and a fire-compartment ratio are (measure_zh)
        String exitWidth = ledger.campaign().hazards().get("EXIT_WIDTH_SHORT").measureMeaning().orElseThrow().zh();
        String compartment = ledger.campaign().hazards().get("FIRE_COMPARTMENT_OVERSIZED").measureMeaning().orElseThrow()
                .zh();
        assertThat(exitWidth).startsWith("安全出口实际总净宽度 ÷ 规定的总净宽度");
        // When the template is downloaded
        try (XSSFWorkbook wb = template()) {
            // Then the 比例 header carries a note naming each hazard judged by a ratio with what its ratio is
            var note = wb.getSheet("检查记录").getRow(0).getCell(11).getCellComment();
            assertThat(note).as("the note on L1 比例").isNotNull();
            assertThat(note.getString().getString()).startsWith("按比例判定的隐患必填")
                    .contains("EXIT_WIDTH_SHORT（" + ledger.campaign().hazards().get("EXIT_WIDTH_SHORT").label().zh() + "）："
                            + exitWidth)
                    .contains("FIRE_COMPARTMENT_OVERSIZED（" + ledger.campaign().hazards().get("FIRE_COMPARTMENT_OVERSIZED")
                            .label().zh() + "）：" + compartment)
                    .doesNotContain("GAS_ALARM_NOT_INSTALLED");
            assertThat(wb.getSheet("检查记录").getRow(0).getCell(12).getCellComment().getString().getString())
                    .startsWith("按数量判定的隐患必填");
            // and the catalogue sheet says it beside each code
            Sheet codes = wb.getSheet("隐患代码");
            assertThat(codes.getRow(0).getCell(5).getStringCellValue()).isEqualTo("所填的数是什么");
            for (int r = 1; r <= codes.getLastRowNum(); r++) {
                String code = codes.getRow(r).getCell(0).getStringCellValue();
                String meaning = codes.getRow(r).getCell(5).getStringCellValue();
                if (code.equals("FIRE_COMPARTMENT_OVERSIZED")) {
                    assertThat(meaning).isEqualTo(compartment);
                } else if (codes.getRow(r).getCell(4).getStringCellValue().isEmpty()) {
                    assertThat(meaning).as(code).isEmpty();
                }
            }
        }
    }

    @Test
    void aFindingWithTheRatioItsCodeIsJudgedByImportsAndCarriesItWithTheGb2025Inputs() throws Exception {
        // Given a sheet row of an exit-width finding (judged by a ratio) with its ratio as a percentage, caused by a
        // standard's revision, in an inspection that confirmed no real fire risk
        Path file = dir.resolve("measured.xlsx");
        try (XSSFWorkbook wb = template()) {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            row(s, 1, "I-30", CANTEEN, "抽查", "2024-01-10", INSPECTOR, "H30", "EXIT_WIDTH_SHORT", "东侧出口", "否",
                    "2024-01-20", "", "60%", "", "是", "是");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        // When it is imported
        SheetImport result = InspectionSheets.read(ledger, file);

        // Then it is recorded, and the finding carries the ratio and the revision, the inspection its 4.2 b) fact
        assertThat(result.problems()).isEmpty();
        assertThat(result.hazards()).isEqualTo(1);
        Finding found = ledger.timeline(CANTEEN).stream().map(RecordedEvent::event)
                .filter(Event.HazardFound.class::isInstance).map(e -> ((Event.HazardFound) e).finding())
                .filter(f -> f.id().equals("H30")).findFirst().orElseThrow();
        assertThat(found.ratio()).isEqualTo(0.6);
        assertThat(found.quantity()).isNull();
        assertThat(found.standardRevision()).isEqualTo(io.firerisk.StandardRevision.CAUSED);
        assertThat(ledger.inspections(day("2024-01-10"), day("2024-01-10"))).singleElement()
                .satisfies(i -> assertThat(i.noRealFireRisk()).isTrue());
        assertThat(ledger.hazard("H30").orElseThrow().deadline()).isEqualTo(day("2024-01-20"));

        // And the export writes them back in the same columns
        Path exported = export(ledger, "again.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(exported))) {
            Row row = wb.getSheet(InspectionSheets.SHEET).getRow(1);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("H30");
            assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(0.6);
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo("是");
            assertThat(row.getCell(14).getStringCellValue()).isEqualTo("是");
        }
    }

    @Test
    void aFindingWithoutTheRatioItsCodeNeedsIsNamedBySheetRowAndColumnAndNothingOfTheWorkbookIsRecorded()
            throws Exception {
        // Given a good row, then an exit-width finding without its ratio, and rows with unreadable measurements
        Path file = dir.resolve("unmeasured.xlsx");
        try (XSSFWorkbook wb = template()) {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            row(s, 1, "I-40", RESTAURANT, "抽查", "2024-01-10", INSPECTOR, "H40", "GAS_ALARM_NOT_INSTALLED", "后厨", "否",
                    "", "");
            row(s, 2, "I-41", CANTEEN, "抽查", "2024-01-10", INSPECTOR, "H41", "EXIT_WIDTH_SHORT", "东侧出口", "否", "", "");
            row(s, 3, "I-42", CANTEEN, "抽查", "2024-01-11", INSPECTOR, "H42", "EXIT_WIDTH_SHORT", "", "否", "", "", "六成");
            row(s, 4, "I-43", CANTEEN, "抽查", "2024-01-12", INSPECTOR, "H43", "EXIT_WIDTH_SHORT", "", "否", "", "", "1.5");
            row(s, 5, "I-44", CANTEEN, "抽查", "2024-01-13", INSPECTOR, "H44", "GAS_ALARM_NOT_INSTALLED", "", "否", "", "",
                    "0.5", "-3", "也许", "不知道");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        long events = ledger.eventCount();

        // When it is imported
        SheetImport result = InspectionSheets.read(ledger, file);

        // Then nothing is recorded, not even the good row, and each problem is named at its cell
        assertThat(result.recorded()).isFalse();
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard("H40")).isEmpty();
        assertThat(result.problems().stream().map(SheetProblem::toString)).containsExactlyInAnyOrder(
                "工作表“检查记录” 第3行 L 比例列：隐患代码“EXIT_WIDTH_SHORT”按比例判定（"
                        + ledger.campaign().hazards().get("EXIT_WIDTH_SHORT").label().zh()
                        + "）：必填 0 到 1 之间的比例，如 0.6 或 60%；比例 = "
                        + ledger.campaign().hazards().get("EXIT_WIDTH_SHORT").measureMeaning().orElseThrow().zh(),
                "工作表“检查记录” 第4行 L 比例列：类型不对：应为 0 到 1 之间的比例（如 0.6 或 60%），此处为“六成”",
                "工作表“检查记录” 第5行 L 比例列：比例应在 0 到 1 之间（如 0.6 或 60%），此处为 1.5",
                "工作表“检查记录” 第6行 L 比例列：隐患代码“GAS_ALARM_NOT_INSTALLED”不按比例判定：请留空",
                "工作表“检查记录” 第6行 M 数量列：类型不对：应为整数，此处为“-3”",
                "工作表“检查记录” 第6行 N 标准修订列：应为“否”“是”或“法律法规有明确规定”，此处为“也许”",
                "工作表“检查记录” 第6行 O 无现实火灾风险列：应为“是”或“否”，此处为“不知道”");
    }

    @Test
    void aWorkbookFilledFromTheEarlierTemplateWithoutTheMeasurementColumnsIsStillRead() throws Exception {
        // Given a sheet with only the eleven columns of the earlier template
        Path file = dir.resolve("earlier.xlsx");
        try (XSSFWorkbook wb = template()) {
            Sheet s = wb.getSheet(InspectionSheets.SHEET);
            for (int c = 11; c < 15; c++) {
                s.getRow(0).removeCell(s.getRow(0).getCell(c));
            }
            row(s, 1, "I-50", RESTAURANT, "抽查", "2024-01-10", INSPECTOR, "H50", "GAS_ALARM_NOT_INSTALLED", "后厨", "否",
                    "", "");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        // When it is imported, then its finding is recorded
        SheetImport result = InspectionSheets.read(ledger, file);
        assertThat(result.problems()).isEmpty();
        assertThat(ledger.hazard("H50")).isPresent();
    }

    private XSSFWorkbook template() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InspectionSheets.template(ledger.campaign(), bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
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
}
