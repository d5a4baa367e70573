-- Asking for a case to be erased (the client from the portal, or the case's counselor) and a
-- supervisor's decision; and the legal hold a supervisor puts on a case, which stops any erasure.
create table erasure_request (
    id                uuid primary key,
    case_id           uuid         not null references case_file (id),
    requested_by      varchar(64)  not null,
    requested_by_name varchar(255) not null,
    requested_as      varchar(10)  not null check (requested_as in ('CLIENT', 'COUNSELOR')),
    requested_at      timestamptz  not null,
    status            varchar(10)  not null check (status in ('REQUESTED', 'ERASED', 'REFUSED')),
    decided_by        varchar(64),
    decided_by_name   varchar(255),
    decided_at        timestamptz,
    note              text,
    version           bigint       not null default 0
);
-- one request open per case at a time
create unique index erasure_request_open_idx on erasure_request (case_id)
    where status = 'REQUESTED';
create index erasure_request_waiting_idx on erasure_request (requested_at)
    where status = 'REQUESTED';

alter table case_file
    add column legal_hold_reason  text,
    add column legal_hold_by_name varchar(255),
    add column legal_hold_at      timestamptz;

-- an erased case is no longer one of the office's cases: the kept counts (V15) leave it out
create or replace function case_count_statement() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into case_count (counselor_id, counselor_name, stage, status, cases)
    select counselor_id, counselor_name, stage, status, count(*)
    from new_rows where erased_at is null group by counselor_id, counselor_name, stage, status
    on conflict (counselor_id, counselor_name, stage, status)
    do update set cases = case_count.cases + excluded.cases;
  elsif tg_op = 'DELETE' then
    update case_count c set cases = c.cases - gone.n
    from (select counselor_id, counselor_name, stage, status, count(*) as n
          from old_rows where erased_at is null
          group by counselor_id, counselor_name, stage, status) gone
    where c.counselor_id = gone.counselor_id and c.counselor_name = gone.counselor_name
      and c.stage = gone.stage and c.status = gone.status;
  else
    with moved as (
        select counselor_id, counselor_name, stage, status, sum(n) as n
        from (select counselor_id, counselor_name, stage, status, -1 as n from old_rows
              where erased_at is null
              union all
              select counselor_id, counselor_name, stage, status, 1 from new_rows
              where erased_at is null) m
        group by counselor_id, counselor_name, stage, status
        having sum(n) <> 0
    ),
    updated as (
        update case_count c set cases = c.cases + moved.n
        from moved
        where c.counselor_id = moved.counselor_id and c.counselor_name = moved.counselor_name
          and c.stage = moved.stage and c.status = moved.status
        returning c.counselor_id, c.counselor_name, c.stage, c.status
    )
    insert into case_count (counselor_id, counselor_name, stage, status, cases)
    select moved.counselor_id, moved.counselor_name, moved.stage, moved.status, moved.n
    from moved
    where moved.n > 0
      and not exists (select 1 from updated u
                      where u.counselor_id = moved.counselor_id
                        and u.counselor_name = moved.counselor_name
                        and u.stage = moved.stage and u.status = moved.status)
    on conflict (counselor_id, counselor_name, stage, status)
    do update set cases = case_count.cases + excluded.cases;
  end if;
  return null;
end $$;
