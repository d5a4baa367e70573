-- The client's identity and contacts, and counselor-internal household notes, on the case.
alter table case_file
    add column phone            varchar(32),
    add column email            varchar(254),
    add column id_number        varchar(32),
    add column household_notes  text,
    add column status_reason    text;

create index case_file_phone_idx on case_file (phone) where phone is not null;
create index case_file_id_number_idx on case_file (id_number) where id_number is not null;
create index case_file_client_name_idx on case_file (lower(client_name) text_pattern_ops);
