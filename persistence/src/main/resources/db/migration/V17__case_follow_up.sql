-- Each case's follow-up: the one its latest standing contact asks for (the latest entry that no
-- correction replaced, by time and then by order of logging). The database keeps it on the case as
-- entries are appended, in the same update as the case's latest contact (V10). "Follow-ups due" in
-- My day then reads an index of cases, instead of weighing every entry with a follow-up against
-- every later entry of its case.
alter table case_file add column follow_up_on date;
alter table case_file add column follow_up_channel varchar(20);

create or replace function case_file_last_contact() returns trigger language plpgsql as $$
declare
  latest record;
begin
  select e.follow_up, e.channel into latest
    from contact_entry e
   where e.case_id = new.case_id
     and not exists (select 1 from contact_entry x where x.corrects = e.id)
   order by e.occurred_at desc, e.seq desc
   limit 1;
  update case_file
     set last_contact_at = greatest(last_contact_at, new.occurred_at),
         follow_up_on = latest.follow_up,
         follow_up_channel = case when latest.follow_up is null then null else latest.channel end
   where id = new.case_id
     and (last_contact_at is null or last_contact_at < new.occurred_at
          or (follow_up_on, follow_up_channel) is distinct from
             (latest.follow_up,
              case when latest.follow_up is null then null else latest.channel end));
  return new;
end $$;

update case_file c
   set follow_up_on = l.follow_up, follow_up_channel = l.channel
  from (select distinct on (e.case_id) e.case_id, e.follow_up, e.channel
          from contact_entry e
         where not exists (select 1 from contact_entry x where x.corrects = e.id)
         order by e.case_id, e.occurred_at desc, e.seq desc) l
 where c.id = l.case_id
   and l.follow_up is not null;

-- follow-ups due, earliest first: every case, and one counselor's
create index case_file_follow_up_idx on case_file (follow_up_on, client_name, id)
  where follow_up_on is not null and status <> 'CLOSED';
create index case_file_counselor_follow_up_idx
  on case_file (counselor_id, follow_up_on, client_name, id)
  where follow_up_on is not null and status <> 'CLOSED';
