-- A search's grams, as V11 defines them, in PL/pgSQL. As a SQL function that could not be inlined
-- (it has subqueries), its body was parsed and planned again each time the planner folded the
-- search text into a constant, for every search: about 0.3 ms of the database's time of a search
-- that otherwise takes 0.2 ms. PL/pgSQL keeps its statements' plans for the session.
create or replace function name_query_grams(search text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
    lowered text := lower(search);
    grams text[];
begin
    select array_agg(distinct substr(lowered, i, 2)) into grams
    from generate_series(1, length(search) - 1) i
    where substr(lowered, i, 2) !~ '\s';
    if grams is null then
        select array_agg(distinct substr(lowered, i, 1)) into grams
        from generate_series(1, length(search)) i
        where substr(lowered, i, 1) !~ '\s';
    end if;
    return coalesce(grams, '{}');
end
$$;
