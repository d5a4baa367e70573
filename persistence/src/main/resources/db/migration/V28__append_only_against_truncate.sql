-- Append-only tables refuse TRUNCATE too: row triggers do not fire for it, so a statement trigger
-- stops it (for the app's own login, which owns the tables, as for anyone else).
do $$
declare
    t text;
begin
    foreach t in array array['audit_entry', 'office_audit_entry', 'contact_entry', 'evidence_file',
                             'evidence_chunk', 'budget', 'budget_line', 'plan_debt',
                             'plan_payment', 'plan_waiver', 'case_review', 'wellbeing_check']
    loop
        execute format('create trigger %I before truncate on %I '
                       'for each statement execute function is_append_only()',
                       t || '_no_truncate', t);
    end loop;
end;
$$;
