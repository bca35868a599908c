package io.rotation.analytics.jobs.model;

import java.util.Map;
import java.util.Optional;

/**
 * Which service runs the job types an admin may start through {@code POST /api/v1/jobs}. Types
 * missing here are run by their service on its own (user_erasure, partition_maintenance, ...) and are
 * not dispatched. {@code catalog_import} is accepted as another name of {@code discogs_import}.
 */
public final class JobOwners {

    public static final String ANALYTICS = "analytics-service";
    public static final String CATALOG = "catalog-service";
    public static final String MATCHING = "matching-service";

    private static final Map<JobType, String> OWNERS = Map.of(
            JobType.store_sync, CATALOG,
            JobType.discogs_import, CATALOG,
            JobType.audio_matching, MATCHING,
            JobType.metadata_refresh, MATCHING,
            JobType.metrics_aggregation, ANALYTICS,
            JobType.analytics_cleanup, ANALYTICS,
            JobType.content_similarity, ANALYTICS);

    private JobOwners() {
    }

    /** The dispatchable type a client named, or empty. */
    public static Optional<JobType> dispatchable(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = "catalog_import".equals(name) ? JobType.discogs_import.name() : name;
        try {
            JobType type = JobType.valueOf(canonical);
            return OWNERS.containsKey(type) ? Optional.of(type) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The service that runs {@code type}; analytics' own types go to {@code self}, this instance's runner
     * name ({@code rotation.jobs.service}: analytics-service, or a test's own name).
     */
    public static String ownerOf(JobType type, String self) {
        String owner = OWNERS.get(type);
        return ANALYTICS.equals(owner) ? self : owner;
    }

    public static java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        OWNERS.keySet().forEach(t -> names.add(t.name()));
        names.add("catalog_import");
        return names;
    }
}
