-- The collector directory: agencies and numbers that contact entries name, in one normalized form
-- (key), the contacts that name them (sightings) and the cases each reached. Kept by the contact
-- log's store as entries are appended; V23 fills it from the entries logged before.
create table directory_entry (
    id           uuid primary key,
    kind         varchar(8)   not null check (kind in ('AGENCY', 'NUMBER')),
    key          varchar(200) not null,
    label        varchar(200) not null,
    merged_into  uuid references directory_entry (id),
    clients      int          not null default 0,
    version      bigint       not null default 0,
    unique (kind, key)
);

create index directory_entry_ranked_idx on directory_entry (kind, clients desc, id)
    where merged_into is null;
create index directory_entry_merged_idx on directory_entry (merged_into)
    where merged_into is not null;

create table directory_sighting (
    contact_id  uuid not null references contact_entry (id),
    entry_id    uuid not null references directory_entry (id),
    primary key (contact_id, entry_id)
);

create index directory_sighting_entry_idx on directory_sighting (entry_id, contact_id);

-- the cases an entry reached, under the entry it counts with (itself, or the one it was merged into)
create table directory_case (
    entry_id  uuid        not null references directory_entry (id),
    case_id   uuid        not null references case_file (id),
    contacts  int         not null,
    last_at   timestamptz not null,
    primary key (entry_id, case_id)
);

create index directory_case_recent_idx on directory_case (entry_id, last_at desc);

-- Changes to office-wide data (directory merges, staff): who, when, what. Append-only.
create table office_audit_entry (
    id          bigint generated always as identity primary key,
    actor_id    varchar(64)  not null,
    actor_name  varchar(255) not null,
    action      varchar(100) not null,
    details     jsonb        not null default '{}'::jsonb,
    at          timestamptz  not null
);

create index office_audit_entry_action_idx on office_audit_entry (action, id desc);

create trigger office_audit_entry_append_only
    before update or delete on office_audit_entry
    for each row execute function audit_entry_is_append_only();
