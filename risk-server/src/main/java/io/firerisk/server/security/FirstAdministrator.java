package io.firerisk.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * On the first start with no account at all, creates the administrator {@value #USERNAME} with a
 * one-time password and prints it once, with the desk's address, on standard output. No default
 * password exists; the password must be changed at the first login.
 */
@Component
class FirstAdministrator {

    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final DeskAccounts accounts;

    FirstAdministrator(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String address = event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null ? "http://localhost:" + web.getWebServer().getPort() + "/" : "(no web server)";
        if (accounts.count() > 0) {
            System.out.println("firerisk desk at " + address);
            return;
        }
        String password = accounts.create(USERNAME, DeskRole.ADMIN, Optional.empty(), Optional.empty(), "管理员");
        LOG.info("first start: created the administrator account '{}' with a one-time password", USERNAME);
        System.out.println("firerisk desk at " + address);
        System.out.println("administrator: " + USERNAME + "   one-time password: " + password
                + "   (shown this once; it must be changed at the first login)");
    }
}
