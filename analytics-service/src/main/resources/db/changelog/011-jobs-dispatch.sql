--liquibase formatted sql

--changeset analytics:011-jobs-dispatch
-- The reporting protocol of dispatched and reported runs (JobProgressReported): the newest report
-- applied, and when an admin asked to cancel (the runner stops at its next step).
alter table jobs add column last_sequence bigint;
alter table jobs add column cancel_requested_at timestamptz;
comment on column jobs.last_sequence is 'Sequence of the newest JobProgressReported applied; older reports are ignored. Null for runs outside the protocol.';
comment on column jobs.cancel_requested_at is 'When an admin asked to cancel; a queued or running job ends cancelled, never retried, after it.';
-- what the watchdog scans: dispatched or reporting jobs by their last sign of life
create index idx_jobs_in_flight_heartbeat on jobs (heartbeat_at) where status in ('queued', 'running');
-- the admin listing, newest first, by status or type
create index idx_jobs_status_id on jobs (status, id desc);
create index idx_jobs_job_type_id on jobs (job_type, id desc);
--rollback drop index idx_jobs_job_type_id; drop index idx_jobs_status_id; drop index idx_jobs_in_flight_heartbeat; alter table jobs drop column cancel_requested_at; alter table jobs drop column last_sequence;
