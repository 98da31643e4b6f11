package io.firerisk.server;

import io.firerisk.ledger.Ledger;
import io.firerisk.server.security.DeskAccounts;
import io.firerisk.server.security.DeskRole;

import java.util.Comparator;
import java.util.Optional;

/**
 * One account per role for the tests, each with a known password already chosen (no one-time password
 * left): {@code test-admin}, {@code test-staff}, {@code test-officer} (of the demo's first enterprise
 * unit with venues), {@code test-inspector}, {@code test-leader}; and {@code test-officer-2} of another unit.
 */
public final class TestAccounts {
    public static final String PASSWORD = "test-password-123";

    private TestAccounts() {}

    /** Creates the accounts once (the context, and so the database, is shared by every test class). */
    public static synchronized void ensure(DeskAccounts accounts, Ledger ledger) {
        if (accounts.find("test-admin").isPresent()) {
            return;
        }
        String[] units = officerUnits(ledger);
        create(accounts, "test-admin", DeskRole.ADMIN, null);
        create(accounts, "test-staff", DeskRole.STAFF, null);
        create(accounts, "test-officer", DeskRole.UNIT_OFFICER, units[0]);
        create(accounts, "test-officer-2", DeskRole.UNIT_OFFICER, units[1]);
        create(accounts, "test-inspector", DeskRole.INSPECTOR, null);
        create(accounts, "test-leader", DeskRole.LEADER, null);
    }

    /** The unit of {@code test-officer}: the unit with the most hazards; and another unit with hazards. */
    public static String[] officerUnits(Ledger ledger) {
        var counts = ledger.counts(io.firerisk.ledger.HazardQuery.all(), io.firerisk.ledger.Dimension.UNIT).stream()
                .sorted(Comparator.comparingLong(io.firerisk.ledger.Count::hazards).reversed()
                        .thenComparing(c -> c.key().get(0)))
                .map(c -> c.key().get(0)).toList();
        return new String[] {counts.get(0), counts.get(1)};
    }

    private static void create(DeskAccounts accounts, String username, DeskRole role, String unit) {
        accounts.create(username, role, Optional.ofNullable(unit), Optional.empty(), username);
        accounts.changePassword(username, PASSWORD);
    }
}
