--liquibase formatted sql

--changeset matching:001-match-status-enum
create type match_status as enum ('unverified', 'verified', 'needs_review', 'rejected', 'auto_approved');
--rollback drop type match_status;

--changeset matching:001-audio-platform-enum
create type audio_platform as enum ('youtube', 'soundcloud', 'spotify', 'bandcamp', 'discogs');
--rollback drop type audio_platform;
