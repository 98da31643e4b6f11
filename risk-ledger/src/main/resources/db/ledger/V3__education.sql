-- A unit's education activities (event EDUCATION_RECORDED, 二(七)): a projection of the log like every
-- other table here. Portable SQL: H2 and PostgreSQL.
create table ledger_education (
    activity_id  varchar(128) primary key,
    unit_id      varchar(128) not null,
    activity     varchar(128) not null,
    held_on      date not null,
    participants integer not null,
    note         varchar(2000) not null,
    recorded_by  varchar(128) not null
);
create index ledger_education_unit on ledger_education (unit_id, held_on);
