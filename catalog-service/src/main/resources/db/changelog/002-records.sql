--liquibase formatted sql

--changeset catalog:002-records
-- One Discogs release. Nested Discogs structures (artists, labels, formats, images, videos,
-- credits, companies, identifiers, series) are kept as JSONB arrays in the shape Discogs gives
-- them (dump and API); what is filtered and sorted on is flattened into columns.
create table records (
    id                 bigserial primary key,
    discogs_release_id bigint,
    master_id          bigint,
    is_main_release    boolean,
    artist             text         not null,
    artist_sort        text,
    artists            jsonb        not null default '[]'::jsonb,
    title              text         not null,
    labels             jsonb        not null default '[]'::jsonb,
    formats            jsonb        not null default '[]'::jsonb,
    genres             text[]       not null default '{}',
    styles             text[]       not null default '{}',
    release_year       smallint,
    released           varchar(32),
    country            varchar(128),
    notes              text,
    data_quality       varchar(64),
    discogs_status     varchar(32),
    images             jsonb        not null default '[]'::jsonb,
    thumb_url          text,
    videos             jsonb        not null default '[]'::jsonb,
    extra_artists      jsonb        not null default '[]'::jsonb,
    companies          jsonb        not null default '[]'::jsonb,
    series             jsonb        not null default '[]'::jsonb,
    identifiers        jsonb        not null default '[]'::jsonb,
    tracklist_count    integer      not null default 0,
    status             record_status not null default 'active',
    source             varchar(32)  not null default 'discogs_api',
    last_synced_at     timestamptz,
    search_vector      tsvector generated always as (
                           setweight(to_tsvector('simple'::regconfig, coalesce(artist, '')), 'A')
                        || setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
                        || setweight(to_tsvector('simple'::regconfig, coalesce(artist_sort, '')), 'B')) stored,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    constraint uq_records_discogs_release_id unique (discogs_release_id),
    constraint ck_records_release_year check (release_year between 1877 and 2100),
    constraint ck_records_tracklist_count check (tracklist_count >= 0),
    constraint ck_records_source check (source in ('discogs_dump', 'discogs_api', 'manual')),
    constraint ck_records_discogs_release_id check (discogs_release_id > 0),
    constraint ck_records_artist_not_blank check (btrim(artist) <> ''),
    constraint ck_records_title_not_blank check (btrim(title) <> ''),
    constraint ck_records_json_arrays check (
        jsonb_typeof(artists) = 'array' and jsonb_typeof(labels) = 'array'
        and jsonb_typeof(formats) = 'array' and jsonb_typeof(images) = 'array'
        and jsonb_typeof(videos) = 'array' and jsonb_typeof(extra_artists) = 'array'
        and jsonb_typeof(companies) = 'array' and jsonb_typeof(series) = 'array'
        and jsonb_typeof(identifiers) = 'array')
);
-- the unique constraint already indexes discogs_release_id; the seed names this index too
create index idx_records_discogs_release_id on records (discogs_release_id);
create index idx_records_artist on records (artist);
create index idx_records_artist_sort on records (artist_sort);
create index idx_records_release_year on records (release_year);
create index idx_records_genres on records using gin (genres);
create index idx_records_styles on records using gin (styles);
create index idx_records_master_id on records (master_id) where master_id is not null;
create index idx_records_status on records (status);
create index idx_records_search_vector on records using gin (search_vector);
create index idx_records_labels on records using gin (labels jsonb_path_ops);
create trigger trg_records_updated_at before update on records
    for each row execute function update_updated_at_column();
comment on table records is 'Catalog releases (Discogs releases): display fields flattened, nested Discogs data as JSONB arrays.';
comment on column records.artist is 'Display artist as Discogs joins it, e.g. "Heiko Laux & Johannes Heil".';
comment on column records.artist_sort is 'Sort form, e.g. "Persuader, The"; Discogs'' artist name with the article moved.';
comment on column records.released is 'Release date as Discogs gives it: "1999", "1999-03-00" or "1999-07-13".';
comment on column records.search_vector is 'Generated full-text vector over artist, title and artist_sort (simple config: names are not stemmed).';
comment on column records.source is 'Where the row came from: discogs_dump, discogs_api or manual.';
--rollback drop table records;
