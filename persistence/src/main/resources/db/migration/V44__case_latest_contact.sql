-- Each case's latest contact and follow-up leave case_file for a narrow table of their own. Every
-- contact logged kept them on the case (V10, V17): an update of case_file's wide row over its
-- sixteen indexes (its GIN index of name grams among them), and of its case-count trigger, for a
-- row that changes with nearly every contact. pgbench, 50 clients inserting contacts on one
-- counselor's 2,000 cases of 100,000 (each the newest): 1,284 tps, 3,060 with the trigger left
-- out, 2,000 with it writing here instead.
--
-- What the quiet cases and the follow-ups are read by (My day, the caseload's sort and filter) comes
-- along: who the counselor is, the client's name, the status and the opening, kept in step with
-- the case by a trigger that fires only when one of them changes.
create table case_latest (
    case_id           uuid         primary key references case_file (id) on delete cascade,
    counselor_id      varchar(64)  not null,
    client_name       varchar(200) not null,
    status            varchar(20)  not null,
    opened_at         timestamptz  not null,
    last_contact_at   timestamptz,
    follow_up_on      date,
    follow_up_channel varchar(20)
);

insert into case_latest (case_id, counselor_id, client_name, status, opened_at, last_contact_at,
                         follow_up_on, follow_up_channel)
select id, counselor_id, client_name, status, opened_at, last_contact_at, follow_up_on,
       follow_up_channel
  from case_file;

-- quiet cases, quietest first: every case, and one counselor's (as V10 had them on the case)
create index case_latest_quiet_idx on case_latest ((coalesce(last_contact_at, opened_at)), case_id)
  where status not in ('CLOSED', 'RESOLVED');
create index case_latest_counselor_quiet_idx
  on case_latest (counselor_id, (coalesce(last_contact_at, opened_at)), case_id)
  where status not in ('CLOSED', 'RESOLVED');
-- follow-ups due, earliest first (as V17 had them)
create index case_latest_follow_up_idx on case_latest (follow_up_on, client_name, case_id)
  where follow_up_on is not null and status <> 'CLOSED';
create index case_latest_counselor_follow_up_idx
  on case_latest (counselor_id, follow_up_on, client_name, case_id)
  where follow_up_on is not null and status <> 'CLOSED';

drop index case_file_quiet_idx;
drop index case_file_counselor_quiet_idx;
drop index case_file_follow_up_idx;
drop index case_file_counselor_follow_up_idx;
alter table case_file drop column last_contact_at;
alter table case_file drop column follow_up_on;
alter table case_file drop column follow_up_channel;

-- a case opened has its row; a change of what is copied is copied
create function case_latest_opened() returns trigger language plpgsql as $$
begin
  insert into case_latest (case_id, counselor_id, client_name, status, opened_at)
  values (new.id, new.counselor_id, new.client_name, new.status, new.opened_at);
  return new;
end $$;

create trigger case_file_latest_opened after insert on case_file
  for each row execute function case_latest_opened();

create function case_latest_moved() returns trigger language plpgsql as $$
begin
  update case_latest
     set counselor_id = new.counselor_id, client_name = new.client_name, status = new.status,
         opened_at = new.opened_at,
         -- an erased case keeps no follow-up (its record's structure stays, not its plans)
         follow_up_on = case when new.erased_at is null then follow_up_on end,
         follow_up_channel = case when new.erased_at is null then follow_up_channel end
   where case_id = new.id;
  return new;
end $$;

create trigger case_file_latest_moved
  after update of counselor_id, client_name, status, opened_at, erased_at on case_file
  for each row
  when ((old.counselor_id, old.client_name, old.status, old.opened_at, old.erased_at)
        is distinct from (new.counselor_id, new.client_name, new.status, new.opened_at,
                          new.erased_at))
  execute function case_latest_moved();

-- the contact log's trigger (V10, V17) now keeps them here
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
  update case_latest
     set last_contact_at = greatest(last_contact_at, new.occurred_at),
         follow_up_on = latest.follow_up,
         follow_up_channel = case when latest.follow_up is null then null else latest.channel end
   where case_id = new.case_id
     and (last_contact_at is null or last_contact_at < new.occurred_at
          or (follow_up_on, follow_up_channel) is distinct from
             (latest.follow_up,
              case when latest.follow_up is null then null else latest.channel end));
  return new;
end $$;
