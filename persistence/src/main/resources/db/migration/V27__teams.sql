-- The office's teams: the supervisors who lead each and the counselors in it (one team each). A
-- supervisor sees the cases of their teams' counselors and of counselors in no team; with no teams,
-- every supervisor sees every case, as before.
create table team (
    id          uuid primary key,
    name        varchar(80)  not null,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);

create unique index team_name_idx on team (lower(name));

create table team_member (
    team_id   uuid         not null references team (id) on delete cascade,
    user_id   varchar(64)  not null,
    username  varchar(255) not null,
    role      varchar(16)  not null check (role in ('SUPERVISOR', 'COUNSELOR')),
    primary key (team_id, user_id)
);

create unique index team_member_one_team_idx on team_member (user_id) where role = 'COUNSELOR';
create index team_member_user_idx on team_member (user_id, role);
