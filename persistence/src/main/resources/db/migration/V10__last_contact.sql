-- Each case's latest contact, kept on the case by the database itself as entries are appended
-- (the log is append-only; a correction is an entry too, as in max(occurred_at) over the log).
-- "No contact for N days" (My day, the caseload's filter and sort) then reads an index instead of
-- working out every case's latest entry: 1.1 s → milliseconds for a supervisor at 100,000 cases.
alter table case_file add column last_contact_at timestamptz;

update case_file c
   set last_contact_at = (select max(e.occurred_at) from contact_entry e where e.case_id = c.id);

create function case_file_last_contact() returns trigger language plpgsql as $$
begin
  update case_file
     set last_contact_at = new.occurred_at
   where id = new.case_id
     and (last_contact_at is null or last_contact_at < new.occurred_at);
  return new;
end $$;

create trigger contact_entry_last_contact after insert on contact_entry
  for each row execute function case_file_last_contact();

-- quiet cases, quietest first: every case, and one counselor's
create index case_file_quiet_idx on case_file ((coalesce(last_contact_at, opened_at)), id)
  where status not in ('CLOSED', 'RESOLVED');
create index case_file_counselor_quiet_idx
  on case_file (counselor_id, (coalesce(last_contact_at, opened_at)), id)
  where status not in ('CLOSED', 'RESOLVED');
