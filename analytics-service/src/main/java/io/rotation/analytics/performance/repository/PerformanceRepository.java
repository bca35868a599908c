package io.rotation.analytics.performance.repository;

import io.rotation.analytics.performance.model.PerformanceFilter;
import io.rotation.analytics.performance.model.PerformanceSummary;
import io.rotation.contracts.performance.PerformanceReported;
import io.rotation.contracts.performance.PerformanceReported.Endpoint;
import io.smallrye.mutiny.Uni;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.rotation.analytics.ReadReplica;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** performance_metrics' per-minute summary rows: set-based inserts on the consumer's transaction, admin reads. */
@ApplicationScoped
public class PerformanceRepository {

    private static final String INSERT = """
            insert into performance_metrics (service, instance, endpoint, method, response_time_ms, window_start,
                                             recorded_at, requests, server_errors, client_errors, p50_ms, p95_ms,
                                             p99_ms, max_ms)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::timestamptz[],
                                 $7::timestamptz[], $8::int[], $9::int[], $10::int[], $11::float8[], $12::float8[],
                                 $13::float8[], $14::float8[])""";

    private static final String LIST = """
            select id, service, instance, method, endpoint, requests, server_errors, client_errors, response_time_ms,
                   p50_ms, p95_ms, p99_ms, max_ms, window_start, recorded_at
            from performance_metrics
            where requests is not null and recorded_at >= $1 and recorded_at < $2
              and ($3::text is null or service = $3::text) and ($4::text is null or endpoint = $4::text)
              and ($5::timestamptz is null or (recorded_at, id) < ($5::timestamptz, $6::bigint))
            order by recorded_at desc, id desc
            limit $7""";

    private final Pool replica;

    /** Writes go through the consumer's connection (its transaction); the list reads the read replica. */
    public PerformanceRepository(@ReactiveDataSource(ReadReplica.DATASOURCE) Pool replica) {
        this.replica = replica;
    }

    /** The reports' endpoints, one row each. */
    public Uni<Void> insert(SqlConnection connection, List<PerformanceReported> reports) {
        List<Object[]> rows = new ArrayList<>();
        for (PerformanceReported r : reports) {
            for (Endpoint e : r.endpoints()) {
                rows.add(new Object[] {r.service(), r.instance(), e.endpoint(), e.method(), e.meanMs(),
                        r.windowStart().atOffset(ZoneOffset.UTC), r.windowEnd().atOffset(ZoneOffset.UTC),
                        (int) e.requests(), (int) e.serverErrors(), (int) e.clientErrors(), e.p50Ms(), e.p95Ms(),
                        e.p99Ms(), e.maxMs()});
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] services = new String[n];
        String[] instances = new String[n];
        String[] endpoints = new String[n];
        String[] methods = new String[n];
        Double[] means = new Double[n];
        OffsetDateTime[] starts = new OffsetDateTime[n];
        OffsetDateTime[] ends = new OffsetDateTime[n];
        Integer[] requests = new Integer[n];
        Integer[] server = new Integer[n];
        Integer[] client = new Integer[n];
        Double[] p50 = new Double[n];
        Double[] p95 = new Double[n];
        Double[] p99 = new Double[n];
        Double[] max = new Double[n];
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            services[i] = (String) row[0];
            instances[i] = (String) row[1];
            endpoints[i] = (String) row[2];
            methods[i] = (String) row[3];
            means[i] = (Double) row[4];
            starts[i] = (OffsetDateTime) row[5];
            ends[i] = (OffsetDateTime) row[6];
            requests[i] = (Integer) row[7];
            server[i] = (Integer) row[8];
            client[i] = (Integer) row[9];
            p50[i] = (Double) row[10];
            p95[i] = (Double) row[11];
            p99[i] = (Double) row[12];
            max[i] = (Double) row[13];
        }
        return connection.preparedQuery(INSERT).execute(Tuple.tuple(List.of(services, instances, endpoints, methods,
                means, starts, ends, requests, server, client, p50, p95, p99, max))).replaceWithVoid();
    }

    /** Newest window first, after the (recorded_at, id) position of a cursor; at most {@code limit} rows. */
    public Uni<List<PerformanceSummary>> list(PerformanceFilter filter, Instant beforeAt, Long beforeId, int limit) {
        return replica.preparedQuery(LIST).execute(Tuple.from(java.util.Arrays.asList(utc(filter.from()),
                        utc(filter.to()), filter.service(), filter.endpoint(), utc(beforeAt), beforeId, limit)))
                .map(rows -> {
                    List<PerformanceSummary> list = new ArrayList<>();
                    rows.forEach(row -> list.add(summary(row)));
                    return list;
                });
    }

    private static PerformanceSummary summary(Row row) {
        return new PerformanceSummary(row.getLong("id"), row.getString("service"), row.getString("instance"),
                row.getString("method"), row.getString("endpoint"), row.getInteger("requests"),
                row.getInteger("server_errors"), row.getInteger("client_errors"), row.getDouble("response_time_ms"),
                row.getDouble("p50_ms"), row.getDouble("p95_ms"), row.getDouble("p99_ms"), row.getDouble("max_ms"),
                row.getOffsetDateTime("window_start").toInstant(), row.getOffsetDateTime("recorded_at").toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
