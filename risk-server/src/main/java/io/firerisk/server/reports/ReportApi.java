package io.firerisk.server.reports;

import io.firerisk.ledger.report.Figures;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The periodic analysis's numbers as JSON: what its charts draw, the same report as the page. */
@RestController
class ReportApi {

    private final ReportService reports;

    ReportApi(ReportService reports) {
        this.reports = reports;
    }

    /** One line: its key (the hazard-list filter value), its label, this period's and the previous period's figures. */
    record Line(String key, String label, Figures current, Figures previous) {}

    record Breakdown(String by, String param, List<Line> lines) {}

    record Periodic(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Line totals,
            List<Breakdown> breakdowns) {}

    @GetMapping("/api/reports/periodic")
    Periodic periodic(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from, AsOf asOf, Viewer viewer, Locale locale) {
        if (viewer.role() == DeskRole.UNIT_OFFICER) {
            throw DeskRequestException.forbidden();
        }
        PeriodicAnalysis p = reports.periodic(ReportController.fromParam(from, asOf), asOf.date());
        return new Periodic(p.from(), p.to(), p.previousFrom(), p.previousTo(), line(p.totals(), locale),
                p.breakdowns().stream().map(b -> new Breakdown(b.by().name(), ReportLinks.param(b.by()),
                        b.lines().stream().map(l -> line(l, locale)).toList())).toList());
    }

    private static Line line(PeriodicAnalysis.Line l, Locale locale) {
        return new Line(l.key(), l.label().in(locale), l.current(), l.previous());
    }
}
