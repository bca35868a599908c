package io.rotation.contracts;

import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.performance.PerformanceReported;
import io.rotation.contracts.catalog.InventoryChanged;
import io.rotation.contracts.config.CacheRuleChanged;
import io.rotation.contracts.config.FlagChanged;
import io.rotation.contracts.config.MaintenanceAnnounced;
import io.rotation.contracts.config.MaintenanceWindowChanged;
import io.rotation.contracts.config.RateLimitChanged;
import io.rotation.contracts.config.SettingChanged;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.contracts.export.UserExportRequested;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.jobs.JobCancelRequested;
import io.rotation.contracts.jobs.JobProgressReported;
import io.rotation.contracts.jobs.JobRequested;
import io.rotation.contracts.matching.MatchCreated;
import io.rotation.contracts.matching.MatchStatusChanged;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.contracts.userfeatures.FollowChanged;
import io.rotation.contracts.userfeatures.FollowedStoreListed;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.contracts.userfeatures.PlaysRecorded;

/**
 * Every event type of the suite: its CloudEvents {@code type}, the topic it travels on and the
 * payload record. The JSON Schema of each lives at {@code /schemas/<type>.json}.
 */
public enum EventType {
    USER_REGISTERED("io.rotation.identity.user.registered.v1", Topics.IDENTITY_USERS, UserRegistered.class),
    USER_ERASED("io.rotation.identity.user.erased.v1", Topics.IDENTITY_USERS, UserErased.class),
    STORE_CHANGED("io.rotation.identity.store.changed.v1", Topics.IDENTITY_STORES, StoreChanged.class),
    STORE_MANAGER_CHANGED("io.rotation.identity.store-manager.changed.v1", Topics.IDENTITY_STORES,
            StoreManagerChanged.class),
    RECORD_UPSERTED("io.rotation.catalog.record.upserted.v1", Topics.CATALOG_RECORDS, RecordUpserted.class),
    TRACK_UPSERTED("io.rotation.catalog.track.upserted.v1", Topics.CATALOG_RECORDS, TrackUpserted.class),
    INVENTORY_LISTED("io.rotation.catalog.inventory.listed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_CHANGED("io.rotation.catalog.inventory.changed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_SOLD("io.rotation.catalog.inventory.sold.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_REMOVED("io.rotation.catalog.inventory.removed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    PLAY_RECORDED("io.rotation.userfeatures.play.recorded.v1", Topics.USER_FEATURES_PLAYS, PlayRecorded.class),
    PLAYS_RECORDED("io.rotation.userfeatures.plays.recorded.v1", Topics.USER_FEATURES_PLAYS, PlaysRecorded.class),
    FEEDBACK_SUBMITTED("io.rotation.userfeatures.feedback.submitted.v1", Topics.USER_FEATURES_FEEDBACK,
            FeedbackSubmitted.class),
    FAVORITE_ADDED("io.rotation.userfeatures.favorite.added.v1", Topics.USER_FEATURES_FAVORITES,
            FavoriteChanged.class),
    FAVORITE_REMOVED("io.rotation.userfeatures.favorite.removed.v1", Topics.USER_FEATURES_FAVORITES,
            FavoriteChanged.class),
    FOLLOW_ADDED("io.rotation.userfeatures.follow.added.v1", Topics.USER_FEATURES_FOLLOWS, FollowChanged.class),
    FOLLOW_REMOVED("io.rotation.userfeatures.follow.removed.v1", Topics.USER_FEATURES_FOLLOWS, FollowChanged.class),
    FOLLOWED_STORE_LISTED("io.rotation.userfeatures.followed-store.listed.v1", Topics.USER_FEATURES_NOTIFICATIONS,
            FollowedStoreListed.class),
    USER_EXPORT_REQUESTED("io.rotation.userfeatures.export.requested.v1", Topics.USER_FEATURES_EXPORTS,
            UserExportRequested.class),
    USER_EXPORT_PART_READY("io.rotation.exports.part.ready.v1", Topics.EXPORT_PARTS, UserExportPartReady.class),
    MATCH_CREATED("io.rotation.matching.match.created.v1", Topics.MATCHING_MATCHES, MatchCreated.class),
    MATCH_STATUS_CHANGED("io.rotation.matching.match.status-changed.v1", Topics.MATCHING_MATCHES,
            MatchStatusChanged.class),
    JOB_REQUESTED("io.rotation.analytics.job.requested.v1", Topics.ANALYTICS_JOB_REQUESTS, JobRequested.class),
    JOB_CANCEL_REQUESTED("io.rotation.analytics.job.cancel-requested.v1", Topics.ANALYTICS_JOB_REQUESTS,
            JobCancelRequested.class),
    JOB_PROGRESS_REPORTED("io.rotation.jobs.progress.reported.v1", Topics.JOB_PROGRESS, JobProgressReported.class),
    FLAG_CHANGED("io.rotation.config.flag.changed.v1", Topics.CONFIG_FLAGS, FlagChanged.class),
    RATE_LIMIT_CHANGED("io.rotation.config.rate-limit.changed.v1", Topics.CONFIG_RATE_LIMITS, RateLimitChanged.class),
    MAINTENANCE_WINDOW_CHANGED("io.rotation.config.maintenance-window.changed.v1", Topics.CONFIG_MAINTENANCE,
            MaintenanceWindowChanged.class),
    MAINTENANCE_ANNOUNCED("io.rotation.config.maintenance.announced.v1", Topics.CONFIG_MAINTENANCE_NOTICES,
            MaintenanceAnnounced.class),
    SETTING_CHANGED("io.rotation.config.setting.changed.v1", Topics.CONFIG_SETTINGS, SettingChanged.class),
    CACHE_RULE_CHANGED("io.rotation.config.cache-rule.changed.v1", Topics.CONFIG_CACHE_RULES, CacheRuleChanged.class),
    AUDIT_ENTRY_RECORDED("io.rotation.audit.entry.recorded.v1", Topics.AUDIT_ENTRIES, AuditEntryRecorded.class),
    PERFORMANCE_REPORTED("io.rotation.performance.reported.v1", Topics.PERFORMANCE, PerformanceReported.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payload;

    EventType(String type, String topic, Class<? extends Record> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }
}
