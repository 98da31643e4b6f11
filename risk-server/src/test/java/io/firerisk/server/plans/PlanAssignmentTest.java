package io.firerisk.server.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.PlanView;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 双随机: bureau staff send other inspectors to a visit of a drawn plan, with the reason. The visit goes
 * to them from then on, the plan page and the ledger's log say who changed it, from whom and why, and
 * the draw itself still checks out when drawn again; a change without its reason, or to someone who is
 * no inspector, comes back beside the field with nothing saved; an inspector may not change it.
 */
@DeskTest
class PlanAssignmentTest extends DeskMvcTest {

    @Test
    void bureauStaffSendOtherInspectorsToAVisitWithTheReasonAndTheLogNamesThem() throws Exception {
        // Given a plan bureau staff drew on the demo day
        String planId = draw();
        PlanView drawn = ledger.plan(planId).orElseThrow();
        Event.PlannedVisit visit = drawn.visits().get(0);
        List<String> others = IntStream.rangeClosed(1, 6).mapToObj(n -> "P-INSP-" + n)
                .filter(p -> !visit.inspectors().contains(p)).limit(2).toList();
        assertThat(page("/plans/" + planId, "test-staff")).contains("id=\"assignment-form\"");

        // When they leave out the reason and name bureau staff as an inspector: each beside its field, nothing saved
        long events = ledger.eventCount();
        MockHttpServletResponse r = mvc.perform(post("/plans/" + planId + "/assignment").with(csrf()).with(as("test-staff"))
                .param("asOf", "2024-02-05").param("venueId", visit.venueId()).param("inspectors", others.get(0))
                .param("inspectors", "P-STAFF-2").param("reason", "")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"reason\"").contains("data-field=\"inspectors\"")
                .contains("“P-STAFF-2”不是登记的检查人员");
        assertThat(ledger.eventCount()).isEqualTo(events);

        // When they send two other inspectors, with the reason
        r = mvc.perform(post("/plans/" + planId + "/assignment").with(csrf()).with(as("test-staff"))
                .param("asOf", "2024-02-05").param("venueId", visit.venueId()).param("inspectors", others.get(0))
                .param("inspectors", others.get(1)).param("reason", "原检查人员回避<b>")).andReturn().getResponse();
        // Then the visit goes to them; the ledger keeps who changed it, from whom and why
        assertThat(r.getStatus()).isEqualTo(302);
        PlanView plan = ledger.plan(planId).orElseThrow();
        assertThat(plan.assigned().get(0).inspectors()).isEqualTo(others);
        assertThat(plan.reassignments()).singleElement().satisfies(c -> {
            assertThat(c.by()).isEqualTo(TestAccounts.STAFF_PERSON);
            assertThat(c.from()).isEqualTo(visit.inspectors());
            assertThat(c.reason()).isEqualTo("原检查人员回避<b>");
        });
        // And the plan page lists the change with names, escaped, and the visit under its new inspectors
        String page = page("/plans/" + planId, "test-staff");
        String newNames = String.join("、", others.stream().map(p -> ledger.directory().people().get(p).name()).toList());
        assertThat(page).contains("id=\"reassignments\"").contains("<span class=\"to\">" + newNames + "</span>")
                .contains("原检查人员回避&lt;b&gt;").contains("<span class=\"by\">李科长</span>")
                .contains("<td>" + newNames + "</td>");
        // And drawing it again still gives the recorded draw
        assertThat(page("/plans/" + planId + "/check", "test-staff")).contains("核验一致");

        // An inspector may not change it (403), nor through the API; nothing changes
        events = ledger.eventCount();
        String body = "{\"venueId\": \"" + visit.venueId() + "\", \"inspectors\": [\"" + visit.inspectors().get(0)
                + "\"], \"reason\": \"恢复原检查人员\"}";
        assertThat(mvc.perform(post("/api/plans/" + planId + "/assignment").with(csrf()).with(as("test-inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(ledger.eventCount()).isEqualTo(events);
        // Bureau staff may, through the API: the answer holds the visits as they go now
        r = mvc.perform(post("/api/plans/" + planId + "/assignment").with(csrf()).with(as("test-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode answer = new ObjectMapper().readTree(r.getContentAsString());
        assertThat(answer.get("visits").get(0).get("inspectors").get(0).asText()).isEqualTo(visit.inspectors().get(0));
        assertThat(ledger.plan(planId).orElseThrow().reassignments()).hasSize(2);
        // A venue not in the plan is refused beside its field
        r = mvc.perform(post("/api/plans/" + planId + "/assignment").with(csrf()).with(as("test-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace(visit.venueId(), "NOT-IN-PLAN")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("\"venueId\"");
    }

    private String draw() throws Exception {
        String location = mvc.perform(post("/plans").with(csrf()).with(as("test-staff")).param("asOf", "2024-02-05")
                        .param("seed", "4242").param("count", "5").param("perVenue", "2")
                        .param("eventId", UUID.randomUUID().toString()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/plans/DR-20240205-");
        return location.substring("/plans/".length(), location.indexOf('?'));
    }

    private String page(String url, String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(as(username))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString();
    }

}
