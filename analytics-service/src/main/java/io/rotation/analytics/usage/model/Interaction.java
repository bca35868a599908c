package io.rotation.analytics.usage.model;

import java.time.Instant;
import java.util.Map;

/**
 * A user interaction other than a play (a favourite, a follow, a feedback), as usage_metrics keeps it:
 * {@code eventType} is the usage_metrics event_type, {@code entityType}/{@code entityId} what it was about
 * (both null for feedback about nothing in particular), {@code userId} null for anonymous feedback.
 */
public record Interaction(Long userId, String eventType, String entityType, Long entityId, Instant occurredAt,
                          Map<String, Object> metadata) {

    /** daily_metrics.metric_type of interaction counts (metric_name = event type). */
    public static final String METRIC_TYPE = "interactions";
    /** daily_metrics.entity_type of the suite-wide count of a day (entity_id 0). */
    public static final String ENTITY_GLOBAL = "global";

    public static final String FAVORITE_ADDED = "favorite_added";
    public static final String FAVORITE_REMOVED = "favorite_removed";
    public static final String FOLLOW_ADDED = "follow_added";
    public static final String FOLLOW_REMOVED = "follow_removed";
    public static final String FEEDBACK_SUBMITTED = "feedback_submitted";
}
