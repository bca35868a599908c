--liquibase formatted sql

--changeset catalog:008-records-prefix-query-null splitStatements:false
-- Input without a word now gives null (matches nothing) instead of an empty tsquery, whose literal
-- made Postgres send a NOTICE on every call.
create or replace function records_prefix_query(words text) returns tsquery
    language sql immutable strict parallel safe as $$
    select to_tsquery('simple'::regconfig,
                      string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & '))
    from unnest(tsvector_to_array(to_tsvector('simple'::regconfig, words))) as lexeme
$$;
--rollback select 1;

--changeset catalog:008-import-runs-runner-and-upload
-- Imports survive restarts visibly: the service instance that queued a run (runner) proves it is alive
-- by touching heartbeat_at every minute while the run is pending or running; a run whose heartbeat
-- is older than rotation.catalog.import.stale-after was left by a stopped instance and is marked failed.
-- Uploaded dumps (source = 'upload') are kept in a temporary file (source_path) until the run ends.
alter table import_runs
    add column runner       varchar(64),
    add column heartbeat_at timestamptz,
    add column source       varchar(16) not null default 'path',
    add column upload_name  text,
    add constraint ck_import_runs_source check (source in ('path', 'upload'));
create index idx_import_runs_unfinished on import_runs (heartbeat_at) where status in ('pending', 'running');
comment on column import_runs.runner is 'Id of the service instance that queued and runs the import (random per process).';
comment on column import_runs.heartbeat_at is 'Last sign of life of the runner while the run is pending or running.';
comment on column import_runs.upload_name is 'File name the client gave an uploaded dump (multipart), if any.';
--rollback alter table import_runs drop column runner, drop column heartbeat_at, drop column source, drop column upload_name;
