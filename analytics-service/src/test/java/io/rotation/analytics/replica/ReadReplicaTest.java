package io.rotation.analytics.replica;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/**
 * The read paths run on the datasource "replica" (here the primary's address, told apart by its connections'
 * application name analytics-service-replica): after each request a replica connection has just run the
 * endpoint's statement, as pg_stat_activity shows.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ReadReplicaTest {

    private static final String REPLICA = "analytics-service-replica";

    @Test
    void statsOfTheCallerAreReadThroughTheReplica() {
        Timestamp before = now();
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/stats/me").then().statusCode(200);

        // its last statement (plays by hour); the ones before it ran on the same pool, maybe the same connection
        assertThat(replicaRan(before, "%from usage_metrics%generate_series(0, 23)%")).isPositive();
    }

    @Test
    void dailyMetricsAreReadThroughTheReplica() {
        Timestamp before = now();
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).get("/api/v1/metrics/daily").then().statusCode(200);

        assertThat(replicaRan(before, "%from daily_metrics%where metric_date >=%")).isPositive();
    }

    @Test
    void performanceMetricsAreReadThroughTheReplica() {
        Timestamp before = now();
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).get("/api/v1/metrics/performance")
                .then().statusCode(200);

        assertThat(replicaRan(before, "%performance_metrics%")).isPositive();
    }

    private static Timestamp now() {
        return (Timestamp) TestDatabase.rows("select clock_timestamp() as now").get(0).get("now");
    }

    /** Replica connections whose last statement, finished after {@code since}, matches {@code like}. */
    private static long replicaRan(Timestamp since, String like) {
        return TestDatabase.count("""
                select count(*) from pg_stat_activity
                where application_name = ? and state_change >= ? and query ilike ?""", REPLICA, since, like);
    }
}
