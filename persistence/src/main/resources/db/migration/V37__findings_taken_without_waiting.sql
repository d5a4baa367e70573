-- The findings job held each due case's row locked while it judged the case (V33), so a contact
-- logged on one of the 200 cases of a batch waited for the whole batch: at 50 counselors logging,
-- p99 160 ms. Now a job takes cases for a while (taken_until) in a transaction of its own, judges
-- them holding no lock, and keeps its findings only for cases still due, removing the mark only if
-- no change marked the case again meanwhile (mark counts the markings). A contact waits for no
-- judging, at most for the few milliseconds in which a batch's findings are written.
alter table finding_due
    add column mark        bigint      not null default 0,
    add column taken_until timestamptz;

create index finding_due_order_idx on finding_due (marked_at, case_id);

-- (in the cases' order: two markings of many cases at once lock them in the same order)
create or replace function finding_due_mark(cases uuid[]) returns void language sql as $$
  insert into finding_due (case_id) select c from unnest(cases) c order by c
  on conflict (case_id) do update
    set marked_at = now(), mark = finding_due.mark + 1, taken_until = null;
$$;
