--liquibase formatted sql

--changeset catalog:011-sync-runs-runner
-- Syncs survive restarts visibly, as imports do (008): the instance that queued a sync (runner) touches
-- heartbeat_at while it is pending or running; an unfinished sync whose heartbeat is older than
-- rotation.catalog.sync.stale-after was left by a stopped instance and is marked failed by any instance.
alter table sync_runs
    add column runner       varchar(64),
    add column heartbeat_at timestamptz;
create index idx_sync_runs_unfinished on sync_runs (heartbeat_at) where status in ('pending', 'running');
comment on column sync_runs.runner is 'Id of the service instance that queued and runs the sync (random per process).';
comment on column sync_runs.heartbeat_at is 'Last sign of life of the runner while the sync is pending or running.';
--rollback alter table sync_runs drop column runner, drop column heartbeat_at;
