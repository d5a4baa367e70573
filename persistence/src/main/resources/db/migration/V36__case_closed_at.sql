-- When a case was closed: its retention period counts from then. Kept by the database as the
-- status changes; a case closed before this migration counts from its audited closing, else from
-- now (never earlier than anyone can show).
alter table case_file add column closed_at timestamptz;

update case_file c
   set closed_at = coalesce(
         (select max(a.at) from audit_entry a
           where a.case_id = c.id and a.action = 'case.status' and a.details ->> 'after' = 'CLOSED'),
         now())
 where c.status = 'CLOSED';

create function case_file_closed_at() returns trigger language plpgsql as $$
begin
  if new.status <> 'CLOSED' then
    new.closed_at := null;
  elsif tg_op = 'INSERT' or old.status <> 'CLOSED' then
    new.closed_at := now();
  end if;
  return new;
end $$;

create trigger case_file_closed_at before insert or update of status on case_file
  for each row execute function case_file_closed_at();

-- the retention job's cases: closed, not erased, not held, longest closed first
create index case_file_retention_idx on case_file (closed_at)
  where status = 'CLOSED' and erased_at is null and legal_hold_reason is null;
