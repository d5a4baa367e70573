-- Sessions Keycloak ended (back-channel logout), for every instance of the app: one Keycloak
-- session by its id (kind SESSION), or every session of a user made until then (kind USER).
-- Rows older than a session's longest life can go.
create table ended_session (
    kind      varchar(10)  not null check (kind in ('SESSION', 'USER')),
    id        varchar(128) not null,
    ended_at  timestamptz  not null,
    primary key (kind, id)
);

create index ended_session_at_idx on ended_session (ended_at);
