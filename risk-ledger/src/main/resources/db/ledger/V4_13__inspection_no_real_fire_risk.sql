-- GB 35181-2025 4.2 b): an inspection may confirm that a venue out of use has no real fire risk
-- (经现场检查确认无现实火灾风险). The event INSPECTION_RECORDED carries it; this is its projection. Existing
-- inspections confirmed nothing. Portable SQL: H2 and PostgreSQL.
alter table ledger_inspection add column no_real_fire_risk boolean default false not null;
