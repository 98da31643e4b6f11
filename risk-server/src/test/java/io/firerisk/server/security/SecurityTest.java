package io.firerisk.server.security;

import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DeskTest
class SecurityTest extends DeskMvcTest {

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheLoginPageAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/dashboard")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void theHealthCheckIsOpenAndTheMetricsAreTheAdministrators() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(user(accounts.loadUserByUsername("test-admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void everyPageAllowsOnlyTheDesksOwnScripts() throws Exception {
        MvcResult r = mvc.perform(get("/").with(user(accounts.loadUserByUsername("test-staff"))))
                .andExpect(status().isOk()).andReturn();
        String csp = r.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(r.getResponse().getContentAsString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain(" onclick=", " onload=", " style=\"", "<style");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "test-staff").param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "test-staff").param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
    }

    @Test
    void loggingInGivesTheSessionANewId() throws Exception {
        // Given a browser whose session began on the login page (the session is Spring Session's, in the
        // database, carried as the SESSION cookie)
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        // When it signs in, then the session goes on under a new id
        MvcResult r = mvc.perform(post("/login").cookie(before).param("username", "test-staff")
                .param("password", TestAccounts.PASSWORD).with(csrf())).andExpect(redirectedUrl("/")).andReturn();
        Cookie after = r.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        // And the new id is signed in while the old one is not
        mvc.perform(get("/hazards").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/hazards").cookie(before)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAgainstEvenTheRightOne() throws Exception {
        // Given an account whose holder chose a password
        accounts.create("test-locked", DeskRole.STAFF, Optional.empty(), Optional.empty(), "锁定测试");
        accounts.changePassword("test-locked", TestAccounts.PASSWORD);
        // When someone tries five wrong passwords
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", "test-locked").param("password", "wrong-" + i).with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Then the right one is refused too, saying the account is locked
        mvc.perform(post("/login").param("username", "test-locked").param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(mvc.perform(get("/login").param("locked", "")).andReturn().getResponse().getContentAsString())
                .contains("账户已暂时锁定");
    }

    @Test
    void aOneTimePasswordOpensOnlyThePasswordPageUntilItIsChanged() throws Exception {
        // Given an account just created, with its one-time password
        String once = accounts.create("test-new", DeskRole.INSPECTOR, Optional.empty(), Optional.empty(), "新检查员");
        MvcResult login = mvc.perform(post("/login").param("username", "test-new")
                .param("password", once).with(csrf())).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        // When its holder opens a page, then only the password page opens
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/hazards").cookie(session)).andExpect(redirectedUrl("/account/password"));
        // A new password that is too short is refused and changes nothing
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", once)
                .param("password", "short").param("confirm", "short")).andExpect(status().isBadRequest());
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        // A good one opens the desk
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", once)
                .param("password", "a-long-new-password").param("confirm", "a-long-new-password"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.passwordMatches("test-new", once)).isFalse();
        assertThat(accounts.passwordMatches("test-new", "a-long-new-password")).isTrue();
    }

    @Test
    void aLeaderReadsEverythingButChangesNothing() throws Exception {
        var leader = user(accounts.loadUserByUsername("test-leader"));
        mvc.perform(get("/").with(leader)).andExpect(status().isOk());
        mvc.perform(get("/hazards").with(leader)).andExpect(status().isOk());
        mvc.perform(post("/hazards").with(leader).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void thereIsNoDefaultPasswordTheAdministratorGotAOneTimeOne() {
        DeskAccount admin = accounts.loadUserByUsername("admin");
        assertThat(admin.role()).isEqualTo(DeskRole.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        for (String guess : new String[] {"admin", "password", "firerisk", "123456", ""}) {
            assertThat(accounts.passwordMatches("admin", guess)).as(guess).isFalse();
        }
    }

    @Test
    void headersForbidFramingAndSniffing() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
