-- Each contact logged wrote eight index entries into the log; three served no query any more and
-- one held a row for every entry where it needs one for corrections only:
-- - (case_id, occurred_at desc) is (case_id, occurred_at) read backwards (V5, V7);
-- - (recorded_at, case_id) and (follow_up, case_id) were My day's before the case kept its latest
--   contact and follow-up (V10, V17) and the findings their due cases (V33);
-- - a correction names the entry it corrects at most once: unique among the corrections, not over
--   every entry's null.
drop index contact_entry_case_latest_idx;
drop index contact_entry_recorded_idx;
drop index contact_entry_follow_up_idx;
alter table contact_entry drop constraint contact_entry_corrects_key;
create unique index contact_entry_corrects_idx on contact_entry (corrects) where corrects is not null;
