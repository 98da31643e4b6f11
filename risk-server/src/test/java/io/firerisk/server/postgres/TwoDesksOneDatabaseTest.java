package io.firerisk.server.postgres;

import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.server.PostgresDesks;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.Visitor;
import io.firerisk.server.security.DeskAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two desk instances on different ports over one PostgreSQL database, as a bureau runs them behind a
 * load balancer: one person's session goes back and forth between them. They start at the same moment
 * on an empty desk schema, so they also race for the desk's migrations and for the first administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoDesksOneDatabaseTest {

    PostgresDesks desks;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    String deskA;
    String deskB;
    String venue;
    String hazardCode;

    @BeforeAll
    void startTwoDesks() {
        desks = new PostgresDesks();
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(desks::start);
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(desks::start);
        a = first.join();
        b = second.join();
        deskA = PostgresDesks.address(a);
        deskB = PostgresDesks.address(b);
        PostgresDesks.ensureAccounts(a);
        Ledger ledger = a.getBean(Ledger.class);
        String unit = TestAccounts.officerUnits(ledger)[0];
        venue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.parse(PostgresDesks.AS_OF)).units(unit).build())
                .items().get(0).venueId();
        String kind = ledger.venue(venue, ledger.today()).orElseThrow().venue().kind();
        hazardCode = ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(kind))
                .filter(t -> t.measure().isEmpty() && !t.correctableOnSpot())
                .map(io.firerisk.campaign.HazardType::code).sorted().findFirst().orElseThrow();
    }

    @AfterAll
    void stop() {
        if (desks != null) {
            desks.close();
        }
    }

    @Test
    void desksStartingTogetherOnAnEmptyDatabaseMakeOneAdministratorAndOneSetOfTables() {
        // Given two desks started at the same moment on a schema with the ledger but none of the desk's tables
        JdbcTemplate db = new JdbcTemplate(a.getBean(javax.sql.DataSource.class));
        // Then the desk's migrations ran once, sessions' included, and exactly one administrator exists,
        // whose one-time password only the desk that created it printed
        assertThat(db.queryForList("select version from desk_schema_history where success order by installed_rank",
                String.class)).containsSubsequence("1", "2", "3.1").doesNotHaveDuplicates();
        assertThat(db.queryForObject("select count(*) from desk_account where role = 'ADMIN' and must_change",
                Long.class)).isEqualTo(1);
        assertThat(a.getBean(DeskAccounts.class).find("admin")).isPresent();
        assertThat(b.getBean(DeskAccounts.class).find("admin")).isPresent();
    }

    @Test
    void oneSessionServesBothDesksFromSignInThroughAFormToSignOut() {
        Visitor browser = new Visitor();
        // Given a unit officer who signs in on desk A
        Visitor.Page login = browser.logIn(deskA, "test-officer", TestAccounts.PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String session = browser.cookie("SESSION").orElseThrow();

        // When the next request reaches desk B, the session cookie from A signs them in there
        Visitor.Page dashboardOnB = browser.get(deskB, "/");
        assertThat(dashboardOnB.status()).isEqualTo(200);
        assertThat(dashboardOnB.body()).contains("test-officer").contains("id=\"total-open\"");
        assertThat(browser.cookie("SESSION")).hasValue(session);

        // And a form fetched from A and posted to B, with A's CSRF token, is recorded
        String token = browser.get(deskA, "/venues/" + venue + "/inspection").csrf();
        Map<String, String> form = inspection("two-desks-1", token, "双机共享会话 三楼配电间");
        Visitor.Page recorded = browser.post(deskB, "/venues/" + venue + "/inspection", form);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        assertThat(recorded.location()).hasValueSatisfying(l -> assertThat(l).contains("/venues/" + venue));

        // Then desk A shows the hazard it found on the venue's page, recorded in the officer's name
        assertThat(browser.get(deskA, "/venues/" + venue).body()).contains("双机共享会话 三楼配电间");
        List<RecordedEvent> events = a.getBean(Ledger.class).timeline(venue).stream()
                .filter(e -> e.eventId().startsWith("two-desks-1:")).toList();
        assertThat(events).extracting(RecordedEvent::type)
                .containsExactly(EventType.INSPECTION_RECORDED, EventType.HAZARD_FOUND);

        // And a token the session never issued is refused on either desk, recording nothing
        long before = a.getBean(Ledger.class).eventCount();
        Visitor.Page forged = browser.post(deskB, "/venues/" + venue + "/inspection",
                inspection("two-desks-2", "forged-" + token.substring(7), "伪造令牌"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(a.getBean(Ledger.class).eventCount()).isEqualTo(before);

        // And signing out on B ends the session on A too
        String logoutToken = browser.get(deskB, "/").csrf();
        assertThat(browser.post(deskB, "/logout", Map.of("_csrf", logoutToken)).status()).isEqualTo(302);
        Visitor.Page afterLogout = browser.get(deskA, "/");
        assertThat(afterLogout.status()).isEqualTo(302);
        assertThat(afterLogout.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private Map<String, String> inspection(String requestId, String csrf, String location) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("requestId", requestId);
        form.put("asOf", PostgresDesks.AS_OF);
        form.put("kind", "SELF_INSPECTION");
        form.put("date", PostgresDesks.AS_OF); // what the form offers on a page as of that day
        form.put("note", "两台服务器一个会话");
        form.put("findings[0].hazardCode", hazardCode);
        form.put("findings[0].location", location);
        // The form takes no deadline before today, whatever day the page shows.
        form.put("findings[0].deadline", a.getBean(Ledger.class).today().plusDays(10).toString());
        return form;
    }
}
