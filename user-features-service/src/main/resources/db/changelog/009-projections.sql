--liquibase formatted sql

--changeset user-features:009-catalog-records
-- Projections of what user-features references, fed by the owners' events (never read across
-- schemas). A reference to a row that goes away is kept and shown as unavailable (see docs/api/user-features.md).
create table catalog_records (
    record_id    bigint       primary key,
    artist       text,
    title        text,
    release_year integer,
    upserted_at  timestamptz  not null
);
comment on table catalog_records is 'Projection of catalog''s records (RecordUpserted), for existence checks and display.';
--rollback drop table catalog_records;

--changeset user-features:009-catalog-tracks
create table catalog_tracks (
    track_id         bigint      primary key,
    record_id        bigint      not null,
    title            text,
    artist           text,
    duration_seconds integer,
    -- false once the track's record no longer lists it
    available        boolean     not null default true,
    upserted_at      timestamptz not null,
    constraint ck_catalog_tracks_duration check (duration_seconds is null or duration_seconds >= 0)
);
create index idx_catalog_tracks_record_id on catalog_tracks (record_id);
comment on table catalog_tracks is 'Projection of catalog''s tracks (TrackUpserted; RecordUpserted''s track ids mark removed tracks unavailable).';
--rollback drop table catalog_tracks;

--changeset user-features:009-known-stores
create table known_stores (
    store_id   bigint      primary key,
    name       text        not null,
    slug       text,
    status     text        not null,
    changed_at timestamptz not null
);
comment on table known_stores is 'Projection of identity''s stores (StoreChanged); only active stores can be newly favorited or followed.';
--rollback drop table known_stores;

--changeset user-features:009-known-users
create table known_users (
    user_id       bigint      primary key,
    username      text        not null,
    registered_at timestamptz not null
);
comment on table known_users is 'Projection of identity''s users (UserRegistered; UserErased removes the row), for follows of users.';
--rollback drop table known_users;

--changeset user-features:009-known-audio-matches
create table known_audio_matches (
    match_id   bigint      primary key,
    track_id   bigint      not null,
    platform   text,
    status     text        not null,
    is_primary boolean     not null default false,
    changed_at timestamptz not null
);
create index idx_known_audio_matches_track_id on known_audio_matches (track_id);
comment on table known_audio_matches is 'Projection of matching''s audio matches (MatchCreated, MatchStatusChanged); a rejected match is unavailable.';
--rollback drop table known_audio_matches;

--changeset user-features:009-favorites-user-created-at
-- a user's favorites of every kind, newest first (the type-filtered list has its own index)
create index idx_favorites_user_created_at on favorites (user_id, created_at desc, favoritable_type desc, favoritable_id desc);
--rollback drop index idx_favorites_user_created_at;

--changeset user-features:009-user-collections-user
create index idx_user_collections_user_id on user_collections (user_id, created_at desc, id desc);
--rollback drop index idx_user_collections_user_id;

--changeset user-features:009-preferences-notifications
alter table user_preferences
    add column push_notifications          boolean not null default true,
    add column store_listing_notifications boolean not null default true;
--rollback alter table user_preferences drop column push_notifications, drop column store_listing_notifications;
