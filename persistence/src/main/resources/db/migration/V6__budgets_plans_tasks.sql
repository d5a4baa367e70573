-- Budget versions: each save writes the next version; versions are never changed.
create table budget (
    case_id           uuid          not null references case_file (id),
    version           integer       not null check (version >= 1),
    currency          char(3)       not null,
    note              text,
    recorded_by       varchar(64)   not null,
    recorded_by_name  varchar(255)  not null,
    recorded_at       timestamptz   not null,
    primary key (case_id, version)
);

create table budget_line (
    case_id    uuid           not null,
    version    integer        not null,
    section    varchar(10)    not null check (section in ('INCOME', 'EXPENSE', 'ASSET')),
    position   integer        not null,
    kind       varchar(20)    not null,
    label      varchar(100)   not null,
    amount     numeric(19, 4) not null check (amount >= 0),
    essential  boolean        not null default false,
    primary key (case_id, version, section, position),
    foreign key (case_id, version) references budget (case_id, version)
);

create trigger budget_append_only before update or delete on budget
    for each row execute function is_append_only();
create trigger budget_line_append_only before update or delete on budget_line
    for each row execute function is_append_only();

-- Repayment plans. Terms, debts, waivers and the schedule's amounts are fixed once proposed; the
-- status moves on, instalments get marked missed, and payments are added (never changed).
create table plan (
    id               uuid primary key,
    case_id          uuid           not null references case_file (id),
    kind             varchar(20)    not null check (kind in ('INSTALMENTS', 'INTEREST_STOP', 'EXTENSION', 'SETTLEMENT')),
    currency         char(3)        not null,
    agreed_total     numeric(19, 4) not null check (agreed_total > 0),
    terms            text           not null,
    status           varchar(12)    not null check (status in ('PROPOSED', 'AGREED', 'ACTIVE', 'COMPLETED', 'BROKEN', 'WITHDRAWN')),
    agreed_on        date,
    agreement_file   uuid           references evidence_file (id),
    status_reason    varchar(500),
    status_on        date,
    created_by       varchar(64)    not null,
    created_by_name  varchar(255)   not null,
    created_at       timestamptz    not null,
    version          bigint         not null default 0,
    -- never agreed without the signed written agreement
    check (status in ('PROPOSED', 'WITHDRAWN') or (agreed_on is not null and agreement_file is not null))
);

create index plan_case_idx on plan (case_id, created_at);
create index plan_in_force_idx on plan (status) where status in ('AGREED', 'ACTIVE');

create table plan_debt (
    plan_id      uuid           not null references plan (id),
    position     integer        not null,
    debt_id      uuid           not null references debt (id),
    label        varchar(255)   not null,
    outstanding  numeric(19, 4) not null check (outstanding >= 0),
    share        numeric(19, 4) not null check (share >= 0),
    primary key (plan_id, position),
    unique (plan_id, debt_id)
);

create index plan_debt_debt_idx on plan_debt (debt_id);

create table plan_waiver (
    plan_id   uuid           not null references plan (id),
    position  integer        not null,
    kind      varchar(20)    not null check (kind in ('PENALTY_INTEREST', 'FEES', 'INTEREST', 'PRINCIPAL')),
    amount    numeric(19, 4) not null check (amount > 0),
    primary key (plan_id, position)
);

create table plan_instalment (
    plan_id    uuid           not null references plan (id),
    number     integer        not null check (number >= 1),
    due_on     date           not null,
    amount     numeric(19, 4) not null check (amount > 0),
    missed_on  date,
    primary key (plan_id, number)
);

create table plan_payment (
    id                uuid primary key,
    plan_id           uuid           not null references plan (id),
    paid_on           date           not null,
    amount            numeric(19, 4) not null check (amount > 0),
    note              varchar(500),
    recorded_by       varchar(64)    not null,
    recorded_by_name  varchar(255)   not null,
    recorded_at       timestamptz    not null
);

create index plan_payment_plan_idx on plan_payment (plan_id, paid_on);

create trigger plan_debt_append_only before update or delete on plan_debt
    for each row execute function is_append_only();
create trigger plan_waiver_append_only before update or delete on plan_waiver
    for each row execute function is_append_only();
create trigger plan_payment_append_only before update or delete on plan_payment
    for each row execute function is_append_only();

-- Tasks for the counselor who holds the case. One task per missed instalment and per broken plan.
create table task (
    id            uuid primary key,
    case_id       uuid           not null references case_file (id),
    kind          varchar(30)    not null check (kind in ('INSTALMENT_MISSED', 'PLAN_BROKEN')),
    plan_id       uuid           references plan (id),
    instalment    integer,
    due_on        date,
    amount        numeric(19, 4),
    currency      char(3),
    created_at    timestamptz    not null,
    done_at       timestamptz,
    done_by       varchar(64),
    done_by_name  varchar(255)
);

create unique index task_once_idx on task (plan_id, kind, coalesce(instalment, 0));
create index task_open_idx on task (case_id, created_at) where done_at is null;

-- A client's calendar feed: only the SHA-256 of the secret in its URL is kept.
create table calendar_feed (
    case_id       uuid primary key references case_file (id),
    token_sha256  char(64)       not null unique,
    created_by    varchar(64)    not null,
    created_at    timestamptz    not null
);
