-- The kept counts (V12) per statement instead of per row. A row trigger updated the same few count
-- rows once per case: the stage job's first run over 100,000 cases made 100,000 versions of a
-- handful of rows in one transaction and took minutes. Now each statement on case_file adds up
-- what it moved from its transition tables and touches each count row once.
drop trigger case_count_open_or_remove on case_file;
drop trigger case_count_move on case_file;
drop function case_count_change();

create function case_count_statement() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into case_count (counselor_id, counselor_name, stage, status, cases)
    select counselor_id, counselor_name, stage, status, count(*)
    from new_rows group by counselor_id, counselor_name, stage, status
    on conflict (counselor_id, counselor_name, stage, status)
    do update set cases = case_count.cases + excluded.cases;
  elsif tg_op = 'DELETE' then
    update case_count c set cases = c.cases - gone.n
    from (select counselor_id, counselor_name, stage, status, count(*) as n
          from old_rows group by counselor_id, counselor_name, stage, status) gone
    where c.counselor_id = gone.counselor_id and c.counselor_name = gone.counselor_name
      and c.stage = gone.stage and c.status = gone.status;
  else
    -- what left each group and what joined it; most updates (a contact logged) move nothing
    with moved as (
        select counselor_id, counselor_name, stage, status, sum(n) as n
        from (select counselor_id, counselor_name, stage, status, -1 as n from old_rows
              union all
              select counselor_id, counselor_name, stage, status, 1 from new_rows) m
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

create trigger case_count_opened after insert on case_file
  referencing new table as new_rows
  for each statement execute function case_count_statement();

create trigger case_count_removed after delete on case_file
  referencing old table as old_rows
  for each statement execute function case_count_statement();

create trigger case_count_moved after update on case_file
  referencing old table as old_rows new table as new_rows
  for each statement execute function case_count_statement();
