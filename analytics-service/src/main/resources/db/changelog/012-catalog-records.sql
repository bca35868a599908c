--liquibase formatted sql

--changeset analytics:012-catalog-records
-- The catalog's records as analytics needs them for recommendations (content picks, cold start) and
-- stats, fed by RecordUpserted from rotation.catalog.records.v1.
create table catalog_records (
    record_id    bigint      primary key,
    artist       text,
    title        text,
    release_year integer,
    genres       text[]      not null default '{}',
    styles       text[]      not null default '{}',
    upserted_at  timestamptz not null,
    updated_at   timestamptz not null default now()
);
create index idx_catalog_records_genres on catalog_records using gin (genres);
create index idx_catalog_records_styles on catalog_records using gin (styles);
create index idx_catalog_records_artist on catalog_records (lower(artist));
create index idx_catalog_records_upserted_at on catalog_records (upserted_at desc);
create index idx_recommendation_data_entity on recommendation_data (entity_type, entity_id);
create trigger trg_catalog_records_updated_at before update on catalog_records
    for each row execute function update_updated_at_column();
comment on table catalog_records is 'Projection of catalog records (RecordUpserted): artist, title, year, genres, styles.';
--rollback drop table catalog_records; drop index idx_recommendation_data_entity;
