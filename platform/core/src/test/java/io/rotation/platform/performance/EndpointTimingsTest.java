package io.rotation.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rotation.contracts.performance.PerformanceReported.Endpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTimingsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EndpointTimings timings;

    EndpointTimingsTest() {
        registry.config().meterFilter(EndpointTimings.percentiles());
        timings = new EndpointTimings(registry);
    }

    @Test
    void sumsAnEndpointsStatusesIntoRequestsErrorsMeanAndPercentiles() {
        for (int ms = 1; ms <= 100; ms++) {
            timer("GET", "/api/v1/records/{id}", "200").record(Duration.ofMillis(ms));
        }
        timer("GET", "/api/v1/records/{id}", "404").record(Duration.ofMillis(2));
        timer("GET", "/api/v1/records/{id}", "500").record(Duration.ofMillis(300));
        timer("POST", "/api/v1/plays", "201").record(Duration.ofMillis(10));

        List<Endpoint> endpoints = timings.sinceLastCall();

        assertThat(endpoints).extracting(Endpoint::method, Endpoint::endpoint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/plays"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/records/{id}"));
        Endpoint records = endpoints.get(1);
        assertThat(records.requests()).isEqualTo(102);
        assertThat(records.serverErrors()).isEqualTo(1);
        assertThat(records.clientErrors()).isEqualTo(1);
        assertThat(records.meanMs()).isCloseTo((5050 + 2 + 300) / 102.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(records.maxMs()).isEqualTo(300.0);
        assertThat(records.p50Ms()).isBetween(45.0, 300.0);
        assertThat(records.p99Ms()).isGreaterThanOrEqualTo(records.p95Ms()).isGreaterThanOrEqualTo(records.p50Ms());
    }

    @Test
    void aSecondCallReportsOnlyTheRequestsSinceTheFirstAndSkipsIdleEndpoints() {
        timer("GET", "/api/v1/records", "200").record(Duration.ofMillis(5));
        timer("GET", "/api/v1/stats/me", "200").record(Duration.ofMillis(5));
        assertThat(timings.sinceLastCall()).hasSize(2);

        timer("GET", "/api/v1/records", "200").record(Duration.ofMillis(7));
        timer("GET", "/api/v1/records", "200").record(Duration.ofMillis(9));
        List<Endpoint> second = timings.sinceLastCall();

        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.endpoint()).isEqualTo("/api/v1/records");
            assertThat(e.requests()).isEqualTo(2);
            assertThat(e.meanMs()).isEqualTo(8.0);
        });
        assertThat(timings.sinceLastCall()).isEmpty();
    }

    @Test
    void reportsOnlyApiRoutes() {
        timer("GET", "/q/health/ready", "200").record(Duration.ofMillis(1));
        timer("GET", "/q/metrics", "200").record(Duration.ofMillis(1));
        timer("GET", "NOT_FOUND", "404").record(Duration.ofMillis(1));
        assertThat(timings.sinceLastCall()).isEmpty();
    }

    private Timer timer(String method, String uri, String status) {
        return Timer.builder(EndpointTimings.TIMER).tag("method", method).tag("uri", uri).tag("status", status)
                .register(registry);
    }
}
