package io.firerisk.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * On the first start with no account at all, creates the administrator {@value #USERNAME} with a
 * one-time password and prints it once, with the desk's address, on standard output. No default
 * password exists; the password must be changed at the first login. When several desk instances start
 * together on one empty database, one of them creates it (the username is the table's key) and prints the
 * password; the others say only where they are.
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
        String password;
        try {
            password = accounts.create(USERNAME, DeskRole.ADMIN, Optional.empty(), Optional.empty(), "管理员");
        } catch (DuplicateKeyException | IllegalArgumentException e) {
            if (accounts.find(USERNAME).isEmpty()) {
                throw e;
            }
            // Several instances started together on one empty database: another one created the
            // administrator between our count and our insert, and printed its one-time password.
            LOG.info("another desk instance created the administrator account '{}' and printed its one-time password",
                    USERNAME);
            System.out.println("firerisk desk at " + address);
            return;
        }
        LOG.info("first start: created the administrator account '{}' with a one-time password", USERNAME);
        System.out.println("firerisk desk at " + address);
        System.out.println("administrator: " + USERNAME + "   one-time password: " + password
                + "   (shown this once; it must be changed at the first login)");
    }
}
