-- what a collector did with a third party (LOCATE_ONLY, DISCLOSED_DEBT; null: not known) and whether
-- they asked not to be contacted again; the rules allow one contact to locate the client
alter table contact_entry
    add column third_party_purpose varchar(16)
        check (third_party_purpose in ('LOCATE_ONLY', 'DISCLOSED_DEBT')),
    add column third_party_asked_to_stop boolean not null default false;
