--liquibase formatted sql

--changeset matching:008-releases
-- matching's projection of catalog's records, from RecordUpserted: what it needs to match a release's
-- tracks (no cross-schema query). match_requested_at is set when the release or its tracks change
-- and cleared by the matching worker once it has considered them.
create table releases (
    record_id            bigint       primary key,
    discogs_release_id   bigint,
    title                text         not null,
    artist               text,
    artists              jsonb        not null default '[]'::jsonb,
    release_year         integer,
    videos               jsonb        not null default '[]'::jsonb,
    track_ids            bigint[]     not null default '{}',
    upserted_at          timestamptz  not null,
    match_requested_at   timestamptz,
    match_claimed_until  timestamptz,
    considered_at        timestamptz,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint ck_releases_artists_array check (jsonb_typeof(artists) = 'array'),
    constraint ck_releases_videos_array check (jsonb_typeof(videos) = 'array')
);
create index idx_releases_match_requested_at on releases (match_requested_at) where match_requested_at is not null;
create trigger trg_releases_updated_at before update on releases
    for each row execute function update_updated_at_column();
comment on table releases is 'Projection of catalog records (RecordUpserted): title, artists, year, videos, track ids; matching queue.';
--rollback drop table releases;

--changeset matching:008-release-tracks
-- matching's projection of catalog's tracks, from TrackUpserted (record_id is catalog's id, no FK:
-- a track's event precedes its record's).
create table release_tracks (
    track_id          bigint       primary key,
    record_id         bigint       not null,
    track_index       integer      not null,
    position          text,
    title             text         not null,
    artist            text,
    artists           jsonb        not null default '[]'::jsonb,
    duration_seconds  integer,
    is_heading        boolean      not null default false,
    upserted_at       timestamptz  not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint ck_release_tracks_artists_array check (jsonb_typeof(artists) = 'array'),
    constraint ck_release_tracks_duration_seconds check (duration_seconds >= 0)
);
create index idx_release_tracks_record_id on release_tracks (record_id, track_index);
create trigger trg_release_tracks_updated_at before update on release_tracks
    for each row execute function update_updated_at_column();
comment on table release_tracks is 'Projection of catalog tracks (TrackUpserted): position, title, artists, duration.';
--rollback drop table release_tracks;
