--liquibase formatted sql

--changeset analytics:007-performance-metrics
create table performance_metrics (
    id               bigserial        not null,
    service          varchar(64)      not null,
    instance         varchar(128),
    endpoint         varchar(256)     not null,
    method           varchar(16)      not null,
    status_code      smallint,
    response_time_ms double precision not null,
    db_time_ms       double precision,
    db_queries       integer,
    response_bytes   bigint,
    error_type       varchar(128),
    request_id       varchar(128),
    recorded_at      timestamptz      not null default now(),
    constraint performance_metrics_pkey primary key (id, recorded_at),
    constraint ck_performance_metrics_response_time_ms check (response_time_ms >= 0),
    constraint ck_performance_metrics_db_time_ms check (db_time_ms >= 0),
    constraint ck_performance_metrics_db_queries check (db_queries >= 0),
    constraint ck_performance_metrics_response_bytes check (response_bytes >= 0),
    constraint ck_performance_metrics_status_code check (status_code between 100 and 599),
    constraint ck_performance_metrics_method check (method ~ '^[A-Z]+$')
) partition by range (recorded_at);

insert into time_partitioned_table (table_name, step, premake, retention)
values ('performance_metrics', interval '1 day', 7, interval '30 days');
select ensure_time_partitions('performance_metrics', now() - interval '1 day', now() + interval '8 days');

create index idx_performance_metrics_service_endpoint_recorded_at on performance_metrics (service, endpoint, recorded_at desc);
create index idx_performance_metrics_errors on performance_metrics (service, recorded_at desc)
    where status_code >= 500 or error_type is not null;
comment on table performance_metrics is 'Request timings and errors per service and endpoint (route template, not the raw path), partitioned by day of recorded_at (30 days kept).';
comment on column performance_metrics.method is 'HTTP method, or CONSUME / JOB for event consumers and jobs.';
--rollback drop table performance_metrics; delete from time_partitioned_table where table_name = 'performance_metrics';
