-- Recommended actions of a stage that the counselor has done on a case.
create table checklist_tick (
    case_id       uuid         not null references case_file (id),
    stage         varchar(10)  not null check (stage in ('RESOLVED', 'CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL')),
    item          varchar(40)  not null,
    done_by       varchar(64)  not null,
    done_by_name  varchar(255) not null,
    done_at       timestamptz  not null,
    primary key (case_id, stage, item)
);
