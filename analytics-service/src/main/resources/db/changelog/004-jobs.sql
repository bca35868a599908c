--liquibase formatted sql

--changeset analytics:004-jobs
create table jobs (
    id                bigserial     primary key,
    job_type          job_type      not null,
    status            job_status    not null default 'pending',
    priority          smallint      not null default 5,
    initiated_by      bigint,
    owner_service     varchar(64)   not null,
    parameters        jsonb         not null default '{}'::jsonb,
    result            jsonb,
    progress_current  bigint        not null default 0,
    progress_total    bigint,
    progress_percent  numeric(5, 2) not null default 0,
    error_message     text,
    error_details     jsonb,
    attempts          integer       not null default 0,
    max_attempts      integer       not null default 3,
    next_retry_at     timestamptz,
    scheduled_at      timestamptz   not null default now(),
    started_at        timestamptz,
    completed_at      timestamptz,
    heartbeat_at      timestamptz,
    worker_id         varchar(128),
    depends_on_job_id bigint,
    idempotency_key   varchar(128),
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    constraint uq_jobs_idempotency_key unique (idempotency_key),
    constraint fk_jobs_depends_on_job_id foreign key (depends_on_job_id) references jobs (id) on delete set null,
    constraint ck_jobs_priority check (priority between 1 and 10),
    constraint ck_jobs_progress_current check (progress_current >= 0),
    constraint ck_jobs_progress_total check (progress_total >= 0),
    constraint ck_jobs_progress_within_total check (progress_total is null or progress_current <= progress_total),
    constraint ck_jobs_progress_percent check (progress_percent between 0 and 100),
    constraint ck_jobs_attempts check (attempts >= 0 and attempts <= max_attempts),
    constraint ck_jobs_max_attempts check (max_attempts >= 1),
    constraint ck_jobs_completed_after_started check (completed_at is null or started_at is null or completed_at >= started_at),
    constraint ck_jobs_not_own_dependency check (depends_on_job_id <> id),
    constraint ck_jobs_parameters check (jsonb_typeof(parameters) = 'object')
);
create index idx_jobs_status_scheduled_at on jobs (status, scheduled_at);
create index idx_jobs_job_type_status on jobs (job_type, status);
create index idx_jobs_initiated_by on jobs (initiated_by, created_at desc);
create index idx_jobs_depends_on_job_id on jobs (depends_on_job_id) where depends_on_job_id is not null;
-- what a runner polls: its service's runnable jobs, most urgent first
create index idx_jobs_owner_service_runnable on jobs (owner_service, priority desc, scheduled_at)
    where status in ('pending', 'queued', 'retrying');
create trigger trg_jobs_updated_at before update on jobs
    for each row execute function update_updated_at_column();
comment on table jobs is 'Background jobs (store syncs, matching, imports, maintenance) with progress, retries and dependencies. initiated_by is an identity user id (null: the system).';
comment on column jobs.owner_service is 'The service that runs the job (catalog-service, matching-service, ...), which reports its progress.';
comment on column jobs.priority is '1 (lowest) to 10 (most urgent), default 5.';
comment on column jobs.heartbeat_at is 'Last sign of life from the worker; a running job whose heartbeat is stale is retried.';
comment on column jobs.idempotency_key is 'Client-chosen key: asking twice for the same job creates it once.';
--rollback drop table jobs;

--changeset analytics:004-job-logs
create table job_logs (
    id        bigserial   not null,
    job_id    bigint      not null,
    level     log_level   not null default 'info',
    message   text        not null,
    context   jsonb       not null default '{}'::jsonb,
    logged_at timestamptz not null default now(),
    constraint job_logs_pkey primary key (id, logged_at),
    constraint fk_job_logs_job_id foreign key (job_id) references jobs (id) on delete cascade,
    constraint ck_job_logs_context check (jsonb_typeof(context) = 'object')
) partition by range (logged_at);

insert into time_partitioned_table (table_name, step, premake, retention)
values ('job_logs', interval '1 month', 3, interval '3 months');
select ensure_time_partitions('job_logs', now() - interval '1 month', now() + interval '4 months');

create index idx_job_logs_job_id_logged_at on job_logs (job_id, logged_at);
create index idx_job_logs_level_logged_at on job_logs (level, logged_at desc) where level in ('error', 'critical');
comment on table job_logs is 'Log lines of job runs, partitioned by month of logged_at (3 months kept); deleted with their job.';
--rollback drop table job_logs; delete from time_partitioned_table where table_name = 'job_logs';
