-- An admin's own Keycloak rights change staff accounts (issue 15, least privilege): the refresh
-- token their sign-in gave is kept here, sealed under the master key, one row per Keycloak
-- session (sid), until that session's end at the latest. The browser never holds it.
create table admin_sign_in (
    sign_in       varchar(128) primary key,
    admin_id      varchar(64)  not null,
    master_key_id varchar(64)  not null,
    sealed        bytea        not null,
    kept_until    timestamptz  not null
);
create index admin_sign_in_kept_until_idx on admin_sign_in (kept_until);
