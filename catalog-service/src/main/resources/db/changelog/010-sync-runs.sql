--liquibase formatted sql

--changeset catalog:010-sync-runs
-- One sync of a store's inventory with its Discogs listings (POST /api/v1/inventory/sync): state and
-- counts, updated after every page of listings. At most one pending or running sync per store.
create table sync_runs (
    id               bigserial    primary key,
    store_id         bigint       not null,
    discogs_username varchar(255) not null,
    status           varchar(16)  not null default 'pending',
    requested_by     bigint,
    pages            integer      not null default 0,
    listings_seen    integer      not null default 0,
    added            integer      not null default 0,
    updated          integer      not null default 0,
    unchanged        integer      not null default 0,
    removed          integer      not null default 0,
    skipped          integer      not null default 0,
    releases_fetched integer      not null default 0,
    requests         integer      not null default 0,
    rate_limited     integer      not null default 0,
    skip_reasons     jsonb        not null default '[]'::jsonb,
    error            text,
    started_at       timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint ck_sync_runs_status check (status in ('pending', 'running', 'completed', 'failed')),
    constraint ck_sync_runs_counts check (pages >= 0 and listings_seen >= 0 and added >= 0 and updated >= 0
        and unchanged >= 0 and removed >= 0 and skipped >= 0 and releases_fetched >= 0 and requests >= 0
        and rate_limited >= 0),
    constraint ck_sync_runs_skip_reasons check (jsonb_typeof(skip_reasons) = 'array'),
    constraint ck_sync_runs_finished_after_started check (finished_at is null or started_at is null
        or finished_at >= started_at)
);
create unique index uq_sync_runs_one_active_per_store on sync_runs (store_id) where status in ('pending', 'running');
create index idx_sync_runs_store_id_created_at on sync_runs (store_id, created_at);
create trigger trg_sync_runs_updated_at before update on sync_runs
    for each row execute function update_updated_at_column();
comment on table sync_runs is 'Store syncs with Discogs run as background jobs: status and counts (requests, 429s, added, updated, removed).';
comment on column sync_runs.rate_limited is 'How many Discogs answers were 429 Too Many Requests (each retried after its Retry-After).';
--rollback drop table sync_runs;
