-- After every migration (Flyway's afterMigrate callback, run as the schema's owner): what the
-- app's runtime login, a member of clearpath_runtime (DatabaseRoles), may do. It reads and writes
-- the working tables; it only reads and adds to the append-only ones, which are those that refuse
-- TRUNCATE (V28; a new append-only table gets that trigger and is covered here with no change);
-- it owns nothing, so it can alter, drop or truncate no table and drop or disable no trigger.
-- Where there is no such role (one login for everything: the tests' own server, a quick trial)
-- nothing is granted.
do $$
declare
    t record;
    e record;
begin
    if not exists (select 1 from pg_roles where rolname = 'clearpath_runtime') then
        return;
    end if;
    grant usage on schema public to clearpath_runtime;
    revoke all on all tables in schema public from clearpath_runtime;
    grant select, insert, update, delete on all tables in schema public to clearpath_runtime;
    for t in select distinct tgrelid::regclass as name from pg_trigger
             where (tgtype & 32) <> 0 and not tgisinternal
    loop
        execute format('revoke update, delete on %s from clearpath_runtime', t.name);
    end loop;
    -- erasing a case empties some columns of the append-only tables and deletes the evidence's
    -- bytes, which their trigger allows only for a case marked erased (V34)
    if to_regclass('public.erasable') is not null then
        for e in select * from erasable loop
            if cardinality(e.columns) = 0 then
                execute format('grant delete on %I to clearpath_runtime', e.table_name);
            else
                execute format('grant update (%s) on %I to clearpath_runtime',
                               (select string_agg(quote_ident(c), ', ') from unnest(e.columns) c),
                               e.table_name);
            end if;
        end loop;
        revoke insert, update, delete on erasable from clearpath_runtime;
    end if;
    -- the migrations are the owner's business
    revoke all on flyway_schema_history from clearpath_runtime;
    revoke all on all sequences in schema public from clearpath_runtime;
    grant usage, select on all sequences in schema public to clearpath_runtime;
end;
$$;
