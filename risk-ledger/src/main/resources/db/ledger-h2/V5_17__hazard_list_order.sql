-- The hazard list's order (Reads.page): deadline, then hazard id; as db/ledger-postgresql/V5_17 says, there with the
-- byte order PostgreSQL is told to sort ids in (H2's own order for them, which takes no collation in an index).
create index ledger_hazard_deadline on ledger_hazard (deadline, hazard_id);
create index ledger_hazard_street_deadline on ledger_hazard (street, deadline, hazard_id);
create index ledger_hazard_unit_deadline on ledger_hazard (unit_id, deadline, hazard_id);
drop index ledger_hazard_street;
