-- The projections' stamp (Store.stamp): moved by every transaction that writes projection rows without
-- recording an event, so that counts kept in memory by any process know to count again.
insert into ledger_meta (meta_key, meta_value) values ('projection_stamp', '0');
