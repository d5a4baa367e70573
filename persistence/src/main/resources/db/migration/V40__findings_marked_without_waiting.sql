-- Marking a case due was an upsert of the case's one row in finding_due (V33, V37), the same row
-- the findings job updates when it takes the case and deletes when it keeps its findings: a
-- contact logged on a case in a batch being taken or kept waited for that job's transaction. At 50
-- counselors logging contacts on 2,000 cases, the insert alone ran at 860 a second, nearly all of
-- its time waiting on those row locks; without the marking, at 3,850. Now a marking only adds a
-- row nobody updates or locks (finding_mark), and a taking is a row of its own (finding_taken):
-- taking a case moves its marks into its taking, keeping its findings ends the taking. A contact
-- committed after a taking read the marks leaves its mark, and its case is judged again.
create table finding_mark (
    seq     bigint generated always as identity primary key,
    case_id uuid not null references case_file (id)
);
create index finding_mark_case_idx on finding_mark (case_id);

-- a case being judged: by which taking, and until when other instances leave it alone (a taking
-- whose time is up counts as due again: its marks went with it)
create table finding_taken (
    case_id     uuid        primary key references case_file (id),
    taking      bigint      not null,
    taken_until timestamptz not null
);
create sequence finding_taking;

create or replace function finding_due_mark(cases uuid[]) returns void language sql as $$
  insert into finding_mark (case_id) select distinct c from unnest(cases) c;
$$;

insert into finding_mark (case_id) select case_id from finding_due order by marked_at, case_id;
drop table finding_due;

-- the cases due, for a look by hand (and the tests): marked, or taken and not yet kept
create view finding_due as
  select case_id from finding_mark union select case_id from finding_taken;
