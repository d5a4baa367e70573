-- The erased cases (V34), few: what a count over the stage periods leaves out, without looking up
-- every case that entered a stage (JdbcCaseFiles, "entered").
create index case_file_erased_idx on case_file (id) where erased_at is not null;
