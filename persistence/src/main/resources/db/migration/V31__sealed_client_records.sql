-- The client's phone, email, ID number and household notes are kept sealed (AES-256-GCM) under a
-- data key of the case's own; the data key is kept wrapped (AES-256-GCM) under the install's master
-- key, which is never in the database. Destroying a case's data key leaves its sealed record
-- unreadable everywhere, backups included (the erasure of a client's data).
create table case_key (
    case_id        uuid primary key references case_file (id),
    -- which master key wrapped it (a hash of that key, never the key), for rotation
    master_key_id  text not null,
    wrapped        bytea not null,
    created_at     timestamptz not null default now()
);

-- keys of the install that are not a case's: the key of the search hashes
create table install_key (
    purpose        text primary key,
    master_key_id  text not null,
    wrapped        bytea not null
);

alter table case_file
    add column client_record   bytea,
    -- keyed hashes (HMAC-SHA-256 under the search key) of the phone's digits and of the ID number,
    -- so a search by them finds the case without the values being readable
    add column phone_hash      bytea,
    add column id_number_hash  bytea;

create index case_file_phone_hash_idx on case_file (phone_hash) where phone_hash is not null;
create index case_file_id_number_hash_idx on case_file (id_number_hash) where id_number_hash is not null;

-- the plaintext indexes go now; the app seals the plaintext columns at its next start and empties
-- them (ClientRecordSealing), so they are left only for that
drop index case_file_phone_idx;
drop index case_file_id_number_idx;
drop index case_file_phone_digits_idx;
