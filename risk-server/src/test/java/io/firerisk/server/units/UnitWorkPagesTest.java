package io.firerisk.server.units;

import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.VenueListing;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's own work on the desk: the officer of a subordinate unit fills the canteen checklist of the
 * campaign's data for their canteen on the demo day; the item found wanting is a hazard of the ledger in
 * the closed loop, listed for the unit; they record an education activity; another unit's officer can do
 * none of it there.
 */
@DeskTest
class UnitWorkPagesTest extends DeskMvcTest {

    static final LocalDate DAY = LocalDate.of(2024, 2, 5);

    VenueListing canteen;
    String officer;

    @BeforeEach
    void accounts() {
        canteen = ledger.venues(DAY).stream().filter(v -> Set.of("CANTEEN", "SCHOOL_CANTEEN").contains(v.kind()))
                .filter(v -> v.unitId().startsWith("SUB-")).min(Comparator.comparing(VenueListing::venueId)).orElseThrow();
        officer = "test-unit-officer-" + canteen.unitId().toLowerCase();
        synchronized (UnitWorkPagesTest.class) {
            if (accounts.find(officer).isEmpty()) {
                accounts.create(officer, DeskRole.UNIT_OFFICER, Optional.of(canteen.unitId()),
                        Optional.of("P-" + canteen.unitId()), "安全管理员");
                accounts.changePassword(officer, TestAccounts.PASSWORD);
            }
        }
    }

    private String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anOfficersFailedChecklistItemBecomesAnOpenHazardOfTheirUnit() throws Exception {
        mvc.perform(get("/units").param("asOf", DAY.toString()).with(as(officer)))
                .andExpect(redirectedUrl("/units/" + canteen.unitId() + "?asOf=" + DAY));
        String unit = page("/units/" + canteen.unitId() + "?asOf=" + DAY, officer);
        assertThat(unit).contains(canteen.name(), "食堂消防安全自查", "灭火应急处置准备");
        String form = page("/units/" + canteen.unitId() + "/checklists/canteen?asOf=" + DAY + "&venue=" + canteen.venueId(),
                officer);
        assertThat(form).contains("电气线路", "燃气管道", "消防设施", "疏散通道", "安全管理", "应急预案", "用火、用电、用气",
                "灭火器等消防器材失效、过期或配置不足", "name=\"fail\" value=\"FIRE_EXTINGUISHER_INVALID\"");

        String key = UUID.randomUUID().toString();
        mvc.perform(post("/units/" + canteen.unitId() + "/checklists/canteen").with(csrf()).with(as(officer))
                        .param("asOf", DAY.toString()).param("key", key).param("venue", canteen.venueId())
                        .param("fail", "FIRE_EXTINGUISHER_INVALID").param("where-FIRE_EXTINGUISHER_INVALID", "<b>后厨</b>")
                        .param("note", "春节前自查"))
                .andExpect(redirectedUrl("/units/" + canteen.unitId() + "?asOf=" + DAY));

        HazardView hazard = ledger.hazard("SI-" + key + "-FIRE_EXTINGUISHER_INVALID", DAY).orElseThrow();
        assertThat(hazard.state()).isEqualTo(HazardState.OPEN);
        assertThat(hazard.venueId()).isEqualTo(canteen.venueId());
        assertThat(hazard.location()).isEqualTo("<b>后厨</b>");
        assertThat(hazard.deadline()).isAfter(DAY);
        // Only the item ticked: the other items were checked and found in order.
        assertThat(ledger.hazard("SI-" + key + "-GAS_PIPE_DAMAGED", DAY)).isEmpty();
        String after = page("/units/" + canteen.unitId() + "?asOf=" + DAY, officer);
        assertThat(after).contains("食堂消防安全自查：春节前自查");
        String list = page("/hazards?asOf=" + DAY + "&unit=" + canteen.unitId(), officer);
        assertThat(list).contains("SI-" + key + "-FIRE_EXTINGUISHER_INVALID");
        assertThat(page("/venues/" + canteen.venueId() + "?asOf=" + DAY, officer))
                .contains("&lt;b&gt;后厨&lt;/b&gt;").doesNotContain("<b>后厨</b>");
    }

    @Test
    void anOfficerRecordsTheirUnitsEducationActivity() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/units/" + canteen.unitId() + "/education").with(csrf()).with(as(officer))
                .param("asOf", DAY.toString()).param("key", key).param("activity", "THREE_CLEARS")
                .param("participants", "42").param("note", "职工宿舍<script>x</script>")).andExpect(status().is3xxRedirection());
        assertThat(ledger.education(canteen.unitId())).anySatisfy(a -> {
            assertThat(a.activityId()).isEqualTo("EDU-" + key);
            assertThat(a.participants()).isEqualTo(42);
            assertThat(a.date()).isEqualTo(DAY);
        });
        assertThat(page("/units/" + canteen.unitId() + "?asOf=" + DAY, officer)).contains("三清三关", "&lt;script&gt;x")
                .doesNotContain("<script>x");
        mvc.perform(post("/units/" + canteen.unitId() + "/education").with(csrf()).with(as(officer))
                .param("asOf", DAY.toString()).param("key", UUID.randomUUID().toString()).param("activity", "THREE_CLEARS")
                .param("participants", "many")).andExpect(status().isBadRequest());
    }

    @Test
    void anotherUnitsOfficerCanNeitherSeeNorRecordAndNothingChanges() throws Exception {
        long events = ledger.eventCount();
        mvc.perform(get("/units/" + canteen.unitId()).with(as("test-officer"))).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + canteen.unitId() + "/checklists/canteen").with(csrf()).with(as("test-officer"))
                .param("asOf", DAY.toString()).param("key", UUID.randomUUID().toString()).param("venue", canteen.venueId())
                .param("fail", "FIRE_EXTINGUISHER_INVALID")).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + canteen.unitId() + "/education").with(csrf()).with(as("test-officer"))
                .param("key", UUID.randomUUID().toString()).param("activity", "FIVE_INTO").param("participants", "3"))
                .andExpect(status().isForbidden());
        assertThat(ledger.eventCount()).isEqualTo(events);
    }
}
