package io.firerisk.server.plans;

import io.firerisk.ledger.PlanView;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.HostileVenue;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 双随机、一公开 on the desk: bureau staff draw a plan on the demo day, check it by drawing it again,
 * publish it, and anyone sees it on the public page without signing in — the venues and results, with
 * every value escaped and no inspector's name.
 */
@DeskTest
class PlanPagesTest extends DeskMvcTest {

    static final String STAFF = "test-plan-staff";
    /** Bureau staff whose account acts as no person of the ledger's directory. */
    static final String UNLINKED_STAFF = "test-plan-unlinked-staff";

    @BeforeEach
    void accounts() {
        HostileVenue.ensure(ledger);
        synchronized (PlanPagesTest.class) {
            if (accounts.find(STAFF).isEmpty()) {
                accounts.create(STAFF, DeskRole.STAFF, Optional.empty(), Optional.of("P-STAFF-1"), "李科长");
                accounts.changePassword(STAFF, TestAccounts.PASSWORD);
            }
            if (accounts.find(UNLINKED_STAFF).isEmpty()) {
                accounts.create(UNLINKED_STAFF, DeskRole.STAFF, Optional.empty(), Optional.empty(), "未关联人员");
                accounts.changePassword(UNLINKED_STAFF, TestAccounts.PASSWORD);
            }
        }
    }

    /** Draws every venue of the demo (500 asked for, fewer there), so the hostile venue is in it. */
    private String drawAll(long seed) throws Exception {
        String location = mvc.perform(post("/plans").with(csrf()).with(as(STAFF)).param("asOf", "2024-02-05")
                        .param("seed", String.valueOf(seed)).param("count", "500").param("perVenue", "2")
                        .param("eventId", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/plans/DR-20240205-");
        return location.substring("/plans/".length(), location.indexOf('?'));
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        var request = get(url);
        if (who != null) {
            request = request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staffDrawAPlanThatDrawingAgainFromItsRecordReproduces() throws Exception {
        String id = drawAll(20240205L);
        PlanView plan = ledger.plan(id).orElseThrow();
        assertThat(plan.seed()).isEqualTo(20240205L);
        assertThat(plan.date()).hasToString("2024-02-05");
        assertThat(plan.drawnBy()).isEqualTo("P-STAFF-1");
        assertThat(plan.visits()).isNotEmpty().allSatisfy(v -> assertThat(v.inspectors()).hasSize(2));
        assertThat(plan.visits()).anyMatch(v -> v.venueId().equals(HostileVenue.ID));

        String html = page("/plans/" + id + "?asOf=2024-02-05", as(STAFF));
        assertThat(html).contains("id=\"plan-seed\">20240205<", "执法队员", "随机抽取");
        String check = page("/plans/" + id + "/check?asOf=2024-02-05", as(STAFF));
        assertThat(check).contains("id=\"plan-check\"", "核验一致");
        // A unit officer does not see a plan before the inspections it announces.
        mvc.perform(get("/plans/" + id).with(as("test-officer"))).andExpect(status().isForbidden());
    }

    @Test
    void aPublishedPlanIsOnThePublicPageWithItsVenuesEscapedAndNoInspectorNamed() throws Exception {
        String id = drawAll(77L);
        // Not published: not public.
        mvc.perform(get("/public/plans/" + id)).andExpect(status().isNotFound());
        assertThat(page("/public/plans", null)).doesNotContain(id);

        mvc.perform(post("/plans/" + id + "/publish").with(csrf()).with(as(STAFF)).param("asOf", "2024-02-05")
                .param("note", "<b>第一批</b>")).andExpect(status().is3xxRedirection());
        assertThat(ledger.plan(id).orElseThrow().published()).isTrue();

        String list = page("/public/plans", null);
        assertThat(list).contains("/public/plans/" + id);
        String html = page("/public/plans/" + id, null);
        assertThat(html).contains("id=\"plan-seed\">77<", "&lt;b&gt;第一批&lt;/b&gt;", "&lt;script&gt;alert(")
                .doesNotContain("<script>alert(", "<b>第一批", "执法队员", "李科长", "/venues/");
        // Published once only.
        mvc.perform(post("/plans/" + id + "/publish").with(csrf()).with(as(STAFF)).param("asOf", "2024-02-05"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAccountNotLinkedToALedgerPersonCannotDrawAndNothingIsRecorded() throws Exception {
        int before = ledger.plans().size();
        String body = mvc.perform(post("/plans").with(csrf()).with(as(UNLINKED_STAFF)).param("asOf", "2024-02-05")
                        .param("count", "3").param("eventId", UUID.randomUUID().toString()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("未关联台账中的人员");
        mvc.perform(post("/plans").with(csrf()).with(as(STAFF)).param("asOf", "2024-02-05")
                .param("count", "<script>").param("eventId", UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest());
        assertThat(ledger.plans()).hasSize(before);
    }
}
