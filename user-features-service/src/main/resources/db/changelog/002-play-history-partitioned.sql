--liquibase formatted sql

--changeset user-features:002-play-history-partitioned
-- play_history becomes range-partitioned by month of played_at (retention 24 months). The old
-- table is renamed out of the way with its indexes, the partitioned one takes the seed's names,
-- the rows are copied and the id sequence is handed over (ids continue where they were).
alter table play_history rename to play_history_old;
alter table play_history_old rename constraint play_history_pkey to play_history_old_pkey;
alter table play_history_old rename constraint uq_play_history_user_track_played_at to uq_play_history_old_user_track_played_at;
alter index idx_play_history_user_played_at rename to idx_play_history_old_user_played_at;
alter index idx_play_history_track rename to idx_play_history_old_track;

create table play_history (
    id                    bigint        not null default nextval('play_history_id_seq'),
    user_id               bigint        not null,
    track_id              bigint        not null,
    record_id             bigint,
    played_at             timestamptz   not null,
    duration_played_ms    integer,
    completion_percentage numeric(5,2),
    action                play_action   not null default 'play',
    position_ms           integer,
    session_id            varchar(128),
    device                varchar(128),
    platform              text,
    audio_match_id        bigint,
    context               text,
    context_id            bigint,
    ip_country            char(2),
    user_agent            varchar(512),
    metadata              jsonb         not null default '{}'::jsonb,
    created_at            timestamptz   not null default now(),
    constraint play_history_pkey primary key (id, played_at),
    -- a client's retry of the same play is stored once (the app's ON CONFLICT target)
    constraint uq_play_history_user_track_played_at unique (user_id, track_id, played_at),
    constraint ck_play_history_duration_played_ms check (duration_played_ms >= 0),
    constraint ck_play_history_completion_percentage check (completion_percentage between 0 and 100),
    constraint ck_play_history_position_ms check (position_ms >= 0),
    constraint ck_play_history_platform check (platform in ('youtube', 'soundcloud', 'spotify', 'bandcamp', 'discogs')),
    constraint ck_play_history_context check (context in ('record_page', 'track_page', 'collection', 'favorites',
        'search', 'store_page', 'recommendation', 'history', 'feed', 'external', 'other')),
    constraint ck_play_history_context_id check (context_id is null or context is not null),
    constraint ck_play_history_ip_country check (ip_country ~ '^[A-Z]{2}$'),
    constraint ck_play_history_metadata check (jsonb_typeof(metadata) = 'object')
) partition by range (played_at);

alter sequence play_history_id_seq owned by play_history.id;

insert into time_partitioned_table (table_name, step, premake, retention)
values ('play_history', interval '1 month', 3, interval '24 months');

-- partitions for the rows already stored (within retention), the current month and 4 ahead
select ensure_time_partitions('play_history',
    greatest(now() - interval '24 months',
             least(now() - interval '1 month', coalesce((select min(played_at) from play_history_old), now()))),
    now() + interval '4 months');

insert into play_history (id, user_id, track_id, record_id, played_at, duration_played_ms, completion_percentage,
                          action, session_id, device, created_at)
select id, user_id, track_id, record_id, played_at, duration_played_ms, completion_percentage,
       action, session_id, device, created_at
from play_history_old;

select setval('play_history_id_seq',
              greatest((select coalesce(max(id), 0) from play_history), (select last_value from play_history_id_seq), 1));

drop table play_history_old;

create index idx_play_history_user_played_at on play_history (user_id, played_at desc, id desc);
create index idx_play_history_track_played_at on play_history (track_id, played_at desc);
create index idx_play_history_audio_match_id on play_history (audio_match_id) where audio_match_id is not null;

comment on table play_history is 'Every play of a track by a user, partitioned by month of played_at (24 months kept), user_id, track_id, record_id and audio_match_id are ids owned by identity, catalog and matching.';
comment on column play_history.platform is 'Where the audio came from (matching''s audio_platform labels, kept as checked text so this schema stands alone).';
comment on column play_history.context is 'Where in the app the play started (record page, a collection, ...), context_id is that entity''s id.';
comment on column play_history.position_ms is 'Playback position when the action happened (pause / seek / skip point).';
-- (no rollback: the conversion to a partitioned table is one-way)
