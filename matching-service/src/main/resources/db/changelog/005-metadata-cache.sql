--liquibase formatted sql

--changeset matching:005-metadata-cache
-- Long-lived cache of expensive external metadata (YouTube descriptions, Discogs pages, ...).
-- entity_id is text: the entity may be ours (a track id) or external (a YouTube video id).
create table metadata_cache (
    id               bigserial primary key,
    entity_type      varchar(32)  not null,
    entity_id        varchar(255) not null,
    cache_key        varchar(255) not null,
    data             jsonb        not null,
    source           varchar(64)  not null,
    etag             varchar(255),
    fetched_at       timestamptz  not null default now(),
    expires_at       timestamptz  not null,
    refresh_after    timestamptz,
    hit_count        bigint       not null default 0,
    last_accessed_at timestamptz,
    refresh_failures integer      not null default 0,
    last_error       text,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint uq_metadata_cache_entity_type_entity_id_cache_key unique (entity_type, entity_id, cache_key),
    constraint ck_metadata_cache_expires_after_fetched check (expires_at > fetched_at),
    constraint ck_metadata_cache_refresh_before_expiry check (refresh_after is null or refresh_after <= expires_at),
    constraint ck_metadata_cache_hit_count check (hit_count >= 0),
    constraint ck_metadata_cache_refresh_failures check (refresh_failures >= 0)
);
create index idx_metadata_cache_expires_at on metadata_cache (expires_at);
create index idx_metadata_cache_refresh_after on metadata_cache (refresh_after) where refresh_after is not null;
create trigger trg_metadata_cache_updated_at before update on metadata_cache
    for each row execute function update_updated_at_column();
comment on table metadata_cache is 'Cache of heavy-to-fetch metadata with hard TTL (expires_at), soft refresh (refresh_after) and usage stats.';
comment on column metadata_cache.refresh_after is 'After this time the entry is still served but a refresh is due (stale-while-revalidate).';
--rollback drop table metadata_cache;
