package io.rotation.contracts;

/**
 * Kafka topic names, {@code rotation.<service>.<entity>.v<N>}. The message key is the aggregate id
 * (the user id for plays, so that one user's plays stay in order).
 */
public final class Topics {
    public static final String IDENTITY_USERS = "rotation.identity.users.v1";
    public static final String IDENTITY_STORES = "rotation.identity.stores.v1";
    public static final String CATALOG_RECORDS = "rotation.catalog.records.v1";
    public static final String CATALOG_INVENTORY = "rotation.catalog.inventory.v1";
    public static final String USER_FEATURES_PLAYS = "rotation.user-features.plays.v1";
    public static final String USER_FEATURES_FEEDBACK = "rotation.user-features.feedback.v1";
    public static final String USER_FEATURES_FAVORITES = "rotation.user-features.favorites.v1";
    public static final String USER_FEATURES_FOLLOWS = "rotation.user-features.follows.v1";
    /** Per-follower news of the stores a user follows (key = user id), for notifiers and analytics. */
    public static final String USER_FEATURES_NOTIFICATIONS = "rotation.user-features.notifications.v1";
    /** GDPR export requests from user-features to every service holding personal data (key = user id). */
    public static final String USER_FEATURES_EXPORTS = "rotation.user-features.exports.v1";
    /** Every service's part of a user's export, assembled by user-features (key = user id). */
    public static final String EXPORT_PARTS = "rotation.exports.parts.v1";
    public static final String MATCHING_MATCHES = "rotation.matching.matches.v1";
    /** Job requests and cancellations from analytics to the service that owns the job type (key = job id). */
    public static final String ANALYTICS_JOB_REQUESTS = "rotation.analytics.job-requests.v1";
    /** Every runner's progress reports, stored by analytics in jobs and job_logs (key = run key). */
    public static final String JOB_PROGRESS = "rotation.jobs.progress.v1";
    /** The audit trail: every service sends here, analytics stores it (key = entity_type:entity_id). */
    public static final String AUDIT_ENTRIES = "rotation.audit.entries.v1";
    /** Every service instance's API timings per endpoint, once a minute; analytics stores them (key = service). */
    public static final String PERFORMANCE = "rotation.performance.metrics.v1";

    /**
     * Feature flags, compacted (cleanup.policy=compact): the latest message per flag key is the flag,
     * so a service reads the topic from the beginning at start and then follows it (key = flag key).
     */
    public static final String CONFIG_FLAGS = "rotation.config.flags.v1";

    /** Rate-limit rules, compacted like the flags: the latest message per rule id is the rule. */
    public static final String CONFIG_RATE_LIMITS = "rotation.config.rate-limits.v1";

    /** Maintenance windows, compacted like the flags: the latest message per window id is the window. */
    public static final String CONFIG_MAINTENANCE = "rotation.config.maintenance.v1";

    /**
     * Typed settings, compacted like the flags: the latest message per setting key is the setting with
     * its value per environment (secret settings travel without their value).
     */
    public static final String CONFIG_SETTINGS = "rotation.config.settings.v1";

    /** Cache rules (key pattern → TTL, max entries, enabled), compacted: the latest message per rule id is the rule. */
    public static final String CONFIG_CACHE_RULES = "rotation.config.cache-rules.v1";

    /** Maintenance windows announced before they start, for notifiers and client apps (key = window id). */
    public static final String CONFIG_MAINTENANCE_NOTICES = "rotation.config.maintenance-notices.v1";

    /** Suffix of the dead-letter topic a consumer sends a poison message to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
