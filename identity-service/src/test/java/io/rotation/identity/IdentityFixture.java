package io.rotation.identity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Accounts for identity's tests: register, log in, call as someone. Logins go out with an
 * {@code X-Forwarded-For} client address chosen once per test JVM (the test client is on
 * loopback, a trusted proxy), so that the wrong passwords the suite types on purpose do not add
 * up to a per-address lock on 127.0.0.1 across runs; tests about address limits pick their own.
 */
public final class IdentityFixture {

    public static final String PASSWORD = "correct horse battery";
    public static final String CLIENT_ADDRESS = newAddress();

    private IdentityFixture() {
    }

    /** A registered account, logged in once. */
    public record Account(long id, String name, String token, String refresh) {
    }

    public static Account account() {
        String name = uniqueName();
        long id = register(name);
        JsonPath login = login(name);
        return new Account(id, name, login.getString("access_token"), login.getString("refresh_token"));
    }

    public static long register(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", name + "@example.org", "username", name, "password", PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Logs in with {@link #PASSWORD}; fails the test unless it answers 200. */
    public static JsonPath login(String name) {
        return attempt(name, PASSWORD).then().statusCode(200).extract().jsonPath();
    }

    /** A login attempt from {@link #CLIENT_ADDRESS}, whatever it answers. */
    public static Response attempt(String name, String password) {
        return attemptFrom(CLIENT_ADDRESS, name, password);
    }

    /** A login attempt as forwarded by the gateway for a client at {@code address}. */
    public static Response attemptFrom(String address, String name, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password)).post("/api/v1/auth/login");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A random private (10/8) IPv4 address: one client of its own. */
    public static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
