--liquibase formatted sql

--changeset analytics:003-usage-metrics-partitioned
-- usage_metrics becomes range-partitioned by month of occurred_at (13 months kept, daily_metrics
-- holds the long-term aggregates). The old table is renamed out of the way with its constraints
-- and indexes (index names are schema-wide), the partitioned one takes the names, the rows are
-- copied and the id sequence is handed over, so ids continue where they were.
alter table usage_metrics rename to usage_metrics_unpartitioned;
alter table usage_metrics_unpartitioned rename constraint usage_metrics_pkey to usage_metrics_unpartitioned_pkey;
alter table usage_metrics_unpartitioned rename constraint uq_usage_metrics_event to uq_usage_metrics_unpartitioned_event;
alter index idx_usage_metrics_user_timestamp rename to idx_usage_metrics_unpartitioned_user_timestamp;
alter index idx_usage_metrics_occurred_at rename to idx_usage_metrics_unpartitioned_occurred_at;

create table usage_metrics (
    id                 bigint        not null default nextval('usage_metrics_id_seq'),
    event_id           uuid          not null,
    user_id            bigint,
    event_type         varchar(64)   not null,
    entity_type        varchar(32),
    entity_id          bigint,
    duration_ms        bigint,
    session_id         varchar(128),
    device             varchar(128),
    device_fingerprint varchar(128),
    user_agent         varchar(512),
    country            char(2),
    page               varchar(512),
    metadata           jsonb         not null default '{}'::jsonb,
    occurred_at        timestamptz   not null,
    created_at         timestamptz   not null default now(),
    constraint usage_metrics_pkey primary key (id, occurred_at),
    -- one row per event, whatever the redeliveries (the consumer's ON CONFLICT target)
    constraint uq_usage_metrics_event_id_occurred_at unique (event_id, occurred_at),
    constraint ck_usage_metrics_duration_ms check (duration_ms >= 0),
    constraint ck_usage_metrics_country check (country ~ '^[A-Z]{2}$'),
    constraint ck_usage_metrics_entity check (entity_id is null or entity_type is not null),
    constraint ck_usage_metrics_metadata check (jsonb_typeof(metadata) = 'object')
) partition by range (occurred_at);

alter sequence usage_metrics_id_seq owned by usage_metrics.id;

insert into time_partitioned_table (table_name, step, premake, retention)
values ('usage_metrics', interval '1 month', 3, interval '13 months');

-- partitions for the rows already stored (within retention), the current month and 4 ahead
select ensure_time_partitions('usage_metrics',
    greatest(now() - interval '13 months',
             least(now() - interval '1 month', coalesce((select min(occurred_at) from usage_metrics_unpartitioned), now()))),
    now() + interval '4 months');

insert into usage_metrics (id, event_id, user_id, event_type, entity_type, entity_id, duration_ms, session_id,
                           device, metadata, occurred_at, created_at)
select id, event_id, user_id, event_type, entity_type, entity_id, duration_ms, session_id,
       device, metadata, occurred_at, created_at
from usage_metrics_unpartitioned;

select setval('usage_metrics_id_seq',
              greatest((select coalesce(max(id), 0) from usage_metrics), (select last_value from usage_metrics_id_seq), 1));

drop table usage_metrics_unpartitioned;

create index idx_usage_metrics_user_timestamp on usage_metrics (user_id, occurred_at desc);
create index idx_usage_metrics_occurred_at on usage_metrics (occurred_at);
create index idx_usage_metrics_entity_type_entity_id on usage_metrics (entity_type, entity_id, occurred_at desc);

comment on table usage_metrics is 'Raw interactions (one row per play and other tracked events), partitioned by month of occurred_at (13 months kept). user_id and entity_id are ids owned by identity and catalog.';
comment on column usage_metrics.device_fingerprint is 'Hash of stable device traits (never the raw traits), to tell devices of one account apart and to count anonymous sessions.';
comment on column usage_metrics.country is 'ISO 3166-1 alpha-2 country resolved from the IP at ingestion (the IP itself is not stored).';
comment on column usage_metrics.page is 'Screen or route where a non-play interaction happened (page views, searches).';
-- (no rollback: the conversion to a partitioned table is one-way)
