package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class LoginLimitingTest {

    static final String PASSWORD = "correct horse battery";

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheAccountForFifteenMinutes() {
        String name = uniqueName();
        long id = register(name);
        for (int i = 0; i < 5; i++) {
            attempt(name, "wrong password " + i).then().statusCode(401).contentType("application/problem+json");
        }
        Response locked = attempt(name, PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(850L, 900L);
        assertThat(locked.jsonPath().getString("type")).isEqualTo("https://rotation.dev/problems/rate-limited");
        assertThat(TestDatabase.count("select count(*) from users where id = ? and locked_until > now() + interval '14 minutes'",
                id)).isOne();
        assertThat(TestDatabase.count("select count(*) from refresh_tokens where user_id = ?", id)).isZero();

        // the lock ends: the right password works and clears the failure state
        TestDatabase.update("update users set locked_until = now() - interval '1 second' where id = ?", id);
        attempt(name, PASSWORD).then().statusCode(200);
        var row = TestDatabase.rows("select failed_login_count, locked_until, failed_login_window_start from users where id = ?", id).get(0);
        assertThat(((Number) row.get("failed_login_count")).intValue()).isZero();
        assertThat(row.get("locked_until")).isNull();
        assertThat(row.get("failed_login_window_start")).isNull();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCountAndASuccessResetsTheCount() {
        String name = uniqueName();
        long id = register(name);
        for (int i = 0; i < 4; i++) {
            attempt(name, "wrong password").then().statusCode(401);
        }
        TestDatabase.update("update users set failed_login_window_start = now() - interval '16 minutes' where id = ?", id);
        attempt(name, "wrong password").then().statusCode(401); // starts a new window: 1
        assertThat(TestDatabase.count("select failed_login_count from users where id = ?", id)).isOne();
        attempt(name, PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            attempt(name, "wrong password").then().statusCode(401);
        }
        attempt(name, PASSWORD).then().statusCode(200);
    }

    @Test
    void anUnknownNameIsLimitedAlikeSoALockRevealsNothing() {
        String known = uniqueName();
        register(known);
        String unknown = "ghost-" + uniqueName();
        for (int i = 0; i < 5; i++) {
            String a = attempt(known, "wrong").then().statusCode(401).extract().path("detail");
            String b = attempt(unknown, "wrong").then().statusCode(401).extract().path("detail");
            assertThat(a).isEqualTo(b);
        }
        Response knownLocked = attempt(known, "wrong");
        Response unknownLocked = attempt(unknown.toUpperCase(), "wrong");
        knownLocked.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        unknownLocked.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(unknownLocked.jsonPath().getString("detail")).isEqualTo(knownLocked.jsonPath().getString("detail"));
        assertThat(Long.parseLong(unknownLocked.header("Retry-After"))).isBetween(850L, 900L);
    }

    static Response attempt(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", name, "password", password))
                .post("/api/v1/auth/login");
    }

    static long register(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", name + "@example.org", "username", name, "password", PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
