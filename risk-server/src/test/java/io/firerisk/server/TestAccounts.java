package io.firerisk.server;

import io.firerisk.ledger.Ledger;
import io.firerisk.server.security.DeskAccounts;
import io.firerisk.server.security.DeskRole;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * One account per role for the tests, each with a known password already chosen (no one-time password
 * left): {@code test-admin}, {@code test-staff}, {@code test-officer} (of the demo's first enterprise
 * unit with venues), {@code test-inspector}, {@code test-leader}; and {@code test-officer-2} of another unit.
 * Each but the administrator acts as a person of the demo's directory (the actor of what it records):
 * the officers as their unit's safety officer, staff as {@value #STAFF_PERSON}, the inspector as
 * {@value #INSPECTOR_PERSON}, the leader as P-LEADER, and {@code test-reviewer} (an inspector's account)
 * as {@value #REVIEWER_PERSON}; the administrator as nobody, so it cannot record.
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
        create(accounts, "test-admin", DeskRole.ADMIN, null, null);
        create(accounts, "test-staff", DeskRole.STAFF, null, STAFF_PERSON);
        create(accounts, "test-officer", DeskRole.UNIT_OFFICER, units[0], "P-" + units[0]);
        create(accounts, "test-officer-2", DeskRole.UNIT_OFFICER, units[1], "P-" + units[1]);
        create(accounts, "test-inspector", DeskRole.INSPECTOR, null, INSPECTOR_PERSON);
        create(accounts, "test-leader", DeskRole.LEADER, null, "P-LEADER");
        create(accounts, "test-reviewer", DeskRole.INSPECTOR, null, REVIEWER_PERSON);
    }

    /** The demo's person {@code test-staff} acts as (局机关工作人员, BUREAU_STAFF). */
    public static final String STAFF_PERSON = "P-STAFF-1";
    /** The demo's person {@code test-inspector} acts as: an 检查人员 (INSPECTOR), who records findings and re-inspects. */
    public static final String INSPECTOR_PERSON = "P-INSP-1";
    /** The demo's person {@code test-reviewer} acts as: a 复查审核人员 (REVIEWER), who re-inspects and closes. */
    public static final String REVIEWER_PERSON = "P-REVIEW-1";

    /** Each ledger's officer units, chosen once: see {@link #officerUnits}. */
    private static final Map<Ledger, String[]> OFFICER_UNITS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The unit of {@code test-officer}: the unit with the most hazards; and another unit with hazards. Chosen at
     * the ledger's first call and kept: the accounts are made once per context, and a test that records hazards
     * would otherwise move the ranking under the officers already made (a class-order-dependent failure).
     */
    public static String[] officerUnits(Ledger ledger) {
        return OFFICER_UNITS.computeIfAbsent(ledger, TestAccounts::rankUnits).clone();
    }

    private static String[] rankUnits(Ledger ledger) {
        var counts = ledger.counts(io.firerisk.ledger.HazardQuery.all(), io.firerisk.ledger.Dimension.UNIT).stream()
                .sorted(Comparator.comparingLong(io.firerisk.ledger.Count::hazards).reversed()
                        .thenComparing(c -> c.key().get(0)))
                .map(c -> c.key().get(0)).toList();
        return new String[] {counts.get(0), counts.get(1)};
    }

    private static void create(DeskAccounts accounts, String username, DeskRole role, String unit, String person) {
        accounts.create(username, role, Optional.ofNullable(unit), Optional.ofNullable(person), username);
        accounts.changePassword(username, PASSWORD);
    }
}
