package io.firerisk.server;

import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.VenueView;
import io.firerisk.server.security.DeskAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;

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

    /** The venue of the first hazard of {@code test-officer}'s unit on the demo's day: one the officer may record in. */
    protected String officersVenue() {
        String unit = TestAccounts.officerUnits(ledger)[0];
        return ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5)).units(unit).build()).items()
                .get(0).venueId();
    }

    /**
     * The first hazard code (in code order) of the campaign that applies to the venue's kind, needs no measurement
     * and cannot be corrected on the spot: a finding that opens a hazard with a deadline there.
     */
    protected String plainHazardCode(String venueId) {
        VenueView v = ledger.venue(venueId, ledger.today()).orElseThrow();
        return ledger.campaign().hazards().values().stream()
                .filter(t -> t.appliesTo().isEmpty() || t.appliesTo().contains(v.venue().kind()))
                .filter(t -> t.measure().isEmpty() && !t.correctableOnSpot())
                .map(HazardType::code).sorted().findFirst().orElseThrow();
    }
}
