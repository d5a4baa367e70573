-- Wellbeing checks (internal, append-only) and the urgent task a crisis answer raises.
create table wellbeing_check (
    id         uuid primary key,
    case_id    uuid         not null references case_file (id),
    occasion   varchar(10)  not null check (occasion in ('INTAKE', 'FOLLOW_UP')),
    stress     smallint     not null check (stress between 0 and 3),
    sleep      smallint     not null check (sleep between 0 and 3),
    shame      smallint     not null check (shame between 0 and 3),
    self_harm  varchar(30)  not null check (self_harm in ('NOT_AT_ALL', 'SEVERAL_DAYS',
                   'MORE_THAN_HALF_THE_DAYS', 'NEARLY_EVERY_DAY', 'DECLINED')),
    note       text,
    at         timestamptz  not null,
    by_id      varchar(64)  not null,
    by_name    varchar(255) not null
);

create index wellbeing_check_case_idx on wellbeing_check (case_id, at desc);

create trigger wellbeing_check_append_only before update or delete on wellbeing_check
    for each row execute function is_append_only();

alter table task drop constraint task_kind_check;
alter table task add constraint task_kind_check
    check (kind in ('INSTALMENT_MISSED', 'PLAN_BROKEN', 'WELLBEING_CRISIS'));

create index task_crisis_open_idx on task (created_at) where kind = 'WELLBEING_CRISIS' and done_at is null;
