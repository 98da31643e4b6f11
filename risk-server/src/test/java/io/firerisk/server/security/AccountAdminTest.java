package io.firerisk.server.security;

import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Role;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 账号管理: the administrator creates accounts with a role, a unit and a ledger person, each with a
 * one-time password shown once; resets a password to a new one-time one; locks and unlocks.
 */
@DeskTest
class AccountAdminTest extends DeskMvcTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern OTP = Pattern.compile("<code>([A-Za-z0-9]{16})</code>");

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(user(accounts.loadUserByUsername("test-admin"))).with(csrf());
    }

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String oneTimePassword(String html) {
        Matcher m = OTP.matcher(html);
        assertThat(m.find()).as("a one-time password on the page").isTrue();
        return m.group(1);
    }

    private Directory.Person officer() {
        return ledger.directory().people().values().stream().filter(p -> p.roles().contains(Role.UNIT_OFFICER))
                .min(Comparator.comparing(Directory.Person::personId)).orElseThrow();
    }

    @Test
    void anOfficersAccountIsCreatedForItsUnitWithAOneTimePasswordThatMustBeChangedFirst() throws Exception {
        Directory.Person officer = officer();
        String username = "officer-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        String html = body(mvc.perform(asAdmin(post("/admin/accounts")).param("username", username)
                .param("displayName", "周安全员").param("role", "UNIT_OFFICER").param("unitId", officer.unitId())
                .param("personId", officer.personId())).andExpect(status().isOk()));
        String otp = oneTimePassword(html);
        DeskAccount created = accounts.find(username).orElseThrow();
        assertThat(created.viewer().unitId()).contains(officer.unitId());
        assertThat(created.viewer().personId()).contains(officer.personId());
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(accounts.passwordMatches(username, otp)).isTrue();
        // Signing in with it leads to the password page only.
        // (The session is Spring Session's, in the database: the browser carries it as the SESSION cookie.)
        var session = mvc.perform(formLogin("/login").user(username).password(otp)).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/hazards").cookie(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void aResetGivesANewOneTimePasswordAndTheOldOneNoLongerWorks() throws Exception {
        String username = "reset-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        accounts.create(username, DeskRole.INSPECTOR, java.util.Optional.empty(), java.util.Optional.empty(), "钱");
        accounts.changePassword(username, "chosen-password-1");
        String otp = oneTimePassword(body(mvc.perform(asAdmin(post("/admin/accounts/" + username + "/reset")))
                .andExpect(status().isOk())));
        assertThat(accounts.passwordMatches(username, "chosen-password-1")).isFalse();
        assertThat(accounts.passwordMatches(username, otp)).isTrue();
        assertThat(accounts.find(username).orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void aLockedAccountCannotSignInItsSessionEndsAndUnlockedItCanAgain() throws Exception {
        String username = "lock-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        accounts.create(username, DeskRole.STAFF, java.util.Optional.empty(), java.util.Optional.empty(), "陈");
        accounts.changePassword(username, "chosen-password-2");
        DeskAccount signedIn = accounts.loadUserByUsername(username);

        mvc.perform(asAdmin(post("/admin/accounts/" + username + "/lock"))).andExpect(redirectedUrl("/admin/accounts"));
        mvc.perform(formLogin("/login").user(username).password("chosen-password-2")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/hazards").with(user(signedIn))).andExpect(redirectedUrl("/login?locked"));
        assertThat(body(mvc.perform(asAdmin(get("/admin/accounts"))))).contains("已被管理员锁定");

        mvc.perform(asAdmin(post("/admin/accounts/" + username + "/unlock"))).andExpect(redirectedUrl("/admin/accounts"));
        mvc.perform(formLogin("/login").user(username).password("chosen-password-2")).andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongAccountsAreRefusedAndNothingIsCreated() throws Exception {
        long before = accounts.count();
        Directory.Person officer = officer();
        String other = ledger.directory().units().keySet().stream().filter(u -> !u.equals(officer.unitId())).sorted()
                .findFirst().orElseThrow();
        String[][] cases = {
                {"no-unit-" + SEQ.incrementAndGet(), "UNIT_OFFICER", "", "", "单位安全管理人必须选择所属单位"},
                {"wrong-unit-" + SEQ.incrementAndGet(), "UNIT_OFFICER", other, officer.personId(), "该人员不属于所选单位"},
                {"no-person-" + SEQ.incrementAndGet(), "STAFF", "", "NOBODY", "台账中没有该人员"},
                {"bad name<script>", "STAFF", "", "", "用户名只能由字母"},
                {"test-admin", "STAFF", "", "", "该用户名已被使用"},
                {"no-role-" + SEQ.incrementAndGet(), "GOD", "", "", "角色无效"}};
        for (String[] c : cases) {
            String html = body(mvc.perform(asAdmin(post("/admin/accounts")).param("username", c[0])
                    .param("displayName", "<img src=x onerror=alert(1)>").param("role", c[1]).param("unitId", c[2])
                    .param("personId", c[3])).andExpect(status().isBadRequest()));
            assertThat(html).as(c[0]).contains(c[4]).doesNotContain("<img src=x");
        }
        assertThat(accounts.count()).isEqualTo(before);
        // Nor may the administrator lock themselves out.
        mvc.perform(asAdmin(post("/admin/accounts/test-admin/lock"))).andExpect(status().isBadRequest());
        assertThat(accounts.find("test-admin").orElseThrow().disabled()).isFalse();
    }

    @Test
    void aDisplayNameWithMarkupIsShownAsText() throws Exception {
        String username = "markup-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        mvc.perform(asAdmin(post("/admin/accounts")).param("username", username)
                .param("displayName", "<script>alert(1)</script>").param("role", "LEADER")).andExpect(status().isOk());
        assertThat(body(mvc.perform(asAdmin(get("/admin/accounts")))))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }
}
