package io.firerisk.server.hazards;

import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DeskTest
class HazardListTest extends DeskMvcTest {

    static final LocalDate DEMO_DAY = LocalDate.of(2024, 2, 5);
    static final Pattern ROW_ID = Pattern.compile("<tr[^>]*>\\s*<td[^>]*>([^<]+)</td>");

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(String html) {
        Matcher m = ROW_ID.matcher(html.substring(Math.max(0, html.indexOf("<tbody>"))));
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void theListIsTheLedgersOwnFilteredSortedAndPaged() throws Exception {
        // Given the overdue hazards of the demo day, most overdue first, as the ledger lists them
        List<String> expected = ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).overdue(true)
                .sort(HazardQuery.Sort.DAYS_OVERDUE, false).page(0, 50).build()).items().stream()
                .map(HazardRow::hazardId).toList();
        // When the desk lists them, then it shows the same rows in the same order
        String html = page("/hazards?overdue=true&sort=DAYS_OVERDUE&dir=desc&asOf=2024-02-05", "test-staff");
        assertThat(ids(html)).isEqualTo(expected);
        assertThat(html).contains("共 " + ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).overdue(true).build())
                .total() + " 条");
    }

    @Test
    void theSecondPageFollowsTheFirst() throws Exception {
        List<String> all = ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).states(java.util.EnumSet.complementOf(
                java.util.EnumSet.of(HazardState.CANCELLED))).page(0, 100).build()).items().stream()
                .map(HazardRow::hazardId).toList();
        assertThat(ids(page("/hazards?asOf=2024-02-05", "test-staff"))).isEqualTo(all.subList(0, 50));
        String second = page("/hazards?asOf=2024-02-05&page=2", "test-staff");
        assertThat(ids(second)).isEqualTo(all.subList(50, 100));
        assertThat(second).contains("rel=\"prev\"", "第 2 / ");
    }

    @Test
    void aFilterValueTheDeskDoesNotKnowIsRefusedNamingIt() throws Exception {
        String body = mvc.perform(get("/hazards?state=FIXED").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("state", "FIXED", "OPEN | RECTIFYING");
        mvc.perform(get("/hazards?page=0").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theExportHoldsEveryFilteredHazardNotJustThePage() throws Exception {
        long total = ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).states(HazardState.CLOSED).build()).total();
        var r = mvc.perform(get("/hazards.csv?state=CLOSED&asOf=2024-02-05")
                .with(user(accounts.loadUserByUsername("test-staff")))).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment", "hazards-2024-02-05.csv");
        String csv = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF隐患编号,场所编号,场所名称");
        assertThat(csv.split("\r\n")).hasSize((int) total + 1);
        assertThat(total).isGreaterThan(HazardFilter.PAGE_SIZE);
        assertThat(csv).contains(",已销号,");
    }

    @Test
    void aUnitOfficersListAndExportHoldOnlyTheirUnit() throws Exception {
        String[] units = TestAccounts.officerUnits(ledger);
        long own = ledger.hazards(HazardQuery.builder().asOf(DEMO_DAY).units(units[0]).states(java.util.EnumSet
                .complementOf(java.util.EnumSet.of(HazardState.CANCELLED))).build()).total();
        assertThat(page("/hazards?asOf=2024-02-05", "test-officer")).contains("共 " + own + " 条");
        String csv = mvc.perform(get("/hazards.csv?asOf=2024-02-05&unit=" + units[1])
                .with(user(accounts.loadUserByUsername("test-officer")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(1);
    }

    @Test
    void theSpringFestivalsLeadUpListsTheHazardsFoundInTheWeekBeforeIt() throws Exception {
        // Given the hazards found from 2024-02-03 to 2024-02-09 (the seven days' early warning before 2024-02-10)
        LocalDate day = LocalDate.of(2024, 2, 29);
        long expected = ledger.hazards(HazardQuery.builder().asOf(day).states(java.util.EnumSet.complementOf(
                        java.util.EnumSet.of(HazardState.CANCELLED))).page(0, HazardQuery.MAX_LIMIT).build()).items()
                .stream().filter(r -> !r.foundOn().isBefore(LocalDate.of(2024, 2, 3))
                        && r.foundOn().isBefore(LocalDate.of(2024, 2, 10))).count();
        assertThat(expected).isPositive();
        // Then the lead-up filter lists exactly those
        assertThat(page("/hazards?asOf=2024-02-29&leadUp=SPRING_FESTIVAL", "test-staff"))
                .contains("共 " + expected + " 条");
        String csv = mvc.perform(get("/hazards.csv?asOf=2024-02-29&leadUp=SPRING_FESTIVAL")
                .with(user(accounts.loadUserByUsername("test-staff")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize((int) expected + 1);
        String body = mvc.perform(get("/hazards?leadUp=CHRISTMAS").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("leadUp", "CHRISTMAS", "SPRING_FESTIVAL");
    }
}
