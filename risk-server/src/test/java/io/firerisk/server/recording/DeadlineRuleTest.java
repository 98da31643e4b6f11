package io.firerisk.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardState;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Deadlines and dates: the form and the JSON API follow the ledger's one rule ({@code Deadlines}) and
 * refuse a breach with the same message, beside the same field (the form, 422) or named by it (the
 * API's problem, 422); nothing of a refused submission is saved. Recorded on the first test unit's
 * venue, dated after the demo's campaign, so the demo's pages as of 2024-02-05 are untouched.
 */
@DeskTest
class DeadlineRuleTest extends DeskMvcTest {

    String ownVenue;
    String hazardCode;
    LocalDate today;

    @BeforeEach
    void setUp() {
        ownVenue = officersVenue();
        hazardCode = plainHazardCode(ownVenue);
        today = ledger.today();
    }

    @Test
    void anOverdueHazardsPlanMayKeepItsDeadlineButNotBringItForwardToADayAlreadyPastByFormOrApi() throws Exception {
        // Given a hazard found twenty days ago whose deadline passed ten days ago
        String hazardId = foundOn("deadline-overdue", today.minusDays(20), today.minusDays(10));
        long events = ledger.eventCount();
        // When its plan, set today, brings the deadline forward to fifteen days ago, through the form and the API
        MockHttpServletResponse form = mvc.perform(plan("/hazard/plan", hazardId, today.minusDays(15)))
                .andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/plan").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"responsiblePerson\":\"王经理\",\"measures\":\"更换线路\","
                        + "\"deadline\":\"" + today.minusDays(15) + "\"}")).andReturn().getResponse();
        // Then both refuse it (422) beside or naming the deadline, in the same words, and nothing is saved
        String expected = "不得早于本次记录的日期（" + today + "）：期限不能定在已经过去的日子（五落实计划可保留现行期限）。";
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "deadline")).isEqualTo(expected);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(problem(api).at("/errors/deadline").asText()).isEqualTo(expected);
        assertThat(ledger.eventCount()).isEqualTo(events);
        // And a plan keeping the deadline in force, overdue as it is, is recorded
        assertThat(mvc.perform(plan("/hazard/plan", hazardId, today.minusDays(10))).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.RECTIFYING);
        assertThat(ledger.hazard(hazardId).orElseThrow().deadline()).isEqualTo(today.minusDays(10));
    }

    @Test
    void aPlanDeadlineBeforeTheHazardWasFoundIsRefusedInTheSameWordsByFormAndApi() throws Exception {
        // Given a hazard found today
        String hazardId = foundOn("deadline-before-found", today, today.plusDays(10));
        long events = ledger.eventCount();
        // When a plan sets its deadline to yesterday
        MockHttpServletResponse form = mvc.perform(plan("/hazard/plan", hazardId, today.minusDays(1))).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/plan").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"responsiblePerson\":\"王经理\",\"measures\":\"更换线路\","
                        + "\"deadline\":\"" + today.minusDays(1) + "\"}")).andReturn().getResponse();
        // Then both say it is before the day the hazard was found
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "deadline")).isEqualTo("不得早于隐患发现之日（" + today + "）。")
                .isEqualTo(problem(api).at("/errors/deadline").asText());
        // And a plan pushing it past the deadline in force is refused alike
        form = mvc.perform(plan("/hazard/plan", hazardId, today.plusDays(11))).andReturn().getResponse();
        api = mvc.perform(post("/api/hazards/plan").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"responsiblePerson\":\"王经理\",\"measures\":\"更换线路\","
                        + "\"deadline\":\"" + today.plusDays(11) + "\"}")).andReturn().getResponse();
        assertThat(fieldError(form, "deadline")).isEqualTo("可提前整改期限，不能推迟到 " + today.plusDays(10)
                + " 之后（推迟须申请延期并获批准）。").isEqualTo(problem(api).at("/errors/deadline").asText());
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void anExtensionToADayAlreadyPastIsRefusedByFormAndApiAndOneToADayAheadIsRecorded() throws Exception {
        // Given a hazard whose deadline passed ten days ago
        String hazardId = foundOn("deadline-extension", today.minusDays(20), today.minusDays(10));
        long events = ledger.eventCount();
        // When the unit asks today for an extension to five days ago (after the deadline, but already past)
        MockHttpServletResponse form = mvc.perform(post("/hazard/extension-request").with(csrf()).with(officer())
                .param("hazardId", hazardId).param("until", today.minusDays(5).toString()).param("reason", "材料未到"))
                .andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/extension-request").with(basic())
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\":\"" + hazardId + "\",\"until\":\""
                        + today.minusDays(5) + "\",\"reason\":\"材料未到\"}")).andReturn().getResponse();
        // Then both refuse it beside or naming the new deadline, in the same words; nothing saved
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "until")).startsWith("不得早于本次记录的日期（" + today + "）")
                .isEqualTo(problem(api).at("/errors/until").asText());
        // And an extension not after the deadline in force is refused alike
        form = mvc.perform(post("/hazard/extension-request").with(csrf()).with(officer()).param("hazardId", hazardId)
                .param("until", today.minusDays(10).toString()).param("reason", "材料未到")).andReturn().getResponse();
        assertThat(fieldError(form, "until")).isEqualTo("须晚于现行整改期限 " + today.minusDays(10) + "。");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When it asks for five days ahead, through the API: recorded
        api = mvc.perform(post("/api/hazards/extension-request").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"until\":\"" + today.plusDays(5) + "\",\"reason\":\"材料未到\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(201);
        assertThat(ledger.hazard(hazardId).orElseThrow().pendingExtension().orElseThrow().until()).isEqualTo(today.plusDays(5));
    }

    @Test
    void anInspectionOrRectificationDatedAfterTodayIsRefusedBesideTheDateByFormAndApiWhateverThePageIsAsOf()
            throws Exception {
        String hazardId = foundOn("deadline-future", today, today.plusDays(10));
        long events = ledger.eventCount();
        String tomorrow = today.plusDays(1).toString();
        // When an inspection dated tomorrow is sent from a page as of the demo's day, and through the API
        MockHttpServletResponse form = mvc.perform(post("/venues/" + ownVenue + "/inspection").param("asOf", "2024-02-05")
                .with(csrf()).with(officer()).param("kind", "SELF_INSPECTION").param("date", tomorrow)).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/inspections").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueId\":\"" + ownVenue + "\",\"kind\":\"SELF_INSPECTION\",\"date\":\"" + tomorrow + "\"}"))
                .andReturn().getResponse();
        // Then both are refused beside the date, in the same words
        String expected = "不得晚于今天（" + today + "）。";
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "date")).isEqualTo(expected);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(problem(api).at("/errors/date").asText()).isEqualTo(expected);
        // And so is a rectification dated tomorrow
        form = mvc.perform(multipart("/hazard/rectification").with(csrf()).with(officer()).param("hazardId", hazardId)
                .param("date", tomorrow).param("note", "已整改")).andReturn().getResponse();
        api = mvc.perform(post("/api/hazards/rectification").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"date\":\"" + tomorrow + "\",\"note\":\"已整改\"}"))
                .andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "date")).isEqualTo(expected).isEqualTo(problem(api).at("/errors/date").asText());
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.OPEN);
    }

    @Test
    void aDateThatIsNoneIsRefusedBesideItsFieldByTheFormAndNamedByTheApiNotABadRequest() throws Exception {
        String hazardId = foundOn("deadline-not-a-date", today, today.plusDays(10));
        long events = ledger.eventCount();
        // When the plan's deadline is 30 February, through the form and the API
        MockHttpServletResponse form = mvc.perform(post("/hazard/plan").with(csrf()).with(officer()).param("hazardId", hazardId)
                .param("responsiblePerson", "王经理").param("measures", "更换线路").param("deadline", "2026-02-30"))
                .andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/plan").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"responsiblePerson\":\"王经理\",\"measures\":\"更换线路\","
                        + "\"deadline\":\"2026-02-30\"}")).andReturn().getResponse();
        // Then both answer 422 with the same message beside or naming the deadline
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(fieldError(form, "deadline")).isEqualTo("“2026-02-30”不是有效的值。")
                .isEqualTo(problem(api).at("/errors/deadline").asText());
        // And a finding's deadline in an inspection is named by its row
        api = mvc.perform(post("/api/inspections").with(basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueId\":\"" + ownVenue + "\",\"kind\":\"SELF_INSPECTION\",\"findings\":[{\"hazardCode\":\""
                        + hazardCode + "\",\"deadline\":\"soon\"}]}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(problem(api).at("/errors/findings[0].deadline").asText()).isEqualTo("“soon”不是有效的值。");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A self-inspection on {@code day} finding one hazard with {@code deadline}, by the unit's officer; its id. */
    private String foundOn(String requestId, LocalDate day, LocalDate deadline) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(officer())
                .param("requestId", requestId).param("kind", "SELF_INSPECTION").param("date", day.toString())
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "仓库")
                .param("findings[0].deadline", deadline.toString())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        return ledger.timeline(ownVenue).stream().filter(e -> e.eventId().startsWith(requestId + ":"))
                .filter(e -> e.type() == EventType.HAZARD_FOUND)
                .map(e -> ((io.firerisk.ledger.Event.HazardFound) e.event()).hazardId()).findFirst().orElseThrow();
    }

    private MockHttpServletRequestBuilder plan(String path, String hazardId, LocalDate deadline) {
        return post(path).with(csrf()).with(officer()).param("hazardId", hazardId).param("responsiblePerson", "王经理")
                .param("measures", "更换线路").param("deadline", deadline.toString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor officer() {
        return user(accounts.loadUserByUsername("test-officer"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic() {
        return httpBasic("test-officer", TestAccounts.PASSWORD);
    }

    /** The message the page shows beside {@code field}. */
    private static String fieldError(MockHttpServletResponse r, String field) throws Exception {
        Matcher m = Pattern.compile("<p class=\"field-error\"[^>]* data-field=\"" + Pattern.quote(field) + "\">(.*?)</p>")
                .matcher(r.getContentAsString());
        assertThat(m.find()).as("an error beside " + field + " in " + r.getContentAsString()).isTrue();
        return m.group(1);
    }

    private static JsonNode problem(MockHttpServletResponse r) throws Exception {
        return new ObjectMapper().readTree(r.getContentAsString());
    }
}
