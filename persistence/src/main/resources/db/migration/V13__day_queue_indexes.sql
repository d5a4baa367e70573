-- My day reads the contact log by what was asked for and by what is recent; with 2,000,000
-- entries neither may be a sequential scan of the log (50 counselors opening My day at once took
-- 30 s each before these).
-- follow-ups due by a day: only the entries that asked for one
create index contact_entry_follow_up_idx on contact_entry (follow_up, case_id)
  where follow_up is not null;
-- the cases contacted lately (findings are worked out from their logs)
create index contact_entry_recorded_idx on contact_entry (recorded_at, case_id);
