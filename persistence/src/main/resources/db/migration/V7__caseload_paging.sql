-- The paged caseload (newest first is the default order for supervisors) and its
-- "no contact since" filter and "last contact" order.
create index case_file_opened_idx on case_file (opened_at desc, id);
create index contact_entry_case_latest_idx on contact_entry (case_id, occurred_at desc);
