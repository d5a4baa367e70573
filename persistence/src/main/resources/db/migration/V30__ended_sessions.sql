-- Whose sessions Keycloak ended (back-channel logout) and when, for every instance of the app:
-- sessions made until then are refused. Rows older than a session's longest life can go.
create table ended_session (
    user_id   varchar(64)  primary key,
    ended_at  timestamptz  not null
);

create index ended_session_at_idx on ended_session (ended_at);
