package io.firerisk.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh database and ledger for every test, on the database the concrete class names: every
 * suite of the ledger runs once on H2 and once on PostgreSQL.
 */
abstract class LedgerTestBase {

    TestDatabase db;
    Ledger ledger;
    final World world = new World();

    abstract TestDatabase database();

    @BeforeEach
    void openLedger() {
        db = database();
        ledger = World.open(db);
        world.setUp(ledger);
    }

    @AfterEach
    void closeLedger() {
        if (ledger != null) {
            ledger.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
