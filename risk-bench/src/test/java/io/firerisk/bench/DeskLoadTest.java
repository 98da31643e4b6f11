package io.firerisk.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What DeskLoad settles before it loads a desk: the options of {@code run} and, for {@code --officers}, the units
 * whose officers browse and their accounts (on H2, in a schema holding the two tables it reads and writes).
 */
class DeskLoadTest {

    private Connection db;

    @BeforeEach
    void aSchemaWithVenuesAndTheDesksAccounts() throws Exception {
        db = DriverManager.getConnection("jdbc:h2:mem:deskload" + System.nanoTime(), "sa", "");
        try (Statement s = db.createStatement()) {
            s.execute("create schema desk_bench");
            s.execute("create table desk_bench.ledger_venue (venue_id varchar(128) primary key, unit_id varchar(128) not null)");
            // The desk's own table (risk-server's V1__desk_accounts.sql and V2__account_disabled.sql).
            s.execute("""
                    create table desk_bench.desk_account (
                        username varchar(64) not null primary key, password_hash varchar(100) not null,
                        role varchar(20) not null, unit_id varchar(128), person_id varchar(128),
                        display_name varchar(200) not null, must_change boolean not null,
                        failed_logins integer default 0 not null, locked_until timestamp with time zone,
                        created_at timestamp with time zone not null, disabled boolean default false not null,
                        constraint desk_account_role check (role in ('ADMIN', 'STAFF', 'UNIT_OFFICER', 'INSPECTOR', 'LEADER')),
                        constraint desk_account_unit check (role <> 'UNIT_OFFICER' or unit_id is not null))""");
        }
        // U7 and U10 have three venues each, U2 two, U1 and U3 one.
        venues("U7", 3);
        venues("U10", 3);
        venues("U2", 2);
        venues("U3", 1);
        venues("U1", 1);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void withoutOfficersEveryBrowserIsBureauStaffAsBefore() {
        DeskLoad.RunOptions run = DeskLoad.RunOptions.of(Map.of("url", "http://localhost:8095"));

        assertThat(run.officers()).isZero();
        assertThat(run.browsers()).isEqualTo(50);
        assertThat(run.recorders()).isEqualTo(10);
    }

    @Test
    void officersAreSomeOfTheBrowsers() {
        DeskLoad.RunOptions run = DeskLoad.RunOptions.of(Map.of("url", "u", "browsers", "6", "officers", "6"));

        assertThat(run.browsers()).isEqualTo(6);
        assertThat(run.officers()).isEqualTo(6);
    }

    @Test
    void moreOfficersThanBrowsersIsRefusedNamingBoth() {
        assertThatThrownBy(() -> DeskLoad.RunOptions.of(Map.of("url", "u", "browsers", "6", "officers", "7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--officers: a whole number from 0 to 6 (they are some of the --browsers 6), was \"7\"");
    }

    @Test
    void officersThatAreNotAWholeNumberAreRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> DeskLoad.RunOptions.of(Map.of("url", "u", "officers", "twenty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--officers: a whole number from 0 to 50 (they are some of the --browsers 50), was \"twenty\"");
        assertThatThrownBy(() -> DeskLoad.RunOptions.of(Map.of("url", "u", "officers", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("was \"-1\"");
    }

    @Test
    void theUnitsWithTheMostVenuesAreChosenTiesByUnitId() throws Exception {
        assertThat(DeskLoad.officerUnits(db, "desk_bench", 3)).containsExactly("U10", "U7", "U2");
        assertThat(DeskLoad.officerUnits(db, "desk_bench", 5)).containsExactly("U10", "U7", "U2", "U1", "U3");
    }

    @Test
    void moreOfficersThanUnitsIsRefused() {
        assertThatThrownBy(() -> DeskLoad.officerUnits(db, "desk_bench", 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--officers 6: desk_bench.ledger_venue has venues in 5 units only, and each officer needs a "
                        + "unit of their own");
    }

    @Test
    void eachOfficerGetsAnAccountOfTheirUnitOnceAndAKeptOneStaysAsItWas() throws Exception {
        account("bench-off-U7", "UNIT_OFFICER", "U7", DeskLoad.PASSWORD_HASH);

        DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U10", "U7"));
        DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U10", "U7"));

        assertThat(accounts()).containsExactly(
                "bench-off-U10 UNIT_OFFICER U10 " + DeskLoad.PASSWORD_HASH,
                "bench-off-U7 UNIT_OFFICER U7 " + DeskLoad.PASSWORD_HASH);
    }

    @Test
    void aKeptAccountWithAnotherPasswordStopsTheRunUnchangedNamingWhatDiffers() throws Exception {
        account("bench-off-U7", "UNIT_OFFICER", "U7", "kept-hash");

        assertThatThrownBy(() -> DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U7")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("account bench-off-U7 in desk_bench.desk_account is UNIT_OFFICER of unit U7 but has another "
                        + "password hash than the benchmark's password " + DeskLoad.PASSWORD + ", so the benchmark cannot "
                        + "sign in with it; it is left as it is: correct or remove it, then run again");
        assertThat(accounts()).containsExactly("bench-off-U7 UNIT_OFFICER U7 kept-hash");
    }

    @Test
    void aKeptAccountDisabledOrToChangeItsPasswordStopsTheRunUnchanged() throws Exception {
        account("bench-off-U10", "UNIT_OFFICER", "U10", DeskLoad.PASSWORD_HASH);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update desk_bench.desk_account set disabled = true, must_change = true");
        }

        assertThatThrownBy(() -> DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("account bench-off-U10 in desk_bench.desk_account is UNIT_OFFICER of unit U10 but "
                        + "is disabled, must change its password, so the benchmark cannot sign in with it;");
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select disabled, must_change from desk_bench.desk_account")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).as("disabled, left as it was").isTrue();
            assertThat(r.getBoolean(2)).as("must_change, left as it was").isTrue();
        }
    }

    @Test
    void aKeptAccountOfAnotherUnitStopsTheRunUnchanged() throws Exception {
        account("bench-off-U2", "UNIT_OFFICER", "U527", "kept-hash");

        assertThatThrownBy(() -> DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("account bench-off-U2 in desk_bench.desk_account is UNIT_OFFICER of unit U527, but the benchmark "
                        + "signs in with it as UNIT_OFFICER of unit U2; it is left as it is: correct or remove it, then run again");
        assertThat(accounts()).containsExactly("bench-off-U2 UNIT_OFFICER U527 kept-hash");
    }

    @Test
    void aKeptAccountOfAnotherRoleStopsTheRun() throws Exception {
        account("bench-off-U3", "STAFF", null, "kept-hash");

        assertThatThrownBy(() -> DeskLoad.addOfficerAccounts(db, "desk_bench", List.of("U3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("account bench-off-U3 in desk_bench.desk_account is STAFF of no unit,");
    }

    private void venues(String unit, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            try (PreparedStatement p = db.prepareStatement("insert into desk_bench.ledger_venue values (?, ?)")) {
                p.setString(1, unit + "-V" + i);
                p.setString(2, unit);
                p.executeUpdate();
            }
        }
    }

    private void account(String username, String role, String unit, String hash) throws Exception {
        try (PreparedStatement p = db.prepareStatement("insert into desk_bench.desk_account (username, password_hash, role, "
                + "unit_id, display_name, must_change, created_at) values (?, ?, ?, ?, ?, false, current_timestamp)")) {
            p.setString(1, username);
            p.setString(2, hash);
            p.setString(3, role);
            p.setString(4, unit);
            p.setString(5, username);
            p.executeUpdate();
        }
    }

    private List<String> accounts() throws Exception {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select username, role, unit_id, password_hash from desk_bench.desk_account "
                     + "order by username")) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
            }
            return rows;
        }
    }
}
