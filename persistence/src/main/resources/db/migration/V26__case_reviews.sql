-- Supervisors' case reviews (append-only): what was checked, a note, the actions asked of the
-- counselor (each a task with its due date). A case's next review follows its last one (or its
-- opening) by the interval for its stage; review_base keeps that day indexed.
create table case_review (
    id           uuid primary key,
    case_id      uuid         not null references case_file (id),
    reviewed_at  timestamptz  not null,
    by_id        varchar(64)  not null,
    by_name      varchar(255) not null,
    checked      text[]       not null,
    note         text,
    actions      jsonb        not null default '[]'::jsonb
);

create index case_review_case_idx on case_review (case_id, reviewed_at desc);

create trigger case_review_append_only before update or delete on case_review
    for each row execute function is_append_only();

alter table case_file add column last_reviewed_at timestamptz;
alter table case_file add column review_base timestamptz
    generated always as (coalesce(last_reviewed_at, opened_at)) stored;
create index case_file_review_due_idx on case_file (review_base, id)
    where status not in ('CLOSED', 'RESOLVED');

alter table task add column note text;
alter table task drop constraint task_kind_check;
alter table task add constraint task_kind_check
    check (kind in ('INSTALMENT_MISSED', 'PLAN_BROKEN', 'WELLBEING_CRISIS', 'REVIEW_ACTION'));
