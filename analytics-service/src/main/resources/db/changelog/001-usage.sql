--liquibase formatted sql

--changeset analytics:001-usage-metrics
create table usage_metrics (
    id          bigserial primary key,
    event_id    uuid         not null,
    user_id     bigint,
    event_type  varchar(64)  not null,
    entity_type varchar(32),
    entity_id   bigint,
    duration_ms bigint       check (duration_ms >= 0),
    session_id  varchar(128),
    device      varchar(128),
    metadata    jsonb        not null default '{}'::jsonb,
    occurred_at timestamptz  not null,
    created_at  timestamptz  not null default now(),
    -- one row per event, whatever the redeliveries
    constraint uq_usage_metrics_event unique (event_id)
);
create index idx_usage_metrics_user_timestamp on usage_metrics (user_id, occurred_at desc);
create index idx_usage_metrics_occurred_at on usage_metrics (occurred_at);
comment on table usage_metrics is 'Raw interactions (one row per play and other tracked events).';
--rollback drop table usage_metrics;

--changeset analytics:001-daily-metrics
create table daily_metrics (
    id          bigserial primary key,
    metric_date date           not null,
    metric_type varchar(32)    not null,
    entity_type varchar(32)    not null,
    entity_id   bigint         not null default 0,
    metric_name varchar(64)    not null,
    value       numeric(20, 4) not null default 0,
    created_at  timestamptz    not null default now(),
    updated_at  timestamptz    not null default now(),
    constraint uq_daily_metrics_key unique (metric_date, metric_type, entity_type, entity_id, metric_name)
);
create index idx_daily_metrics_date_type on daily_metrics (metric_date, metric_type);
create index idx_daily_metrics_entity on daily_metrics (entity_type, entity_id, metric_date desc);
comment on table daily_metrics is 'Per-day aggregates (plays, listening time) per user, per track; entity_id 0 = global.';
--rollback drop table daily_metrics;

--changeset analytics:001-recommendation-data
create table recommendation_data (
    id                  bigserial primary key,
    user_id             bigint         not null,
    entity_type         varchar(32)    not null,
    entity_id           bigint         not null,
    affinity_score      numeric(14, 4) not null default 0 check (affinity_score >= 0),
    play_count          integer        not null default 0 check (play_count >= 0),
    total_listening_ms  bigint         not null default 0 check (total_listening_ms >= 0),
    confidence          numeric(5, 4)  not null default 0 check (confidence between 0 and 1),
    last_interaction_at timestamptz    not null,
    expires_at          timestamptz,
    created_at          timestamptz    not null default now(),
    updated_at          timestamptz    not null default now(),
    constraint uq_recommendation_data_user_entity unique (user_id, entity_type, entity_id)
);
create index idx_recommendation_data_user_affinity on recommendation_data (user_id, entity_type, affinity_score desc);
create index idx_recommendation_data_expires_at on recommendation_data (expires_at);
comment on table recommendation_data is 'A user''s affinity to tracks and records, growing with plays and completion.';
--rollback drop table recommendation_data;
