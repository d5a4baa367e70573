-- Case files: one client's case in one counselor's caseload.
-- Identities are Keycloak user ids (the token's "sub"); names are kept for display only.
create table case_file (
    id               uuid primary key,
    client_name      varchar(200) not null check (length(btrim(client_name)) > 0),
    counselor_id     varchar(64)  not null,
    counselor_name   varchar(255) not null,
    client_login_id  varchar(64),
    status           varchar(20)  not null check (status in ('OPEN', 'IN_NEGOTIATION', 'PLAN_ACTIVE', 'RESOLVED', 'CLOSED')),
    opened_at        timestamptz  not null,
    version          bigint       not null default 0
);

create index case_file_counselor_idx on case_file (counselor_id, opened_at desc);
create index case_file_client_login_idx on case_file (client_login_id) where client_login_id is not null;

-- Append-only audit trail of every change to case data, written in the same transaction.
create table audit_entry (
    id          bigint generated always as identity primary key,
    case_id     uuid         not null references case_file (id),
    actor_id    varchar(64)  not null,
    actor_name  varchar(255) not null,
    action      varchar(100) not null,
    details     jsonb        not null default '{}'::jsonb,
    at          timestamptz  not null
);

create index audit_entry_case_idx on audit_entry (case_id, id);

-- The trail is never edited or deleted by the application.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
