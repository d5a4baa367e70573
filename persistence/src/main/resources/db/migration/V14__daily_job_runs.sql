-- One row per daily job and day. The instance whose scheduled run claims the day does the work in
-- the same transaction; a second instance's claim waits for it and then finds the day taken.
create table job_run (
    job          varchar(30)  not null,
    day          date         not null,
    instance     varchar(200) not null,
    started_at   timestamptz  not null default clock_timestamp(),
    finished_at  timestamptz,
    changes      jsonb        not null default '{}'::jsonb,
    primary key (job, day)
);
