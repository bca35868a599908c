package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.PASSWORD;
import static io.rotation.identity.IdentityFixture.register;
import static io.rotation.identity.IdentityFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rotation.identity.IdentityFixture;
import io.rotation.identity.auth.repository.RefreshTokenRepository;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class LoginLimitingTest {

    @Inject
    ReactiveRedisDataSource redis;

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

    @Test
    void twentyFailuresFromOneAddressLockThatAddressEvenForAGoodAccountButNoOtherAddress() {
        String good = uniqueName();
        register(good);
        // 20 failures over five accounts and unknown names: each name stays under its own limit of 5
        for (int i = 0; i < 5; i++) {
            String victim = uniqueName();
            register(victim);
            for (int j = 0; j < 3; j++) {
                attempt(victim, "guess " + j).then().statusCode(401).contentType("application/problem+json");
            }
            attempt("ghost-" + uniqueName(), "guess").then().statusCode(401);
        }
        Response locked = attempt(good, PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://rotation.dev/problems/rate-limited"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(850L, 900L);
        // the account itself is not locked: the same name and password from elsewhere work
        IdentityFixture.attemptFrom(IdentityFixture.newAddress(), good, PASSWORD).then().statusCode(200);
        // and the lock holds for any name tried from the locked address
        attempt(uniqueName(), "anything").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void nineteenFailuresFromOneAddressLockNothing() {
        String good = uniqueName();
        register(good);
        for (int i = 0; i < 19; i++) {
            attempt("ghost-" + uniqueName(), "guess").then().statusCode(401);
        }
        attempt(good, PASSWORD).then().statusCode(200);
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotChooseItsAddressWithXForwardedFor() throws Exception {
        // reach the service through a non-loopback address of this host: the peer is then no trusted proxy
        String host = nonLoopbackAddress();
        redis.key().del("identity:login-failures:address:" + RefreshTokenRepository.hash(host)).await().indefinitely();
        String good = uniqueName();
        register(good);
        for (int i = 0; i < 20; i++) {
            direct(host).header("X-Forwarded-For", IdentityFixture.newAddress())
                    .body(Map.of("username", "ghost-" + uniqueName(), "password", "guess"))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        direct(host).header("X-Forwarded-For", IdentityFixture.newAddress())
                .body(Map.of("username", good, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(429);
        redis.key().del("identity:login-failures:address:" + RefreshTokenRepository.hash(host)).await().indefinitely();
    }

    private static RequestSpecification direct(String host) {
        return given().baseUri("http://" + host).port(RestAssured.port).contentType(ContentType.JSON);
    }

    private static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        Assumptions.abort("this host has no non-loopback IPv4 address to call the service through");
        return null;
    }

    /** Each test is a client of its own, so that address limits do not leak between tests. */
    private final String address = IdentityFixture.newAddress();

    Response attempt(String name, String password) {
        return IdentityFixture.attemptFrom(address, name, password);
    }
}
