package io.firerisk.server.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per account: {@link DeskAccounts#failed} locks the account after too many in
 * a row, and a locked account is refused before its password is even checked (Spring Security's
 * pre-authentication checks), so guessing cannot go on while it is locked.
 */
@Component
class LoginThrottle {

    private final DeskAccounts accounts;

    LoginThrottle(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.failed(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.succeeded(event.getAuthentication().getName());
    }
}
