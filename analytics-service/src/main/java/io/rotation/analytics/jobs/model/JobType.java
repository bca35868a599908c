package io.rotation.analytics.jobs.model;

/** The {@code job_type} enum; constants are spelled as the database spells them. */
public enum JobType {
    store_sync, audio_matching, metadata_refresh, discogs_import, catalog_reindex, metrics_aggregation,
    analytics_cleanup, recommendation_refresh, content_similarity, cache_warmup, user_erasure, partition_maintenance
}
