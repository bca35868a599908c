--liquibase formatted sql

--changeset user-features:005-user-collections
create table user_collections (
    id                     bigserial    primary key,
    user_id                bigint       not null,
    name                   varchar(200) not null,
    description            text,
    is_public              boolean      not null default false,
    cover_image_url        text,
    item_count             integer      not null default 0,
    total_duration_seconds bigint       not null default 0,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    constraint uq_user_collections_user_name unique (user_id, name),
    constraint ck_user_collections_name check (char_length(btrim(name)) > 0),
    constraint ck_user_collections_item_count check (item_count >= 0),
    constraint ck_user_collections_total_duration check (total_duration_seconds >= 0),
    constraint ck_user_collections_cover_image_url check (cover_image_url ~ '^https?://')
);
-- public collections, recently changed first (discovery)
create index idx_user_collections_public_updated_at on user_collections (updated_at desc) where is_public;
create trigger trg_user_collections_updated_at before update on user_collections
    for each row execute function update_updated_at_column();
comment on table user_collections is 'User-created playlists; item_count and total_duration_seconds are kept in step with user_collection_items by trigger.';
--rollback drop table user_collections;

--changeset user-features:005-user-collection-items
create table user_collection_items (
    id               bigserial   primary key,
    collection_id    bigint      not null,
    track_id         bigint      not null,
    record_id        bigint,
    position         integer     not null,
    duration_seconds integer,
    note             text,
    added_at         timestamptz not null default now(),
    constraint fk_user_collection_items_collection_id foreign key (collection_id)
        references user_collections (id) on delete cascade,
    constraint uq_user_collection_items_collection_track unique (collection_id, track_id),
    -- deferred so that a reorder can swap positions inside one transaction
    constraint uq_user_collection_items_collection_position unique (collection_id, position)
        deferrable initially deferred,
    constraint ck_user_collection_items_position check (position >= 0),
    constraint ck_user_collection_items_duration check (duration_seconds >= 0),
    constraint ck_user_collection_items_note_length check (char_length(note) <= 2000)
);
-- which collections hold a track (catalog changes, recommendations)
create index idx_user_collection_items_track_id on user_collection_items (track_id);
comment on table user_collection_items is 'Tracks in a collection, ordered by position; track_id and record_id are catalog''s ids.';
--rollback drop table user_collection_items;

--changeset user-features:005-collection-stats-function runOnChange:true splitStatements:false
-- Collection Stats: keeps user_collections.item_count and total_duration_seconds in step with
-- the items, set-based per statement (a 1,000-item insert is one update per collection).
create or replace function sync_user_collection_stats() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update user_collections c
           set item_count = c.item_count + d.n, total_duration_seconds = c.total_duration_seconds + d.s
          from (select collection_id, count(*) as n, coalesce(sum(duration_seconds), 0) as s
                  from new_items group by collection_id) d
         where c.id = d.collection_id;
    elsif tg_op = 'DELETE' then
        update user_collections c
           set item_count = c.item_count - d.n, total_duration_seconds = c.total_duration_seconds - d.s
          from (select collection_id, count(*) as n, coalesce(sum(duration_seconds), 0) as s
                  from old_items group by collection_id) d
         where c.id = d.collection_id;
    else
        update user_collections c
           set item_count = c.item_count + d.n, total_duration_seconds = c.total_duration_seconds + d.s
          from (select collection_id, sum(n) as n, sum(s) as s
                  from (select collection_id, -count(*) as n, -coalesce(sum(duration_seconds), 0) as s
                          from old_items group by collection_id
                        union all
                        select collection_id, count(*), coalesce(sum(duration_seconds), 0)
                          from new_items group by collection_id) delta
                 group by collection_id
                having sum(n) <> 0 or sum(s) <> 0) d
         where c.id = d.collection_id;
    end if;
    return null;
end;
$$;
--rollback drop function sync_user_collection_stats();

--changeset user-features:005-collection-stats-triggers
create trigger trg_user_collection_items_stats_insert after insert on user_collection_items
    referencing new table as new_items
    for each statement execute function sync_user_collection_stats();
create trigger trg_user_collection_items_stats_update after update on user_collection_items
    referencing old table as old_items new table as new_items
    for each statement execute function sync_user_collection_stats();
create trigger trg_user_collection_items_stats_delete after delete on user_collection_items
    referencing old table as old_items
    for each statement execute function sync_user_collection_stats();
--rollback drop trigger trg_user_collection_items_stats_delete on user_collection_items; drop trigger trg_user_collection_items_stats_update on user_collection_items; drop trigger trg_user_collection_items_stats_insert on user_collection_items;
