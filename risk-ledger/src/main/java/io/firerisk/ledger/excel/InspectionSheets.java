package io.firerisk.ledger.excel;

import io.firerisk.Finding;
import io.firerisk.StandardRevision;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.Receipt;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.RefusedException;
import io.firerisk.ledger.VenueListing;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inspection sheets (检查记录) in Excel, both ways: the template the desk offers for download, the
 * ledger's inspections written in it, and a filled workbook read back into the ledger.
 *
 * <p>One row is one hazard found in an inspection (or an inspection that found none, its hazard
 * cells left empty); the rows of one inspection share its 检查编号 and repeat its venue, kind, date and
 * inspectors. <b>A workbook is recorded whole or not at all</b>: every row is checked first and every
 * problem reported by sheet, row and column; only a workbook without one is recorded, in one
 * transaction, so a refusal by the ledger itself (a person without the role, a date before the venue
 * was registered) also records nothing and is reported at its row. Importing the same workbook again
 * records nothing twice (the event ids are made from the 检查编号 and 隐患编号), and an inspection or hazard
 * the ledger already holds as the row has it (an export of this ledger read back) is not recorded again;
 * an id it holds for something else is a problem at its row. Each inspection and its
 * hazards are recorded as by the first inspector named, on the inspection day at noon.
 *
 * <p>A finding carries what the ledger needs of it: 比例 or 数量 where its hazard code is judged by a ratio or a count
 * (the catalogue's {@code measure}; required then, refused otherwise), and the GB 35181-2025 4.2 inputs 标准修订
 * (the finding's {@code standardRevision}) and 无现实火灾风险 (the inspection's {@code noRealFireRisk}). These four
 * columns follow 备注, so a workbook from the earlier eleven-column template (their headers blank) still reads.
 *
 * <p>Limits, checked before anything is read: {@value #MAX_BYTES} bytes a file, {@value #MAX_ROWS} rows;
 * POI's zip guards refuse a part inflating more than a hundredfold or past 100 MiB (zip bombs).
 */
public final class InspectionSheets {

    public static final String SHEET = "检查记录";
    public static final String GUIDE = "填写说明";
    public static final String CODES = "隐患代码";
    public static final long MAX_BYTES = 10L << 20;
    public static final int MAX_ROWS = 10_000;

    static final List<String> COLUMNS = List.of("检查编号", "场所编号", "检查类型", "检查日期", "检查人员", "隐患编号",
            "隐患代码", "部位", "当场改正", "整改期限", "备注", "比例", "数量", "标准修订", "无现实火灾风险");
    /**
     * The columns of the template before the measurement and GB 35181-2025 4.2 columns were added: a workbook
     * filled from it (those four headers blank, nothing in their cells) is still read.
     */
    private static final int EARLIER_COLUMNS = 11;
    private static final int ID = 0;
    private static final int VENUE = 1;
    private static final int KIND = 2;
    private static final int DATE = 3;
    private static final int INSPECTORS = 4;
    private static final int HAZARD = 5;
    private static final int CODE = 6;
    private static final int LOCATION = 7;
    private static final int CORRECTED = 8;
    private static final int DEADLINE = 9;
    private static final int NOTE = 10;
    private static final int RATIO = 11;
    private static final int QUANTITY = 12;
    private static final int REVISION = 13;
    private static final int NO_REAL_FIRE_RISK = 14;
    /** GB 35181-2025 4.2 a) as the sheet says it, written and read; CSV readers take the same words. */
    private static final Map<StandardRevision, String> REVISION_WORDS = Map.of(StandardRevision.NONE, "否",
            StandardRevision.CAUSED, "是", StandardRevision.CAUSED_BUT_LAW_REQUIRES, "法律法规有明确规定");
    private static final String[] GUIDE_TEXT = {
        "检查编号：同一次检查的各行填写同一编号（必填）",
        "场所编号：台账中已登记的场所编号（必填）",
        "检查类型：自查、抽查、双随机、联合执法、回头看（必填）",
        "检查日期：日期，如 2024-01-15（必填）",
        "检查人员：台账中登记的人员编号或姓名，多人用“、”分隔；记为第一人所录（必填）",
        "隐患编号：本次检查发现的隐患编号，全台账唯一；未发现隐患的检查留空本列及以后各隐患列",
        "隐患代码：见“隐患代码”表（填写隐患编号时必填）",
        "部位：隐患所在部位",
        "当场改正：是 或 否（留空为否）",
        "整改期限：日期；留空则按活动规则由系统确定",
        "备注：检查情况说明",
        "比例：按比例判定的隐患必填（见“隐患代码”表的“须填”列），0 到 1 之间的小数或百分数，如 0.6 或 60%；是什么之比因隐患而异，见“隐患代码”表的“所填的数是什么”列或本列表头的批注；其他隐患留空",
        "数量：按数量判定的隐患必填（见“隐患代码”表的“须填”列），0 到 1000000 之间的整数，数的是什么见“隐患代码”表的“所填的数是什么”列；其他隐患留空",
        "标准修订：该隐患是否仅因消防技术标准修订引起（GB 35181-2025 4.2 a）：否、是 或 法律法规有明确规定（留空为否）",
        "无现实火灾风险：本次检查现场确认场所停用且无现实火灾风险（GB 35181-2025 4.2 b）：是 或 否（留空为否）；同一检查各行相同",
        "一个工作簿整体导入：任何一行有误则全部不导入，并逐行列出问题；请勿合并单元格、勿增加工作表、勿使用公式。"};

    static {
        // Zip bombs: a part may inflate at most a hundredfold, and to at most 100 MiB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L << 20);
    }

    private InspectionSheets() {}

    // ---- writing -------------------------------------------------------------------------------

    /** The empty template: the sheet to fill (with lists for the kind and 当场改正), the guide, the hazard codes. */
    public static void template(Campaign campaign, OutputStream out) throws IOException {
        write(campaign, List.of(), out);
    }

    /**
     * The inspections made from {@code from} to {@code to} (both included) with the hazards found in
     * them, as the ledger recorded them, in the template's columns: a workbook {@link #read} takes back.
     */
    public static void export(Ledger ledger, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        Objects.requireNonNull(ledger, "ledger");
        List<List<Object>> rows = new ArrayList<>();
        for (VenueListing v : ledger.venues(to)) {
            Map<String, Event.InspectionRecorded> inspections = new LinkedHashMap<>();
            Map<String, List<Event.HazardFound>> found = new HashMap<>();
            for (RecordedEvent e : ledger.timeline(v.venueId())) {
                if (e.event() instanceof Event.InspectionRecorded i && !i.date().isBefore(from) && !i.date().isAfter(to)) {
                    inspections.put(i.inspectionId(), i);
                } else if (e.event() instanceof Event.HazardFound f) {
                    found.computeIfAbsent(f.inspectionId(), k -> new ArrayList<>()).add(f);
                }
            }
            for (Event.InspectionRecorded i : inspections.values()) {
                List<Event.HazardFound> hs = found.getOrDefault(i.inspectionId(), List.of());
                List<Object> head = Arrays.asList(i.inspectionId(), i.venueId(), i.kind().label().zh(), i.date(),
                        String.join("、", i.inspectors()));
                String note = i.note().isEmpty() ? null : i.note();
                String noRealFireRisk = i.noRealFireRisk() ? "是" : "否";
                if (hs.isEmpty()) {
                    List<Object> row = new ArrayList<>(head);
                    row.addAll(Arrays.asList(null, null, null, null, null, note, null, null, null, noRealFireRisk));
                    rows.add(row);
                }
                for (Event.HazardFound f : hs) {
                    Finding finding = f.finding();
                    List<Object> row = new ArrayList<>(head);
                    row.addAll(Arrays.asList(finding.id(), finding.hazardCode(),
                            finding.location().isEmpty() ? null : finding.location(), f.correctedOnSpot() ? "是" : "否",
                            f.deadline(), note, finding.ratio(), finding.quantity(),
                            REVISION_WORDS.get(finding.standardRevision()), noRealFireRisk));
                    rows.add(row);
                }
            }
        }
        write(ledger.campaign(), rows, out);
    }

    private static void write(Campaign campaign, List<List<Object>> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(SHEET);
            var bold = wb.createFont();
            bold.setBold(true);
            var header = wb.createCellStyle();
            header.setFont(bold);
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = sheet.createRow(0);
            int[] widths = new int[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
                widths[c] = Workbooks.width(COLUMNS.get(c)) + 3;
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                        widths[c] = Math.max(widths[c], 10);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        widths[c] = Math.max(widths[c], Workbooks.width(v.toString()));
                    } else {
                        cell.setCellValue(v.toString());
                        widths[c] = Math.max(widths[c], Workbooks.width(v.toString()));
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(60, widths[c] + 1) * 256);
            }
            // What the 比例 and 数量 columns hold, hazard by hazard, as the catalogue says it (measure_zh): "比例" alone
            // does not say a ratio of what, and a shortfall entered where an excess is asked inverts the verdict.
            note(wb, sheet, h.getCell(RATIO), measureNote(campaign, HazardType.MEASURE_RATIO,
                    "按比例判定的隐患必填：0 到 1 之间的小数或百分数（如 0.6 或 60%），其他隐患留空。"));
            note(wb, sheet, h.getCell(QUANTITY), measureNote(campaign, HazardType.MEASURE_QUANTITY,
                    "按数量判定的隐患必填：0 到 " + Finding.MAX_QUANTITY + " 之间的整数，其他隐患留空。"));
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
            DataValidationHelper dv = sheet.getDataValidationHelper();
            String[] kinds = Arrays.stream(InspectionKind.values()).map(k -> k.label().zh()).toArray(String[]::new);
            addList(sheet, dv, kinds, KIND);
            addList(sheet, dv, new String[] {"是", "否"}, CORRECTED);
            addList(sheet, dv, Arrays.stream(StandardRevision.values()).map(REVISION_WORDS::get).toArray(String[]::new), REVISION);
            addList(sheet, dv, new String[] {"是", "否"}, NO_REAL_FIRE_RISK);

            Sheet guide = wb.createSheet(GUIDE);
            for (int i = 0; i < GUIDE_TEXT.length; i++) {
                guide.createRow(i).createCell(0).setCellValue(GUIDE_TEXT[i]);
            }
            guide.setColumnWidth(0, 110 * 256);
            Sheet codes = wb.createSheet(CODES);
            Row ch = codes.createRow(0);
            String[] cols = {"隐患代码", "隐患", "类别", "依据", "须填", "所填的数是什么"};
            for (int c = 0; c < cols.length; c++) {
                Cell cell = ch.createCell(c);
                cell.setCellValue(cols[c]);
                cell.setCellStyle(header);
            }
            int cr = 1;
            for (HazardType t : new TreeMap<>(campaign.hazards()).values()) {
                Row row = codes.createRow(cr++);
                row.createCell(0).setCellValue(t.code());
                row.createCell(1).setCellValue(t.label().zh());
                row.createCell(2).setCellValue(campaign.categories().containsKey(t.category())
                        ? campaign.categories().get(t.category()).zh() : t.category());
                row.createCell(3).setCellValue(t.clause());
                String measure = t.measure().orElse("");
                row.createCell(4).setCellValue(measure.equals(HazardType.MEASURE_RATIO) ? "比例"
                        : measure.equals(HazardType.MEASURE_QUANTITY) ? "数量" : "");
                row.createCell(5).setCellValue(t.measureMeaning().map(io.firerisk.Text::zh).orElse(""));
            }
            codes.setColumnWidth(0, 40 * 256);
            codes.setColumnWidth(1, 60 * 256);
            codes.setColumnWidth(2, 20 * 256);
            codes.setColumnWidth(3, 40 * 256);
            codes.setColumnWidth(4, 8 * 256);
            codes.setColumnWidth(5, 80 * 256);
            codes.createFreezePane(0, 1);
            codes.setAutoFilter(new CellRangeAddress(0, Math.max(0, cr - 1), 0, cols.length - 1));
            wb.write(out);
        }
    }

    /**
     * The note on a measurement column's header: {@code lead}, then each hazard of the catalogue judged by
     * {@code measure} with what its number is ({@code measure_zh}; the 隐患代码 sheet lists the same).
     */
    static String measureNote(Campaign campaign, String measure, String lead) {
        StringBuilder note = new StringBuilder(lead);
        int listed = 0;
        for (HazardType t : new TreeMap<>(campaign.hazards()).values()) {
            if (t.measure().filter(measure::equals).isPresent()) {
                note.append(listed++ == 0 ? "\n各隐患所填的数：" : "").append("\n").append(t.code()).append("（")
                        .append(t.label().zh()).append("）：").append(t.measureMeaning().map(io.firerisk.Text::zh)
                                .orElse("见依据 " + t.clause()));
            }
        }
        if (listed == 0) {
            note.append("\n本活动的隐患目录中没有此类隐患。");
        }
        return note.toString();
    }

    /** A note (Excel comment) on a header cell, sized to its text. */
    private static void note(XSSFWorkbook wb, Sheet sheet, Cell cell, String text) {
        var factory = wb.getCreationHelper();
        var anchor = factory.createClientAnchor();
        int lines = (int) text.chars().filter(ch -> ch == '\n').count() + 1;
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 9);
        anchor.setRow1(0);
        anchor.setRow2(Math.min(60, 1 + lines * 2));
        var comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(factory.createRichTextString(text));
        comment.setAuthor("firerisk");
        cell.setCellComment(comment);
    }

    private static void addList(Sheet sheet, DataValidationHelper dv, String[] values, int column) {
        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(values),
                new CellRangeAddressList(1, MAX_ROWS, column, column));
        v.setShowErrorBox(true);
        sheet.addValidationData(v);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** One data row as read, with the cells checked. */
    private record Line(int row, String inspectionId, String venueId, InspectionKind kind, LocalDate date,
            List<String> inspectors, String hazardId, String code, String location, boolean corrected,
            LocalDate deadline, String note, Double ratio, Integer quantity, StandardRevision revision,
            boolean noRealFireRisk) {}

    /**
     * Reads a filled workbook and records it in the ledger, whole or not at all (see the class's
     * description). Never throws for what is in the file: every problem is in the result.
     */
    public static SheetImport read(Ledger ledger, Path file) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(file, "file");
        List<SheetProblem> problems = new ArrayList<>();
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return failed(name, "无法读取文件：" + e.getMessage());
        }
        if (size > MAX_BYTES) {
            return failed(name, "文件大小 " + size + " 字节，超过上限 " + MAX_BYTES + " 字节（10 MiB）；请按检查批次分成多个工作簿");
        }
        List<Line> lines = new ArrayList<>();
        int dataRows;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ); XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            dataRows = read(ledger, wb, lines, problems);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            return failed(name, "不是 Excel 工作簿（.xlsx）：" + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // POI's zip guards and a damaged package end here: the file as a whole is refused.
            return failed(name, "无法读取工作簿：" + e.getMessage());
        }
        Set<String> held = new HashSet<>();
        if (problems.isEmpty()) {
            held = held(ledger, lines, problems);
        }
        if (!problems.isEmpty()) {
            return new SheetImport(name, dataRows, 0, 0, 0, problems);
        }
        return record(ledger, name, dataRows, lines, held);
    }

    private static SheetImport failed(String file, String message) {
        return new SheetImport(file, 0, 0, 0, 0, List.of(new SheetProblem("", 0, "", message)));
    }

    private static int read(Ledger ledger, XSSFWorkbook wb, List<Line> lines, List<SheetProblem> problems) {
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            String n = wb.getSheetName(s);
            if (!n.equals(SHEET) && !n.equals(GUIDE) && !n.equals(CODES)) {
                problems.add(new SheetProblem(n, 0, "", "模板中没有此工作表：只读取“" + SHEET + "”，请删除多余的工作表"));
            }
        }
        Sheet sheet = wb.getSheet(SHEET);
        if (sheet == null) {
            problems.add(new SheetProblem("", 0, "", "缺少工作表“" + SHEET + "”：请使用系统提供的模板"));
            return 0;
        }
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            problems.add(new SheetProblem(SHEET, m.getFirstRow() + 1, column(m.getFirstColumn()),
                    "合并了单元格 " + m.formatAsString() + "：请取消合并，每行每列各填一个值"));
        }
        Row header = sheet.getRow(0);
        boolean earlier = header != null;
        for (int c = EARLIER_COLUMNS; c < COLUMNS.size() && earlier; c++) {
            earlier = header.getCell(c) == null || header.getCell(c).toString().isBlank();
        }
        int width = earlier ? EARLIER_COLUMNS : COLUMNS.size();
        for (int c = 0; c < width; c++) {
            String got = header == null || header.getCell(c) == null ? "" : header.getCell(c).toString().strip();
            if (!got.equals(COLUMNS.get(c))) {
                problems.add(new SheetProblem(SHEET, 1, CellReference.convertNumToColString(c), "表头应为“"
                        + COLUMNS.get(c) + "”" + (got.isEmpty() ? "，此处为空" : "，此处为“" + got + "”")));
            }
        }
        if (header != null && header.getLastCellNum() > COLUMNS.size()) {
            for (int c = COLUMNS.size(); c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                if (cell != null && cell.getCellType() != CellType.BLANK) {
                    problems.add(new SheetProblem(SHEET, 1, CellReference.convertNumToColString(c),
                            "模板中没有此列“" + cell + "”：请删除"));
                }
            }
        }
        if (!problems.isEmpty() && header == null) {
            return 0;
        }
        if (sheet.getLastRowNum() > MAX_ROWS) {
            problems.add(new SheetProblem(SHEET, 0, "", "共 " + sheet.getLastRowNum() + " 行，超过上限 " + MAX_ROWS
                    + " 行；请分成多个工作簿"));
            return sheet.getLastRowNum();
        }
        Campaign campaign = ledger.campaign();
        Directory dir = ledger.directory();
        Map<String, String> byName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Directory.Person p : dir.people().values()) {
            if (byName.put(p.name(), p.personId()) != null) {
                ambiguous.add(p.name());
            }
        }
        Set<String> venues = new HashSet<>();
        ledger.venues(ledger.today()).forEach(v -> venues.add(v.venueId()));
        Map<String, Line> firstOf = new HashMap<>();
        Map<String, Integer> hazardRow = new HashMap<>();
        int data = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row)) {
                continue;
            }
            data++;
            Cells cells = new Cells(row, r + 1, problems);
            for (int c = width; c < row.getLastCellNum(); c++) {
                Cell extra = row.getCell(c);
                if (extra != null && extra.getCellType() != CellType.BLANK) {
                    cells.problem(c, "模板之外的列有内容：请删除");
                }
            }
            String id = cells.text(ID, true);
            String venue = cells.text(VENUE, true);
            if (!venue.isEmpty() && !venues.contains(venue)) {
                cells.problem(VENUE, "场所“" + venue + "”未在台账中登记");
            }
            InspectionKind kind = cells.kind(KIND);
            LocalDate date = cells.date(DATE, true);
            List<String> inspectors = new ArrayList<>();
            for (String who : cells.text(INSPECTORS, true).split("[、，,;；]")) {
                String w = who.strip();
                if (w.isEmpty()) {
                    continue;
                }
                if (dir.people().containsKey(w)) {
                    inspectors.add(w);
                } else if (ambiguous.contains(w)) {
                    cells.problem(INSPECTORS, "姓名“" + w + "”对应多人：请填写人员编号");
                } else if (byName.containsKey(w)) {
                    inspectors.add(byName.get(w));
                } else {
                    cells.problem(INSPECTORS, "人员“" + w + "”未在台账中登记");
                }
            }
            String hazard = cells.text(HAZARD, false);
            String code = cells.text(CODE, false);
            String location = cells.text(LOCATION, false);
            boolean corrected = cells.yesNo(CORRECTED);
            LocalDate deadline = cells.date(DEADLINE, false);
            String note = cells.text(NOTE, false);
            Double ratio = cells.ratio(RATIO);
            Integer quantity = cells.quantity(QUANTITY);
            StandardRevision revision = cells.revision(REVISION);
            boolean noRealFireRisk = cells.yesNo(NO_REAL_FIRE_RISK);
            if (hazard.isEmpty()) {
                if (!code.isEmpty() || !location.isEmpty() || corrected || deadline != null || ratio != null
                        || quantity != null || revision != null) {
                    cells.problem(HAZARD, "填写了隐患内容但没有隐患编号");
                }
            } else {
                if (code.isEmpty()) {
                    cells.problem(CODE, "有隐患编号时必填");
                } else if (!campaign.hazards().containsKey(code)) {
                    cells.problem(CODE, "隐患代码“" + code + "”不在本活动的隐患目录中（见“" + CODES + "”表）");
                } else {
                    measured(cells, campaign.hazards().get(code), ratio, quantity);
                }
                Integer before = hazardRow.putIfAbsent(hazard, r + 1);
                if (before != null) {
                    cells.problem(HAZARD, "隐患编号“" + hazard + "”与第" + before + "行重复");
                }
                if (deadline != null && date != null && deadline.isBefore(date)) {
                    cells.problem(DEADLINE, "整改期限 " + deadline + " 早于检查日期 " + date);
                }
            }
            Line line = new Line(r + 1, id, venue, kind, date, List.copyOf(inspectors), hazard, code, location, corrected,
                    deadline, note, ratio, quantity, revision == null ? StandardRevision.NONE : revision, noRealFireRisk);
            if (!id.isEmpty()) {
                Line first = firstOf.putIfAbsent(id, line);
                if (first != null) {
                    same(cells, VENUE, first, first.venueId(), venue);
                    same(cells, KIND, first, first.kind(), kind);
                    same(cells, DATE, first, first.date(), date);
                    same(cells, INSPECTORS, first, first.inspectors(), line.inspectors());
                    same(cells, NO_REAL_FIRE_RISK, first, first.noRealFireRisk(), noRealFireRisk);
                    if (first.hazardId().isEmpty() || hazard.isEmpty()) {
                        cells.problem(HAZARD, "检查“" + id + "”有多行时每行须有隐患编号（第" + first.row() + "行）");
                    }
                }
            }
            lines.add(line);
        }
        if (data == 0 && problems.isEmpty()) {
            problems.add(new SheetProblem(SHEET, 0, "", "没有数据行"));
        }
        return data;
    }

    /**
     * The measurement the hazard's criterion is judged by (its {@code measure} in the catalogue) is required, and
     * one it is not judged by is refused rather than dropped: the ledger would refuse the first at record time,
     * and keep the second where no rule reads it.
     */
    private static void measured(Cells cells, HazardType type, Double ratio, Integer quantity) {
        measured(cells, type, RATIO, HazardType.MEASURE_RATIO, ratio, "0 到 1 之间的比例，如 0.6 或 60%");
        measured(cells, type, QUANTITY, HazardType.MEASURE_QUANTITY, quantity, "0 到 " + Finding.MAX_QUANTITY + " 之间的整数");
    }

    /**
     * One measurement column ({@code column}, headed 比例 or 数量) against the hazard's {@code measure}: required, with
     * what the number is where the catalogue says it (its {@code measure_zh}), when the hazard is judged by it;
     * refused when it is not.
     */
    private static void measured(Cells cells, HazardType type, int column, String measure, Object value, String range) {
        String header = COLUMNS.get(column);
        if (type.measure().filter(measure::equals).isPresent()) {
            if (value == null && !cells.failed(column)) {
                cells.problem(column, "隐患代码“" + type.code() + "”按" + header + "判定（" + type.label().zh() + "）：必填 "
                        + range + type.measureMeaning().map(m -> "；" + header + " = " + m.zh()).orElse(""));
            }
        } else if (value != null) {
            cells.problem(column, "隐患代码“" + type.code() + "”不按" + header + "判定：请留空");
        }
    }

    private static void same(Cells cells, int column, Line first, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            cells.problem(column, "同一检查编号“" + first.inspectionId() + "”的" + COLUMNS.get(column) + "与第" + first.row()
                    + "行不同");
        }
    }

    /**
     * The inspections and hazards of the workbook the ledger already holds as the workbook has them
     * (recorded by hand, by another import, or exported from this ledger): they are not recorded again.
     * An id the ledger holds for something else is a problem at its row.
     */
    private static Set<String> held(Ledger ledger, List<Line> lines, List<SheetProblem> problems) {
        Set<String> held = new HashSet<>();
        Map<LocalDate, Map<String, io.firerisk.ledger.InspectionView>> byDay = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Line l : lines) {
            if (seen.add(l.inspectionId())) {
                io.firerisk.ledger.InspectionView i = byDay.computeIfAbsent(l.date(), d -> {
                    Map<String, io.firerisk.ledger.InspectionView> m = new HashMap<>();
                    ledger.inspections(d, d).forEach(x -> m.put(x.inspectionId(), x));
                    return m;
                }).get(l.inspectionId());
                if (i != null) {
                    if (i.venueId().equals(l.venueId()) && i.kind() == l.kind() && i.inspectors().equals(l.inspectors())) {
                        held.add("inspection:" + l.inspectionId());
                    } else {
                        problems.add(new SheetProblem(SHEET, l.row(), column(ID), "检查编号“" + l.inspectionId()
                                + "”在台账中已用于另一次检查（" + i.venueId() + "，" + i.kind().label().zh() + "，"
                                + String.join("、", i.inspectors()) + "）"));
                    }
                }
            }
            if (!l.hazardId().isEmpty()) {
                var h = ledger.hazard(l.hazardId(), ledger.today());
                if (h.isPresent()) {
                    var v = h.get();
                    if (v.venueId().equals(l.venueId()) && v.inspectionId().equals(l.inspectionId())
                            && v.hazardCode().equals(l.code())) {
                        held.add("hazard:" + l.hazardId());
                    } else {
                        problems.add(new SheetProblem(SHEET, l.row(), column(HAZARD), "隐患编号“" + l.hazardId()
                                + "”在台账中已用于另一隐患（" + v.venueId() + "，检查 " + v.inspectionId() + "，"
                                + v.hazardCode() + "）"));
                    }
                }
            }
        }
        return held;
    }

    private static SheetImport record(Ledger ledger, String file, int rows, List<Line> lines, Set<String> held) {
        java.time.ZoneId zone = ledger.campaign().timeZone();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        Set<String> inspections = new HashSet<>();
        for (Line l : lines) {
            Instant at = l.date().atTime(12, 0).atZone(zone).toInstant();
            String actor = l.inspectors().get(0);
            if (inspections.add(l.inspectionId()) && !held.contains("inspection:" + l.inspectionId())) {
                String eventId = "xlsx:" + l.inspectionId();
                rowOf.put(eventId, l.row());
                entries.add(Entry.of(eventId, actor, at, new Event.InspectionRecorded(l.inspectionId(), l.venueId(), l.kind(),
                        l.date(), l.inspectors(), l.note(), l.noRealFireRisk())));
            }
            if (!l.hazardId().isEmpty() && !held.contains("hazard:" + l.hazardId())) {
                String eventId = "xlsx:" + l.inspectionId() + ":" + l.hazardId();
                rowOf.put(eventId, l.row());
                Finding f = Finding.builder(l.hazardId(), l.code()).location(l.location()).ratio(l.ratio())
                        .quantity(l.quantity()).standardRevision(l.revision()).build();
                entries.add(Entry.of(eventId, actor, at, new Event.HazardFound(l.venueId(), l.inspectionId(), f,
                        l.corrected(), l.deadline(), List.of())));
            }
        }
        try {
            Receipt receipt = ledger.record(entries);
            int insp = (int) receipt.recorded().stream().filter(e -> e.event() instanceof Event.InspectionRecorded).count();
            int haz = (int) receipt.recorded().stream().filter(e -> e.event() instanceof Event.HazardFound).count();
            return new SheetImport(file, rows, insp, haz, receipt.alreadyRecorded().size() + held.size(), List.of());
        } catch (RefusedException e) {
            int row = rowOf.getOrDefault(e.eventId(), 0);
            return new SheetImport(file, rows, 0, 0, 0, List.of(new SheetProblem(SHEET, row, columnOf(e.field()),
                    "台账拒绝记录（整个工作簿未导入）：" + e.getMessage())));
        }
    }

    /**
     * The template's column each field of a refused entry comes from, by the field's start, the first that matches
     * ({@code event.finding.ratio} before {@code event.finding}).
     */
    private static final List<Map.Entry<String, Integer>> FIELD_COLUMNS = List.of(
            Map.entry("event.finding.hazardCode", CODE), Map.entry("event.finding.ratio", RATIO),
            Map.entry("event.finding.quantity", QUANTITY), Map.entry("event.finding.standardRevision", REVISION),
            Map.entry("event.noRealFireRisk", NO_REAL_FIRE_RISK), Map.entry("event.finding", HAZARD),
            Map.entry("event.deadline", DEADLINE), Map.entry("event.inspectors", INSPECTORS),
            Map.entry("event.date", DATE), Map.entry("event.venueId", VENUE));

    /** The template's column a refused entry's field comes from, when there is one. */
    private static String columnOf(String field) {
        if (field.equals("actor")) {
            return column(INSPECTORS);
        }
        if (field.equals("happenedAt")) {
            return column(DATE);
        }
        return FIELD_COLUMNS.stream().filter(e -> field.startsWith(e.getKey())).findFirst()
                .map(e -> column(e.getValue())).orElse("");
    }

    static String column(int c) {
        return CellReference.convertNumToColString(c) + (c < COLUMNS.size() ? " " + COLUMNS.get(c) : "");
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one row, each read as its column's type; every problem goes to the list. */
    private static final class Cells {
        private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

        final Row row;
        final int number;
        final List<SheetProblem> problems;

        Cells(Row row, int number, List<SheetProblem> problems) {
            this.row = row;
            this.number = number;
            this.problems = problems;
        }

        private final Set<Integer> failed = new HashSet<>();

        void problem(int c, String message) {
            failed.add(c);
            problems.add(new SheetProblem(SHEET, number, column(c), message));
        }

        /** Whether a problem was already reported in this column of the row (a value given but unreadable). */
        boolean failed(int c) {
            return failed.contains(c);
        }

        /** A proportion 0..1: a number, or a text such as {@code 0.6} or {@code 60%}; {@code null} when blank. */
        Double ratio(int c) {
            Cell cell = cell(c);
            double v;
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                return null;
            } else if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
                v = cell.getNumericCellValue();
            } else if (cell.getCellType() == CellType.STRING) {
                String s = cell.getStringCellValue().strip();
                if (s.isEmpty()) {
                    return null;
                }
                boolean percent = s.endsWith("%");
                String digits = percent ? s.substring(0, s.length() - 1).strip() : s;
                if (!digits.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
                    problem(c, "类型不对：应为 0 到 1 之间的比例（如 0.6 或 60%），此处为“" + s + "”");
                    return null;
                }
                v = Double.parseDouble(digits) / (percent ? 100 : 1);
            } else {
                problem(c, "类型不对：应为 0 到 1 之间的比例（如 0.6 或 60%）");
                return null;
            }
            if (!(v >= 0 && v <= 1)) {
                problem(c, "比例应在 0 到 1 之间（如 0.6 或 60%），此处为 " + Workbooks.number(v));
                return null;
            }
            return v;
        }

        /** A whole count 0..{@link Finding#MAX_QUANTITY}; {@code null} when blank. */
        Integer quantity(int c) {
            Cell cell = cell(c);
            double v;
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                return null;
            } else if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
                v = cell.getNumericCellValue();
            } else if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().matches("[0-9]{1,9}")) {
                v = Double.parseDouble(cell.getStringCellValue().strip());
            } else if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank()) {
                return null;
            } else {
                problem(c, "类型不对：应为整数" + (cell.getCellType() == CellType.STRING
                        ? "，此处为“" + cell.getStringCellValue().strip() + "”" : ""));
                return null;
            }
            if (v != Math.rint(v) || v < 0 || v > Finding.MAX_QUANTITY) {
                problem(c, "数量应为 0 到 " + Finding.MAX_QUANTITY + " 之间的整数，此处为 " + Workbooks.number(v));
                return null;
            }
            return (int) v;
        }

        /** GB 35181-2025 4.2 a): 否, 是 or 法律法规有明确规定 (or the enum's names); {@code null} when blank. */
        StandardRevision revision(int c) {
            String v = text(c, false);
            if (v.isEmpty()) {
                return null;
            }
            for (Map.Entry<StandardRevision, String> w : REVISION_WORDS.entrySet()) {
                if (w.getValue().equals(v) || w.getKey().name().equals(v)) {
                    return w.getKey();
                }
            }
            if (v.equals("无")) {
                return StandardRevision.NONE;
            }
            if (v.equals("标准修订引起")) {
                return StandardRevision.CAUSED;
            }
            if (!failed(c)) {
                problem(c, "应为“否”“是”或“法律法规有明确规定”，此处为“" + v + "”");
            }
            return null;
        }

        private Cell cell(int c) {
            Cell cell = row.getCell(c);
            if (cell != null && (cell.getCellType() == CellType.FORMULA || cell.getCellType() == CellType.ERROR)) {
                problem(c, "不读取公式或错误值：请直接填写值");
                return null;
            }
            return cell;
        }

        String text(int c, boolean required) {
            Cell cell = cell(c);
            String v = "";
            if (cell != null) {
                switch (cell.getCellType()) {
                    case STRING -> v = cell.getStringCellValue().strip();
                    case NUMERIC -> {
                        double d = cell.getNumericCellValue();
                        if (DateUtil.isCellDateFormatted(cell) || d != Math.rint(d) || Math.abs(d) > 1e15) {
                            problem(c, "类型不对：应为文字，此处为" + (DateUtil.isCellDateFormatted(cell) ? "日期" : "数字 " + d));
                            return "";
                        }
                        v = Long.toString((long) d);
                    }
                    case BOOLEAN -> {
                        problem(c, "类型不对：应为文字，此处为逻辑值");
                        return "";
                    }
                    default -> v = "";
                }
            }
            if (required && v.isEmpty() && (cell == null || cell.getCellType() != CellType.FORMULA)) {
                problem(c, "必填");
            }
            if (v.length() > 500) {
                problem(c, "过长：至多 500 字（此处 " + v.length() + " 字）");
                return "";
            }
            return v;
        }

        LocalDate date(int c, boolean required) {
            Cell cell = cell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK
                    || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
                if (required && (row.getCell(c) == null || row.getCell(c).getCellType() != CellType.FORMULA)) {
                    problem(c, "必填");
                }
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                if (!DateUtil.isCellDateFormatted(cell) && !DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                    problem(c, "类型不对：应为日期");
                    return null;
                }
                if (!DateUtil.isCellDateFormatted(cell)) {
                    problem(c, "类型不对：应为日期，此处为数字 " + cell.getNumericCellValue() + "（请设为日期格式）");
                    return null;
                }
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            if (cell.getCellType() == CellType.STRING) {
                String s = cell.getStringCellValue().strip();
                try {
                    return s.contains("/") ? LocalDate.parse(s, SLASHED) : LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    problem(c, "类型不对：应为日期（如 2024-01-15），此处为“" + s + "”");
                    return null;
                }
            }
            problem(c, "类型不对：应为日期");
            return null;
        }

        InspectionKind kind(int c) {
            String v = text(c, true);
            if (v.isEmpty()) {
                return null;
            }
            for (InspectionKind k : InspectionKind.values()) {
                if (k.label().zh().equals(v) || k.name().equals(v)) {
                    return k;
                }
            }
            problem(c, "检查类型“" + v + "”不是 " + String.join("、", Arrays.stream(InspectionKind.values())
                    .map(k -> k.label().zh()).toList()) + " 之一");
            return null;
        }

        boolean yesNo(int c) {
            Cell cell = cell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                return false;
            }
            if (cell.getCellType() == CellType.BOOLEAN) {
                return cell.getBooleanCellValue();
            }
            String v = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : cell.toString();
            return switch (v) {
                case "是", "Y", "y", "TRUE", "true" -> true;
                case "否", "N", "n", "FALSE", "false", "" -> false;
                default -> {
                    problem(c, "应为“是”或“否”，此处为“" + v + "”");
                    yield false;
                }
            };
        }
    }
}
