--liquibase formatted sql

--changeset user-features:003-favorites
create table favorites (
    id               bigserial    primary key,
    user_id          bigint       not null,
    favoritable_type text         not null,
    favoritable_id   bigint       not null,
    note             text,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint uq_favorites_user_favoritable unique (user_id, favoritable_type, favoritable_id),
    constraint ck_favorites_favoritable_type check (favoritable_type in ('track', 'record', 'store', 'audio_match')),
    constraint ck_favorites_favoritable_id check (favoritable_id > 0),
    constraint ck_favorites_note_length check (char_length(note) <= 2000)
);
-- a user's favorites of one kind, newest first
create index idx_favorites_user_type on favorites (user_id, favoritable_type, created_at desc);
-- who favorited an entity (counts, clean-up when the entity goes away)
create index idx_favorites_favoritable on favorites (favoritable_type, favoritable_id);
create trigger trg_favorites_updated_at before update on favorites
    for each row execute function update_updated_at_column();
comment on table favorites is 'A user''s bookmarks of tracks, records, stores and audio matches (ids owned by catalog, identity and matching: no foreign keys).';
--rollback drop table favorites;
