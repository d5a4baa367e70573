-- What the harassment rules find in each case's contact log, kept beside the case instead of worked
-- out again on every request: "My day" listed the findings of the 200 cases contacted last by
-- running the rules over their 4,000 entries each time (37 requests a second at 50 counselors, p99
-- 2.9 s). The rules are a function of the log, the lenders it names, the case's jurisdiction and
-- the office's rule packs; whenever one of those changes the case is due to be judged again.
create table case_finding (
    case_id       uuid         not null references case_file (id),
    finding_key   varchar(200) not null,
    rule          varchar(100) not null,
    kind          varchar(30)  not null,
    found_from    date         not null,
    found_to      date         not null,
    why_code      varchar(100) not null,
    why_params    jsonb        not null,
    primary key (case_id, finding_key)
);

-- Cases whose kept findings are out of date: judged again in the same transaction when the app
-- logs or corrects a contact, by the findings job (every few seconds) for the rest.
create table finding_due (
    case_id   uuid        primary key references case_file (id),
    marked_at timestamptz not null default now()
);

-- The office's rule packs the kept findings were judged by (a fingerprint): when the app starts
-- with other packs, every case is due again. Empty at first: the first start judges every case.
create table finding_rules (
    only_row    boolean primary key default true check (only_row),
    fingerprint text    not null
);
insert into finding_rules (fingerprint) values ('');

-- Marking a case due waits for a job judging it right now (its row lock), and then marks it
-- again: an entry that job did not see is judged next time, never lost.
create function finding_due_mark(cases uuid[]) returns void language sql as $$
  insert into finding_due (case_id) select unnest(cases)
  on conflict (case_id) do update set marked_at = now();
$$;

create function finding_due_after_contact() returns trigger language plpgsql as $$
begin
  perform finding_due_mark(array[new.case_id]);
  return new;
end $$;

create trigger contact_entry_finding_due after insert on contact_entry
  for each row execute function finding_due_after_contact();

create function finding_due_after_jurisdiction() returns trigger language plpgsql as $$
begin
  perform finding_due_mark(array[new.id]);
  return new;
end $$;

create trigger case_file_finding_due after update of jurisdiction on case_file
  for each row when (old.jurisdiction is distinct from new.jurisdiction)
  execute function finding_due_after_jurisdiction();

-- a lender's name and kind are in its contacts' findings (the kind chooses the packs)
create function finding_due_after_lender() returns trigger language plpgsql as $$
begin
  perform finding_due_mark(array(select distinct e.case_id from contact_entry e
                                  where e.lender_id = new.id));
  return new;
end $$;

create trigger lender_finding_due after update of name, kind on lender
  for each row when (old.name is distinct from new.name or old.kind is distinct from new.kind)
  execute function finding_due_after_lender();

create index contact_entry_lender_idx on contact_entry (lender_id) where lender_id is not null;
