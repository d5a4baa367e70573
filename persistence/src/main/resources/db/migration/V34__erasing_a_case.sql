-- Erasing a case: its personal data is emptied while the record's structure stays (every entry,
-- payment and stage is still there, with its dates, amounts, codes and who recorded it), so the
-- office's figures and the audit of the erasure itself survive. The append-only tables refuse any
-- change but this one: columns this table names may be emptied (null, '' or an empty JSON value),
-- and rows of the tables it names with no columns may be deleted, only in rows of a case already
-- marked erased, and nothing else in the row may change.
alter table case_file add column erased_at timestamptz;

create table erasable (
    table_name text   primary key,
    columns    text[] not null,  -- emptied; none: the rows go (the evidence's bytes)
    case_of    text   not null   -- SQL giving the row's case from the row as jsonb ($1)
);

insert into erasable (table_name, columns, case_of) values
    ('contact_entry', array['summary', 'contacted_number', 'correction_reason'],
     'select ($1 ->> ''case_id'')::uuid'),
    ('evidence_file', array['file_name', 'description'], 'select ($1 ->> ''case_id'')::uuid'),
    ('evidence_chunk', array[]::text[],
     'select case_id from evidence_file where id = ($1 ->> ''file_id'')::uuid'),
    ('budget', array['note'], 'select ($1 ->> ''case_id'')::uuid'),
    ('budget_line', array['label'], 'select ($1 ->> ''case_id'')::uuid'),
    ('plan_debt', array['label'],
     'select case_id from plan where id = ($1 ->> ''plan_id'')::uuid'),
    ('plan_payment', array['note'],
     'select case_id from plan where id = ($1 ->> ''plan_id'')::uuid'),
    ('case_review', array['note', 'actions'], 'select ($1 ->> ''case_id'')::uuid'),
    ('wellbeing_check', array['note'], 'select ($1 ->> ''case_id'')::uuid'),
    ('access_entry', array['details'], 'select ($1 ->> ''case_id'')::uuid'),
    ('audit_entry', array['details'], 'select ($1 ->> ''case_id'')::uuid');

-- an erased contact keeps that it was corrected, not why; and it may have no summary left
alter table contact_entry alter column summary drop not null;
alter table contact_entry drop constraint contact_entry_check;  -- (corrects is null) = (reason is null)
alter table contact_entry add constraint contact_entry_reason_only_for_corrections
    check (corrects is not null or correction_reason is null);

create or replace function is_append_only() returns trigger language plpgsql as $$
declare
    rule   erasable;
    owner  uuid;
    col    text;
    value  jsonb;
begin
    if tg_level = 'ROW' and tg_op in ('UPDATE', 'DELETE') then
        select * into rule from erasable where table_name = tg_table_name;
        if found then
            execute rule.case_of into owner using to_jsonb(old);
            if exists (select 1 from case_file where id = owner and erased_at is not null) then
                if tg_op = 'DELETE' and cardinality(rule.columns) = 0 then
                    return old;
                end if;
                if tg_op = 'UPDATE' and cardinality(rule.columns) > 0
                   and (to_jsonb(new) - rule.columns) = (to_jsonb(old) - rule.columns) then
                    foreach col in array rule.columns loop
                        value := to_jsonb(new) -> col;
                        if value is not null and value not in
                           ('null'::jsonb, '""'::jsonb, '{}'::jsonb, '[]'::jsonb) then
                            raise exception '% of an erased case: % may only be emptied',
                                tg_table_name, col;
                        end if;
                    end loop;
                    return new;
                end if;
            end if;
        end if;
    end if;
    raise exception '% is append-only: nothing is edited or deleted', tg_table_name;
end;
$$;

-- the case's audit the same way (its entries keep who did what when, not the values); the office's
-- audit is not a case's and keeps its own function
drop trigger audit_entry_append_only on audit_entry;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function is_append_only();
