package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules (deploy/monitoring) query only metrics the
 * running services really export on /q/metrics, labelled with their application.
 */
class ExportedMetricsTest {

    /** Series the cluster exports, not the services: readiness is the kubelet's verdict (kube-state-metrics). */
    private static final Set<String> FROM_THE_CLUSTER = Set.of("kube_pod_status_ready");
    /** Series only where the database server preloads pg_stat_statements (production does; the local server may not). */
    private static final Set<String> FROM_PG_STAT_STATEMENTS = Set.of("rotation_db_statement_seconds_total",
            "rotation_db_statement_calls_total");
    private static final String DB_URL = System.getProperty("rotation.db.url", "jdbc:postgresql://127.0.0.1:5432/rotation");
    private static final Map<String, Integer> SERVICES = Map.of("identity-service", 8081, "catalog-service", 8082,
            "matching-service", 8083, "user-features-service", 8084, "analytics-service", 8085, "config-service", 8086);

    private final HttpClient http = HttpClients.http11(Duration.ofSeconds(5));

    @Test
    void everyMetricTheDashboardAndTheAlertRulesQueryIsExportedByTheRunningServices() throws Exception {
        Set<String> queried = new TreeSet<>();
        queries().forEach(q -> queried.addAll(PromQl.metricNames(q)));
        queried.removeAll(FROM_THE_CLUSTER);
        assertThat(queried).contains("rotation_kafka_consumer_lag", "rotation_dead_letters_total",
                "rotation_outbox_unpublished_rows", "http_server_requests_seconds_count", "rotation_db_index_scans_total",
                "rotation_db_indexes_unused", "rotation_db_buffer_blocks_total", "rotation_cache_lookups_total",
                "rotation_db_statement_seconds_total", "sql_pool_queue_size");
        if (!serverPreloadsPgStatStatements()) {
            queried.removeAll(FROM_PG_STAT_STATEMENTS);
        }
        get(8081, "/.well-known/jwks.json"); // at least one request in the HTTP server timer

        // the consumer-lag gauges appear with the first measurement (30 s after start), the database
        // statistics with their first sample (30 s), dead-letter counters with a consumer's first batch
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(exported().keySet()).containsAll(queried));
    }

    @Test
    void everyServiceLabelsItsMetricsWithItsApplicationName() throws Exception {
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            assertThat(get(service.getValue(), "/q/metrics"))
                    .as(service.getKey()).contains("rotation_outbox_relayed_total{application=\"" + service.getKey() + "\"");
        }
    }

    /** Whether the services' role can read pg_stat_statements (installed in the database and preloaded by the server). */
    private static boolean serverPreloadsPgStatStatements() throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, "analytics_svc", "analytics_svc");
             Statement s = c.createStatement()) {
            String schema;
            try (ResultSet r = s.executeQuery(
                    "select extnamespace::regnamespace::text from pg_extension where extname = 'pg_stat_statements'")) {
                if (!r.next()) {
                    return false;
                }
                schema = r.getString(1);
            }
            try (ResultSet r = s.executeQuery("select 1 from " + schema + ".pg_stat_statements limit 1")) {
                return true;
            } catch (SQLException notPreloaded) {
                return false;
            }
        }
    }

    /** Metric name → the services exporting it. */
    private Map<String, Set<String>> exported() throws Exception {
        Map<String, Set<String>> names = new TreeMap<>();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            for (String line : get(service.getValue(), "/q/metrics").split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                names.computeIfAbsent(line.substring(0, end), n -> new TreeSet<>()).add(service.getKey());
            }
        }
        return names;
    }

    private static List<String> queries() throws IOException {
        List<String> queries = new ArrayList<>();
        Path monitoring = repoRoot().resolve("deploy/monitoring");
        JsonNode dashboard = new ObjectMapper().readTree(monitoring.resolve("grafana-dashboard.json").toFile());
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals("query")) {
                queries.add(v.path("query").asText());
            }
        });
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(monitoring.resolve("alert-rules.yml").toFile());
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> queries.add(r.path("expr").asText())));
        assertThat(queries).hasSizeGreaterThan(15);
        return queries;
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " on " + port).isEqualTo(200);
        return response.body();
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("rotation.repo.root", "..")).toAbsolutePath().normalize();
    }
}
