package io.firerisk.server.inspections;

import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.InspectionView;
import io.firerisk.ledger.VenueListing;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 检查记录 in the desk: the ledger's inspections of the days asked for, filtered by unit, street, inspector, kind
 * and days, every page of the list together holding exactly the inspections the ledger has for the filter; and a
 * unit officer's list holding their own unit's only, whatever the address asks for.
 */
@DeskTest
public class InspectionListTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);
    static final Pattern ROW_ID = Pattern.compile("<td data-label=\"检查编号\">([^<]*)</td>");
    static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]*)\">");

    String[] units;
    Map<String, VenueListing> venues;
    List<InspectionView> all;

    @BeforeEach
    void accounts() {
        units = TestAccounts.officerUnits(ledger);
        venues = new HashMap<>();
        ledger.venues(DEMO_DAY).forEach(v -> venues.put(v.venueId(), v));
        all = ledger.inspections(ledger.campaign().calendar().start(), DEMO_DAY);
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(user(accounts.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The inspection ids of every page of the list, following its 下一页 links, after checking the count the first
     * page states.
     */
    public static List<String> rows(MockMvc mvc, DeskAccounts accounts, String username, String url) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = url;
        int pages = 0;
        while (next != null) {
            String html = mvc.perform(get(java.net.URI.create(next)).with(user(accounts.loadUserByUsername(username))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher m = ROW_ID.matcher(html);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher n = NEXT.matcher(html);
            next = n.find() ? n.group(1).replace("&amp;", "&") : null;
            assertThat(++pages).as("pages of %s", url).isLessThan(1000);
        }
        return ids;
    }

    private List<String> expected(Predicate<InspectionView> keep) {
        return all.stream().filter(keep).map(InspectionView::inspectionId).toList();
    }

    private void listHolds(String username, String url, List<String> expected) throws Exception {
        assertThat(page(username, url)).as(url).contains("<span id=\"inspection-count\">共 " + expected.size() + " 次检查</span>");
        assertThat(rows(mvc, accounts, username, url)).as(url).containsExactlyInAnyOrderElementsOf(expected);
    }

    private String unitOf(InspectionView i) {
        return venues.get(i.venueId()).unitId();
    }

    @Test
    void theListHoldsTheInspectionsOfTheCampaignSoFarAndEachFilterNarrowsItAsTheLedgerDoes() throws Exception {
        // Given the demo ledger's inspections from the campaign's start to the demo day (more than one page of them)
        assertThat(all).hasSizeGreaterThan(InspectionFilter.PAGE_SIZE);
        InspectionView first = all.get(0);
        String inspector = first.inspectors().get(0);
        String street = ledger.directory().path(venues.get(first.venueId()).area()).stream()
                .filter(a -> a.level() == io.firerisk.ledger.AreaLevel.STREET).findFirst().orElseThrow().code();

        // When staff open the list, unfiltered and filtered, then every page together holds what the ledger has
        listHolds("test-staff", "/inspections?asOf=" + DEMO_DAY, expected(i -> true));
        listHolds("test-staff", "/inspections?unit=" + units[0] + "&asOf=" + DEMO_DAY,
                expected(i -> unitOf(i).equals(units[0])));
        listHolds("test-staff", "/inspections?inspector=" + inspector + "&asOf=" + DEMO_DAY,
                expected(i -> i.inspectors().contains(inspector)));
        listHolds("test-staff", "/inspections?street=" + street + "&asOf=" + DEMO_DAY,
                expected(i -> ledger.directory().path(venues.get(i.venueId()).area()).stream()
                        .anyMatch(a -> a.code().equals(street))));
        listHolds("test-staff", "/inspections?kind=SPOT_CHECK&kind=SELF_INSPECTION&from=2024-01-01&to=2024-01-31&asOf="
                + DEMO_DAY, expected(i -> (i.kind() == InspectionKind.SPOT_CHECK || i.kind() == InspectionKind.SELF_INSPECTION)
                        && !i.date().isBefore(LocalDate.of(2024, 1, 1)) && !i.date().isAfter(LocalDate.of(2024, 1, 31))));
        // And the page is in Chinese, newest first, with names rather than ids
        String html = page("test-staff", "/inspections?asOf=" + DEMO_DAY);
        assertThat(html).contains("<h1>检查记录", "检查人员", "检查于 " + ledger.campaign().calendar().start() + " 至 " + DEMO_DAY);
        Matcher dates = Pattern.compile("<td data-label=\"检查日期\">([0-9-]+)</td>").matcher(html);
        List<String> shown = new ArrayList<>();
        while (dates.find()) {
            shown.add(dates.group(1));
        }
        assertThat(shown).hasSize(InspectionFilter.PAGE_SIZE).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(shown.get(0)).isEqualTo(all.stream().map(i -> i.date().toString()).max(String::compareTo).orElseThrow());
    }

    @Test
    void aUnitOfficerSeesTheirOwnUnitsInspectionsOnlyWhateverTheAddressAsksFor() throws Exception {
        List<String> own = expected(i -> unitOf(i).equals(units[0]));
        assertThat(own).isNotEmpty();
        assertThat(expected(i -> unitOf(i).equals(units[1]))).isNotEmpty();

        listHolds("test-officer", "/inspections?asOf=" + DEMO_DAY, own);
        listHolds("test-officer", "/inspections?unit=" + units[1] + "&asOf=" + DEMO_DAY, List.of());
        String html = page("test-officer", "/inspections?unit=" + units[1] + "&asOf=" + DEMO_DAY);
        assertThat(html).contains("没有符合条件的检查");
        for (InspectionView i : all) {
            if (!unitOf(i).equals(units[0])) {
                assertThat(html).doesNotContain("/venues/" + i.venueId() + "?");
            }
        }
    }

    @Test
    void aUnitOfficerAskingForAnotherUnitsPersonByIdIsShownTheBareIdNotTheirName() throws Exception {
        // Given a person of the other unit who inspected none of the officer's unit's venues, and an inspector who did
        String other = "P-" + units[1];
        io.firerisk.ledger.Directory dir = ledger.directory();
        String otherName = dir.people().get(other).name();
        assertThat(expected(i -> unitOf(i).equals(units[0]) && i.inspectors().contains(other))).isEmpty();
        InspectionView own = all.stream().filter(i -> unitOf(i).equals(units[0])).findFirst().orElseThrow();
        String ownInspector = own.inspectors().get(0);
        String ownName = dir.people().get(ownInspector).name();

        // When the unit officer asks for the other unit's person, and for a made-up id with markup
        String html = page("test-officer", "/inspections?inspector=" + other + "&asOf=" + DEMO_DAY);
        String odd = page("test-officer", "/inspections?inspector=%3Cb%3EX%3C/b%3E&asOf=" + DEMO_DAY);

        // Then the filter shows the id asked for, not the directory's name
        assertThat(html).contains("<option value=\"" + other + "\" selected>" + other + "</option>")
                .doesNotContain(otherName);
        // And an id shown back is escaped
        assertThat(odd).contains("&lt;b&gt;X&lt;/b&gt;").doesNotContain("<b>X</b>");
        // And an inspector of the officer's own inspections is still named
        assertThat(html).contains("<option value=\"" + ownInspector + "\">" + ownName + "</option>");
    }

    @Test
    void aDayThatIsNoDateOrAnUnknownKindIsRefusedNamingTheParameter() throws Exception {
        String body = mvc.perform(get("/inspections").param("from", "昨天").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("from", "昨天");
        mvc.perform(get("/inspections").param("kind", "PATROL").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isBadRequest());
    }
}
