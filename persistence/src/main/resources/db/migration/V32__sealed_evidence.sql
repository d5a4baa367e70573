-- Evidence files stored from now on have each 256 KiB chunk sealed (AES-256-GCM) under the case's
-- data key (V31), bound to its file and place. Files stored before stay as they were: the chunks
-- are append-only, and the runtime login cannot rewrite them (see the README).
alter table evidence_file add column sealed boolean not null default false;
