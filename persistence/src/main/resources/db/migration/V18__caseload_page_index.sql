-- A counselor's caseload, newest first, is read in the page's full order (opened_at desc, id):
-- the first 50 come straight off the index, without sorting the cases opened at the same moment.
create index case_file_counselor_opened_idx on case_file (counselor_id, opened_at desc, id);
drop index case_file_counselor_idx;
