--liquibase formatted sql

--changeset catalog:003-tracks
-- The tracklist of a release, flattened in Discogs order: headings and index tracks are rows
-- too (is_heading), and the sub-tracks of an index track point at it (parent_track_id).
create table tracks (
    id               bigserial primary key,
    record_id        bigint      not null,
    parent_track_id  bigint,
    position         varchar(32),
    track_index      integer     not null,
    title            text        not null,
    duration_seconds integer,
    artists          jsonb       not null default '[]'::jsonb,
    extra_artists    jsonb       not null default '[]'::jsonb,
    is_heading       boolean     not null default false,
    tags             text[]      not null default '{}',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint fk_tracks_record_id foreign key (record_id) references records (id) on delete cascade,
    constraint fk_tracks_parent_track_id foreign key (parent_track_id) references tracks (id) on delete cascade,
    constraint uq_tracks_record_track_index unique (record_id, track_index),
    constraint ck_tracks_track_index check (track_index >= 0),
    constraint ck_tracks_duration_seconds check (duration_seconds >= 0),
    constraint ck_tracks_json_arrays check (jsonb_typeof(artists) = 'array' and jsonb_typeof(extra_artists) = 'array')
);
create index idx_tracks_record_position on tracks (record_id, position);
create index idx_tracks_parent_track_id on tracks (parent_track_id) where parent_track_id is not null;
create index idx_tracks_tags on tracks using gin (tags);
create trigger trg_tracks_updated_at before update on tracks
    for each row execute function update_updated_at_column();
comment on table tracks is 'Tracks of a release in tracklist order; headings/index tracks flagged, sub-tracks linked to their index track.';
comment on column tracks.position is 'Discogs position as printed (A1, B2, 1-3, CD2-4); null or empty for headings.';
comment on column tracks.track_index is 'Zero-based order within the release''s flattened tracklist.';
--rollback drop table tracks;
