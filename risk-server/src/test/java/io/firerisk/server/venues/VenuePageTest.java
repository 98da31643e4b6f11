package io.firerisk.server.venues;

import io.firerisk.Finding;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskGrade;
import io.firerisk.VenueFacts;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.HostileVenue;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DeskTest
class VenuePageTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);

    @Autowired
    VenueService venues;
    @Autowired
    MessageSource messages;

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername("test-staff")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** What htmx asks for when the reader opens a part of a page: the part alone. */
    private String fragment(String url) throws Exception {
        return mvc.perform(get(url).header("HX-Request", "true").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
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
            WhatIf w = venues.whatIf(v, java.util.Locale.SIMPLIFIED_CHINESE);
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
    void onTheDemoDayRectifyingWZ0174sFirstHazardLowersItFromRedToOrangeAndBothToYellow() throws Exception {
        // Given WZ-0174 of the demo data as of 2024-02-05: red, with two hazards awaiting rectification
        VenueView v = ledger.venue("WZ-0174", DEMO_DAY).orElseThrow();
        assertThat(v.assessment().grade()).isEqualTo(RiskGrade.RED);
        assertThat(v.hazards()).filteredOn(h -> h.state().awaitsRectification()).hasSize(2);
        // When the desk is asked what would lower its grade
        WhatIf w = venues.whatIf(v, Locale.SIMPLIFIED_CHINESE);
        // Then (stated by hand, not worked out again here) WZ-0174/F1 alone lowers it to ORANGE, the other one alone
        // does not lower it, and both rectified give YELLOW
        assertThat(w.current()).isEqualTo(RiskGrade.RED);
        assertThat(w.lowering()).extracting(WhatIf.Lowering::hazardId, WhatIf.Lowering::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WZ-0174/F1", RiskGrade.ORANGE));
        assertThat(w.ifAllRectified()).isEqualTo(RiskGrade.YELLOW);
        // And the page says so
        List<String> lines = whatIfOnPage(fragment("/venues/WZ-0174/what-if?asOf=" + DEMO_DAY));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("整改并复查通过 WZ-0174/F1（").endsWith("）后，等级降为：较大风险");
        assertThat(lines.get(1)).isEqualTo("全部未销号隐患整改并复查通过后，等级为：一般风险");
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

    /** The engine's answer, worked out here from what the ledger told it: each open hazard rectified alone, then all. */
    private List<String> whatIfLines(VenueView v) {
        var engine = ledger.engine();
        RiskGrade current = v.assessment().grade();
        List<Finding> all = new ArrayList<>(v.facts().findings());
        List<String> lines = new ArrayList<>();
        for (HazardView h : v.hazards()) {
            if (h.finding().isEmpty() || !h.state().awaitsRectification()) {
                continue;
            }
            List<Finding> one = new ArrayList<>(v.facts().findings());
            for (int i = 0; i < one.size(); i++) {
                if (one.get(i).id().equals(h.hazardId())) {
                    Finding rectified = one.get(i).toBuilder().status(RectificationStatus.VERIFIED).build();
                    one.set(i, rectified);
                    all.set(i, rectified);
                }
            }
            RiskGrade grade = engine.assess(facts(v, one)).grade();
            if (grade.compareTo(current) < 0) {
                lines.add(message("venue.whatIfOne", h.hazardId(), h.label().zh(), grade.label().zh()));
            }
        }
        RiskGrade ifAll = engine.assess(facts(v, all)).grade();
        if (lines.isEmpty() && ifAll == current) {
            return List.of(message("venue.whatIfNothing"));
        }
        lines.add(message("venue.whatIfAll", ifAll.label().zh()));
        return lines;
    }

    private static VenueFacts facts(VenueView v, List<Finding> findings) {
        return new VenueFacts(v.venue(), findings, v.asOf(), v.facts().judgedNotMajor(), v.facts().noRealFireRisk());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** The lines of 如何降低风险等级 as the reader sees them (tags dropped, entities read back). */
    private static List<String> whatIfOnPage(String html) {
        int at = html.indexOf("id=\"what-if\"");
        assertThat(at).as("the page has its what-if section").isPositive();
        String section = html.substring(html.lastIndexOf('<', at));
        int end = section.indexOf("</section>");
        section = end < 0 ? section : section.substring(0, end);
        List<String> lines = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:li|p)[^>]*>(.*?)</(?:li|p)>", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            lines.add(HtmlUtils.htmlUnescape(m.group(1).strip()));
        }
        return lines;
    }

    @Test
    void todaysPageSaysWhenOpenedWhatWouldLowerTheGradeAsTheEngineDoesAndFollowsARecording() throws Exception {
        // Given a venue of today with a hazard whose rectification alone lowers its grade, its page shown once
        LocalDate today = ledger.today();
        VenueView v = ledger.hazards(HazardQuery.builder().asOf(today).states(HazardState.OPEN).page(0, 500).build())
                .items().stream().map(HazardRow::venueId).distinct()
                .map(id -> ledger.venue(id, today).orElseThrow())
                .filter(x -> !venues.whatIf(x, Locale.SIMPLIFIED_CHINESE).lowering().isEmpty())
                .findFirst().orElseThrow();
        String url = "/venues/" + v.venueId() + "?asOf=" + today;
        long seen = v.timeline().stream().mapToLong(RecordedEvent::sequence).max().orElseThrow();
        String whatIfUrl = "/venues/" + v.venueId() + "/what-if?seen=" + seen + "&asOf=" + today;
        String before = page(url);
        // Then the page offers 如何降低风险等级, worked out when opened (htmx), and says there, in Chinese, what the
        // engine says with each open hazard rectified; the link names the last event the page was made from
        assertThat(before).contains("<summary>如何降低风险等级</summary>",
                "hx-get=\"" + HtmlUtils.htmlEscape(whatIfUrl) + "\"", "href=\"" + HtmlUtils.htmlEscape(whatIfUrl) + "\"");
        List<String> expected = whatIfLines(v);
        String opened = fragment(whatIfUrl);
        assertThat(whatIfOnPage(opened)).isEqualTo(expected);
        assertThat(opened).doesNotContain("what-if-changed");
        assertThat(expected.get(0)).startsWith("整改并复查通过 ");
        String lowering = venues.whatIf(v, Locale.SIMPLIFIED_CHINESE).lowering().get(0).hazardId();
        assertThat(opened).contains(HtmlUtils.htmlEscape(lowering));

        // When that hazard is cancelled today
        ledger.record(Entry.of("venue-page-what-if-" + UUID.randomUUID(), TestAccounts.STAFF_PERSON, Instant.now(),
                new Event.HazardCancelled(lowering, "recorded twice")));
        // Then the page shown before, opened now, says what the engine says now (the cancelled hazard is no longer
        // one to rectify) and that this is newer than the page
        VenueView after = ledger.venue(v.venueId(), today).orElseThrow();
        String openedLate = fragment(whatIfUrl);
        assertThat(whatIfOnPage(openedLate)).isEqualTo(whatIfLines(after)).isNotEqualTo(expected)
                .noneMatch(line -> line.contains(lowering + "（"));
        assertThat(openedLate).contains("id=\"what-if-changed\"", "本页打开后，该场所又有新的记录");
        // And the page shown now links to a what-if that is not newer than it
        long seenNow = after.timeline().stream().mapToLong(RecordedEvent::sequence).max().orElseThrow();
        assertThat(seenNow).isGreaterThan(seen);
        String whatIfNow = "/venues/" + v.venueId() + "/what-if?seen=" + seenNow + "&asOf=" + today;
        assertThat(page(url)).contains("hx-get=\"" + HtmlUtils.htmlEscape(whatIfNow) + "\"");
        assertThat(fragment(whatIfNow)).doesNotContain("what-if-changed");
        assertThat(page(url).split("<time>", -1)).hasSize(v.timeline().size() + 2);
    }

    @Test
    void whatWouldLowerTheGradeOpenedWithoutScriptIsAWholePageWithAWayBack() throws Exception {
        // Given a red venue of the demo day
        String id = redVenue();
        VenueView v = ledger.venue(id, DEMO_DAY).orElseThrow();
        String url = "/venues/" + id + "/what-if?asOf=" + DEMO_DAY;
        // When htmx asks for what would lower its grade
        String part = fragment(url);
        // Then it gets the part alone, to put into the page
        assertThat(part).doesNotContain("<html", "<title>").contains("id=\"what-if\"");
        // When a browser without script follows the plain link
        String whole = page(url);
        // Then it gets the whole page: language, title naming the venue, the same lines, and the way back to the venue
        assertThat(whole).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">",
                "<title>" + HtmlUtils.htmlEscape(v.venue().name()) + " · 如何降低风险等级 · ",
                "id=\"back-to-venue\" href=\"/venues/" + id, "返回场所");
        assertThat(whatIfOnPage(whole)).isEqualTo(whatIfOnPage(part)).isNotEmpty();
    }

    private void rename(Directory.Person person, String name) {
        ledger.record(Entry.of("rename-" + UUID.randomUUID(), "admin", Instant.now(),
                new Event.PersonChanged(person.personId(), name, person.unitId(), person.roles())));
    }
}
