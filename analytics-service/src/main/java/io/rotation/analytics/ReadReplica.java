package io.rotation.analytics;

/**
 * The reactive datasource of analytics' read paths (/stats/me, /metrics/daily, /metrics/performance):
 * {@code quarkus.datasource.replica.*}, the CloudNativePG replicas' service ({@code rotation-postgres-ro})
 * in production, the primary's address locally and in tests. Its connections carry the application name
 * {@code analytics-service-replica}. Inject it with {@code @ReactiveDataSource(ReadReplica.DATASOURCE) Pool}.
 * What is written is read there a replication delay later (normally under a second).
 */
public final class ReadReplica {

    public static final String DATASOURCE = "replica";

    private ReadReplica() {
    }
}
