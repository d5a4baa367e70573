-- Who read a case's sensitive data (client record, contact log, budget, CSV exports, found by a
-- phone or ID number, the calendar feed) and who was refused it (append-only, like the audit):
-- supervisors list it per case.
create table access_entry (
    id          bigint generated always as identity primary key,
    case_id     uuid         not null references case_file (id),
    actor_id    varchar(64)  not null,
    actor_name  varchar(255) not null,
    what        varchar(40)  not null,
    denied      boolean      not null,
    details     jsonb        not null default '{}'::jsonb,
    at          timestamptz  not null
);

create index access_entry_case_idx on access_entry (case_id, id desc);

create trigger access_entry_append_only before update or delete on access_entry
    for each row execute function is_append_only();
create trigger access_entry_no_truncate before truncate on access_entry
    for each statement execute function is_append_only();
