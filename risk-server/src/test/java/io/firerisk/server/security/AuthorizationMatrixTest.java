package io.firerisk.server.security;

import io.firerisk.ledger.HazardQuery;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import io.firerisk.server.attachments.AttachmentStore;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every endpoint × every role, and someone not signed in: the status each gets. The desk's own
 * handler mappings are listed from the running application and each must be in the matrix, so an
 * endpoint added without deciding who may use it fails here.
 */
@DeskTest
class AuthorizationMatrixTest extends DeskMvcTest {

    enum Who { ANONYMOUS, ADMIN, STAFF, UNIT_OFFICER, INSPECTOR, LEADER }

    static final int OK = 200, REDIRECT = 302, BAD = 400, UNAUTHORIZED = 401, FORBIDDEN = 403, NOT_FOUND = 404,
            NOT_ALLOWED = 405, UNPROCESSABLE = 422;
    /** A date after any test's today: every submission dated so is refused, and nothing changes. */
    static final String FUTURE = "2999-01-01";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AttachmentStore attachments;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    String ownVenue;
    String otherVenue;
    String ownHazard;
    String otherHazard;
    String ownAttachment;
    String otherAttachment;

    @BeforeEach
    void accounts() {
        String[] units = TestAccounts.officerUnits(ledger);
        java.time.LocalDate demoDay = java.time.LocalDate.of(2024, 2, 5);
        ownVenue = ledger.hazards(HazardQuery.builder().asOf(demoDay).units(units[0]).build()).items().get(0).venueId();
        otherVenue = ledger.hazards(HazardQuery.builder().asOf(demoDay).units(units[1]).build()).items().get(0).venueId();
        // open, one a notice may still order rectified (not verified awaiting closure), and not under 挂牌督办
        // (whose extension takes a leader: bureau staff may decide it here)
        ownHazard = ledger.hazards(HazardQuery.builder().asOf(demoDay).units(units[0]).build()).items().stream()
                .filter(h -> io.firerisk.ledger.notice.Notices.toRectify(h.state())).map(h -> ledger.hazard(h.hazardId()).orElseThrow())
                .filter(h -> h.state().isOpen() && h.supervision().isEmpty()).findFirst().orElseThrow().hazardId();
        otherHazard = ledger.hazards(HazardQuery.builder().asOf(demoDay).units(units[1]).build()).items().stream()
                .filter(h -> io.firerisk.ledger.notice.Notices.toRectify(h.state())).map(h -> ledger.hazard(h.hazardId()).orElseThrow())
                .filter(h -> h.state().isOpen() && h.supervision().isEmpty()).findFirst().orElseThrow().hazardId();
        ownAttachment = photo(ownVenue);
        otherAttachment = photo(otherVenue);
    }

    /** A small PNG kept as evidence about the venue. */
    private String photo(String venueId) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        return attachments.store(venueId, new java.io.ByteArrayInputStream(png), "matrix.png", "test-staff").attachmentId();
    }

    /** Another unit's digest: refused to a unit officer, everyone else signed in sees it. */
    private static Map<Who, Integer> otherUnitDigest() {
        Map<Who, Integer> m = all(REDIRECT, OK);
        m.put(Who.UNIT_OFFICER, FORBIDDEN);
        return m;
    }

    /** The matrix: endpoint (method and path as mapped) → the request to send and the status for each. */
    Map<String, Row> matrix() {
        Map<String, Row> m = new LinkedHashMap<>();
        Map<Who, Integer> open = all(OK, OK);
        Map<Who, Integer> signedIn = all(REDIRECT, OK);
        m.put("GET /login", new Row(get("/login"), open));
        m.put("GET /actuator/health", new Row(get("/actuator/health"), open));
        m.put("GET /css/desk.css", new Row(get("/css/desk.css"), open));
        m.put("GET /js/desk.js", new Row(get("/js/desk.js"), open));
        m.put("GET /vendor/echarts/echarts.min.js", new Row(get("/vendor/echarts/echarts.min.js"), open));
        m.put("GET /", new Row(get("/"), signedIn));
        m.put("GET /api/dashboard", new Row(get("/api/dashboard"), api(signedIn)));
        m.put("GET /map", new Row(get("/map"), signedIn));
        m.put("GET /hazards", new Row(get("/hazards"), signedIn));
        m.put("GET /hazards.csv", new Row(get("/hazards.csv"), signedIn));
        m.put("GET /inspections", new Row(get("/inspections"), signedIn));
        m.put("GET /venues/{venueId}", new Row(get("/venues/" + ownVenue), signedIn));
        Map<Who, Integer> otherUnit = all(REDIRECT, OK);
        otherUnit.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("GET /venues/{venueId} (another unit's)", new Row(get("/venues/" + otherVenue), otherUnit));
        m.put("GET /venues/{venueId}/what-if", new Row(get("/venues/" + ownVenue + "/what-if"), signedIn));
        m.put("GET /venues/{venueId}/what-if (another unit's)", new Row(get("/venues/" + otherVenue + "/what-if"),
                otherUnit));
        m.put("GET /account/password", new Row(get("/account/password"), signedIn));
        // Notices: anyone signed in for a venue they may see; a unit officer not for another unit's, by venue or hazard id.
        m.put("GET /notice", new Row(get("/notice").param("hazard", ownHazard).param("asOf", "2024-02-05"), signedIn));
        m.put("GET /notice (another unit's hazard)", new Row(get("/notice").param("hazard", otherHazard)
                .param("asOf", "2024-02-05"), otherUnit));
        m.put("GET /notice.pdf", new Row(get("/notice.pdf").param("hazard", otherHazard).param("asOf", "2024-02-05"),
                otherUnit));
        // A wrong current password: refused as a bad request, nothing changes.
        m.put("POST /account/password", new Row(post("/account/password").with(csrf()).param("current", "wrong")
                .param("password", "another-password-1").param("confirm", "another-password-1"), all(REDIRECT, BAD)));
        // Reports: the bureau-wide ones name every unit, so not for a unit officer; the digest is theirs (their unit's).
        Map<Who, Integer> bureau = all(REDIRECT, OK);
        bureau.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("GET /reports", new Row(get("/reports").param("asOf", "2024-02-05"), signedIn));
        m.put("GET /reports/periodic", new Row(get("/reports/periodic").param("asOf", "2024-02-05"), bureau));
        m.put("GET /reports/periodic.xlsx", new Row(get("/reports/periodic.xlsx").param("asOf", "2024-02-05"), bureau));
        m.put("GET /api/reports/periodic", new Row(get("/api/reports/periodic").param("asOf", "2024-02-05"), api(bureau)));
        m.put("GET /reports/summary", new Row(get("/reports/summary").param("asOf", "2024-02-05"), bureau));
        m.put("GET /reports/summary.xlsx", new Row(get("/reports/summary.xlsx").param("asOf", "2024-02-05"), bureau));
        m.put("GET /reports/accountability", new Row(get("/reports/accountability").param("asOf", "2024-02-05"), bureau));
        m.put("GET /reports/accountability.xlsx", new Row(get("/reports/accountability.xlsx").param("asOf", "2024-02-05"),
                bureau));
        for (String report : List.of("periodic", "summary", "accountability")) {
            for (String ext : List.of("csv", "html")) {
                String path = "/reports/" + report + "." + ext;
                m.put("GET " + path, new Row(get(path).param("asOf", "2024-02-05"), bureau));
            }
        }
        for (String ext : List.of("csv", "html")) {
            String path = "/reports/digest." + ext;
            m.put("GET " + path, new Row(get(path).param("asOf", "2024-02-05"), signedIn));
            m.put("GET " + path + " (another unit's)", new Row(get(path).param("unit", TestAccounts.officerUnits(ledger)[1])
                    .param("asOf", "2024-02-05"), otherUnitDigest()));
        }
        m.put("GET /reports/digest", new Row(get("/reports/digest").param("asOf", "2024-02-05"), signedIn));
        m.put("GET /api/reports/digest", new Row(get("/api/reports/digest").param("asOf", "2024-02-05"), api(signedIn)));
        m.put("GET /reports/digest.xlsx", new Row(get("/reports/digest.xlsx").param("asOf", "2024-02-05"), signedIn));
        String otherUnit2 = TestAccounts.officerUnits(ledger)[1];
        m.put("GET /reports/digest (another unit's)", new Row(get("/reports/digest").param("unit", otherUnit2)
                .param("asOf", "2024-02-05"), otherUnit));
        m.put("GET /api/reports/digest (another unit's)", new Row(get("/api/reports/digest").param("unit", otherUnit2)
                .param("asOf", "2024-02-05"), api(otherUnit)));
        m.put("GET /reports/digest.xlsx (another unit's)", new Row(get("/reports/digest.xlsx").param("unit", otherUnit2)
                .param("asOf", "2024-02-05"), otherUnit));
        m.put("GET /reports/inspection-sheet.xlsx", new Row(get("/reports/inspection-sheet.xlsx"), signedIn));
        m.put("GET /hazards.xlsx", new Row(get("/hazards.xlsx").param("asOf", "2024-02-05"), signedIn));
        // 导入检查记录: bureau staff and inspectors (and the administrator); a post without a file is refused as a bad
        // request, so nothing is recorded here (ImportPageTest imports).
        Map<Who, Integer> importers = all(REDIRECT, OK);
        importers.put(Who.UNIT_OFFICER, FORBIDDEN);
        importers.put(Who.LEADER, FORBIDDEN);
        m.put("GET /import/inspections", new Row(get("/import/inspections"), importers));
        Map<Who, Integer> importNoFile = all(REDIRECT, BAD);
        importNoFile.put(Who.UNIT_OFFICER, FORBIDDEN);
        importNoFile.put(Who.LEADER, FORBIDDEN);
        m.put("POST /import/inspections", new Row(multipart("/import/inspections").with(csrf()), importNoFile));

        Map<Who, Integer> admin = all(REDIRECT, FORBIDDEN);
        admin.put(Who.ADMIN, OK);
        m.put("GET /actuator/metrics", new Row(get("/actuator/metrics"), admin));
        // A change (no handler takes it yet: 405 for those who may change things, 403 for a leader).
        Map<Who, Integer> change = all(REDIRECT, NOT_ALLOWED);
        change.put(Who.LEADER, FORBIDDEN);
        m.put("POST /hazards", new Row(post("/hazards").with(csrf()), change));
        recording(m);
        // 双随机、一公开: the bureau's plan pages (not a unit's: an inspection known in advance is not random);
        // drawing and publishing take an account linked to a ledger person with the right to (none of the
        // matrix's accounts is linked: PlanPagesTest draws with one that is), so every role is refused here.
        m.put("GET /plans", new Row(get("/plans"), bureau));
        Map<Who, Integer> noPlan = all(REDIRECT, NOT_FOUND);
        noPlan.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("GET /plans/{planId}", new Row(get("/plans/NO-SUCH-PLAN"), noPlan));
        m.put("GET /plans/{planId}/check", new Row(get("/plans/NO-SUCH-PLAN/check"), noPlan));
        // (bureau staff acting as a ledger person may draw: their count is out of range, so nothing is drawn)
        Map<Who, Integer> drawRefused = all(REDIRECT, FORBIDDEN);
        drawRefused.put(Who.STAFF, BAD);
        m.put("POST /plans", new Row(post("/plans").with(csrf()).param("count", "-1").param("eventId", "matrix-draw-1"),
                drawRefused));
        Map<Who, Integer> publishMissing = all(REDIRECT, FORBIDDEN);
        publishMissing.put(Who.STAFF, NOT_FOUND);
        m.put("POST /plans/{planId}/publish", new Row(post("/plans/NO-SUCH-PLAN/publish").with(csrf()),
                publishMissing));
        // Sending other inspectors to a visit: bureau staff acting as a ledger person (no such plan: 404 for them)
        m.put("POST /plans/{planId}/assignment", new Row(post("/plans/NO-SUCH-PLAN/assignment").with(csrf())
                .param("venueId", ownVenue).param("inspectors", "P-INSP-1").param("reason", "回避"), publishMissing));
        m.put("POST /api/plans/{planId}/assignment", new Row(post("/api/plans/NO-SUCH-PLAN/assignment").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"venueId\": \"" + ownVenue
                        + "\", \"inspectors\": [\"P-INSP-1\"], \"reason\": \"回避\"}"), api(publishMissing)));
        // 账号管理: the administrator's alone (no account of that name: 404 for them, refused for the rest).
        m.put("GET /admin/accounts", new Row(get("/admin/accounts"), admin));
        Map<Who, Integer> adminBad = all(REDIRECT, FORBIDDEN);
        adminBad.put(Who.ADMIN, BAD);
        m.put("POST /admin/accounts", new Row(post("/admin/accounts").with(csrf()), adminBad));
        Map<Who, Integer> adminMissing = all(REDIRECT, FORBIDDEN);
        adminMissing.put(Who.ADMIN, NOT_FOUND);
        for (String action : List.of("reset", "lock", "unlock")) {
            m.put("POST /admin/accounts/{username}/" + action, new Row(post("/admin/accounts/no-such-user/" + action)
                    .with(csrf()), adminMissing));
        }
        // A unit's own work: an officer reaches their own unit's only; recording takes an account linked to a
        // ledger person (none here: UnitWorkPagesTest records with one), so every role is refused it.
        String[] units = TestAccounts.officerUnits(ledger);
        Map<Who, Integer> unitsIndex = all(REDIRECT, OK);
        unitsIndex.put(Who.UNIT_OFFICER, REDIRECT);
        m.put("GET /units", new Row(get("/units"), unitsIndex));
        m.put("GET /units/{unitId}", new Row(get("/units/" + units[0]), signedIn));
        Map<Who, Integer> otherUnitsWork = all(REDIRECT, OK);
        otherUnitsWork.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("GET /units/{unitId} (another unit's)", new Row(get("/units/" + units[1]), otherUnitsWork));
        // Recording a unit's work: staff and the unit's officer may (each submission here is invalid: 400, nothing
        // recorded); the others are refused.
        Map<Who, Integer> unitWorkRefused = all(REDIRECT, FORBIDDEN);
        unitWorkRefused.put(Who.STAFF, BAD);
        unitWorkRefused.put(Who.UNIT_OFFICER, BAD);
        m.put("GET /units/{unitId}/checklists/{checklistId}", new Row(get("/units/" + units[0]
                + "/checklists/readiness").param("venue", ownVenue), signedIn));
        m.put("POST /units/{unitId}/checklists/{checklistId}", new Row(post("/units/" + units[0]
                + "/checklists/readiness").with(csrf()).param("venue", ownVenue).param("key", "matrix-key-1")
                .param("fail", "NOT_AN_ITEM"), unitWorkRefused));
        m.put("POST /units/{unitId}/education", new Row(post("/units/" + units[0] + "/education").with(csrf())
                .param("activity", "FIVE_INTO").param("participants", "many").param("key", "matrix-key-2"),
                unitWorkRefused));
        // 一公开: open to anyone; a plan not published is not there.
        m.put("GET /public/plans", new Row(get("/public/plans"), all(OK, OK)));
        m.put("GET /public/plans/{planId}", new Row(get("/public/plans/NO-SUCH-PLAN"), all(NOT_FOUND, NOT_FOUND)));
        return m;
    }

    /**
     * The recording forms, their API and the evidence files. Every submission here is refused (a date
     * in the future, a required field left out) so that nothing changes: 422 for whoever may record
     * the event, 403 for an account whose ledger person holds no role {@code ledger.yaml} gives the
     * event, for the leader (read-only) and the administrator (an account acting as no person of the
     * ledger), and 403 for a unit officer on another unit's venue or hazard, before anything is checked.
     */
    private void recording(Map<String, Row> m) {
        Map<Who, Integer> signedIn = all(REDIRECT, OK);
        Map<Who, Integer> otherUnit = all(REDIRECT, OK);
        otherUnit.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("GET /venues/{venueId}/inspection", new Row(get("/venues/" + ownVenue + "/inspection"), signedIn));
        m.put("GET /venues/{venueId}/inspection (another unit's)", new Row(get("/venues/" + otherVenue + "/inspection"),
                otherUnit));
        m.put("GET /venues/{venueId}/inspection/finding", new Row(get("/venues/" + ownVenue + "/inspection/finding")
                .param("index", "1"), signedIn));
        m.put("GET /hazard", new Row(get("/hazard").param("id", ownHazard), signedIn));
        m.put("GET /hazard (another unit's)", new Row(get("/hazard").param("id", otherHazard), otherUnit));
        m.put("GET /attachments/{attachmentId}", new Row(get("/attachments/" + ownAttachment), signedIn));
        m.put("GET /attachments/{attachmentId} (another unit's)", new Row(get("/attachments/" + otherAttachment),
                otherUnit));
        m.put("GET /v3/api-docs", new Row(get("/v3/api-docs"), signedIn));

        Map<Who, Integer> refused = all(REDIRECT, UNPROCESSABLE);
        refused.put(Who.ADMIN, FORBIDDEN);
        refused.put(Who.LEADER, FORBIDDEN);
        Map<Who, Integer> refusedOther = new EnumMap<>(refused);
        refusedOther.put(Who.UNIT_OFFICER, FORBIDDEN);
        m.put("POST /venues/{venueId}/inspection", new Row(post("/venues/" + ownVenue + "/inspection").with(csrf())
                .param("kind", "SPOT_CHECK").param("date", FUTURE), refused));
        m.put("POST /venues/{venueId}/inspection (another unit's)", new Row(post("/venues/" + otherVenue + "/inspection")
                .with(csrf()).param("kind", "SPOT_CHECK").param("date", FUTURE), refusedOther));
        // Each hazard form: 422 for the roles ledger.yaml gives its events (the demo's: bureau staff P-STAFF-1,
        // the unit's officer, inspector P-INSP-1), 403 for the others, whatever is wrong with the fields.
        Map<String, Map<Who, Integer>> forms = new LinkedHashMap<>();
        forms.put("plan", mayRecord(Who.STAFF, Who.UNIT_OFFICER));
        forms.put("rectification", mayRecord(Who.UNIT_OFFICER));
        forms.put("reinspection", mayRecord(Who.INSPECTOR));
        forms.put("closure", mayRecord(Who.STAFF));
        forms.put("extension-request", mayRecord(Who.UNIT_OFFICER));
        forms.put("extension-decision", mayRecord(Who.STAFF));
        forms.put("reopening", mayRecord(Who.INSPECTOR));
        forms.forEach((form, expected) -> {
            Map<Who, Integer> other = new EnumMap<>(expected);
            other.put(Who.UNIT_OFFICER, FORBIDDEN);
            m.put("POST /hazard/" + form, new Row(post("/hazard/" + form).with(csrf()).param("hazardId", ownHazard)
                    .param("date", FUTURE), expected));
            m.put("POST /hazard/" + form + " (another unit's)", new Row(post("/hazard/" + form).with(csrf())
                    .param("hazardId", otherHazard).param("date", FUTURE), other));
            m.put("POST /api/hazards/" + form, new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + ownHazard + "\", \"date\": \""
                            + FUTURE + "\"}"), api(expected)));
            m.put("POST /api/hazards/" + form + " (another unit's)", new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + otherHazard + "\", \"date\": \""
                            + FUTURE + "\"}"), api(other)));
            // A value that is not of its field's type: still 403 for whoever may not act, on this hazard too, 422 for
            // whoever may (the API reads the hazard a JSON body names even when the body does not bind)
            m.put("POST /hazard/" + form + " (not a date, another unit's)", new Row(post("/hazard/" + form).with(csrf())
                    .param("hazardId", otherHazard).param("date", "not-a-date"), other));
            m.put("POST /api/hazards/" + form + " (not a date)", new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + ownHazard
                            + "\", \"date\": \"not-a-date\"}"), api(expected)));
            m.put("POST /api/hazards/" + form + " (not a date, another unit's)", new Row(post("/api/hazards/" + form)
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"not-a-date\", "
                            + "\"hazardId\": \"" + otherHazard + "\"}"), api(other)));
            // A body that is not JSON names no hazard: whoever may record the event is told it is not JSON (400)
            Map<Who, Integer> notJson = new EnumMap<>(expected);
            notJson.replaceAll((who, status) -> status == UNPROCESSABLE ? BAD : status);
            m.put("POST /api/hazards/" + form + " (not JSON, another unit's)", new Row(post("/api/hazards/" + form)
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + otherHazard
                            + "\", \"date\": "), api(notJson)));
        });
        // 作废, 挂牌督办 and enforcement take a ledger role besides (ledger.yaml permissions), checked first: 403 for
        // an account whose person holds none. Cancelling is bureau staff's and leaders', enforcement inspectors'
        // and staff's, 挂牌督办 a bureau leader's alone (no account here acts as one: HazardDecisionFormsTest
        // lists with one). A unit officer holds none of them, on their own unit's hazard or another's.
        Map<Who, Integer> staffOnly = all(REDIRECT, FORBIDDEN);
        staffOnly.put(Who.STAFF, UNPROCESSABLE);
        Map<Who, Integer> leaderOnly = all(REDIRECT, FORBIDDEN);
        Map<Who, Integer> enforcing = all(REDIRECT, FORBIDDEN);
        enforcing.put(Who.STAFF, UNPROCESSABLE);
        enforcing.put(Who.INSPECTOR, UNPROCESSABLE);
        Map<String, Map<Who, Integer>> decisions = new LinkedHashMap<>();
        decisions.put("cancellation", staffOnly);
        decisions.put("supervision", leaderOnly);
        decisions.put("supervision-lifting", leaderOnly);
        decisions.put("enforcement", enforcing);
        decisions.forEach((form, expected) -> {
            m.put("POST /hazard/" + form, new Row(post("/hazard/" + form).with(csrf()).param("hazardId", ownHazard)
                    .param("date", FUTURE), expected));
            Map<Who, Integer> other = new EnumMap<>(expected);
            other.put(Who.UNIT_OFFICER, FORBIDDEN);
            m.put("POST /hazard/" + form + " (another unit's)", new Row(post("/hazard/" + form).with(csrf())
                    .param("hazardId", otherHazard).param("date", FUTURE), other));
            m.put("POST /api/hazards/" + form, new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + ownHazard + "\", \"date\": \""
                            + FUTURE + "\"}"), api(expected)));
            m.put("POST /api/hazards/" + form + " (another unit's)", new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + otherHazard + "\", \"date\": \""
                            + FUTURE + "\"}"), api(other)));
            m.put("POST /api/hazards/" + form + " (not a date)", new Row(post("/api/hazards/" + form).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + ownHazard
                            + "\", \"date\": \"not-a-date\"}"), api(expected)));
        });
        Map<Who, Integer> planOther = mayRecord(Who.STAFF);
        m.put("POST /api/hazards/plan (no date, another unit's)", new Row(post("/api/hazards/plan").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazardId\": \"" + otherHazard + "\"}"),
                api(planOther)));
        m.put("POST /venues/{venueId}/inspection (not a date, another unit's)", new Row(post("/venues/" + otherVenue
                + "/inspection").with(csrf()).param("kind", "SPOT_CHECK").param("date", "not-a-date"), refusedOther));
        m.put("POST /api/inspections (not a date, another unit's)", new Row(post("/api/inspections").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"SPOT_CHECK\", \"date\": \"not-a-date\", "
                        + "\"venueId\": \"" + otherVenue + "\"}"), api(refusedOther)));
        m.put("POST /api/inspections (a finding's ratio not a number, another unit's)", new Row(post("/api/inspections")
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"venueId\": \"" + otherVenue
                        + "\", \"kind\": \"SPOT_CHECK\", \"findings\": [{\"hazardCode\": \"EXIT_WIDTH_SHORT\", "
                        + "\"ratio\": \"六成\"}]}"), api(refusedOther)));
        m.put("POST /api/inspections", new Row(post("/api/inspections").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueId\": \"" + ownVenue + "\", \"kind\": \"SPOT_CHECK\", \"date\": \"" + FUTURE + "\"}"),
                api(refused)));
        m.put("POST /api/inspections (another unit's)", new Row(post("/api/inspections").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"venueId\": \"" + otherVenue
                        + "\", \"kind\": \"SPOT_CHECK\", \"date\": \"" + FUTURE + "\"}"), api(refusedOther)));
        m.put("POST /api/venues/{venueId}/attachments", new Row(multipart("/api/venues/" + ownVenue + "/attachments")
                .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "not a photo".getBytes())).with(csrf()),
                api(refused)));
        m.put("POST /api/venues/{venueId}/attachments (another unit's)", new Row(multipart("/api/venues/" + otherVenue
                + "/attachments").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "not a photo".getBytes()))
                .with(csrf()), api(refusedOther)));
    }

    /**
     * A recording form's statuses: 422 (its submission here is invalid, nothing recorded) for the accounts
     * whose ledger person holds a role that may record it, 403 for every other signed-in account.
     */
    private static Map<Who, Integer> mayRecord(Who... allowed) {
        Map<Who, Integer> m = all(REDIRECT, FORBIDDEN);
        for (Who w : allowed) {
            m.put(w, UNPROCESSABLE);
        }
        return m;
    }

    /** The same, for the JSON API: someone not signed in is told so (401), not sent to the login page. */
    private static Map<Who, Integer> api(Map<Who, Integer> statuses) {
        Map<Who, Integer> m = new EnumMap<>(statuses);
        m.put(Who.ANONYMOUS, UNAUTHORIZED);
        return m;
    }

    record Row(AbstractMockHttpServletRequestBuilder<?> request, Map<Who, Integer> expected) {}

    private static Map<Who, Integer> all(int anonymous, int signedIn) {
        Map<Who, Integer> m = new EnumMap<>(Who.class);
        for (Who w : Who.values()) {
            m.put(w, w == Who.ANONYMOUS ? anonymous : signedIn);
        }
        return m;
    }

    @Test
    void everyEndpointGivesEachRoleWhatTheMatrixSaysAndNothingChanges() throws Exception {
        long events = ledger.eventCount();
        List<String> wrong = new ArrayList<>();
        for (var e : matrix().entrySet()) {
            for (Who who : Who.values()) {
                AbstractMockHttpServletRequestBuilder<?> request = e.getValue().request();
                if (who != Who.ANONYMOUS) {
                    request = request.with(user(accounts.loadUserByUsername(username(who))));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                int expected = e.getValue().expected().get(who);
                if (status != expected) {
                    wrong.add(e.getKey() + " as " + who + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ledger.eventCount()).as("events after every refused request").isEqualTo(events);
    }

    @Test
    void everyEndpointOfTheDeskIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("io.firerisk.server")) {
                for (String path : info.getPatternValues()) {
                    for (var m : info.getMethodsCondition().getMethods()) {
                        mapped.add(m.name() + " " + path);
                    }
                }
            }
        });
        assertThat(mapped).isNotEmpty();
        assertThat(matrix().keySet()).containsAll(mapped);
    }

    @Test
    void aUnitOfficerAskingForAnotherUnitsVenueByIdIsRefusedAndNothingChanges() throws Exception {
        long events = ledger.eventCount();
        String body = mvc.perform(get("/venues/" + otherVenue).with(user(accounts.loadUserByUsername("test-officer"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("您无权查看或更改此内容").doesNotContain(otherVenue + " ·");
        assertThat(ledger.eventCount()).isEqualTo(events);
        // Nor does the hazard list let them widen their scope by asking for the other unit
        String list = mvc.perform(get("/hazards").param("unit", TestAccounts.officerUnits(ledger)[1])
                .with(user(accounts.loadUserByUsername("test-officer")))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("没有符合条件的隐患").doesNotContain("/venues/" + otherVenue);
    }

    @Test
    void aUnitOfficerPostingABodyThatIsNotAFileToAnotherUnitsVenueByPathIsRefusedForTheVenueAndNothingChanges()
            throws Exception {
        // Given a unit officer, and the attachments endpoint, whose path names the venue
        long events = ledger.eventCount();

        // When they post a body that is no upload at all to another unit's venue, and to their own
        var other = mvc.perform(post("/api/venues/" + otherVenue + "/attachments").with(csrf())
                .with(user(accounts.loadUserByUsername("test-officer")))
                .contentType(MediaType.MULTIPART_FORM_DATA).content("not json")).andReturn().getResponse();
        var own = mvc.perform(post("/api/venues/" + ownVenue + "/attachments").with(csrf())
                .with(user(accounts.loadUserByUsername("test-officer")))
                .contentType(MediaType.MULTIPART_FORM_DATA).content("not json")).andReturn().getResponse();

        // Then the other unit's venue is refused for the venue (403), whatever the body, before the body is read;
        // their own is told the file is missing (400, naming the field), and nothing is recorded
        assertThat(other.getStatus()).isEqualTo(FORBIDDEN);
        assertThat(other.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("您无权查看或更改此内容");
        assertThat(own.getStatus()).isEqualTo(BAD);
        assertThat(own.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"file\"", "没有上传文件");
        // And so through the real container too, which parses the multipart body itself (MockMvc does not), signed in
        // with HTTP Basic as another system would be
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("test-officer:" + TestAccounts.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (var venue : Map.of(otherVenue, FORBIDDEN, ownVenue, BAD).entrySet()) {
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + "/api/venues/" + venue.getKey() + "/attachments")).header("Authorization", basic)
                    .header("Content-Type", "multipart/form-data; boundary=b").header("Accept", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("not json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(venue.getKey() + ": " + r.body()).isEqualTo(venue.getValue());
        }
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void aBodyThatIsNotJsonAboutAHazardNamesNoHazardSoWhoeverMayRecordTheEventIsToldItIsNotJson() throws Exception {
        // Given a unit officer, who may report their unit's hazards rectified, and an inspector, who may not; the
        // hazard endpoints take the hazard from the body (hazardId), not the path
        long events = ledger.eventCount();

        // When each posts a body that is not JSON at all
        var officer = mvc.perform(post("/api/hazards/rectification").with(csrf())
                .with(user(accounts.loadUserByUsername("test-officer")))
                .contentType(MediaType.APPLICATION_JSON).content("not json")).andReturn().getResponse();
        var inspector = mvc.perform(post("/api/hazards/rectification").with(csrf())
                .with(user(accounts.loadUserByUsername("test-inspector")))
                .contentType(MediaType.APPLICATION_JSON).content("not json")).andReturn().getResponse();

        // Then the officer is told the body is not JSON (400: it names no hazard, own or another unit's, so there is
        // nothing to authorize beyond the event, and the answer cannot depend on any hazard); the inspector, whose
        // roles may not record a rectification at all, is refused that first (403); nothing is recorded
        assertThat(officer.getStatus()).isEqualTo(BAD);
        assertThat(officer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("请求正文不是有效的 JSON");
        assertThat(inspector.getStatus()).isEqualTo(FORBIDDEN);
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    private static String username(Who who) {
        return switch (who) {
            case ADMIN -> "test-admin";
            case STAFF -> "test-staff";
            case UNIT_OFFICER -> "test-officer";
            case INSPECTOR -> "test-inspector";
            case LEADER -> "test-leader";
            case ANONYMOUS -> throw new IllegalArgumentException();
        };
    }
}
