package io.firerisk.server.venues;

import io.firerisk.RiskGrade;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.HostileVenue;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DeskTest
class VenuePageTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);

    @Autowired
    VenueService venues;

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername("test-staff")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A red venue on the demo day with an open hazard. */
    private String redVenue() {
        return ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).grades(RiskGrade.RED).overdue(true).build())
                .items().stream().map(HazardRow::venueId).findFirst().orElseThrow();
    }

    @Test
    void theVenuePageShowsTheLedgersAssessmentWithItsReasonsAndHistory() throws Exception {
        String id = redVenue();
        VenueView v = ledger.venue(id, DEMO_DAY).orElseThrow();
        String html = page("/venues/" + id + "?asOf=2024-02-05");
        assertThat(html).contains(v.venue().name(), "id=\"venue-grade\">重大风险</strong>", v.assessment().grading().formula(),
                "评估依据（" + v.assessment().reasons().size() + " 条规则）", v.assessment().verdict().label().zh());
        for (var h : v.hazards()) {
            assertThat(html).contains(h.hazardId());
        }
        int events = venues.history(v).size();
        assertThat(html.split("<time>", -1)).hasSize(events + 1);
    }

    @Test
    void anEarlierDateShowsTheVenueAsItStoodThen() throws Exception {
        String id = redVenue();
        VenueView now = ledger.venue(id, DEMO_DAY).orElseThrow();
        LocalDate firstFound = now.hazards().stream().map(h -> h.foundOn()).min(LocalDate::compareTo).orElseThrow();
        String before = page("/venues/" + id + "?asOf=" + firstFound.minusDays(1));
        assertThat(before).contains("隐患（0 项）");
        String later = page("/venues/" + id + "?asOf=2024-02-05");
        assertThat(later).contains("隐患（" + now.hazards().size() + " 项）");
        mvc.perform(get("/venues/" + id + "?asOf=2023-01-01").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/venues/NO-SUCH-VENUE").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void whatWouldLowerTheGradeIsTheEnginesAnswerWithTheHazardRectified() {
        // Given every red venue of the demo day with open hazards
        int lowered = 0;
        for (String id : ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).grades(RiskGrade.RED).build()).items()
                .stream().map(HazardRow::venueId).distinct().toList()) {
            VenueView v = ledger.venue(id, DEMO_DAY).orElseThrow();
            WhatIf w = venues.whatIf(v, java.util.Locale.SIMPLIFIED_CHINESE).orElseThrow();
            // Then every hazard it names lowers the grade, and rectifying all gives at most the lowest of those
            assertThat(w.current()).isEqualTo(RiskGrade.RED);
            for (WhatIf.Lowering l : w.lowering()) {
                assertThat(l.grade()).isLessThan(RiskGrade.RED);
                assertThat(w.ifAllRectified()).isLessThanOrEqualTo(l.grade());
                assertThat(v.hazard(l.hazardId()).orElseThrow().state().awaitsRectification()).isTrue();
                lowered++;
            }
        }
        assertThat(lowered).as("red venues whose grade one rectification lowers").isPositive();
    }

    @Test
    void aHostileVenueNameIsEscapedEverywhereItIsShown() throws Exception {
        HostileVenue.ensure(ledger);
        String venue = page("/venues/" + HostileVenue.ID + "?asOf=2024-02-05");
        assertThat(venue).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x", "</td><script>");
        String list = page("/hazards?asOf=2024-02-05&unit=" + TestAccounts.officerUnits(ledger)[1]);
        assertThat(list).contains(HostileVenue.ID + "/F1", "&lt;script&gt;").doesNotContain("<script>alert", "<img src=x");
        String csv = mvc.perform(get("/hazards.csv?asOf=2024-02-05&unit=" + TestAccounts.officerUnits(ledger)[1])
                .with(user(accounts.loadUserByUsername("test-staff")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // A name that would be a spreadsheet formula is written as text
        assertThat(csv).contains("\"'=1+1<script>alert(\"\"x\"\")</script>").doesNotContain(",=1+1");
    }

    @Test
    void aPersonRenamedAfterThePageWasShownIsShownByTheNewName() throws Exception {
        // Given a venue page shown once, naming who recorded its history
        String id = redVenue();
        VenueView v = ledger.venue(id, DEMO_DAY).orElseThrow();
        String actor = venues.history(v).stream().map(e -> e.actor())
                .filter(a -> ledger.directory().people().containsKey(a)).findFirst().orElseThrow();
        Directory.Person person = ledger.directory().people().get(actor);
        assertThat(page("/venues/" + id + "?asOf=2024-02-05")).contains(person.name());
        String renamed = person.name() + "（已更名）";
        try {
            // When the person's name is changed in the directory
            rename(person, renamed);
            // Then the page shows the new name at once
            assertThat(page("/venues/" + id + "?asOf=2024-02-05")).contains(renamed);
        } finally {
            rename(person, person.name());
        }
        assertThat(page("/venues/" + id + "?asOf=2024-02-05")).doesNotContain(renamed);
    }

    private void rename(Directory.Person person, String name) {
        ledger.record(Entry.of("rename-" + UUID.randomUUID(), "admin", Instant.now(),
                new Event.PersonChanged(person.personId(), name, person.unitId(), person.roles())));
    }
}
