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
    -- the migrations are the owner's business
    revoke all on flyway_schema_history from clearpath_runtime;
    revoke all on all sequences in schema public from clearpath_runtime;
    grant usage, select on all sequences in schema public to clearpath_runtime;
end;
$$;
