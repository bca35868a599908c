--liquibase formatted sql

--changeset analytics:013-performance-summaries
-- Each service reports its API timings per endpoint once a minute (PerformanceReported): such a row
-- summarises the calls of a window (window_start .. recorded_at): response_time_ms is their mean,
-- status_code is null, the counts and percentiles are in the columns below. Rows of single requests leave
-- them null.
alter table performance_metrics
    add column window_start  timestamptz,
    add column requests      integer,
    add column server_errors integer,
    add column client_errors integer,
    add column p50_ms        double precision,
    add column p95_ms        double precision,
    add column p99_ms        double precision,
    add column max_ms        double precision,
    add constraint ck_performance_metrics_summary check (
        requests is null or (requests > 0 and server_errors between 0 and requests
                             and client_errors between 0 and requests
                             and window_start is not null and window_start <= recorded_at));
create index idx_performance_metrics_summaries on performance_metrics (recorded_at desc, id desc)
    where requests is not null;
comment on column performance_metrics.requests is 'Calls in a per-minute summary row (null for a single request).';
--rollback drop index idx_performance_metrics_summaries; alter table performance_metrics drop constraint ck_performance_metrics_summary, drop column window_start, drop column requests, drop column server_errors, drop column client_errors, drop column p50_ms, drop column p95_ms, drop column p99_ms, drop column max_ms;
