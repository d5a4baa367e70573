-- Lenders: one directory shared by all cases.
create table lender (
    id    uuid primary key,
    name  varchar(200) not null check (length(btrim(name)) > 0),
    kind  varchar(30)  not null check (kind in ('ONLINE_PLATFORM', 'BANK_CARD', 'CONSUMER_FINANCE', 'INSTALMENT_LOAN', 'BNPL', 'OTHER'))
);
create unique index lender_name_unique on lender (lower(name));

-- Debts on a case. Amounts are exact decimals in the debt's currency.
create table debt (
    id                uuid primary key,
    case_id           uuid         not null references case_file (id),
    lender_id         uuid         not null references lender (id),
    product           varchar(200),
    currency          char(3)      not null,
    principal         numeric(19, 4) not null check (principal >= 0),
    interest          numeric(19, 4) not null check (interest >= 0),
    penalty_interest  numeric(19, 4) not null check (penalty_interest >= 0),
    fees              numeric(19, 4) not null check (fees >= 0),
    status            varchar(20)  not null default 'OPEN' check (status in ('OPEN', 'PAID_OFF', 'SETTLED', 'WRITTEN_OFF')),
    version           bigint       not null default 0
);
create index debt_case_idx on debt (case_id);
create index debt_open_idx on debt (id) where status = 'OPEN';

create table debt_due (
    id        bigint generated always as identity primary key,
    debt_id   uuid           not null references debt (id),
    due_date  date           not null,
    amount    numeric(19, 4) not null check (amount > 0)
);
create index debt_due_debt_idx on debt_due (debt_id, due_date, id);

create table debt_repayment (
    id        bigint generated always as identity primary key,
    debt_id   uuid           not null references debt (id),
    paid_on   date           not null,
    amount    numeric(19, 4) not null check (amount > 0)
);
create index debt_repayment_debt_idx on debt_repayment (debt_id, paid_on);

-- Legal steps recorded by the counselor; the case is in the legal stage while one is in force.
create table legal_milestone (
    id        uuid primary key,
    case_id   uuid        not null references case_file (id),
    kind      varchar(30) not null check (kind in ('LAWSUIT_FILED', 'JUDGMENT', 'ENFORCEMENT', 'DISHONEST_DEBTOR_LISTING', 'CONSUMPTION_RESTRICTION')),
    on_date   date        not null,
    ended_on  date,
    check (ended_on is null or ended_on > on_date)
);
create index legal_milestone_case_idx on legal_milestone (case_id);

-- The stage over time: one row per period, the open one has no end. changed_by is null when the
-- daily job recorded it.
create table stage_period (
    id               bigint generated always as identity primary key,
    case_id          uuid         not null references case_file (id),
    stage            varchar(10)  not null check (stage in ('RESOLVED', 'CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL')),
    started_on       date         not null,
    ended_on         date,
    reason           text         not null,
    changed_by       varchar(64),
    changed_by_name  varchar(255),
    recorded_at      timestamptz  not null default now(),
    check (ended_on is null or ended_on >= started_on)
);
create unique index stage_period_one_open_per_case on stage_period (case_id) where ended_on is null;
create index stage_period_case_idx on stage_period (case_id, started_on, id);
create index stage_period_entered_idx on stage_period (stage, started_on);

alter table case_file add column stage varchar(10) not null default 'CURRENT'
    check (stage in ('RESOLVED', 'CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL'));
create index case_file_stage_idx on case_file (stage);
