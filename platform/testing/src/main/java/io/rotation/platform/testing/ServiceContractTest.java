package io.rotation.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.rotation.platform.consumer.ProcessedEventRetention;
import io.rotation.platform.security.RevokedSubjects;
import io.rotation.platform.validation.LoadedStateTraversableResolver;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service promises ops and the gateway, inherited by one {@code @QuarkusTest} per
 * service: live while its outbox relay comes round, ready on its database alone (Kafka and Redis
 * reported, not required), OpenAPI, Prometheus metrics, and
 * problem+json for what it does not know, claimed event ids forgotten after their retention, and
 * validation that asks the persistence provider about entities only.
 */
public abstract class ServiceContractTest {

    @Inject
    ProcessedEventRetention processedEventRetention;

    @Inject
    RevokedSubjects revokedSubjects;

    @Inject
    ValidatorFactory validation;

    @Test
    void isLiveWithItsOutboxRelayComingRound() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox relay' }.status", equalTo("UP"));
    }

    @Test
    void isReadyOnItsDatabaseAloneAndReportsKafkaAndRedis() {
        // the dependencies are probed in the background: the first probe may still be on its way
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(given().get("/q/health/ready")
                .jsonPath().getString("checks.find { it.name.startsWith('dependencies') }.data.redis")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "dependencies (reported, not required)"))
                .body("checks.name", not(hasItem(containsString("Kafka"))))
                .body("checks.name", not(hasItem(containsString("Redis"))))
                .body("checks.find { it.name.startsWith('dependencies') }.data.kafka", equalTo("UP"))
                .body("checks.find { it.name.startsWith('dependencies') }.data.redis", equalTo("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // labels in any order: every meter also carries the application's name
        Assertions.assertThat(metrics)
                .containsPattern("(?m)^rotation_dependency_up\\{([^}]*,)?dependency=\"kafka\"(,[^}]*)?\\} 1\\.0$")
                .contains("rotation_outbox_oldest_unpublished_age_seconds");
    }

    @Test
    void validatesWithThePlatformsTraversableResolver() {
        Assertions.assertThat(validation.getTraversableResolver()).isInstanceOf(LoadedStateTraversableResolver.class);
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://rotation.dev/problems/not-found"));
    }

    @Test
    void forgetsProcessedEventIdsOnlyPastTheirTopicsRetention() {
        String consumer = "contract-test-" + UUID.randomUUID();
        TestDatabase.update("insert into processed_event (consumer, event_id, processed_at, retain_until) values "
                + "(?, gen_random_uuid(), now() - interval '31 days', now() - interval '1 day'), "
                + "(?, gen_random_uuid(), now() - interval '29 days', now() + interval '1 day'), "
                + "(?, gen_random_uuid(), now() - interval '900 days', null)", consumer, consumer, consumer);

        processedEventRetention.forgetExpired().await().atMost(Duration.ofSeconds(30));

        Assertions.assertThat(TestDatabase.count("select count(*) from processed_event where consumer = ? "
                + "and retain_until < now()", consumer)).isZero();
        Assertions.assertThat(TestDatabase.count("select count(*) from processed_event where consumer = ?", consumer))
                .as("kept: the one still within its topic's retention, and the one of a topic kept forever")
                .isEqualTo(2);
    }

    @Test
    void refusesTheStillValidTokenOfAnErasedAccount() {
        long user = TestTokens.newUserId();
        String token = TestTokens.user(user);
        given().auth().oauth2(token).get("/api/v1/no-such-thing").then().statusCode(404);

        revokedSubjects.revoke(user, Duration.ofMinutes(1)).await().atMost(Duration.ofSeconds(10));

        given().auth().oauth2(token).get("/api/v1/no-such-thing").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/no-such-thing")
                .then().statusCode(404);
    }

    @Test
    void refusesTokensIssuedBeforeTheirAccountChangedButNotLaterOnes() {
        long user = TestTokens.newUserId();
        Instant change = Instant.now();
        String before = TestTokens.issuedAt(user, change.minusSeconds(30));
        String after = TestTokens.issuedAt(user, change.plusSeconds(1));

        revokedSubjects.voidTokensIssuedUntil(user, change, Duration.ofMinutes(1)).await().atMost(Duration.ofSeconds(10));

        given().auth().oauth2(before).get("/api/v1/no-such-thing").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(after).get("/api/v1/no-such-thing").then().statusCode(404);
    }
}
