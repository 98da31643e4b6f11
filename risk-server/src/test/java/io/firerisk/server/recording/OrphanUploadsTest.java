package io.firerisk.server.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.EventType;
import io.firerisk.ledger.HazardState;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.attachments.AttachmentStore;
import io.firerisk.server.attachments.StoredAttachment;
import io.firerisk.server.attachments.UnclaimedAttachments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * No file outlives a submission that was never saved: a form's photos are removed with the refusal of
 * their submission, whatever refused it; a file uploaded ahead through the API that no recorded event
 * names is removed by the sweep of unclaimed uploads, while one a recorded event names stays.
 */
@DeskTest
class OrphanUploadsTest extends DeskMvcTest {

    @Autowired
    AttachmentStore store;
    @Autowired
    UnclaimedAttachments unclaimed;

    String ownVenue;
    String hazardCode;

    @BeforeEach
    void setUp() {
        ownVenue = officersVenue();
        hazardCode = plainHazardCode(ownVenue);
    }

    @Test
    void aPhotoStoredForARectificationTheLedgerThenRefusesIsRemovedWithTheRefusal() throws Exception {
        // Given an open hazard whose page the officer opened at version 1, and someone changed it since
        String hazardId = newHazard();
        int seen = ledger.hazard(hazardId).orElseThrow().version();
        mvc.perform(post("/hazard/plan").with(csrf()).with(as("test-officer")).param("hazardId", hazardId)
                .param("responsiblePerson", "周经理").param("measures", "更换线路")
                .param("deadline", ledger.today().plusDays(5).toString())).andReturn();
        assertThat(ledger.hazard(hazardId).orElseThrow().version()).isEqualTo(seen + 1);
        long files = store.fileCount();
        long events = ledger.eventCount();
        // When they report it rectified with a good photo, on the version they saw: the photo passes every
        // check of its own and is stored, then the ledger refuses the stale submission
        MockHttpServletResponse r = mvc.perform(multipart("/hazard/rectification")
                .file(new MockMultipartFile("photos", "ok.jpg", "image/jpeg", RecordingFormsTest.JPEG)).with(csrf())
                .with(as("test-officer")).param("hazardId", hazardId).param("version", String.valueOf(seen))
                .param("note", "已整改")).andReturn().getResponse();
        // Then the refusal says someone changed it, nothing is recorded, and no file or row of the photo is left
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getContentAsString()).contains("该隐患已被他人更改");
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(store.fileCount()).isEqualTo(files);
        assertThat(ledger.hazard(hazardId).orElseThrow().state()).isEqualTo(HazardState.RECTIFYING);
    }

    @Test
    void anUploadNoRecordedEventNamesIsRemovedByTheSweepAndOneARectificationNamesIsKept() throws Exception {
        String hazardId = newHazard();
        // Given a file uploaded ahead whose rectification was refused (no note), and never sent again
        String orphan = upload();
        MockHttpServletResponse r = mvc.perform(post("/api/hazards/rectification").with(csrf()).with(as("test-officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"attachments\": [\"" + orphan + "\"]}")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("\"note\"");
        // And another file uploaded ahead that a recorded rectification names
        String named = upload();
        r = mvc.perform(post("/api/hazards/rectification").with(csrf()).with(as("test-officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + hazardId
                        + "\", \"note\": \"已整改\", \"attachments\": [\"" + named + "\"]}")).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        var orphanFile = Files.list(store.directory()).filter(p -> p.getFileName().toString().startsWith(orphan)).toList();
        assertThat(orphanFile).hasSize(1);
        // When the unclaimed uploads are swept (as if their time were up)
        List<StoredAttachment> removed = unclaimed.removeUnclaimedUploadedBefore(Instant.now().plusSeconds(60));
        // Then the orphan is gone, file and row, and the named file stays, still served to the officer
        assertThat(removed).extracting(StoredAttachment::attachmentId).contains(orphan).doesNotContain(named);
        assertThat(store.find(orphan)).isEmpty();
        assertThat(Files.exists(orphanFile.get(0))).isFalse();
        assertThat(mvc.perform(get("/attachments/" + orphan).with(as("test-officer"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(store.find(named)).isPresent();
        assertThat(mvc.perform(get("/attachments/" + named).with(as("test-officer"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(ledger.hazard(hazardId).orElseThrow().evidence()).extracting(e -> e.uri())
                .contains("attachment:" + named);
    }

    /** A JPEG uploaded ahead through the API about the test unit's venue; its id. */
    private String upload() throws Exception {
        MockHttpServletResponse r = mvc.perform(multipart("/api/venues/" + ownVenue + "/attachments")
                .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", RecordingFormsTest.JPEG)).with(csrf())
                .with(as("test-officer"))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return new ObjectMapper().readTree(r.getContentAsString()).get("attachmentId").asText();
    }

    private String newHazard() throws Exception {
        String requestId = "orphans-" + UUID.randomUUID();
        MockHttpServletResponse r = mvc.perform(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .with(as("test-inspector")).param("requestId", requestId).param("kind", "SPOT_CHECK")
                .param("findings[0].hazardCode", hazardCode).param("findings[0].location", "一楼")
                .param("findings[0].deadline", ledger.today().plusDays(10).toString())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        return ledger.timeline(ownVenue).stream().filter(e -> e.eventId().startsWith(requestId + ":"))
                .filter(e -> e.type() == EventType.HAZARD_FOUND).map(e -> ((Event.HazardFound) e.event()).hazardId())
                .findFirst().orElseThrow();
    }

}
