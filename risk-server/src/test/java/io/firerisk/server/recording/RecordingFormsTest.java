package io.firerisk.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.Evidence;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.attachments.AttachmentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The forms for every event of a hazard's life and the JSON API behind them: what they record, who
 * the actor is, what they refuse (beside the field, escaped, nothing saved), and the evidence files.
 * Everything here is recorded today (the forms' date left empty) on the first test unit's venues, so
 * the demo's pages as of 2024-02-05 that other tests count are untouched.
 */
@DeskTest
class RecordingFormsTest extends DeskMvcTest {

    @Autowired
    AttachmentStore store;

    String officerUnit;
    String ownVenue;
    String otherVenue;
    String otherHazard;
    String hazardCode;

    static final byte[] JPEG = jpeg(2_000);

    @BeforeEach
    void setUp() {
        String[] units = TestAccounts.officerUnits(ledger);
        officerUnit = units[0];
        LocalDate demoDay = LocalDate.of(2024, 2, 5);
        ownVenue = officersVenue();
        var other = ledger.hazards(HazardQuery.builder().asOf(demoDay).units(units[1]).build()).items().get(0);
        otherVenue = other.venueId();
        otherHazard = other.hazardId();
        hazardCode = plainHazardCode(ownVenue);
    }

    @Test
    void anInspectionWithAFindingIsRecordedInOneTransactionNamingTheSignedInPersonAsActor() throws Exception {
        // Given the unit's officer, when they record a self-inspection with one finding
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("requestId", "forms-inspection-1").param("kind", "SELF_INSPECTION").param("note", "春节前自查")
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "二楼配电间")
                .param("findings[0].deadline", ledger.today().plusDays(10).toString())).andReturn().getResponse();
        // Then the browser goes on to the venue, and the ledger holds the inspection and an open hazard by them
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).startsWith("/venues/" + ownVenue);
        List<RecordedEvent> mine = eventsOf("forms-inspection-1");
        assertThat(mine).extracting(RecordedEvent::type).containsExactly(EventType.INSPECTION_RECORDED, EventType.HAZARD_FOUND);
        assertThat(mine).extracting(RecordedEvent::actor).containsOnly("P-" + officerUnit);
        String hazardId = ((io.firerisk.ledger.Event.HazardFound) mine.get(1).event()).hazardId();
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.OPEN);
        assertThat(h.location()).isEqualTo("二楼配电间");
        assertThat(h.deadline()).isEqualTo(ledger.today().plusDays(10));
        // And sending the same form again (a double click) records nothing new
        long events = ledger.eventCount();
        mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("requestId", "forms-inspection-1").param("kind", "SELF_INSPECTION").param("note", "春节前自查")
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "二楼配电间")
                .param("findings[0].deadline", ledger.today().plusDays(10).toString()));
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void hostileTextInEveryFieldIsRefusedBesideItsFieldOrEscapedAndNothingIsSaved() throws Exception {
        long events = ledger.eventCount();
        String script = "<script>alert('x')</script>";
        // Given script tags in every field of the inspection form, an unknown code among them
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .with(as("test-officer")).param("kind", "SELF_INSPECTION").param("note", script)
                .param("findings[0].hazardCode", script).param("findings[0].location", script)
                .param("findings[0].deadline", "<b>soon</b>").param("requestId", "a/../../b")).andReturn().getResponse();
        String body = r.getContentAsString();
        // Then the form comes back (422) with the errors beside the fields, every value escaped
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(body).doesNotContain("<script>alert(").doesNotContain("<b>soon</b>")
                .contains("&lt;script&gt;alert(");
        assertThat(body).contains("id=\"finding-0-location\"").contains("不是有效的值");
        // And nothing was recorded
        assertThat(ledger.eventCount()).isEqualTo(events);

        // Given the codes are right but texts are hostile: recorded, and shown escaped on the hazard's page
        r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("requestId", "forms-hostile-2").param("kind", "SELF_INSPECTION").param("note", script)
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", script)
                .param("findings[0].deadline", ledger.today().plusDays(5).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        String hazardId = hazardOf("forms-hostile-2");
        String page = page("/hazard?id=" + hazardId, "test-officer");
        assertThat(page).doesNotContain("<script>alert(").contains("&lt;script&gt;alert(");
        // And the plan form refuses too-long text beside the field, nothing saved
        events = ledger.eventCount();
        r = mvc.perform(post("/hazard/plan").with(csrf()).with(as("test-officer")).param("hazardId", hazardId)
                .param("responsiblePerson", "x".repeat(2_001)).param("measures", script)
                .param("deadline", ledger.today().plusDays(1).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"responsiblePerson\"").contains("最多 2,000 个字符")
                .doesNotContain("<script>alert(");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void aQuantitativeHazardWithoutItsMeasureIsRefusedBesideTheFieldAndTheVenueStaysAssessable() throws Exception {
        String ratioCode = ledger.campaign().hazards().values().stream()
                .filter(t -> t.measure().filter(HazardType.MEASURE_RATIO::equals).isPresent()).map(HazardType::code)
                .sorted().findFirst().orElseThrow();
        long events = ledger.eventCount();
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .with(as("test-officer")).param("kind", "SELF_INSPECTION").param("findings[0].hazardCode", ratioCode)
                .param("findings[0].deadline", ledger.today().plusDays(30).toString())).andReturn().getResponse();
        // (an explicit deadline: the ledger does not ask the engine for one, and refuses the finding itself too,
        // RefusalsTest; the desk says so first, in the person's language, beside the ratio field of the row)
        assertThat(r.getStatus()).isEqualTo(422);
        String body = r.getContentAsString();
        int error = body.indexOf("<p class=\"field-error\" data-field=\"findings[0].ratio\">此类隐患按比例判定，请填写 0 到 1 "
                + "之间的数：比例 = " + ledger.campaign().hazard(ratioCode).orElseThrow().measureMeaning().orElseThrow().zh());
        assertThat(error).isGreaterThan(body.indexOf("name=\"findings[0].ratio\"")).isPositive()
                .isLessThan(body.indexOf("name=\"findings[0].deadline\""));
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.assess(ownVenue, ledger.today())).isPresent();
        // With its ratio it is recorded
        assertThat(mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("requestId", "forms-ratio").param("kind", "SELF_INSPECTION").param("findings[0].hazardCode", ratioCode)
                .param("findings[0].ratio", "0.4").param("findings[0].deadline", ledger.today().plusDays(30).toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardOf("forms-ratio")).orElseThrow().finding().orElseThrow().ratio()).isEqualTo(0.4);
    }

    @Test
    void theInspectionFormSaysWhatTheRatioIsForTheHazardChosen() throws Exception {
        // Given the standard's words for a fire compartment's excess area (GB 35181 measure_zh) and its clause
        HazardType compartment = ledger.campaign().hazard("FIRE_COMPARTMENT_OVERSIZED").orElseThrow();
        String meaning = compartment.measureMeaning().orElseThrow().zh();
        assertThat(meaning).startsWith("超出的面积 ÷ 规定的防火分区建筑面积");
        // When the blank form is opened
        String blank = mvc.perform(get("/venues/" + ownVenue + "/inspection").with(as("test-officer"))).andReturn()
                .getResponse().getContentAsString();
        // Then the line under the ratio field asks for a hazard first, and the hazard's option carries its words for
        // the page's script; a hazard judged by no number carries none
        assertThat(blank).contains("id=\"finding-0-measure\"").contains(">选择隐患后，此处说明比例或数量指什么。</p>")
                .contains("value=\"FIRE_COMPARTMENT_OVERSIZED\" data-measure-help=\"所选隐患按比例判定：比例 = " + meaning
                        + "（依据 " + compartment.clause() + "）\"")
                .contains("value=\"" + hazardCode + "\">");
        // When the form comes back with that hazard chosen and no ratio
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .with(as("test-officer")).param("kind", "SELF_INSPECTION")
                .param("findings[0].hazardCode", "FIRE_COMPARTMENT_OVERSIZED")
                .param("findings[0].deadline", ledger.today().plusDays(30).toString())).andReturn().getResponse();
        // Then the line under the fields says what the ratio is for that hazard, with its clause
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("id=\"finding-0-measure\"")
                .contains(">所选隐患按比例判定：比例 = " + meaning + "（依据 " + compartment.clause() + "）</p>");
        // and in English too
        String english = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("lang", "en").param("kind", "SELF_INSPECTION")
                .param("findings[0].hazardCode", "FIRE_COMPARTMENT_OVERSIZED")
                .param("findings[0].deadline", ledger.today().plusDays(30).toString())).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("The hazard chosen is judged by a ratio: ratio = "
                + compartment.measureMeaning().orElseThrow().en().replace("'", "&#39;"));
    }

    @Test
    void aUnitOfficerIsRefusedAnotherUnitsVenueAndHazardBy403AndNothingChanges() throws Exception {
        long events = ledger.eventCount();
        // When the officer of one unit posts an inspection of another unit's venue, by its id
        assertThat(mvc.perform(post("/venues/" + otherVenue + "/inspection").with(csrf()).with(as("test-officer"))
                .param("kind", "SELF_INSPECTION").param("findings[0].hazardCode", hazardCode)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        // or a plan, a rectification or an extension request on its hazard, through the forms and the API
        assertThat(mvc.perform(post("/hazard/plan").with(csrf()).with(as("test-officer")).param("hazardId", otherHazard)
                .param("responsiblePerson", "张三").param("measures", "更换").param("deadline", ledger.today().toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(multipart("/hazard/rectification").file(new MockMultipartFile("photos", "p.jpg",
                "image/jpeg", JPEG)).with(csrf()).with(as("test-officer")).param("hazardId", otherHazard)
                .param("note", "已整改")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/hazards/extension-request").with(httpBasic("test-officer", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\":\"" + otherHazard
                        + "\",\"until\":\"2099-01-01\",\"reason\":\"r\"}")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // Then nothing changed, and no file was kept
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void aHazardGoesRoundTheClosedLoopThroughTheFormsWithAPhotoAndASecondPersonClosingIt() throws Exception {
        String hazardId = found("forms-loop", "test-officer");
        // The 五落实 plan by the unit's officer
        assertThat(mvc.perform(post("/hazard/plan").with(csrf()).with(as("test-officer")).param("hazardId", hazardId)
                .param("version", String.valueOf(ledger.hazard(hazardId).orElseThrow().version()))
                .param("responsiblePerson", "王经理").param("measures", "更换老化线路").param("funds", "3000元")
                .param("deadline", ledger.today().plusDays(7).toString()).param("contingencyPlan", "专人值守"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.plan().responsiblePerson()).isEqualTo("王经理");
        assertThat(h.plan().missingParts()).isEmpty();
        assertThat(h.deadline()).isEqualTo(ledger.today().plusDays(7));
        // The rectification, with a photo taken by the phone
        assertThat(mvc.perform(multipart("/hazard/rectification").file(new MockMultipartFile("photos", "IMG_0001.jpg",
                        "image/jpeg", JPEG)).with(csrf()).with(as("test-officer")).param("hazardId", hazardId)
                .param("note", "线路已更换")).andReturn().getResponse().getStatus()).isEqualTo(302);
        h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.AWAITING_VERIFICATION);
        Evidence photo = h.evidence().get(h.evidence().size() - 1);
        assertThat(photo.uri()).startsWith("attachment:");
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(photo.bytes()).isEqualTo(JPEG.length);
        assertThat(photo.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JPEG)));
        // The photo is served as a download to those who may see the venue, to no one else
        String id = photo.uri().substring("attachment:".length());
        MockHttpServletResponse file = mvc.perform(get("/attachments/" + id).with(as("test-officer"))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment").contains("evidence-" + id + ".jpg");
        assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getContentType()).isEqualTo("image/jpeg");
        assertThat(file.getContentAsByteArray()).isEqualTo(JPEG);
        assertThat(mvc.perform(get("/attachments/" + id).with(as("test-officer-2"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // The officer who reported it may not close it: offered no such form, and refused if they try
        assertThat(page("/hazard?id=" + hazardId, "test-officer")).doesNotContain("id=\"reinspection-form\"");
        long events = ledger.eventCount();
        MockHttpServletResponse refused = mvc.perform(post("/hazard/reinspection").with(csrf()).with(as("test-officer"))
                .param("hazardId", hazardId).param("outcome", "PASSED_AND_CLOSED")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("id=\"form-error\"").contains("不能记录“复查通过”")
                .contains("ledger.yaml permissions REINSPECTION_PASSED");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // The inspector re-inspects it (an inspector may not close: not offered), bureau staff close it
        assertThat(page("/hazard?id=" + hazardId, "test-inspector")).contains("id=\"reinspection-form\"")
                .doesNotContain("value=\"PASSED_AND_CLOSED\"");
        assertThat(mvc.perform(post("/hazard/reinspection").with(csrf()).with(as("test-inspector"))
                .param("hazardId", hazardId).param("outcome", "PASSED").param("note", "复查合格"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.VERIFIED);
        assertThat(h.verifiedBy()).contains(TestAccounts.INSPECTOR_PERSON);
        assertThat(page("/hazard?id=" + hazardId, "test-staff")).contains("id=\"closure-form\"");
        assertThat(mvc.perform(post("/hazard/closure").with(csrf()).with(as("test-staff")).param("hazardId", hazardId)
                .param("note", "销号")).andReturn().getResponse().getStatus()).isEqualTo(302);
        h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.CLOSED);
        // A plan for a closed hazard: the ledger's refusal shown above the form, nothing saved
        events = ledger.eventCount();
        MockHttpServletResponse illegal = mvc.perform(post("/hazard/plan").with(csrf()).with(as("test-officer"))
                .param("hazardId", hazardId).param("responsiblePerson", "王经理").param("measures", "再次整改")
                .param("deadline", ledger.today().toString())).andReturn().getResponse();
        assertThat(illegal.getStatus()).isEqualTo(409);
        assertThat(illegal.getContentAsString()).contains("当前状态为“已销号”").contains("id=\"form-error\"");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // 回头看 finds it back: reopened with a new deadline
        LocalDate deadline = ledger.today().plusDays(20);
        assertThat(mvc.perform(post("/hazard/reopening").with(csrf()).with(as("test-reviewer")).param("hazardId", hazardId)
                .param("reason", "线路再次私拉乱接").param("deadline", deadline.toString())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.REOPENED);
        // The unit asks for ten more days; bureau staff grant them
        assertThat(mvc.perform(post("/hazard/extension-request").with(csrf()).with(as("test-officer"))
                .param("hazardId", hazardId).param("until", deadline.plusDays(10).toString()).param("reason", "材料未到"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().pendingExtension()).isPresent();
        assertThat(page("/hazard?id=" + hazardId, "test-staff")).contains("id=\"extension-decision-form\"");
        assertThat(mvc.perform(post("/hazard/extension-decision").with(csrf()).with(as("test-staff"))
                .param("hazardId", hazardId).param("approve", "true").param("until", deadline.plusDays(10).toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.deadline()).isEqualTo(deadline.plusDays(10));
        assertThat(h.pendingExtension()).isEmpty();
        assertThat(ledger.timeline(ownVenue).stream().filter(e -> e.stream().equals("hazard:" + hazardId))
                .map(RecordedEvent::actor).toList()).contains("P-" + officerUnit, TestAccounts.INSPECTOR_PERSON,
                TestAccounts.STAFF_PERSON, TestAccounts.REVIEWER_PERSON);
    }

    @Test
    void aReviewerReInspectsAndClosesInOneSubmissionAndAFailedReInspectionSendsItBack() throws Exception {
        String hazardId = found("forms-review", "test-officer");
        rectified(hazardId);
        assertThat(page("/hazard?id=" + hazardId, "test-reviewer")).contains("value=\"PASSED_AND_CLOSED\"");
        // A failure needs its reason, beside the field
        MockHttpServletResponse r = mvc.perform(post("/hazard/reinspection").with(csrf()).with(as("test-reviewer"))
                .param("hazardId", hazardId).param("outcome", "FAILED")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"note\"");
        assertThat(mvc.perform(post("/hazard/reinspection").with(csrf()).with(as("test-reviewer")).param("hazardId", hazardId)
                .param("outcome", "FAILED").param("note", "线路未穿管")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.RECTIFYING);
        assertThat(ledger.hazard(hazardId).orElseThrow().failedReinspections()).isEqualTo(1);
        rectified(hazardId);
        assertThat(mvc.perform(post("/hazard/reinspection").with(csrf()).with(as("test-reviewer")).param("hazardId", hazardId)
                .param("outcome", "PASSED_AND_CLOSED")).andReturn().getResponse().getStatus()).isEqualTo(302);
        HazardView h = ledger.hazard(hazardId).orElseThrow();
        assertThat(h.state()).isEqualTo(HazardState.CLOSED);
        assertThat(h.verifiedBy()).contains(TestAccounts.REVIEWER_PERSON);
    }

    private void rectified(String hazardId) throws Exception {
        assertThat(mvc.perform(multipart("/hazard/rectification").file(new MockMultipartFile("photos", "p.jpg", "image/jpeg",
                JPEG)).with(csrf()).with(as("test-officer")).param("hazardId", hazardId).param("note", "已整改"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void aFileThatClaimsToBeAJpegAndIsNotAndAnOversizedFileAreRefusedBesideTheFieldAndNothingIsKept() throws Exception {
        String hazardId = found("forms-uploads", "test-officer");
        long events = ledger.eventCount();
        long files = store.fileCount();
        // A GIF named .jpg, sent as image/jpeg
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        MockHttpServletResponse r = mvc.perform(multipart("/hazard/rectification").file(new MockMultipartFile("photos",
                "photo.jpg", "image/jpeg", gif)).with(csrf()).with(as("test-officer")).param("hazardId", hazardId)
                .param("note", "已整改")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"photos\"").contains("按文件内容判断");
        // A JPEG one byte over the limit, with a good one beside it: neither is kept
        byte[] big = jpeg((int) store.maxBytes() + 1);
        r = mvc.perform(multipart("/hazard/rectification").file(new MockMultipartFile("photos", "ok.jpg", "image/jpeg", JPEG))
                .file(new MockMultipartFile("photos", "big.jpg", "image/jpeg", big)).with(csrf()).with(as("test-officer"))
                .param("hazardId", hazardId).param("note", "已整改")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("文件过大：每个文件不得超过 10 MB");
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(store.fileCount()).isEqualTo(files);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.OPEN);
    }

    @Test
    void aFileNameWithPathTraversalIsKeptUnderARandomNameInsideTheStoreAndServedUnderTheDesksName() throws Exception {
        Path outside = store.directory().getParent().resolve("passwd.png");
        Files.deleteIfExists(outside);
        // Given the API's upload with a name climbing out of the store
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3};
        MockHttpServletResponse r = mvc.perform(multipart("/api/venues/" + ownVenue + "/attachments")
                .file(new MockMultipartFile("file", "../../../passwd.png", "image/png", png))
                .with(httpBasic("test-officer", TestAccounts.PASSWORD))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(201);
        JsonNode a = new ObjectMapper().readTree(r.getContentAsString());
        String id = a.get("attachmentId").asText();
        // Then the file lies in the store under its random id, nothing outside, and is served as the desk names it
        assertThat(outside).doesNotExist();
        try (Stream<Path> inStore = Files.list(store.directory())) {
            assertThat(inStore.map(p -> p.getFileName().toString())).contains(id + ".png").noneMatch(n -> n.contains("passwd"));
        }
        assertThat(store.find(id).orElseThrow().originalName()).isEqualTo("passwd.png");
        assertThat(mvc.perform(get("/attachments/" + id).with(as("test-staff"))).andReturn().getResponse()
                .getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"evidence-" + id + ".png\"");
        // And a rectification through the API names it as its evidence
        String hazardId = found("forms-api-upload", "test-officer");
        MockHttpServletResponse rect = mvc.perform(post("/api/hazards/rectification")
                .with(httpBasic("test-officer", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazardId\":\"" + hazardId + "\",\"note\":\"已整改\",\"attachments\":[\"" + id + "\"]}"))
                .andReturn().getResponse();
        assertThat(rect.getStatus()).isEqualTo(201);
        assertThat(ledger.hazard(hazardId).orElseThrow().evidence()).extracting(Evidence::uri).contains("attachment:" + id);
    }

    @Test
    void anExternalSystemPostsAnInspectionWithHttpBasicAndItsMistakesComeBackAsProblemsNamingTheField() throws Exception {
        String body = "{\"requestId\":\"szcg-20240205-001\",\"venueId\":\"" + ownVenue + "\",\"kind\":\"SPOT_CHECK\","
                + "\"note\":\"数字城管平台派遣\",\"findings\":[{\"hazardCode\":\"" + hazardCode + "\",\"location\":\"门口\","
                + "\"deadline\":\"" + ledger.today().plusDays(3) + "\"}]}";
        // A mistake: an unknown hazard code is named by its field, nothing recorded
        long events = ledger.eventCount();
        MockHttpServletResponse bad = mvc.perform(post("/api/inspections").with(httpBasic("test-inspector", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace(hazardCode, "NO_SUCH_CODE"))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        JsonNode problem = new ObjectMapper().readTree(bad.getContentAsString());
        assertThat(problem.at("/errors/findings[0].hazardCode").asText()).contains("NO_SUCH_CODE");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // Recorded with HTTP Basic and no CSRF token; the inspector's person is the actor
        MockHttpServletResponse ok = mvc.perform(post("/api/inspections").with(httpBasic("test-inspector", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(201);
        JsonNode recorded = new ObjectMapper().readTree(ok.getContentAsString());
        assertThat(recorded.get("hazardIds")).hasSize(1);
        assertThat(ledger.hazard(recorded.at("/hazardIds/0").asText()).orElseThrow().state()).isEqualTo(HazardState.OPEN);
        assertThat(eventsOf("szcg-20240205-001")).extracting(RecordedEvent::actor).containsOnly(TestAccounts.INSPECTOR_PERSON);
        // A wrong password is 401; a browser session without its CSRF token is refused
        assertThat(mvc.perform(post("/api/inspections").with(httpBasic("test-inspector", "wrong-password-1"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(post("/api/inspections").with(as("test-inspector")).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("szcg-20240205-001", "szcg-20240205-002"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(eventsOf("szcg-20240205-002")).isEmpty();
    }

    @Test
    void anApiBodyLargerThanOneMebibyteIsRefusedUpFrontSoAnotherUnitsVenueIsNeverAnsweredWithItsFieldErrors() throws Exception {
        // Given an inspection about another unit's venue with a value not of its field's type, 403 at its own size
        String body = "{\"requestId\":\"too-large-1\",\"venueId\":\"" + otherVenue + "\",\"kind\":\"SPOT_CHECK\","
                + "\"findings\":[{\"hazardCode\":\"" + hazardCode + "\",\"location\":\"门口\",\"deadline\":\"not-a-date\"}]";
        long events = ledger.eventCount();
        assertThat(mvc.perform(post("/api/inspections").with(httpBasic("test-officer", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body + "}")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // When the same body is padded with spaces past 1 MiB (still valid JSON)
        String padded = body + " ".repeat(KeptBody.MAX_KEPT) + "}";
        MockHttpServletResponse r = mvc.perform(post("/api/inspections").with(httpBasic("test-officer", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(padded)).andReturn().getResponse();
        // Then it is refused as too large (413), saying the limit, and not with the fields' errors (422); nothing recorded
        assertThat(r.getStatus()).isEqualTo(413);
        JsonNode problem = new ObjectMapper().readTree(r.getContentAsString());
        assertThat(problem.at("/errors/_form").asText()).contains("1,048,576");
        assertThat(problem.at("/errors").size()).isEqualTo(1);
        assertThat(r.getContentAsString()).doesNotContain("deadline");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void aFindingRecordedThroughTheFormAsCausedByAStandardsRevisionIsStoredAndNotCountedWhileTheSameFindingWithoutIsCounted()
            throws Exception {
        // Given a venue of a third unit (today GB 35181-2025 is in force) and a hazard code the engine counts there
        String[] units = TestAccounts.officerUnits(ledger);
        LocalDate today = ledger.today();
        String[] pick = ledger.venues(LocalDate.of(2024, 2, 5)).stream()
                .filter(l -> !l.unitId().equals(units[0]) && !l.unitId().equals(units[1]))
                .map(io.firerisk.ledger.VenueListing::venueId).sorted(java.util.Comparator.reverseOrder())
                .map(id -> new String[] {id, countedCode(id, today)}).filter(p -> p[1] != null).findFirst().orElseThrow();
        String venueId = pick[0];
        String counted = pick[1];
        // When an inspector records two such findings through the form, the first caused by a standard's revision
        MockHttpServletResponse r = mvc.perform(post("/venues/" + venueId + "/inspection").with(csrf()).with(as("test-inspector"))
                .param("requestId", "forms-revision").param("kind", "SPOT_CHECK").param("date", today.toString())
                .param("findings[0].hazardCode", counted).param("findings[0].location", "旧楼梯间")
                .param("findings[0].deadline", today.plusDays(10).toString()).param("findings[0].standardRevision", "CAUSED")
                .param("findings[1].hazardCode", counted).param("findings[1].location", "新楼梯间")
                .param("findings[1].deadline", today.plusDays(10).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        List<String> ids = ledger.timeline(venueId).stream().filter(e -> e.eventId().startsWith("forms-revision:"))
                .filter(e -> e.type() == EventType.HAZARD_FOUND)
                .map(e -> ((io.firerisk.ledger.Event.HazardFound) e.event()).hazardId()).toList();
        assertThat(ids).hasSize(2);
        // Then the ledger keeps the first as revision-caused, and the engine counts the second but not the first
        assertThat(ledger.hazard(ids.get(0)).orElseThrow().finding().orElseThrow().standardRevision())
                .isEqualTo(io.firerisk.StandardRevision.CAUSED);
        var assessment = ledger.venue(venueId, today).orElseThrow().assessment();
        assertThat(assessment.findings()).filteredOn(f -> f.id().equals(ids.get(0))).singleElement()
                .extracting(io.firerisk.AssessedFinding::counted).isEqualTo(false);
        assertThat(assessment.findings()).filteredOn(f -> f.id().equals(ids.get(1))).singleElement()
                .extracting(io.firerisk.AssessedFinding::counted).isEqualTo(true);
        // And the venue page shows each finding's determination and the revision
        String venuePage = page("/venues/" + venueId + "?asOf=" + today, "test-inspector");
        assertThat(venuePage).contains("data-hazard=\"" + ids.get(0) + "\" data-counted=\"false\" data-revision=\"CAUSED\">不计入")
                .contains("消防技术标准修订引起（不判定为重大火灾隐患或判定要素）")
                .contains("data-hazard=\"" + ids.get(1) + "\" data-counted=\"true\" data-revision=\"NONE\">计入");
        // A value the standard does not know is refused beside the field by the form and named by the API, nothing saved
        long events = ledger.eventCount();
        r = mvc.perform(post("/venues/" + venueId + "/inspection").with(csrf()).with(as("test-inspector"))
                .param("kind", "SPOT_CHECK").param("findings[0].hazardCode", counted)
                .param("findings[0].standardRevision", "SOMETIMES").param("noRealFireRisk", "perhaps")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("data-field=\"findings[0].standardRevision\">“SOMETIMES”不是有效的值。")
                .contains("data-field=\"noRealFireRisk\">“perhaps”不是有效的值。");
        MockHttpServletResponse api = mvc.perform(post("/api/inspections").with(httpBasic("test-inspector", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"venueId\":\"" + venueId + "\",\"kind\":\"SPOT_CHECK\","
                        + "\"findings\":[{\"hazardCode\":\"" + counted + "\",\"standardRevision\":\"SOMETIMES\"}]}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(new ObjectMapper().readTree(api.getContentAsString()).at("/errors/findings[0].standardRevision").asText())
                .isEqualTo("“SOMETIMES”不是有效的值。");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // When a later inspection through the API confirms the place, out of use, has no real fire risk (4.2 b)
        api = mvc.perform(post("/api/inspections").with(httpBasic("test-inspector", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"requestId\":\"forms-no-real-risk\",\"venueId\":\""
                        + venueId + "\",\"kind\":\"SPOT_CHECK\",\"noRealFireRisk\":true}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(201);
        // Then the ledger keeps it on the inspection and the venue page says so
        VenueView after = ledger.venue(venueId, today).orElseThrow();
        assertThat(after.inspections().get(after.inspections().size() - 1).noRealFireRisk()).isTrue();
        assertThat(page("/venues/" + venueId + "?asOf=" + today, "test-inspector")).contains("id=\"no-real-fire-risk\"")
                .contains("无现实火灾风险（GB 35181-2025 4.2 b）");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndSwaggerUiComesFromTheJar() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(page("/v3/api-docs", "test-staff"));
        assertThat(doc.get("paths").has("/api/inspections")).isTrue();
        assertThat(doc.get("paths").has("/api/hazards/rectification")).isTrue();
        assertThat(doc.get("paths").has("/api/venues/{venueId}/attachments")).isTrue();
        assertThat(doc.get("paths").has("/venues/{venueId}/inspection")).isFalse();
        MockHttpServletResponse ui = mvc.perform(get("/swagger-ui/index.html").with(as("test-staff"))).andReturn().getResponse();
        assertThat(ui.getStatus()).isEqualTo(200);
        assertThat(ui.getContentAsString()).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script>");
        assertThat(ui.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A hazard code the engine, on the venue's facts alone, counts toward the GB 35181 determination on {@code day}; or null. */
    private String countedCode(String venueId, LocalDate day) {
        VenueView v = ledger.venue(venueId, day).orElseThrow();
        return ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(v.venue().kind()))
                .filter(t -> t.measure().isEmpty() && !t.correctableOnSpot() && !t.elements().isEmpty())
                .map(HazardType::code).sorted()
                .filter(code -> ledger.engine().assess(io.firerisk.VenueFacts.of(v.venue(), List.of(io.firerisk.Finding
                        .builder("probe", code).foundOn(day).build()), day)).findings().stream()
                        .anyMatch(f -> f.id().equals("probe") && f.counted()))
                .findFirst().orElse(null);
    }

    /** Records a self-inspection with one finding as {@code username}; the new hazard's id. */
    private String found(String requestId, String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf()).with(as(username))
                .param("requestId", requestId).param("kind", "SELF_INSPECTION")
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "仓库")
                .param("findings[0].deadline", ledger.today().plusDays(10).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        return hazardOf(requestId);
    }

    private String hazardOf(String requestId) {
        return eventsOf(requestId).stream().filter(e -> e.type() == EventType.HAZARD_FOUND)
                .map(e -> ((io.firerisk.ledger.Event.HazardFound) e.event()).hazardId()).findFirst().orElseThrow();
    }

    private List<RecordedEvent> eventsOf(String requestId) {
        return ledger.timeline(ownVenue).stream().filter(e -> e.eventId().startsWith(requestId + ":")).toList();
    }

    private String page(String path, String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(as(username))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    /** A file that begins as a JPEG does, {@code size} bytes long. */
    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0x20);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

}
