-- Evidence stored before V32 was left plain: its chunks are append-only and the runtime login may
-- not rewrite them. The app's start now seals it (EarlierEvidence), connected as the tables' owner
-- with clearpath.sealing_evidence set for its transaction: only then may a chunk of a file not yet
-- sealed take its sealed bytes, and the file be marked sealed. Everything else stays refused, to
-- the owner too.
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
    -- the evidence stored before V32 is sealed once (EarlierEvidence, at the app's start, as the
    -- tables' owner, which the runtime login is not): a chunk of a file not yet sealed gets its
    -- sealed bytes and nothing else, then the file is marked sealed and nothing else changes
    if tg_level = 'ROW' and tg_op = 'UPDATE'
       and coalesce(current_setting('clearpath.sealing_evidence', true), '') = 'on'
       and pg_has_role(current_user, (select relowner from pg_class where oid = tg_relid), 'MEMBER')
    then
        if tg_table_name = 'evidence_chunk' then
            if (to_jsonb(new) - 'bytes') = (to_jsonb(old) - 'bytes')
               and exists (select 1 from evidence_file f
                           where f.id = (to_jsonb(old) ->> 'file_id')::uuid and not f.sealed) then
                return new;
            end if;
        elsif tg_table_name = 'evidence_file' then
            if (to_jsonb(new) - 'sealed') = (to_jsonb(old) - 'sealed')
               and not (to_jsonb(old) ->> 'sealed')::boolean
               and (to_jsonb(new) ->> 'sealed')::boolean then
                return new;
            end if;
        end if;
    end if;
    raise exception '% is append-only: nothing is edited or deleted', tg_table_name;
end;
$$;
