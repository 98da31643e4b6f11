-- The hazard list's order (Reads.page): deadline, then hazard id in byte order (collate "C", so that PostgreSQL
-- sorts ids as H2 does). Without an index in that order every page sorted every row that passed the filter
-- (200,000 at district scale) to return 100; with it a page reads its rows in order and stops. Also led by the
-- two filters that narrow the list to one value most often (a street, from the dashboard's links; a unit, which
-- is all a unit officer sees); the street's has the street index's place. PostgreSQL only: H2 takes no collation
-- in an index (its own script is db/ledger-h2/V5_17).
create index ledger_hazard_deadline on ledger_hazard (deadline, hazard_id collate "C");
create index ledger_hazard_street_deadline on ledger_hazard (street, deadline, hazard_id collate "C");
create index ledger_hazard_unit_deadline on ledger_hazard (unit_id, deadline, hazard_id collate "C");
drop index ledger_hazard_street;
