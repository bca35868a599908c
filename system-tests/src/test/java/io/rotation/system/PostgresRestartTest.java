package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/**
 * Postgres going away mid-ingest costs seconds, not data. The test runs a Postgres cluster of its own
 * ({@link PrivatePostgres}) and, against it, user-features (which stores the plays and relays them
 * through its outbox) and analytics (which counts them from Kafka) from their built jars, on ports of
 * their own, with consumer groups of their own: the shared database, services and gateway are left
 * alone. While a listener uploads plays in batches, Postgres is stopped (fast shutdown: connections cut,
 * transactions rolled back) and started again; the client retries each refused batch as it is (the
 * plays are their own idempotency key). Each service must be ready again within 10 s of Postgres
 * accepting connections, and analytics must count every play exactly once.
 */
class PostgresRestartTest {

    private static final int BATCHES = 24;
    private static final int BATCH_SIZE = 250;
    /** Batches stored before Postgres is stopped. */
    private static final int FAULT_AFTER = 8;
    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(10);
    private static final String PLAYS_TOPIC = "rotation.user-features.plays.v1";
    private static final String KAFKA = System.getenv().getOrDefault("ROTATION_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClients.http11(Duration.ofSeconds(2));

    @Test
    void everyServiceIsReadyWithinTenSecondsOfPostgresReturningAndNoPlayIsLostOrCountedTwice() throws Exception {
        String run = "pg-restart-" + Long.toString(System.currentTimeMillis(), 36);
        Path dir = Path.of("target", "postgres-restart-" + System.currentTimeMillis()).toAbsolutePath();
        try (PrivatePostgres pg = PrivatePostgres.start(dir, ServiceProcess.repoRoot())) {
            String analyticsPlaysGroup = "analytics-service-" + run;
            startAtTheEndOfThePlaysTopic(analyticsPlaysGroup);
            try (ServiceProcess userFeatures = start("user-features-service", "user_features_svc", pg, run, Map.of());
                 ServiceProcess analytics = start("analytics-service", "analytics_svc", pg, run,
                         Map.of("mp.messaging.incoming.plays.auto.offset.reset", "earliest"))) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    userFeatures.process().destroyForcibly();
                    analytics.process().destroyForcibly();
                }));
                userFeatures.awaitReady(Duration.ofSeconds(240));
                analytics.awaitReady(Duration.ofSeconds(240));
                restartMidIngest(pg, userFeatures, analytics);
            }
        }
    }

    private void restartMidIngest(PrivatePostgres pg, ServiceProcess userFeatures, ServiceProcess analytics)
            throws Exception {
        long user = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
        String token = TestKeyTokens.user(user);
        CountDownLatch faultPoint = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        Map<Integer, Integer> refusalsByStatus = new java.util.concurrent.ConcurrentHashMap<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> {
            for (int b = 0; b < BATCHES; b++) {
                List<Map<String, Object>> plays = new ArrayList<>(BATCH_SIZE);
                for (int i = 0; i < BATCH_SIZE; i++) {
                    int n = b * BATCH_SIZE + i;
                    plays.add(Map.of("track_id", 1 + n % 40, "played_at", start.plusSeconds(n).toString(),
                            "duration_played_ms", 1000));
                }
                postUntilAccepted(userFeatures, token, Map.of("plays", plays), refused, refusalsByStatus);
                if (b + 1 == FAULT_AFTER) {
                    faultPoint.countDown();
                }
            }
        });
        assertThat(faultPoint.await(120, TimeUnit.SECONDS)).as("the first batches stored").isTrue();

        pg.stopServer();
        awaitNotReady(userFeatures, analytics);
        Thread.sleep(2_000); // the client's batches are refused meanwhile
        pg.startServer();
        assertThat(pg.accepting()).as("Postgres accepts connections after pg_ctl start -w").isTrue();
        Instant back = Instant.now();
        Map<String, Duration> readyAfter = awaitReadyAgain(back, userFeatures, analytics);
        System.out.println("[postgres restart] ready again after Postgres returned: " + readyAfter
                + "; batches refused and retried: " + refused.get() + " " + refusalsByStatus);
        readyAfter.forEach((service, after) -> assertThat(after).as("%s ready again after Postgres returned", service)
                .isLessThanOrEqualTo(READY_AGAIN_WITHIN));

        ingest.get(180, TimeUnit.SECONDS);
        assertThat(refused.get()).as("batches refused while Postgres was down (the restart was mid-ingest)")
                .isPositive();
        long expected = (long) BATCHES * BATCH_SIZE;
        assertThat(pg.count("select count(*) from user_features.play_history where user_id = ?", user))
                .as("plays stored").isEqualTo(expected);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode stats = stats(analytics, token);
        while (stats.get("total_plays").asLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stats = stats(analytics, token);
        }
        Thread.sleep(2_000); // a play counted twice would show by now
        stats = stats(analytics, token);
        assertThat(stats.get("total_plays").asLong()).as("plays analytics counted").isEqualTo(expected);
        assertThat(stats.get("total_listening_ms").asLong()).isEqualTo(expected * 1000);
        assertThat(pg.count("select count(*) from user_features.outbox_event")).as("outbox rows left").isZero();
    }

    /** Posts the batch until user-features accepts it; every refusal (5xx, or no answer) is retried as it is. */
    private static void postUntilAccepted(ServiceProcess service, String token, Object body, AtomicInteger refused,
                                          Map<Integer, Integer> refusalsByStatus) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            while (true) {
                int status;
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create(service.url() + "/api/v1/plays/batch"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    if (status == 200) {
                        JsonNode result = JSON.readTree(response.body());
                        assertThat(result.get("stored").asInt() + result.get("duplicates").asInt())
                                .as(response.body()).isEqualTo(BATCH_SIZE);
                        return;
                    }
                    assertThat(status).as("a refused batch: %s", response.body()).isGreaterThanOrEqualTo(500);
                } catch (IOException e) {
                    status = 0;
                }
                refused.incrementAndGet();
                refusalsByStatus.merge(status, 1, Integer::sum);
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("user-features refused a batch for 120 s");
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitNotReady(ServiceProcess... services) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ServiceProcess s : services) {
            while (s.ready()) {
                assertThat(System.nanoTime()).as("%s notices that Postgres is gone", s.service()).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** How long after {@code back} each service answered ready (the polling lasts 60 s at most). */
    private static Map<String, Duration> awaitReadyAgain(Instant back, ServiceProcess... services)
            throws InterruptedException {
        Map<String, Duration> after = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (after.size() < services.length && System.nanoTime() < deadline) {
            for (ServiceProcess s : services) {
                if (!after.containsKey(s.service()) && s.ready()) {
                    after.put(s.service(), Duration.between(back, Instant.now()));
                }
            }
            Thread.sleep(100);
        }
        for (ServiceProcess s : services) {
            after.putIfAbsent(s.service(), Duration.ofSeconds(60)); // never ready: fails the bound
        }
        return after;
    }

    private static JsonNode stats(ServiceProcess analytics, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(analytics.url() + "/api/v1/stats/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * The service against the private cluster: its own port, consumer groups that start at the end of
     * the shared topics (so that it neither takes partitions from the running suite's instances nor
     * reads their history), a job-runner name of its own, and test-key tokens.
     */
    private static ServiceProcess start(String service, String role, PrivatePostgres pg, String run,
                                        Map<String, String> extra) throws IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put("rotation.db.host", "127.0.0.1");
        properties.put("rotation.db.port", String.valueOf(pg.port()));
        properties.put("rotation.db.password", role); // trust authentication: any password logs in
        properties.put("mp.jwt.verify.publickey.location", TestKeyTokens.JWKS.toString());
        properties.put("rotation.internal.service-key", "postgres-restart-test-service-key");
        properties.put("rotation.jobs.service", service + "-" + run);
        properties.put("rotation.kafka.bootstrap-servers", KAFKA);
        for (String channel : ServiceProcess.incomingChannels(service)) {
            properties.put("mp.messaging.incoming." + channel + ".group.id", service + "-" + run);
            properties.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
        }
        properties.putAll(extra);
        return ServiceProcess.start(service, run + "-" + service, Ports.free(), properties, Set.of("ROTATION_DB_PASSWORD"));
    }

    /**
     * Commits the plays topic's current end offsets for the group, so that a consumer of it reads the
     * plays posted from now on and nothing older (with "latest", the first plays could be posted
     * before it has its partitions).
     */
    private static void startAtTheEndOfThePlaysTopic(String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions;
            try {
                partitions = admin.describeTopics(List.of(PLAYS_TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(PLAYS_TOPIC).partitions().stream()
                        .map(p -> new TopicPartition(PLAYS_TOPIC, p.partition())).toList();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return; // no plays yet: the group reads the topic from its start
                }
                throw e;
            }
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        }
    }
}
