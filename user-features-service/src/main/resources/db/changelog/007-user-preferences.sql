--liquibase formatted sql

--changeset user-features:007-user-preferences
create table user_preferences (
    id                  bigserial    primary key,
    user_id             bigint       not null,
    preferred_platforms text[]       not null default '{}',
    preferred_genres    text[]       not null default '{}',
    autoplay            boolean      not null default true,
    explicit_content    boolean      not null default true,
    audio_quality       text         not null default 'high',
    language            varchar(35)  not null default 'en',
    theme               text         not null default 'system',
    email_notifications boolean      not null default true,
    privacy_settings    jsonb        not null default '{}'::jsonb,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    constraint uq_user_preferences_user_id unique (user_id),
    constraint ck_user_preferences_platforms check (preferred_platforms <@ array['youtube', 'soundcloud', 'spotify', 'bandcamp', 'discogs']::text[]),
    constraint ck_user_preferences_audio_quality check (audio_quality in ('low', 'normal', 'high', 'lossless')),
    constraint ck_user_preferences_language check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    constraint ck_user_preferences_theme check (theme in ('system', 'light', 'dark')),
    constraint ck_user_preferences_privacy_settings check (jsonb_typeof(privacy_settings) = 'object')
);
-- users by taste (recommendations)
create index idx_user_preferences_preferred_genres on user_preferences using gin (preferred_genres);
create trigger trg_user_preferences_updated_at before update on user_preferences
    for each row execute function update_updated_at_column();
comment on table user_preferences is 'One row of settings per user (identity''s user id): playback, content, display, notifications and privacy.';
--rollback drop table user_preferences;
