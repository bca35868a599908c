--liquibase formatted sql

--changeset user-features:001-play-action-enum
create type play_action as enum ('play', 'pause', 'skip', 'complete', 'seek');
--rollback drop type play_action;

--changeset user-features:001-play-history
create table play_history (
    id                    bigserial primary key,
    user_id               bigint       not null,
    track_id              bigint       not null,
    record_id             bigint,
    played_at             timestamptz  not null,
    duration_played_ms    integer      check (duration_played_ms >= 0),
    completion_percentage numeric(5,2) check (completion_percentage between 0 and 100),
    action                play_action  not null default 'play',
    session_id            varchar(128),
    device                varchar(128),
    created_at            timestamptz  not null default now(),
    -- a client's retry of the same play is stored once
    constraint uq_play_history_user_track_played_at unique (user_id, track_id, played_at)
);
create index idx_play_history_user_played_at on play_history (user_id, played_at desc, id desc);
create index idx_play_history_track on play_history (track_id);
comment on table play_history is 'Every play of a track by a user; user_id and track_id are ids owned by identity and catalog.';
--rollback drop table play_history;
