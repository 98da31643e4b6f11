package io.firerisk.server.dashboard;

import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Locale;

/**
 * 挂图作战: the dashboard page and the street map. The page allows no inline script, so its charts fetch
 * the same numbers from {@link DashboardApi} ({@code /api/dashboard}) with the page's as-of date.
 */
@Controller
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    /** The page; the units table lists the units with most open hazards unless {@code allUnits=true}. */
    @GetMapping("/")
    String page(AsOf asOf, Viewer viewer, Locale locale, Model model,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean allUnits) {
        model.addAttribute("dashboard", dashboards.dashboard(asOf.date(), viewer, locale));
        model.addAttribute("allUnits", allUnits);
        return "dashboard";
    }

    /** The schematic street map alone, as of the date. */
    @GetMapping("/map")
    String map(AsOf asOf, Viewer viewer, Locale locale, Model model) {
        model.addAttribute("map", StreetMap.of(dashboards.dashboard(asOf.date(), viewer, locale).byStreet()));
        return "map";
    }

}
