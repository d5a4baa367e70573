-- The supervisor's approval a proposal waiving much needs before it can be agreed.
create table plan_approval (
    plan_id          uuid primary key references plan (id),
    status           varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'RETURNED')),
    why_code         varchar(100) not null,
    why_params       jsonb        not null default '{}'::jsonb,
    requested_at     timestamptz  not null,
    decided_by_name  varchar(255),
    decided_at       timestamptz,
    note             text,
    version          bigint       not null default 0
);

create index plan_approval_pending_idx on plan_approval (requested_at) where status = 'PENDING';
