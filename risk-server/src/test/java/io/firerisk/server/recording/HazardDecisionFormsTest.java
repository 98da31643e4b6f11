package io.firerisk.server.recording;

import io.firerisk.Enforcement;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hazard forms for the bureau's decisions: 作废 (a hazard recorded in error), 挂牌督办 and enforcement
 * steps (责令改正, 拒不改正), as pages and as the JSON API. Each records the event with the signed-in
 * person as actor and shows it in the hazard's log; each is refused to a role the campaign does not
 * give it, and to a unit officer on another unit's hazard, with nothing changed; a field at fault comes
 * back beside the field, and nothing is saved. Hazards are found today on the first test unit's venue.
 */
@DeskTest
class HazardDecisionFormsTest extends DeskMvcTest {

    /** Bureau staff's account acting as the demo's bureau leader (P-LEADER), who alone may list for 挂牌督办. */
    static final String LEADERS_OFFICE = "test-leaders-office";

    String ownVenue;
    String otherHazard;
    String hazardCode;

    @BeforeEach
    void setUp() {
        synchronized (HazardDecisionFormsTest.class) {
            if (accounts.find(LEADERS_OFFICE).isEmpty()) {
                accounts.create(LEADERS_OFFICE, DeskRole.STAFF, Optional.empty(), Optional.of("P-LEADER"), "王局长");
                accounts.changePassword(LEADERS_OFFICE, TestAccounts.PASSWORD);
            }
        }
        String[] units = TestAccounts.officerUnits(ledger);
        ownVenue = officersVenue();
        otherHazard = ledger.hazards(HazardQuery.builder().units(units[1]).build()).items().stream()
                .filter(h -> h.state().isOpen()).findFirst().orElseThrow().hazardId();
        hazardCode = plainHazardCode(ownVenue);
    }

    @Test
    void bureauStaffCancelAHazardRecordedInErrorAndTheLogNamesThemWithTheReason() throws Exception {
        // Given a hazard an inspector found today
        String hazardId = newHazard();
        // When bureau staff send the cancellation form without a reason, it comes back beside the field, nothing saved
        long events = ledger.eventCount();
        MockHttpServletResponse r = mvc.perform(form("/hazard/cancellation", hazardId, "test-staff").param("reason", " "))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"reason\"").contains("id=\"cancellation-form\"");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When they give the reason
        r = mvc.perform(form("/hazard/cancellation", hazardId, "test-staff").param("reason", "与同日另一检查记录重复"))
                .andReturn().getResponse();
        // Then it is cancelled, recorded by them, and the hazard's page shows who and why
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.CANCELLED);
        RecordedEvent cancelled = last(hazardId);
        assertThat(cancelled.type()).isEqualTo(EventType.HAZARD_CANCELLED);
        assertThat(cancelled.actor()).isEqualTo(TestAccounts.STAFF_PERSON);
        assertThat(((Event.HazardCancelled) cancelled.event()).reason()).isEqualTo("与同日另一检查记录重复");
        String page = page(hazardId, "test-staff");
        assertThat(page).contains("data-type=\"HAZARD_CANCELLED\" data-actor=\"" + TestAccounts.STAFF_PERSON + "\"")
                .contains("李科长").contains("与同日另一检查记录重复").contains("data-state=\"CANCELLED\"");
        // And the inspector, whose role may not cancel, is refused (403) on another hazard, nothing changed
        String another = newHazard();
        events = ledger.eventCount();
        assertThat(mvc.perform(form("/hazard/cancellation", another, "test-inspector").param("reason", "录错了"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(another).orElseThrow().state()).isEqualTo(HazardState.OPEN);
    }

    @Test
    void anInspectorRecordsAnOrderToCorrectNamingWhoDecidedItAndOnWhatGround() throws Exception {
        String hazardId = newHazard();
        // Given the inspector's page offers the enforcement form, and says the desk decides nothing
        assertThat(page(hazardId, "test-inspector")).contains("id=\"enforcement-form\"").contains("不替人作出决定");
        // When they leave out the ground and name a person the directory does not hold
        long events = ledger.eventCount();
        MockHttpServletResponse r = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector")
                .param("step", "ORDERED_TO_CORRECT").param("documentNo", "万州城管责改〔2024〕7号")
                .param("decidedBy", "P-NOBODY").param("ground", "")).andReturn().getResponse();
        // Then each error is beside its field and nothing is saved
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"ground\"").contains("data-field=\"decidedBy\"")
                .contains("没有登记的人员“P-NOBODY”");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When they record the order bureau staff decided, on its ground
        r = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector").param("step", "ORDERED_TO_CORRECT")
                .param("documentNo", "万州城管责改〔2024〕7号").param("decidedBy", TestAccounts.STAFF_PERSON)
                .param("ground", "《消防法》第六十条第一款")).andReturn().getResponse();
        // Then the hazard stands ordered to correct; the log names the inspector as actor, staff as who decided, and the ground
        assertThat(r.getStatus()).isEqualTo(302);
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.enforcement()).isEqualTo(Enforcement.ORDERED_TO_CORRECT);
        assertThat(h.state()).isEqualTo(HazardState.OPEN);
        RecordedEvent e = last(hazardId);
        assertThat(e.actor()).isEqualTo(TestAccounts.INSPECTOR_PERSON);
        Event.EnforcementRecorded step = (Event.EnforcementRecorded) e.event();
        assertThat(step.decidedBy()).isEqualTo(TestAccounts.STAFF_PERSON);
        assertThat(step.ground()).isEqualTo("《消防法》第六十条第一款");
        assertThat(step.documentNo()).isEqualTo("万州城管责改〔2024〕7号");
        String page = page(hazardId, "test-inspector");
        assertThat(page).contains("data-step=\"ORDERED_TO_CORRECT\"").contains("责令改正")
                .contains("<span class=\"log-decided-by\">李科长</span>")
                .contains("<span class=\"log-ground\">《消防法》第六十条第一款</span>");

        // And an external system records the refusal to correct through the API, the same checks applying
        String body = "{\"hazardId\": \"" + hazardId + "\", \"step\": \"REFUSED_TO_CORRECT\", \"documentNo\": \"拒改-7\", "
                + "\"decidedBy\": \"" + TestAccounts.INSPECTOR_PERSON + "\", \"ground\": \"限期届满复查仍未改正\"}";
        r = mvc.perform(post("/api/hazards/enforcement").with(csrf()).with(as("test-inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        assertThat(ledger.hazard(hazardId).orElseThrow().enforcement()).isEqualTo(Enforcement.REFUSED_TO_CORRECT);
        // A step the engine's model has but a person does not record here (挂牌督办 has its own form) is refused
        r = mvc.perform(post("/api/hazards/enforcement").with(csrf()).with(as("test-inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("REFUSED_TO_CORRECT", "SUPERVISED")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("\"step\"");
    }

    @Test
    void onlyAnAccountActingAsABureauLeaderListsAHazardForSupervisionOnlyOnceAndLiftsIt() throws Exception {
        String hazardId = newHazard();
        // Given bureau staff (not a leader in the campaign's permissions): no form, and the post is refused
        assertThat(page(hazardId, "test-staff")).doesNotContain("id=\"supervision-form\"");
        long events = ledger.eventCount();
        assertThat(mvc.perform(form("/hazard/supervision", hazardId, "test-staff").param("supervisingUnit", "BUREAU")
                .param("documentNo", "万州城管督〔2024〕3号")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When the account acting as the bureau leader lists it, under the collective decision's document
        assertThat(page(hazardId, LEADERS_OFFICE)).contains("id=\"supervision-form\"");
        MockHttpServletResponse r = mvc.perform(form("/hazard/supervision", hazardId, LEADERS_OFFICE)
                .param("supervisingUnit", "BUREAU").param("documentNo", "万州城管督〔2024〕3号")).andReturn().getResponse();
        // Then the hazard is under 挂牌督办 by the bureau, recorded by the leader, and its page says so
        assertThat(r.getStatus()).isEqualTo(302);
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.supervision()).hasValueSatisfying(s -> {
            assertThat(s.supervisingUnit()).isEqualTo("BUREAU");
            assertThat(s.documentNo()).isEqualTo("万州城管督〔2024〕3号");
        });
        assertThat(last(hazardId).actor()).isEqualTo("P-LEADER");
        assertThat(page(hazardId, LEADERS_OFFICE)).contains("id=\"hazard-supervision\"").contains("万州城管督〔2024〕3号")
                .contains("data-type=\"SUPERVISION_LISTED\" data-actor=\"P-LEADER\"");
        // And listing it again through the API is refused by the ledger, naming why, nothing saved
        events = ledger.eventCount();
        r = mvc.perform(post("/api/hazards/supervision").with(csrf()).with(as(LEADERS_OFFICE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"supervisingUnit\": \"BUREAU\", \"documentNo\": \"万州城管督〔2024〕4号\"}"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("already under 挂牌督办");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When the leader lifts the listing before closing, without a reason: beside the field, nothing saved
        assertThat(page(hazardId, LEADERS_OFFICE)).contains("id=\"supervision-lifting-form\"")
                .doesNotContain("id=\"supervision-form\"");
        events = ledger.eventCount();
        r = mvc.perform(form("/hazard/supervision-lifting", hazardId, LEADERS_OFFICE)
                .param("documentNo", "万州城管督〔2024〕6号").param("reason", "")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"reason\"");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // With the reason: the hazard is no longer listed, still open, and the log names the leader and why
        r = mvc.perform(form("/hazard/supervision-lifting", hazardId, LEADERS_OFFICE)
                .param("documentNo", "万州城管督〔2024〕6号").param("reason", "复核后不属于重大火灾隐患")).andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().supervision()).isEmpty();
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.OPEN);
        RecordedEvent lifted = last(hazardId);
        assertThat(lifted.type()).isEqualTo(EventType.SUPERVISION_LIFTED);
        assertThat(lifted.actor()).isEqualTo("P-LEADER");
        assertThat(page(hazardId, LEADERS_OFFICE)).contains("data-type=\"SUPERVISION_LIFTED\" data-actor=\"P-LEADER\"")
                .contains("复核后不属于重大火灾隐患").contains("id=\"supervision-form\"");
        // Bureau staff may not lift it (403); lifting what is not listed is refused by the ledger
        assertThat(mvc.perform(form("/hazard/supervision-lifting", hazardId, "test-staff")
                .param("documentNo", "督-7").param("reason", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
        r = mvc.perform(post("/api/hazards/supervision-lifting").with(csrf()).with(as(LEADERS_OFFICE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"documentNo\": \"督-8\", \"reason\": \"再次解除\"}")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("is not under 挂牌督办");
        // An unknown supervising unit is refused beside its field
        r = mvc.perform(form("/hazard/supervision", newHazard(), LEADERS_OFFICE).param("supervisingUnit", "NO-SUCH-UNIT")
                .param("documentNo", "万州城管督〔2024〕5号")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"supervisingUnit\"");
    }

    @Test
    void aUnitOfficerTryingAnotherUnitsHazardByIdIsRefusedEveryDecisionAndNothingChanges() throws Exception {
        HazardView before = ledger.hazard(otherHazard).orElseThrow();
        long events = ledger.eventCount();
        for (var request : List.of(
                form("/hazard/cancellation", otherHazard, "test-officer").param("reason", "不是我们的"),
                form("/hazard/supervision", otherHazard, "test-officer").param("supervisingUnit", "BUREAU")
                        .param("documentNo", "督-1"),
                form("/hazard/enforcement", otherHazard, "test-officer").param("step", "ORDERED_TO_CORRECT")
                        .param("documentNo", "责改-1").param("decidedBy", TestAccounts.STAFF_PERSON).param("ground", "x"),
                post("/api/hazards/cancellation").with(csrf()).with(as("test-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hazardId\": \"" + otherHazard + "\", \"reason\": \"不是我们的\"}"))) {
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(otherHazard).orElseThrow().version()).isEqualTo(before.version());
    }

    @Test
    void aLeadersReadOnlyAccountDecidesNothingAndIsToldSoWhileTheAccountLinkedToTheLeaderGrantsTheExtension()
            throws Exception {
        // Given a hazard under 挂牌督办 (listed through the account linked to the bureau leader) whose unit asks for
        // five more days
        String hazardId = newHazard();
        LocalDate until = ledger.hazard(hazardId).orElseThrow().deadline().plusDays(5);
        assertThat(mvc.perform(form("/hazard/supervision", hazardId, LEADERS_OFFICE).param("supervisingUnit", "BUREAU")
                .param("documentNo", "万州城管督〔2024〕17号")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(form("/hazard/extension-request", hazardId, "test-officer").param("until", until.toString())
                .param("reason", "需停业施工")).andReturn().getResponse().getStatus()).isEqualTo(302);
        long events = ledger.eventCount();
        // When the leader's read-only account grants it, through the form and through the API
        MockHttpServletResponse page = mvc.perform(form("/hazard/extension-decision", hazardId, "test-leader")
                .param("approve", "true").param("until", until.toString())).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/extension-decision").with(csrf()).with(as("test-leader"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"approve\": true, \"until\": \"" + until + "\"}")).andReturn().getResponse();
        // Then both are refused (403), saying the account only reads and which account records a leader's decision
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).contains("是局领导的只读账户").contains("BUREAU_LEADER");
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentAsString()).contains("是局领导的只读账户").contains("\"code\":\"error.readOnly\"");
        // When bureau staff, who may decide other extensions, grant this one
        page = mvc.perform(form("/hazard/extension-decision", hazardId, "test-staff").param("approve", "true")
                .param("until", until.toString())).andReturn().getResponse();
        // Then refused (403) above the form, naming the role it takes and where the campaign says so
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).contains("id=\"form-error\"").contains("局领导（BUREAU_LEADER）")
                .contains("ledger.yaml extensions.supervisedApprovers");
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(hazardId).orElseThrow().pendingExtension()).isPresent();
        // And the account linked to the bureau leader grants it: the deadline moves, the leader is the actor
        assertThat(mvc.perform(form("/hazard/extension-decision", hazardId, LEADERS_OFFICE).param("approve", "true")
                .param("until", until.toString())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().deadline()).isEqualTo(until);
        assertThat(last(hazardId).type()).isEqualTo(EventType.EXTENSION_APPROVED);
        assertThat(last(hazardId).actor()).isEqualTo("P-LEADER");
    }

    @Test
    void anEnforcementStepNamesADeciderOfTheEnforcingSideThroughTheFormAndTheApiAlike() throws Exception {
        String hazardId = newHazard();
        String officerPerson = "P-" + TestAccounts.officerUnits(ledger)[0];
        long events = ledger.eventCount();
        // When an inspector names the venue's own safety officer as having decided an order to correct
        MockHttpServletResponse page = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector")
                .param("step", "ORDERED_TO_CORRECT").param("documentNo", "责改-17").param("decidedBy", officerPerson)
                .param("ground", "消防法第六十条")).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(post("/api/hazards/enforcement").with(csrf()).with(as("test-inspector"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId + "\", \"step\": "
                        + "\"ORDERED_TO_CORRECT\", \"documentNo\": \"责改-17\", \"decidedBy\": \"" + officerPerson
                        + "\", \"ground\": \"消防法第六十条\"}")).andReturn().getResponse();
        // Then both refuse it beside or naming decidedBy (422), nothing saved
        String expected = "“" + officerPerson + "”不能作为执法措施的决定人";
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("data-field=\"decidedBy\">" + expected);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("\"decidedBy\":\"" + expected);
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void hostileTextInTheDecisionFormsIsShownEscaped() throws Exception {
        String hazardId = newHazard();
        String script = "<script>alert('x')</script>";
        MockHttpServletResponse r = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector")
                .param("step", "ORDERED_TO_CORRECT").param("documentNo", script).param("decidedBy", TestAccounts.STAFF_PERSON)
                .param("ground", script)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        String page = page(hazardId, "test-inspector");
        assertThat(page).doesNotContain("<script>alert(").contains("&lt;script&gt;alert(");
        // and a value sent back with an error is escaped in the form as well
        r = mvc.perform(form("/hazard/cancellation", hazardId, "test-staff").param("reason", script)
                .param("date", "2999-01-01")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).doesNotContain("<script>alert(").contains("&lt;script&gt;alert(");
    }

    @Test
    void pathTraversalAndControlCharactersInTheDecisionFormsIdsAreRefusedAndNothingIsSaved() throws Exception {
        String hazardId = newHazard();
        long events = ledger.eventCount();
        int version = ledger.hazard(hazardId).orElseThrow().version();
        // A person's id climbing out of the directory: beside the field
        MockHttpServletResponse r = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector")
                .param("step", "ORDERED_TO_CORRECT").param("documentNo", "责改-9")
                .param("decidedBy", "../../" + TestAccounts.STAFF_PERSON).param("ground", "消防法第六十条")).andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"decidedBy\"");
        // A document number with a control character in it: beside the field
        r = mvc.perform(form("/hazard/enforcement", hazardId, "test-inspector").param("step", "ORDERED_TO_CORRECT")
                .param("documentNo", "责改\u0007-9").param("decidedBy", TestAccounts.STAFF_PERSON)
                .param("ground", "消防法第六十条")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"documentNo\"");
        // A unit's id climbing out of the directory: beside the field
        r = mvc.perform(form("/hazard/supervision", hazardId, LEADERS_OFFICE).param("supervisingUnit", "../BUREAU")
                .param("documentNo", "督-9")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"supervisingUnit\"");
        // A request id that is a path: refused
        r = mvc.perform(post("/hazard/cancellation").with(csrf()).with(as("test-staff")).param("hazardId", hazardId)
                .param("requestId", "../../etc/passwd").param("reason", "重复")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        // A hazard id that is a path: not found
        r = mvc.perform(form("/hazard/cancellation", "../../etc/passwd", "test-staff").param("reason", "重复"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(404);
        // A step that is script, through the API: refused as the form refuses it (422, the field named), the script
        // not echoed
        r = mvc.perform(post("/api/hazards/enforcement").with(csrf()).with(as("test-inspector"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"step\": \"<script>alert(1)</script>\"}")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).doesNotContain("<script>").contains("\"step\":\"不是有效的值。\"");
        // Nothing of it was saved
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.hazard(hazardId).orElseThrow().version()).isEqualTo(version);
    }

    /** An open hazard an inspector found today on the test unit's venue (a fresh one for each use). */
    private String newHazard() throws Exception {
        String requestId = "decisions-" + UUID.randomUUID();
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .with(as("test-inspector")).param("requestId", requestId).param("kind", "SPOT_CHECK")
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "一楼")
                .param("findings[0].deadline", ledger.today().plusDays(10).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        return ledger.timeline(ownVenue).stream().filter(e -> e.eventId().startsWith(requestId + ":"))
                .filter(e -> e.type() == EventType.HAZARD_FOUND).map(e -> ((Event.HazardFound) e.event()).hazardId())
                .findFirst().orElseThrow();
    }

    private MockHttpServletRequestBuilder form(String path, String hazardId, String username) {
        return post(path).with(csrf()).with(as(username)).param("hazardId", hazardId)
                .param("requestId", UUID.randomUUID().toString());
    }

    private RecordedEvent last(String hazardId) {
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        List<RecordedEvent> mine = ledger.timeline(h.venueId()).stream()
                .filter(e -> e.stream().equals("hazard:" + hazardId)).toList();
        return mine.get(mine.size() - 1);
    }

    private String page(String hazardId, String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/hazard").param("id", hazardId)
                .param("asOf", ledger.today().toString()).with(as(username))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

}
