-- Search by name answers from an index at any caseload size. A name is indexed by its single
-- characters and its pairs of neighbouring characters (lower-cased, no whitespace): Chinese names
-- are two to four characters, too short for trigrams, and a search for one character or a pair
-- must still find them. A search asks for every pair in the text (or its one character) and the
-- exact substring is then checked against the name.
create function name_grams(value text) returns text[] language sql immutable strict parallel safe as $$
    select coalesce(array_agg(distinct gram), '{}')
    from (select lower(value) as lowered) n
    cross join lateral generate_series(1, length(n.lowered)) i
    cross join lateral (values (substr(n.lowered, i, 1)), (substr(n.lowered, i, 2))) g(gram)
    where gram !~ '\s'
$$;

-- What a search for the text needs of a name's grams: its pairs, or its characters when it has
-- no pair without whitespace (a single character, "a b").
create function name_query_grams(search text) returns text[] language sql immutable strict parallel safe as $$
    select coalesce(
        (select array_agg(distinct substr(lower(search), i, 2)) from generate_series(1, length(search) - 1) i
          where substr(lower(search), i, 2) !~ '\s'),
        (select array_agg(distinct substr(lower(search), i, 1)) from generate_series(1, length(search)) i
          where substr(lower(search), i, 1) !~ '\s'),
        '{}')
$$;

alter table case_file add column name_grams text[] generated always as (name_grams(client_name)) stored;
create index case_file_name_grams_idx on case_file using gin (name_grams);

-- a phone number is searched as its digits, whatever spaces or dashes it was written with
create index case_file_phone_digits_idx on case_file (regexp_replace(phone, '[\s-]', '', 'g'));
