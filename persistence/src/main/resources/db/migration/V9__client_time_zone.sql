-- The client's time zone (IANA, like Asia/Shanghai); none means the office's. The contact form
-- presets it, so a call is logged in the client's local time wherever the counselor sits.
alter table case_file add column client_zone varchar(64);
