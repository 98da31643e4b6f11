-- 双随机、一公开 inspection plans (events INSPECTION_PLAN_DRAWN and INSPECTION_PLAN_PUBLISHED), as a
-- projection of the log like every other table here: one row per plan, its visits as the JSON the
-- event carries (a plan is read whole, never searched by visit). Portable SQL: H2 and PostgreSQL.
create table ledger_plan (
    plan_id       varchar(128) primary key,
    plan_date     date not null,
    seed          bigint not null,
    draw_count    integer not null,
    street        varchar(128),
    per_venue     integer not null,
    previous_plan varchar(128),
    candidates    bigint not null,
    visits        varchar(1000000) not null,
    drawn_by      varchar(128) not null,
    drawn_at      timestamp with time zone not null,
    published_by  varchar(128),
    published_at  timestamp with time zone,
    note          varchar(2000) not null,
    version       integer not null
);
create index ledger_plan_date on ledger_plan (plan_date);
