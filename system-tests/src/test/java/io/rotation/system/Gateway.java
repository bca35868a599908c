package io.rotation.system;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** The running suite, reached only through the gateway, as a client app reaches it. */
final class Gateway {

    static final String URL = System.getProperty("rotation.gateway.url", "http://127.0.0.1:8080");

    private Gateway() {
    }

    static RequestSpecification request() {
        return given().baseUri(URL).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String token) {
        return request().auth().oauth2(token);
    }

    /** Registers a fresh listener and logs in. */
    static Listener newListener() {
        String name = "sys" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "system-test-password";
        long id = request().body(Map.of("email", name + "@example.org", "username", name, "password", password))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath().getLong("id");
        io.restassured.path.json.JsonPath login = request().body(Map.of("username", name, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
        return new Listener(id, name, login.getString("access_token"), login.getString("refresh_token"));
    }

    /** The local admin `./rotation up` ensures; returns the access token. */
    static String adminToken() {
        String username = System.getenv().getOrDefault("ROTATION_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("ROTATION_ADMIN_PASSWORD", "rotation-admin");
        return request().body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("access_token");
    }

    /** A fresh listener who owns a store the admin activated, with a token that carries the store. */
    static Listener newStoreManager() {
        Listener owner = newListener();
        String slug = "shop-" + owner.username().toLowerCase();
        long store = as(owner.token()).body(Map.of("name", "Shop " + slug, "slug", slug, "discogs_username", slug))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
        as(adminToken()).body(Map.of("status", "active")).patch("/api/v1/stores/" + store).then().statusCode(200);
        io.restassured.path.json.JsonPath refreshed = request().body(Map.of("refresh_token", owner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        return new Listener(owner.id(), owner.username(), refreshed.getString("access_token"),
                refreshed.getString("refresh_token"));
    }

    record Listener(long id, String username, String token, String refreshToken) {
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
