package io.firerisk.server.hazards;

import io.firerisk.Text;
import io.firerisk.campaign.Campaign;
import io.firerisk.io.CsvWriter;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.Page;
import io.firerisk.server.dashboard.DashboardService;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import io.firerisk.server.web.DeskRequestException;
import io.firerisk.server.web.FilterParameters;
import io.firerisk.server.web.FilterParameters.Option;
import io.firerisk.campaign.KeyPeriod;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 隐患台账: the hazards as of a date, filtered, sorted and paged; and the same filtered list as CSV
 * (every page, through the project's one CSV writer, which keeps spreadsheet formulas out). A unit
 * officer's list holds their own unit's hazards only, whatever the address asks for.
 */
@Controller
class HazardListController {

    private final Ledger ledger;
    private final DashboardService dashboard;
    private final MessageSource messages;

    HazardListController(Ledger ledger, DashboardService dashboard, MessageSource messages) {
        this.ledger = ledger;
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/hazards")
    String list(@RequestParam MultiValueMap<String, String> params, AsOf asOf, Viewer viewer, Locale locale, Model model) {
        HazardFilter filter = HazardFilter.parse(params);
        checkLeadUp(filter);
        Page<HazardRow> page = page(filter, asOf, viewer, (filter.page() - 1) * HazardFilter.PAGE_SIZE,
                HazardFilter.PAGE_SIZE);
        Directory directory = ledger.directory();
        model.addAttribute("filter", filter);
        model.addAttribute("lines", lines(page.items(), directory, locale));
        model.addAttribute("total", page.total());
        model.addAttribute("pages", Math.max(1, (page.total() + HazardFilter.PAGE_SIZE - 1) / HazardFilter.PAGE_SIZE));
        model.addAttribute("options", options(directory, viewer, locale));
        return "hazards";
    }

    @GetMapping("/hazards.csv")
    void csv(@RequestParam MultiValueMap<String, String> params, AsOf asOf, Viewer viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        HazardFilter filter = HazardFilter.parse(params);
        checkLeadUp(filter);
        Directory directory = ledger.directory();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"hazards-" + asOf.date() + ".csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A byte-order mark, so that spreadsheets open the Chinese as UTF-8.
        out.write('\uFEFF');
        CsvWriter csv = new CsvWriter(out);
        csv.write(List.of("hazardId", "venueId", "venue", "unit", "street", "hazardCode", "hazard", "category", "state",
                "grade", "foundOn", "deadline", "daysOverdue", "closedOn", "supervised").stream()
                .map(h -> messages.getMessage("csv." + h, null, locale)).toList());
        int offset = 0;
        while (true) {
            Page<HazardRow> page = page(filter, asOf, viewer, offset, 1000);
            for (HazardLine l : lines(page.items(), directory, locale)) {
                csv.write(List.of(l.hazardId(), l.venueId(), l.venueName(), l.unit(), l.streetName(), l.hazardCode(),
                        l.hazardLabel(), l.categoryLabel(), l.stateLabel(), l.gradeLabel(), l.foundOn().toString(),
                        l.deadline().toString(), Integer.toString(l.daysOverdue()),
                        l.closedOn() == null ? "" : l.closedOn().toString(), l.supervised() ? "Y" : ""));
            }
            offset += page.items().size();
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
        }
        out.flush();
    }

    /**
     * The filtered list as the 隐患台账 workbook (the ledger's Excel form: Chinese headers, frozen header row,
     * filters, fitted widths), every row the list holds, not just a page.
     */
    @GetMapping("/hazards.xlsx")
    void xlsx(@RequestParam MultiValueMap<String, String> params, AsOf asOf, Viewer viewer, HttpServletResponse response)
            throws IOException {
        HazardFilter filter = HazardFilter.parse(params);
        checkLeadUp(filter);
        List<HazardRow> rows = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<HazardRow> page = page(filter, asOf, viewer, offset, 1000);
            rows.addAll(page.items());
            offset += page.items().size();
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
        }
        java.io.ByteArrayOutputStream book = new java.io.ByteArrayOutputStream();
        io.firerisk.ledger.excel.Workbooks.write(List.of(io.firerisk.ledger.report.Tables.ledger(rows, ledger.directory())),
                book);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename("隐患台账-" + asOf.date() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        book.writeTo(response.getOutputStream());
    }

    /**
     * One page of the filtered list. The ledger filters, sorts and pages, except for the key-period
     * lead-up, which it has no filter for: then the desk reads every row the other filters pass, in the
     * ledger's order, keeps those found in the lead-up and pages them itself.
     */
    private Page<HazardRow> page(HazardFilter filter, AsOf asOf, Viewer viewer, int offset, int limit) {
        var query = filter.query(asOf.date(), viewer);
        if (query.isEmpty()) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        if (!filter.filtersRows()) {
            return ledger.hazards(query.get().page(offset, limit).build());
        }
        KeyPeriod period = checkLeadUp(filter);
        java.util.Set<String> named = named(filter, asOf);
        List<HazardRow> found = new ArrayList<>();
        int from = 0;
        while (true) {
            Page<HazardRow> all = ledger.hazards(query.get().page(from, 1000).build());
            all.items().stream().filter(r -> (period == null || period.inLeadUp(r.foundOn())) && filter.keeps(r)
                            && (named == null || named.contains(r.hazardId())))
                    .forEach(found::add);
            from += all.items().size();
            if (!all.hasMore() || all.items().isEmpty()) {
                break;
            }
        }
        return new Page<>(found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size())),
                found.size(), offset, limit);
    }

    /**
     * The hazards the reports name for the filter's reopened days and task (null when it has neither): the
     * same sets the reports count, so that a report's number and its list agree.
     */
    private java.util.Set<String> named(HazardFilter filter, AsOf asOf) {
        java.util.Set<String> named = null;
        io.firerisk.ledger.report.Reports reports = io.firerisk.ledger.report.Reports.of(ledger);
        if (filter.closedFrom().isPresent() || filter.closedTo().isPresent()) {
            named = happened(reports, io.firerisk.ledger.EventType.HAZARD_CLOSED, "closedFrom", filter.closedFrom(),
                    filter.closedTo(), asOf, null);
        }
        if (filter.reopenedFrom().isPresent() || filter.reopenedTo().isPresent()) {
            named = happened(reports, io.firerisk.ledger.EventType.HAZARD_REOPENED, "reopenedFrom",
                    filter.reopenedFrom(), filter.reopenedTo(), asOf, named);
        }
        if (filter.repeated()) {
            java.util.Set<String> repeated = reports.repeated(asOf.date());
            if (named == null) {
                named = new java.util.HashSet<>(repeated);
            } else {
                named.retainAll(repeated);
            }
        }
        if (filter.task().isPresent()) {
            java.util.Set<String> under;
            try {
                under = reports.underTask(filter.task().get(), asOf.date());
            } catch (IllegalArgumentException e) {
                throw DeskRequestException.badParameter("task", filter.task().get(), ledger.policy().reports().tasks()
                        .stream().map(io.firerisk.ledger.LedgerPolicy.Task::code).toList().toString());
            }
            if (named == null) {
                named = new java.util.HashSet<>(under);
            } else {
                named.retainAll(under);
            }
        }
        return named;
    }

    /** The hazards with such an event in the days asked for (the campaign's start to the page's date when open), within {@code and}. */
    private java.util.Set<String> happened(io.firerisk.ledger.report.Reports reports, io.firerisk.ledger.EventType type,
            String param, java.util.Optional<java.time.LocalDate> fromParam,
            java.util.Optional<java.time.LocalDate> toParam, AsOf asOf, java.util.Set<String> and) {
        java.time.LocalDate to = toParam.orElse(asOf.date());
        java.time.LocalDate from = fromParam.orElse(ledger.campaign().calendar().start());
        if (to.isBefore(from) || java.time.temporal.ChronoUnit.DAYS.between(from, to) > 3_660) {
            throw DeskRequestException.badParameter(param, from.toString(), "a day not after " + to
                    + ", at most ten years before it");
        }
        java.util.Set<String> ids = new java.util.HashSet<>(reports.hadEvent(type, from, to));
        if (and != null) {
            ids.retainAll(and);
        }
        return ids;
    }

    /** The key period the filter's lead-up names (null for none), or a refusal naming the codes there are. */
    private KeyPeriod checkLeadUp(HazardFilter filter) {
        if (filter.leadUp().isEmpty()) {
            return null;
        }
        return ledger.campaign().calendar().keyPeriod(filter.leadUp().get()).orElseThrow(() ->
                DeskRequestException.badParameter("leadUp", filter.leadUp().get(), String.join(" | ",
                        ledger.campaign().calendar().keyPeriods().stream().map(KeyPeriod::code).toList())));
    }

    List<HazardLine> lines(List<HazardRow> rows, Directory directory, Locale locale) {
        Campaign campaign = ledger.campaign();
        List<HazardLine> out = new ArrayList<>(rows.size());
        for (HazardRow r : rows) {
            String grade = r.grade().map(Enum::name).orElse(DashboardService.NO_GRADE);
            out.add(new HazardLine(r.hazardId(), r.venueId(), r.venueName(), r.unitId(), unitName(directory, r.unitId()),
                    r.street(), areaName(directory, r.street()), r.hazardCode(),
                    campaign.hazard(r.hazardCode()).map(h -> h.label().in(locale)).orElse(r.hazardCode()),
                    r.category(), campaign.categories().getOrDefault(r.category(), Text.of(r.category(), r.category()))
                            .in(locale), r.state().name(), r.state().label().in(locale), grade,
                    dashboard.gradeLabel(grade, locale), r.foundOn(), r.deadline(), r.daysOverdue(), r.dueSoon(),
                    r.closedOn().orElse(null), r.supervised()));
        }
        return out;
    }

    /** What the filter form offers: streets, units (a unit officer: their own), states, grades, categories. */
    private FilterOptions options(Directory directory, Viewer viewer, Locale locale) {
        List<Option> streets = FilterParameters.streetOptions(directory);
        List<Option> units = FilterParameters.unitOptions(directory, viewer);
        List<Option> states = java.util.Arrays.stream(HazardState.values())
                .map(s -> new Option(s.name(), s.label().in(locale))).toList();
        List<Option> grades = new ArrayList<>();
        for (io.firerisk.RiskGrade g : io.firerisk.RiskGrade.values()) {
            grades.add(0, new Option(g.name(), g.label().in(locale)));
        }
        List<Option> categories = ledger.campaign().categories().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Option(e.getKey(), e.getValue().in(locale))).toList();
        List<Option> periods = ledger.campaign().calendar().keyPeriods().stream()
                .map(k -> new Option(k.code(), k.label().in(locale) + " (" + k.warningFrom() + " – "
                        + k.raisedFrom().minusDays(1) + ")")).toList();
        return new FilterOptions(streets, units, states, grades, categories, periods);
    }

    private static String unitName(Directory directory, String unitId) {
        Directory.Unit u = directory.units().get(unitId);
        return u == null ? unitId : u.name();
    }

    private static String areaName(Directory directory, String code) {
        Directory.Area a = directory.areas().get(code);
        return a == null ? code : a.name();
    }
}
