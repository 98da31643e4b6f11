package io.firerisk.server.reports;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.excel.InspectionSheets;
import io.firerisk.ledger.excel.Workbooks;
import io.firerisk.ledger.report.Digest;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.ledger.report.ReportDocument;
import io.firerisk.ledger.report.ReportFiles;
import io.firerisk.ledger.report.Tables;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 报告: the periodic analysis (定期分析研判) of any period ending on the page's date (a week by default), the
 * final summary (总结提升), unit accountability (督导问效) and the due-soon and overdue digest, each as a page
 * and an Excel workbook, as of {@code ?asOf=}; the periodic analysis's chart reads its numbers from
 * {@code /api/reports/periodic}, the digest is also an API answer. The bureau-wide reports (which name every
 * unit) are for the bureau's roles; a unit officer gets their own unit's digest only.
 */
@Controller
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** The longest period one analysis covers: a campaign's length and then some. */
    static final int MAX_DAYS = 366;

    private final Ledger ledger;
    private final ReportService reports;

    ReportController(Ledger ledger, ReportService reports) {
        this.ledger = ledger;
        this.reports = reports;
    }

    @GetMapping("/reports")
    String menu(AsOf asOf, Viewer viewer, Model model) {
        model.addAttribute("bureau", viewer.role() != DeskRole.UNIT_OFFICER);
        model.addAttribute("mayImport", io.firerisk.server.imports.ImportController.MAY_IMPORT.contains(viewer.role()));
        model.addAttribute("weekFrom", asOf.date().minusDays(6));
        return "reports";
    }

    @GetMapping("/reports/periodic")
    String periodic(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from, AsOf asOf, Viewer viewer, Model model) {
        bureauOnly(viewer);
        model.addAttribute("p", reports.periodic(fromParam(from, asOf), asOf.date()));
        return "report-periodic";
    }

    @GetMapping("/reports/periodic.xlsx")
    ResponseEntity<byte[]> periodicXlsx(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from, AsOf asOf, Viewer viewer)
            throws IOException {
        bureauOnly(viewer);
        PeriodicAnalysis p = reports.periodic(fromParam(from, asOf), asOf.date());
        return workbook(Tables.periodic(p, ledger.campaign()), "定期分析研判-" + p.from() + "-" + p.to());
    }

    @GetMapping({"/reports/periodic.csv", "/reports/periodic.html"})
    ResponseEntity<byte[]> periodicFile(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from, AsOf asOf, Viewer viewer,
            jakarta.servlet.http.HttpServletRequest request) throws IOException {
        bureauOnly(viewer);
        PeriodicAnalysis p = reports.periodic(fromParam(from, asOf), asOf.date());
        return text(Tables.periodic(p, ledger.campaign()), "定期分析研判-" + p.from() + "-" + p.to(), request);
    }

    @GetMapping("/reports/summary")
    String summary(AsOf asOf, Viewer viewer, Model model) {
        bureauOnly(viewer);
        model.addAttribute("s", reports.summary(asOf.date()));
        model.addAttribute("doc", Tables.summary(reports.summary(asOf.date()), ledger.campaign()));
        model.addAttribute("readiness", ledger.policy().reports().readinessCategory());
        return "report-summary";
    }

    @GetMapping("/reports/summary.xlsx")
    ResponseEntity<byte[]> summaryXlsx(AsOf asOf, Viewer viewer) throws IOException {
        bureauOnly(viewer);
        return workbook(Tables.summary(reports.summary(asOf.date()), ledger.campaign()), "总结-" + asOf.date());
    }

    @GetMapping({"/reports/summary.csv", "/reports/summary.html"})
    ResponseEntity<byte[]> summaryFile(AsOf asOf, Viewer viewer, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        bureauOnly(viewer);
        return text(Tables.summary(reports.summary(asOf.date()), ledger.campaign()), "总结-" + asOf.date(), request);
    }

    @GetMapping("/reports/accountability")
    String accountability(AsOf asOf, Viewer viewer, Model model) {
        bureauOnly(viewer);
        model.addAttribute("a", reports.accountability(asOf.date()));
        model.addAttribute("readiness", ledger.policy().reports().readinessCategory());
        return "report-accountability";
    }

    @GetMapping("/reports/accountability.xlsx")
    ResponseEntity<byte[]> accountabilityXlsx(AsOf asOf, Viewer viewer) throws IOException {
        bureauOnly(viewer);
        return workbook(Tables.accountability(reports.accountability(asOf.date()), ledger.campaign()),
                "督导问效-" + asOf.date());
    }

    @GetMapping({"/reports/accountability.csv", "/reports/accountability.html"})
    ResponseEntity<byte[]> accountabilityFile(AsOf asOf, Viewer viewer, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        bureauOnly(viewer);
        return text(Tables.accountability(reports.accountability(asOf.date()), ledger.campaign()),
                "督导问效-" + asOf.date(), request);
    }

    @GetMapping("/reports/digest")
    String digest(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer days,
            AsOf asOf, Viewer viewer, Model model) {
        model.addAttribute("d", digestFor(unit, days, asOf, viewer));
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("units", viewer.role() == DeskRole.UNIT_OFFICER ? List.of()
                : reports.digest(asOf.date(), days).units());
        return "report-digest";
    }

    @GetMapping("/api/reports/digest")
    @ResponseBody
    Digest digestApi(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer days,
            AsOf asOf, Viewer viewer) {
        return digestFor(unit, days, asOf, viewer);
    }

    @GetMapping("/reports/digest.xlsx")
    ResponseEntity<byte[]> digestXlsx(@RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer days, AsOf asOf, Viewer viewer) throws IOException {
        Digest d = digestFor(unit, days, asOf, viewer);
        return workbook(Tables.digest(d, ledger.campaign()), "到期逾期提醒-" + asOf.date()
                + (d.units().size() == 1 ? "-" + d.units().get(0).unitId() : ""));
    }

    @GetMapping({"/reports/digest.csv", "/reports/digest.html"})
    ResponseEntity<byte[]> digestFile(@RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer days, AsOf asOf, Viewer viewer,
            jakarta.servlet.http.HttpServletRequest request) throws IOException {
        Digest d = digestFor(unit, days, asOf, viewer);
        return text(Tables.digest(d, ledger.campaign()), "到期逾期提醒-" + asOf.date()
                + (d.units().size() == 1 ? "-" + d.units().get(0).unitId() : ""), request);
    }

    @GetMapping("/reports/inspection-sheet.xlsx")
    ResponseEntity<byte[]> inspectionSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InspectionSheets.template(ledger.campaign(), out);
        return file(out.toByteArray(), "检查记录表模板.xlsx");
    }

    /**
     * The digest a viewer may see: a unit officer their own unit's (asking for another unit is refused);
     * the others every unit's, or the one named.
     */
    private Digest digestFor(String unit, Integer days, AsOf asOf, Viewer viewer) {
        if (days != null && (days < 0 || days > MAX_DAYS)) {
            throw DeskRequestException.badParameter("days", days.toString(), "0 … " + MAX_DAYS);
        }
        Digest all = reports.digest(asOf.date(), days);
        String wanted = unit == null || unit.isBlank() ? null : unit.strip();
        if (viewer.role() == DeskRole.UNIT_OFFICER) {
            String own = viewer.unitId().orElseThrow();
            if (wanted != null && !wanted.equals(own)) {
                throw DeskRequestException.forbidden();
            }
            wanted = own;
        }
        if (wanted == null) {
            return all;
        }
        String id = wanted;
        Digest.UnitDigest one = all.unit(id).orElseThrow(() -> DeskRequestException.notFound(id + " @ " + asOf.date()));
        return new Digest(all.date(), all.withinDays(), List.of(one));
    }

    static LocalDate fromParam(LocalDate from, AsOf asOf) {
        LocalDate to = asOf.date();
        if (from == null) {
            return to.minusDays(6);
        }
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DeskRequestException.badParameter("from", from.toString(),
                    "不晚于 " + to + "、不早于 " + to.minusDays(MAX_DAYS - 1) + " 的日期");
        }
        return from;
    }

    private static void bureauOnly(Viewer viewer) {
        if (viewer.role() == DeskRole.UNIT_OFFICER) {
            throw DeskRequestException.forbidden();
        }
    }

    private static ResponseEntity<byte[]> workbook(ReportDocument doc, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbooks.write(doc, out);
        return file(out.toByteArray(), name + ".xlsx");
    }

    /**
     * The report as the file the request's path ends in: CSV (UTF-8 with a byte-order mark, so spreadsheets
     * read the Chinese) or a standalone HTML page, both from {@link ReportFiles}; always a download, never
     * shown as a page of the desk.
     */
    private static ResponseEntity<byte[]> text(ReportDocument doc, String name, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        boolean csv = request.getRequestURI().endsWith(".csv");
        java.io.StringWriter out = new java.io.StringWriter();
        if (csv) {
            out.write('\uFEFF');
            ReportFiles.csv(doc, out);
        } else {
            ReportFiles.html(doc, out);
        }
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : new MediaType("text", "html",
                        StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.attachment().filename(name + (csv ? ".csv" : ".html"),
                        StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(bytes);
    }
}
