--liquibase formatted sql

--changeset config:003-config-profiles
-- A named set of setting overrides for one environment (settings: {"key": value, ...}). At most
-- one profile is active per environment (partial unique index).
create table config_profiles (
    id          bigserial   primary key,
    name        varchar(64) not null,
    environment varchar(32) not null,
    description text,
    settings    jsonb       not null default '{}',
    is_active   boolean     not null default false,
    created_by  bigint,
    updated_by  bigint,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint uq_config_profiles_name unique (name),
    constraint ck_config_profiles_environment
        check (environment in ('development', 'test', 'staging', 'production')),
    constraint ck_config_profiles_settings check (jsonb_typeof(settings) = 'object')
);
create unique index uq_config_profiles_environment_active on config_profiles (environment) where is_active;
create index idx_config_profiles_environment on config_profiles (environment);
create trigger trg_config_profiles_updated_at before update on config_profiles
    for each row execute function update_updated_at_column();
comment on table config_profiles is 'Environment-specific setting overrides; one active profile per environment.';
--rollback drop table config_profiles;

--changeset config:003-rate-limits
-- A limit (max_requests per window_seconds) on an identifier (ip, user, api key, or the whole
-- system) for an endpoint pattern ('*' for all), and its fixed-window state: the count since
-- window_start, and blocked_until when exceeded (block_seconds after the breach).
create table rate_limits (
    id               bigserial    primary key,
    identifier       varchar(255) not null,
    identifier_type  varchar(16)  not null,
    endpoint_pattern varchar(255) not null default '*',
    max_requests     integer      not null,
    window_seconds   integer      not null,
    block_seconds    integer      not null default 0,
    current_count    integer      not null default 0,
    window_start     timestamptz,
    blocked_until    timestamptz,
    is_enabled       boolean      not null default true,
    description      text,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint uq_rate_limits_identifier_identifier_type_endpoint_pattern
        unique (identifier, identifier_type, endpoint_pattern),
    constraint ck_rate_limits_identifier_type check (identifier_type in ('ip', 'user', 'api_key', 'global')),
    constraint ck_rate_limits_max_requests check (max_requests > 0),
    constraint ck_rate_limits_window_seconds check (window_seconds > 0),
    constraint ck_rate_limits_block_seconds check (block_seconds >= 0),
    constraint ck_rate_limits_current_count check (current_count >= 0)
);
create index idx_rate_limits_blocked_until on rate_limits (blocked_until) where blocked_until is not null;
create trigger trg_rate_limits_updated_at before update on rate_limits
    for each row execute function update_updated_at_column();
comment on table rate_limits is 'API rate limits per identifier and endpoint pattern, with their window state.';
--rollback drop table rate_limits;

--changeset config:003-cache-config
-- How a family of cache keys (glob pattern, e.g. 'records:*') is cached: TTL, size bound, refresh
-- ahead of expiry, and the domain events that invalidate it (e.g. {'catalog.record.updated'}).
create table cache_config (
    id                    bigserial    primary key,
    cache_key_pattern     varchar(255) not null,
    description           text,
    cache_layer           varchar(16)  not null default 'redis',
    ttl_seconds           integer      not null,
    refresh_ahead_seconds integer,
    max_entries           integer,
    is_enabled            boolean      not null default true,
    invalidate_on         text[]       not null default '{}',
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    constraint uq_cache_config_cache_key_pattern unique (cache_key_pattern),
    constraint ck_cache_config_cache_layer check (cache_layer in ('redis', 'local', 'database')),
    constraint ck_cache_config_ttl_seconds check (ttl_seconds > 0),
    constraint ck_cache_config_refresh_ahead_seconds
        check (refresh_ahead_seconds is null or (refresh_ahead_seconds > 0 and refresh_ahead_seconds < ttl_seconds)),
    constraint ck_cache_config_max_entries check (max_entries is null or max_entries > 0)
);
create index idx_cache_config_invalidate_on on cache_config using gin (invalidate_on);
create trigger trg_cache_config_updated_at before update on cache_config
    for each row execute function update_updated_at_column();
comment on table cache_config is 'Cache rules per key pattern: TTL, bounds, refresh-ahead and invalidating events.';
--rollback drop table cache_config;

--changeset config:003-maintenance-windows
-- A scheduled maintenance: when, which services (empty: all), whether they stay up read-only,
-- and the message users see. Cancelled windows are kept (cancelled_at) for the record.
create table maintenance_windows (
    id                bigserial    primary key,
    title             varchar(200) not null,
    message           text,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    affected_services text[]       not null default '{}',
    read_only         boolean      not null default true,
    notify_before_minutes integer  not null default 60,
    cancelled_at      timestamptz,
    created_by        bigint,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint ck_maintenance_windows_period check (starts_at < ends_at),
    constraint ck_maintenance_windows_notify_before_minutes check (notify_before_minutes >= 0)
);
create index idx_maintenance_windows_starts_at_ends_at on maintenance_windows (starts_at, ends_at);
create index idx_maintenance_windows_affected_services on maintenance_windows using gin (affected_services);
create trigger trg_maintenance_windows_updated_at before update on maintenance_windows
    for each row execute function update_updated_at_column();
comment on table maintenance_windows is 'Scheduled maintenance windows, affected services and user notice.';
--rollback drop table maintenance_windows;
