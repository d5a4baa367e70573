-- The contact log: append-only. A correction is a new row naming the row it corrects; a row is
-- corrected at most once, so corrections form a single line.
create table contact_entry (
    id                uuid primary key,
    seq               bigint        generated always as identity,
    case_id           uuid          not null references case_file (id),
    occurred_at       timestamptz   not null,
    client_zone       varchar(64)   not null,
    lender_id         uuid          references lender (id),
    debt_id           uuid          references debt (id),
    agency            varchar(200),
    collector_name    varchar(200),
    collector_number  varchar(200),
    direction         varchar(10)   not null check (direction in ('INBOUND', 'OUTBOUND')),
    channel           varchar(20)   not null check (channel in ('PHONE', 'SMS', 'EMAIL', 'APP_MESSAGE', 'LETTER', 'VISIT', 'IN_PERSON', 'MESSAGING_APP')),
    contacted         varchar(20)   not null check (contacted in ('CLIENT', 'FAMILY', 'EMPLOYER', 'FRIEND_OR_CONTACT', 'OTHER_THIRD_PARTY')),
    contacted_number  varchar(200),
    conversation      boolean       not null default false,
    summary           text          not null check (length(btrim(summary)) > 0),
    outcome           varchar(30),
    follow_up         date,
    corrects          uuid          unique references contact_entry (id),
    correction_reason varchar(200),
    recorded_by       varchar(64)   not null,
    recorded_by_name  varchar(255)  not null,
    recorded_at       timestamptz   not null,
    check ((corrects is null) = (correction_reason is null))
);

create index contact_entry_case_idx on contact_entry (case_id, occurred_at);

-- Evidence files: the description here, the bytes beside it; both written once.
create table evidence_file (
    id                uuid primary key,
    case_id           uuid          not null references case_file (id),
    contact_id        uuid          references contact_entry (id),
    file_name         varchar(255)  not null,
    media_type        varchar(100)  not null,
    size_bytes        bigint        not null check (size_bytes > 0),
    sha256            char(64)      not null,
    description       varchar(255),
    source            varchar(10)   not null check (source in ('STAFF', 'CLIENT')),
    uploaded_by       varchar(64)   not null,
    uploaded_by_name  varchar(255)  not null,
    uploaded_at       timestamptz   not null
);

create index evidence_file_case_idx on evidence_file (case_id, uploaded_at);

create table evidence_content (
    file_id  uuid  primary key references evidence_file (id),
    content  bytea not null
);

create function is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: nothing is edited or deleted', tg_table_name;
end;
$$;

create trigger contact_entry_append_only before update or delete on contact_entry
    for each row execute function is_append_only();
create trigger evidence_file_append_only before update or delete on evidence_file
    for each row execute function is_append_only();
create trigger evidence_content_append_only before update or delete on evidence_content
    for each row execute function is_append_only();

-- Harassment flags and the evidence they gather.
create table harassment_flag (
    id              uuid primary key,
    case_id         uuid          not null references case_file (id),
    kind            varchar(30)   not null,
    source          varchar(10)   not null check (source in ('DETECTED', 'COUNSELOR', 'CLIENT')),
    rule            varchar(100),
    finding_key     varchar(200),
    description     text          not null,
    period_from     date,
    period_to       date,
    status          varchar(10)   not null check (status in ('OPEN', 'DISMISSED')),
    dismiss_reason  text,
    raised_by       varchar(64)   not null,
    raised_by_name  varchar(255)  not null,
    raised_at       timestamptz   not null,
    version         bigint        not null default 0,
    unique (case_id, finding_key)
);

create index harassment_flag_case_idx on harassment_flag (case_id, raised_at desc);

create table flag_contact (
    flag_id     uuid not null references harassment_flag (id),
    contact_id  uuid not null references contact_entry (id),
    position    int  not null,
    primary key (flag_id, contact_id)
);

create table flag_evidence (
    flag_id  uuid not null references harassment_flag (id),
    file_id  uuid not null references evidence_file (id),
    position int  not null,
    primary key (flag_id, file_id)
);

-- Complaints drafted from flags, reviewed, filed and answered.
create table complaint (
    id                uuid primary key,
    case_id           uuid          not null references case_file (id),
    body_code         varchar(40)   not null,
    text              text          not null,
    status            varchar(10)   not null check (status in ('DRAFTED', 'REVIEWED', 'FILED', 'ANSWERED', 'CLOSED')),
    drafted_by        varchar(64)   not null,
    drafted_by_name   varchar(255)  not null,
    drafted_at        timestamptz   not null,
    review_note       text,
    reviewed_by_name  varchar(255),
    reviewed_at       timestamptz,
    filed_on          date,
    reference         varchar(200),
    answer_due        date,
    answered_on       date,
    answer            text,
    closed_on         date,
    closing_note      text,
    version           bigint        not null default 0
);

create index complaint_case_idx on complaint (case_id, drafted_at);
create index complaint_open_idx on complaint (status) where status <> 'CLOSED';

create table complaint_flag (
    complaint_id  uuid not null references complaint (id),
    flag_id       uuid not null references harassment_flag (id),
    position      int  not null,
    primary key (complaint_id, flag_id)
);
