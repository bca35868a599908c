--liquibase formatted sql

--changeset matching:006-track-matches
-- The original one-video-per-track table, kept for clients that still read it.
create table track_matches (
    id                         bigserial primary key,
    track_id                   bigint         not null,
    platform                   audio_platform not null default 'youtube',
    youtube_id                 varchar(64)    not null,
    url                        text,
    title                      text,
    confidence                 numeric(5, 4),
    is_deprecated              boolean        not null default true,
    migrated_to_audio_match_id bigint,
    created_at                 timestamptz    not null default now(),
    updated_at                 timestamptz    not null default now(),
    constraint uq_track_matches_track_id_youtube_id unique (track_id, youtube_id),
    constraint fk_track_matches_migrated_to_audio_match_id foreign key (migrated_to_audio_match_id)
        references audio_matches (id) on delete set null,
    constraint ck_track_matches_confidence check (confidence between 0 and 1)
);
create index idx_track_matches_track_id on track_matches (track_id);
create trigger trg_track_matches_updated_at before update on track_matches
    for each row execute function update_updated_at_column();
comment on table track_matches is 'DEPRECATED legacy track matching (one YouTube video per track), kept for backward compatibility: use audio_matches.';
comment on column track_matches.migrated_to_audio_match_id is 'The audio_matches row this legacy match was carried over to, if any.';
--rollback drop table track_matches;
