-- An erased case's client loses their portal login too. The login is a Keycloak account, outside
-- the erasure's transaction: the erasure leaves the login's id here, in its own transaction, and
-- the app removes the account afterwards, again until Keycloak has answered; then the row goes.
-- Until then this id is all that is left of the login.
create table portal_login_removal (
    login_id varchar(64) primary key,
    case_id  uuid        not null references case_file (id),
    asked_at timestamptz not null default now()
);
