--liquibase formatted sql

--changeset catalog:006-import-runs
-- One import of a Discogs releases dump started through POST /api/v1/imports: its state and counts,
-- updated after every batch. Catalog's own small job table; the suite's general jobs table is
-- analytics' and the imports will report there once that integration exists.
create table import_runs (
    id                bigserial primary key,
    kind              varchar(32)  not null default 'discogs_releases_dump',
    source_path       text         not null,
    status            varchar(16)  not null default 'pending',
    requested_by      bigint,
    releases_read     bigint       not null default 0,
    releases_inserted bigint       not null default 0,
    releases_updated  bigint       not null default 0,
    releases_skipped  bigint       not null default 0,
    tracks_written    bigint       not null default 0,
    skip_reasons      jsonb        not null default '[]'::jsonb,
    error             text,
    started_at        timestamptz,
    finished_at       timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint ck_import_runs_status check (status in ('pending', 'running', 'completed', 'failed')),
    constraint ck_import_runs_kind check (kind in ('discogs_releases_dump')),
    constraint ck_import_runs_counts check (releases_read >= 0 and releases_inserted >= 0
        and releases_updated >= 0 and releases_skipped >= 0 and tracks_written >= 0),
    constraint ck_import_runs_skip_reasons check (jsonb_typeof(skip_reasons) = 'array'),
    constraint ck_import_runs_finished_after_started check (finished_at is null or started_at is null
        or finished_at >= started_at)
);
create index idx_import_runs_status_created_at on import_runs (status, created_at);
create index idx_import_runs_requested_by on import_runs (requested_by) where requested_by is not null;
create trigger trg_import_runs_updated_at before update on import_runs
    for each row execute function update_updated_at_column();
comment on table import_runs is 'Discogs dump imports run as background jobs: status, counts, first skip reasons.';
comment on column import_runs.requested_by is 'identity''s user id of the admin who started it (no FK across schemas).';
comment on column import_runs.skip_reasons is 'The first 100 skipped releases with their reasons, as a JSON array of strings.';
--rollback drop table import_runs;
