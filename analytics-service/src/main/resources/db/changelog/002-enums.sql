--liquibase formatted sql

--changeset analytics:002-enum-job-type
-- Every kind of background job the suite runs (the service that runs it is jobs.owner_service).
create type job_type as enum ('store_sync', 'audio_matching', 'metadata_refresh', 'discogs_import',
    'catalog_reindex', 'metrics_aggregation', 'analytics_cleanup', 'recommendation_refresh',
    'content_similarity', 'cache_warmup', 'user_erasure', 'partition_maintenance');
--rollback drop type job_type;

--changeset analytics:002-enum-job-status
create type job_status as enum ('pending', 'queued', 'running', 'completed', 'failed', 'cancelled', 'retrying');
--rollback drop type job_status;

--changeset analytics:002-enum-log-level
create type log_level as enum ('debug', 'info', 'warning', 'error', 'critical');
--rollback drop type log_level;
