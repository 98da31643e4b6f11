package io.firerisk.server.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Ledger;
import io.firerisk.server.PostgresDesks;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.Visitor;
import io.firerisk.server.dashboard.DashboardService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's main flows on PostgreSQL, the production database (the other desk tests run on the demo's
 * embedded H2): sign in with the login form, read the dashboard's counts, record an inspection through the
 * JSON API as another system does, and find the new hazard on the dashboard and in the hazard ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskOnPostgresTest {

    static final LocalDate DAY = LocalDate.parse(PostgresDesks.AS_OF);
    private static final Pattern OPEN_CARD = Pattern.compile("id=\"total-open\"[^>]*>.*?<strong>(\\d+)</strong>",
            Pattern.DOTALL);

    PostgresDesks desks;
    ConfigurableApplicationContext desk;
    String address;
    Ledger ledger;

    @BeforeAll
    void startDesk() {
        desks = new PostgresDesks();
        desk = desks.start();
        address = PostgresDesks.address(desk);
        PostgresDesks.ensureAccounts(desk);
        ledger = desk.getBean(Ledger.class);
    }

    @AfterAll
    void stop() {
        if (desks != null) {
            desks.close();
        }
    }

    @Test
    void anInspectorSignsInSeesTheCountsRecordsAnInspectionAndFindsItsHazardOnTheDashboardAndInTheList()
            throws Exception {
        // Given the demo campaign on PostgreSQL and an inspector who signs in with the login form
        Visitor browser = new Visitor();
        assertThat(browser.logIn(address, "test-inspector", TestAccounts.PASSWORD).location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        // Then the dashboard counts what the ledger holds as of the desk's day, on the page and in its JSON alike
        long open = ledger.hazards(HazardQuery.builder().asOf(DAY).states(DashboardService.OPEN).page(0, 1).build()).total();
        assertThat(open).isPositive();
        assertThat(openOnDashboard(browser)).isEqualTo(open);
        JsonNode api = new ObjectMapper().readTree(browser.get(address, "/api/dashboard").body());
        assertThat(api.at("/totals/open").asLong()).isEqualTo(open);
        assertThat(api.at("/asOf").asText()).isEqualTo(PostgresDesks.AS_OF);

        // When another system records an inspection with one finding through the JSON API (HTTP Basic)
        String unit = TestAccounts.officerUnits(ledger)[0];
        String venue = ledger.hazards(HazardQuery.builder().asOf(DAY).units(unit).build()).items().get(0).venueId();
        String kind = ledger.venue(venue, ledger.today()).orElseThrow().venue().kind();
        String code = ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(kind))
                .filter(t -> t.measure().isEmpty() && !t.correctableOnSpot())
                .map(io.firerisk.campaign.HazardType::code).sorted().findFirst().orElseThrow();
        String body = "{\"requestId\":\"pg-desk-1\",\"venueId\":\"" + venue + "\",\"kind\":\"SPOT_CHECK\",\"date\":\""
                + DAY + "\",\"note\":\"PostgreSQL 上的抽查\",\"findings\":[{\"hazardCode\":\"" + code
                + "\",\"location\":\"地下车库\",\"deadline\":\"" + DAY.plusDays(7) + "\"}]}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address
                        + "/api/inspections"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("test-inspector:" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String hazard = new ObjectMapper().readTree(created.body()).at("/hazardIds/0").asText();

        // Then the ledger on PostgreSQL holds the open hazard, the dashboard counts one more open hazard,
        // and the hazard ledger lists it among the unit's hazards found that day
        assertThat(ledger.hazard(hazard).orElseThrow().state()).isEqualTo(HazardState.OPEN);
        assertThat(openOnDashboard(browser)).isEqualTo(open + 1);
        String list = browser.get(address, "/hazards?unit=" + unit + "&foundFrom=" + DAY + "&foundTo=" + DAY
                + "&sort=LAST_CHANGE&dir=desc").body();
        assertThat(list).contains(hazard);
        // And the venue's page shows it, where it was found
        assertThat(browser.get(address, "/venues/" + venue).body()).contains(hazard).contains("地下车库");
    }

    private long openOnDashboard(Visitor browser) {
        Visitor.Page page = browser.get(address, "/");
        assertThat(page.status()).isEqualTo(200);
        Matcher m = OPEN_CARD.matcher(page.body());
        assertThat(m.find()).as("the dashboard's open-hazards card").isTrue();
        return Long.parseLong(m.group(1));
    }
}
