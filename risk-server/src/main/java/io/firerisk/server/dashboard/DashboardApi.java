package io.firerisk.server.dashboard;

import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.AsOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** The dashboard's numbers as JSON: what its charts draw, and what other systems may read. */
@RestController
class DashboardApi {

    private final DashboardService dashboards;

    DashboardApi(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(AsOf asOf, Viewer viewer, Locale locale) {
        return dashboards.dashboard(asOf.date(), viewer, locale);
    }
}
