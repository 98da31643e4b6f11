package io.firerisk.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Page;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DeskTest
class DashboardTest extends DeskMvcTest {

    /** A number on the dashboard that links to the hazard list: a card's or a table cell's. */
    static final Pattern LINKED_NUMBER = Pattern.compile(
            "<a[^>]*href=\"(/hazards\\?[^\"]*)\"[^>]*>(?:<span>[^<]*</span><strong>)?(\\d+)</");
    static final Pattern LIST_COUNT = Pattern.compile("id=\"hazard-count\">共 (\\d+) 条");

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private JsonNode json(String url, String username) throws Exception {
        return new ObjectMapper().readTree(page(url, username));
    }

    @Test
    void theDemoOpensInsideTheCampaignBeforeTheSpringFestival() throws Exception {
        JsonNode d = json("/api/dashboard", "test-staff");
        assertThat(d.get("asOf").asText()).isEqualTo("2024-02-05");
        assertThat(d.at("/calendar/phase").asText()).isEqualTo("组织实施");
        assertThat(d.at("/calendar/next/code").asText()).isEqualTo("SPRING_FESTIVAL");
        assertThat(d.at("/calendar/next/daysUntil").asInt()).isEqualTo(5);
        assertThat(d.at("/calendar/next/inLeadUp").asBoolean()).isTrue();
        assertThat(page("/", "test-staff")).contains("春节：距防控等级提升还有 5 天（2024-02-10 起）");
    }

    @Test
    void everyNumberLinksToTheListThatHoldsThatManyHazards() throws Exception {
        String html = page("/", "test-staff");
        Map<String, Integer> links = new LinkedHashMap<>();
        Matcher m = LINKED_NUMBER.matcher(html);
        while (m.find()) {
            links.put(m.group(1).replace("&amp;", "&"), Integer.parseInt(m.group(2)));
        }
        // Cards, states, grades, categories, and five numbers for each street and unit
        assertThat(links).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (var e : links.entrySet()) {
            Matcher count = LIST_COUNT.matcher(page(e.getKey(), "test-staff"));
            assertThat(count.find()).as(e.getKey()).isTrue();
            if (Integer.parseInt(count.group(1)) != e.getValue()) {
                wrong.add(e.getKey() + ": dashboard " + e.getValue() + ", list " + count.group(1));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theChartsJsonHoldsThePagesNumbers() throws Exception {
        JsonNode d = json("/api/dashboard", "test-staff");
        String html = page("/", "test-staff");
        JsonNode t = d.get("totals");
        assertThat(html).contains("id=\"total-hazards\"", ">" + t.get("hazards").asLong() + "</strong>")
                .contains(">" + t.get("open").asLong() + "</strong>", ">" + t.get("overdue").asLong() + "</strong>");
        long byState = 0;
        for (JsonNode b : d.get("byState")) {
            byState += b.get("count").asLong();
        }
        long byStreet = 0;
        for (JsonNode a : d.get("byStreet")) {
            byStreet += a.get("hazards").asLong();
        }
        assertThat(byState).isEqualTo(t.get("hazards").asLong()).isPositive();
        assertThat(byStreet).isEqualTo(t.get("hazards").asLong());
        assertThat(t.get("open").asLong() + t.get("closed").asLong()).isEqualTo(t.get("hazards").asLong());
        assertThat(d.get("trend")).hasSizeGreaterThan(8);
    }

    @Test
    void aUnitOfficerSeesOnlyTheirOwnUnitsNumbers() throws Exception {
        String unit = TestAccounts.officerUnits(ledger)[0];
        JsonNode all = json("/api/dashboard", "test-staff");
        JsonNode own = json("/api/dashboard", "test-officer");
        assertThat(own.get("byUnit")).hasSize(1);
        assertThat(own.at("/byUnit/0/key").asText()).isEqualTo(unit);
        long expected = 0;
        for (JsonNode u : all.get("byUnit")) {
            if (u.get("key").asText().equals(unit)) {
                expected = u.get("hazards").asLong();
            }
        }
        assertThat(own.at("/totals/hazards").asLong()).isEqualTo(expected).isPositive()
                .isLessThan(all.at("/totals/hazards").asLong());
        // and the trend is the unit's: its last week ends with the unit's open hazards, not the bureau's
        JsonNode ownTrend = own.get("trend");
        JsonNode allTrend = all.get("trend");
        assertThat(ownTrend).hasSameSizeAs(allTrend);
        assertThat(ownTrend.get(ownTrend.size() - 1).get("openAtEnd").asLong())
                .isEqualTo(own.at("/totals/open").asLong()).isPositive();
        assertThat(allTrend.get(allTrend.size() - 1).get("openAtEnd").asLong())
                .isEqualTo(all.at("/totals/open").asLong()).isGreaterThan(own.at("/totals/open").asLong());
    }

    @Test
    void anotherDateShowsTheCampaignAsItStoodThen() throws Exception {
        JsonNode early = json("/api/dashboard?asOf=2023-12-20", "test-staff");
        JsonNode later = json("/api/dashboard?asOf=2024-03-31", "test-staff");
        assertThat(early.at("/totals/hazards").asLong()).isLessThan(later.at("/totals/hazards").asLong());
        assertThat(early.at("/calendar/next/code").asText()).isEqualTo("NEW_YEAR");
        assertThat(page("/?asOf=2023-12-20", "test-staff")).contains("value=\"2023-12-20\"");
    }

    @Test
    void aDateThatIsNotOneIsRefusedSayingWhatIsExpected() throws Exception {
        String body = mvc.perform(get("/?asOf=2024-13-01").with(as("test-staff"))).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("asOf", "2024-13-01", "YYYY-MM-DD");
        mvc.perform(get("/?asOf=2999-01-01").with(as("test-staff"))).andExpect(status().isBadRequest());
    }

    @Test
    void thePagesSpeakEnglishWhenAskedAndRememberIt() throws Exception {
        var r = mvc.perform(get("/?lang=en").with(as("test-staff"))).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentAsString()).contains("Campaign dashboard", "Spring Festival")
                .doesNotContain("挂图作战</h1>");
        assertThat(r.getResponse().getCookie("firerisk-lang").getValue()).isEqualTo("en");
        assertThat(page("/", "test-staff")).contains("挂图作战");
    }

    @Test
    void theJsonEndpointRefusesABadDateInJson() throws Exception {
        var r = mvc.perform(get("/api/dashboard?asOf=yesterday").with(as("test-staff")))
                .andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode p = new ObjectMapper().readTree(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("detail").asText()).contains("asOf", "yesterday", "YYYY-MM-DD");
    }

    @Test
    void theOnTimeRateIsOfTheClosedHazardsClosedByTheirDeadlineAsTheListHoldsThem() throws Exception {
        // Given the closed hazards of the demo day, read one by one from the list
        long closed = 0;
        long byDeadline = 0;
        for (int offset = 0; ; offset += 500) {
            Page<HazardRow> p = ledger.hazards(HazardQuery.builder().asOf(java.time.LocalDate.of(2024, 2, 5))
                    .states(HazardState.CLOSED).page(offset, 500).build());
            for (HazardRow r : p.items()) {
                closed++;
                byDeadline += r.closedOn().orElseThrow().isAfter(r.deadline()) ? 0 : 1;
            }
            if (!p.hasMore() || p.items().isEmpty()) {
                break;
            }
        }
        // Then the dashboard's one count says the same
        JsonNode t = json("/api/dashboard", "test-staff").get("totals");
        assertThat(t.get("closedWithDeadline").asLong()).isEqualTo(closed).isPositive();
        assertThat(t.get("closedOnTime").asLong()).isEqualTo(byDeadline).isPositive();
    }

    @Test
    void theDashboardsPerStreetAndPerUnitTablesPutEachHeaderOverItsFiguresAsTheyAreAligned() throws Exception {
        // Given the dashboard of the demo day, and the other desk pages with tables of figures: the hazard list
        // (days overdue), a venue's page (its hazards, days overdue), and, when the demo has rows in them, the plans
        // (visits, candidates), the public plans and a unit's page (hazards found, participants)
        List<String> checked = new ArrayList<>();
        for (String url : List.of("/", "/hazards", "/venues/" + officersVenue(), "/plans", "/public/plans",
                "/units/" + TestAccounts.officerUnits(ledger)[0])) {
            String html = page(url, "test-staff");
            // When each table's header row is set against its first row
            // Then each header has its column's alignment: right (class n) over figures, none over text
            checked.addAll(io.firerisk.server.TableAlignment.assertHeadersAlignedAsTheirFigures(url, html));
        }
        assertThat(checked).anyMatch(t -> t.contains("id=\"table-street\"")).anyMatch(t -> t.contains("id=\"table-unit\""))
                .anyMatch(t -> t.contains("id=\"hazard-table\"")).anyMatch(t -> t.contains("id=\"venue-hazards\""));
        // And the per-street table's figures are right-aligned under right-aligned headers (not all left)
        String dashboard = page("/", "test-staff");
        String street = dashboard.substring(dashboard.indexOf("id=\"table-street\""));
        assertThat(io.firerisk.server.TableAlignment.alignments(street.substring(street.indexOf("<thead>"),
                street.indexOf("</thead>")))).containsExactly("", "n", "n", "n", "n", "n");
    }
}
