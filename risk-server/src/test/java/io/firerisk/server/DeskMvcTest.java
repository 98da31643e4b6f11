package io.firerisk.server;

import io.firerisk.ledger.Ledger;
import io.firerisk.server.security.DeskAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What every MockMvc test of the desk starts from: the shared application ({@link DeskTest}, which each
 * test class still wears), its MockMvc, accounts and ledger, and the {@link TestAccounts} created before
 * each test (JUnit runs this {@code @BeforeEach} before the test class's own). {@link #as} signs a request
 * in as one of those accounts.
 */
public abstract class DeskMvcTest {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected DeskAccounts accounts;
    @Autowired
    protected Ledger ledger;

    @BeforeEach
    final void ensureTestAccounts() {
        TestAccounts.ensure(accounts, ledger);
    }

    /** The request signed in as {@code username} (one of {@link TestAccounts}, or an account the test made). */
    protected RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }
}
