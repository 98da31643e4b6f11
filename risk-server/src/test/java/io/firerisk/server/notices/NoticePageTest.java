package io.firerisk.server.notices;

import io.firerisk.HazardVerdict;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.VenueListing;
import io.firerisk.ledger.notice.Notice;
import io.firerisk.ledger.notice.Notices;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The notices from the desk: the page is the ledger's notice (the same model and template the program prints),
 * the PDF is that page printed by Chromium and reads back in Chinese, and a unit officer gets only their own
 * unit's notices, whether asked by venue or by hazard id.
 */
@DeskTest
class NoticePageTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);

    String[] units;

    @BeforeEach
    void accounts() {
        units = TestAccounts.officerUnits(ledger);
    }

    private MockHttpServletResponse as(String username, String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    }

    /** A hazard of {@code unit} still to be rectified on the demo day (one a notice may order). */
    private HazardRow openHazardOf(String unit) {
        return ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).units(unit).build()).items().stream()
                .filter(h -> Notices.toRectify(h.state())).findFirst().orElseThrow();
    }

    @Test
    void aVenuesNoticeIsTheLedgersNoticeWithItsHazardsClausesAndDeadlineAndLinksToItsPdf() throws Exception {
        HazardRow h = openHazardOf(units[0]);
        Notice expected = Notices.of(ledger).forVenue(h.venueId(), DEMO_DAY);

        MockHttpServletResponse r = as("test-staff", "/notice?venue=" + h.venueId() + "&asOf=" + DEMO_DAY);

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/html");
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>火灾隐患整改通知书</h1>", expected.reference(), expected.venueName(),
                "<link rel=\"stylesheet\" href=\"/css/notice/notice.css\">", "href=\"/notice.pdf?venue=" + h.venueId() + "&amp;asOf=2024-02-05\"");
        // and its A4 style sheet is served as a file (the desk's CSP allows no inline style)
        assertThat(as("test-staff", "/css/notice/notice.css").getContentAsString(StandardCharsets.UTF_8))
                .contains("@page { size: A4 portrait");
        for (Notice.Item i : expected.items()) {
            assertThat(html).contains(i.hazardId(), i.clause().id(), i.deadline().toString());
        }
        assertThat(expected.items()).extracting(Notice.Item::hazardId).contains(h.hazardId());
    }

    @Test
    void theMajorHazardNoticeForASuspectedVenueSaysItAwaitsTheCollectiveDetermination() throws Exception {
        VenueListing suspected = ledger.venues(DEMO_DAY).stream()
                .filter(v -> ledger.venue(v.venueId(), DEMO_DAY).orElseThrow().assessment().verdict()
                        == HazardVerdict.SUSPECTED_MAJOR)
                .filter(v -> ledger.venue(v.venueId(), DEMO_DAY).orElseThrow().hazards().stream()
                        .anyMatch(x -> x.state().isOpen() && x.supervision().isEmpty()))
                .findFirst().orElseThrow();
        Notice expected = Notices.of(ledger).majorHazard(suspected.venueId(), DEMO_DAY);
        assertThat(expected.determination()).isNotEmpty();

        String html = as("test-staff", "/notice?venue=" + suspected.venueId() + "&major=true&asOf=" + DEMO_DAY)
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<h1>重大火灾隐患整改通知书</h1>", expected.reference(), suspected.name(),
                "class=\"pending\"", expected.determination().get(0));
        // A venue without a suspected major hazard gets no major-hazard notice, and is told why.
        VenueListing general = ledger.venues(DEMO_DAY).stream()
                .filter(v -> ledger.venue(v.venueId(), DEMO_DAY).orElseThrow().assessment().verdict()
                        != HazardVerdict.SUSPECTED_MAJOR)
                .filter(v -> ledger.venue(v.venueId(), DEMO_DAY).orElseThrow().hazards().stream()
                        .noneMatch(x -> x.supervision().isPresent()))
                .findFirst().orElseThrow();
        MockHttpServletResponse refused = as("test-staff", "/notice?venue=" + general.venueId() + "&major=true&asOf=2024-02-05");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("无法出具通知书");
    }

    @Test
    void aUnitOfficerGetsTheirOwnUnitsNoticeAndIsRefusedAnotherUnitsByVenueAndByHazardId() throws Exception {
        HazardRow own = openHazardOf(units[0]);
        HazardRow other = openHazardOf(units[1]);

        assertThat(as("test-officer", "/notice?hazard=" + own.hazardId() + "&asOf=2024-02-05").getStatus()).isEqualTo(200);
        for (String url : new String[] {"/notice?venue=" + other.venueId(), "/notice?hazard=" + other.hazardId(),
                "/notice?venue=" + other.venueId() + "&major=true", "/notice.pdf?hazard=" + other.hazardId()}) {
            MockHttpServletResponse r = as("test-officer", url + "&asOf=2024-02-05");
            assertThat(r.getStatus()).as(url).isEqualTo(403);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(url).contains("您无权查看或更改此内容")
                    .doesNotContain(other.venueName());
        }
    }

    @Test
    void aHazardClosedByTheDateGetsNoNoticeThatDayButDidBefore() throws Exception {
        HazardRow closed = ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).states(HazardState.CLOSED).build()).items()
                .stream().filter(h -> h.foundOn().isBefore(DEMO_DAY.minusDays(1))).findFirst().orElseThrow();
        var history = ledger.hazard(closed.hazardId(), DEMO_DAY).orElseThrow();
        LocalDate before = closed.foundOn();
        assertThat(ledger.hazard(closed.hazardId(), before).orElseThrow().state().isOpen()).isTrue();

        assertThat(as("test-staff", "/notice?hazard=" + closed.hazardId() + "&asOf=" + before).getStatus()).isEqualTo(200);
        assertThat(as("test-staff", "/notice?hazard=" + closed.hazardId() + "&asOf=" + DEMO_DAY).getStatus())
                .as("closed on %s", history.closedOn()).isEqualTo(409);
    }

    @Test
    void theNoticePrintedToPdfFromTheDeskReadsBackInChineseWithVenueClausesAndDeadline(@TempDir Path dir) throws Exception {
        HazardRow h = openHazardOf(units[0]);
        Notice expected = Notices.of(ledger).forVenue(h.venueId(), DEMO_DAY);

        MockHttpServletResponse r = as("test-officer", "/notice.pdf?venue=" + h.venueId() + "&asOf=2024-02-05");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/pdf");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment;").contains(".pdf");
        Path pdf = dir.resolve("notice.pdf");
        Files.write(pdf, r.getContentAsByteArray());
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertThat(p.waitFor()).as(text).isZero();
        Notice.Item first = expected.items().get(0);
        assertThat(text).contains("火灾隐患整改通知书", expected.venueName().replaceAll("\\s+", ""), expected.reference())
                .contains(first.clause().id().replaceAll("\\s+", ""))
                .contains(expected.deadline().isBefore(DEMO_DAY)
                        ? "整改期限：已过期限的隐患（最早" + expected.deadline() + "）应立即整改完毕"
                        : "整改期限：" + expected.deadline() + "前整改完毕")
                .contains("责任", "措施", "时限", "资金", "预案")
                .doesNotContain("下载PDF");
    }

    @Test
    void aHazardVerifiedAwaitingClosureIsNotOrderedRectifiedAndTheVenuePageOffersNoNoticeForIt() throws Exception {
        // Given the demo ledger's WZ-0025 on 2024-02-05: its locked exit re-inspected and passed, awaiting closure
        var venue = ledger.venue("WZ-0025", DEMO_DAY).orElseThrow();
        var exit = venue.hazards().stream().filter(h -> h.hazardCode().equals("EXIT_LOCKED_OR_BLOCKED")).findFirst()
                .orElseThrow();
        assertThat(exit.state()).isEqualTo(HazardState.VERIFIED);

        // When its notice is asked for, then it is refused, saying the hazard is verified awaiting closure
        MockHttpServletResponse byHazard = as("test-staff", "/notice?hazard=" + exit.hazardId() + "&asOf=" + DEMO_DAY);
        assertThat(byHazard.getStatus()).isEqualTo(409);
        assertThat(byHazard.getContentAsString(StandardCharsets.UTF_8)).contains("无法出具通知书：场所 WZ-0025 截至 "
                + DEMO_DAY + " 没有待整改的隐患（" + exit.hazardId() + " 复查通过待销号）");

        // And the venue's notice is refused too: its other hazard (the extinguishers) is closed, nothing is left
        var extinguishers = venue.hazards().stream().filter(h -> !h.hazardId().equals(exit.hazardId())).findFirst()
                .orElseThrow();
        assertThat(extinguishers.state()).isEqualTo(HazardState.CLOSED);
        MockHttpServletResponse byVenue = as("test-staff", "/notice?venue=WZ-0025&asOf=" + DEMO_DAY);
        assertThat(byVenue.getStatus()).isEqualTo(409);
        assertThat(byVenue.getContentAsString(StandardCharsets.UTF_8)).contains("无法出具通知书：场所 WZ-0025 截至 "
                + DEMO_DAY + " 没有待整改的隐患（" + exit.hazardId() + " 复查通过待销号，" + extinguishers.hazardId()
                + " 已销号）");
        // And in English the same refusal, in English
        assertThat(as("test-staff", "/notice?venue=WZ-0025&asOf=" + DEMO_DAY + "&lang=en")
                .getContentAsString(StandardCharsets.UTF_8)).contains("has nothing left to rectify as of " + DEMO_DAY
                        + " (" + exit.hazardId() + " verified, awaiting closure, " + extinguishers.hazardId() + " closed)");
        // And the venue page offers no notice for the verified hazard
        String page = as("test-staff", "/venues/WZ-0025?asOf=" + DEMO_DAY).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("/notice?hazard=" + exit.hazardId().replace("/", "%2F"))
                .doesNotContain("/notice?hazard=" + exit.hazardId() + "&");
        assertThat(page).doesNotContain("id=\"notice-venue\"");
    }
}
