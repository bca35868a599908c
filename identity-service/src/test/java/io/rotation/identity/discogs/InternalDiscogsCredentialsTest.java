package io.rotation.identity.discogs;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.account;
import static io.rotation.identity.IdentityFixture.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rotation.identity.IdentityFixture.Account;
import io.rotation.platform.security.ServiceKey;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Catalog's way to a store's Discogs token: services only, the owner's token first, else a manager's. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class InternalDiscogsCredentialsTest {

    @Test
    void aServiceGetsTheOwnersTokenElseAManagersDecrypted() {
        Account owner = account();
        Account manager = account();
        Account staff = account();
        long store = store(owner);
        as(owner.token()).contentType(ContentType.JSON).body(Map.of()).put(managerPath(store, manager)).then().statusCode(201);
        as(owner.token()).contentType(ContentType.JSON).body(Map.of("role", "staff")).put(managerPath(store, staff))
                .then().statusCode(201);
        String path = "/internal/v1/stores/" + store + "/discogs-credentials";
        asService().get(path).then().statusCode(404).contentType("application/problem+json");

        setToken(staff, "staff-token", null);
        asService().get(path).then().statusCode(404);
        setToken(manager, "manager-token", "manager-secret");
        asService().get(path).then().statusCode(200).body("user_id", equalTo((int) manager.id()))
                .body("token", equalTo("manager-token")).body("token_secret", equalTo("manager-secret"));
        setToken(owner, "owner-personal-token", null);
        asService().get(path).then().statusCode(200).body("user_id", equalTo((int) owner.id()))
                .body("store_id", equalTo((int) store)).body("token", equalTo("owner-personal-token"))
                .body("token_secret", nullValue());

        as(owner.token()).delete("/api/v1/users/me/discogs-token").then().statusCode(204);
        asService().get(path).then().statusCode(200).body("user_id", equalTo((int) manager.id()));
    }

    @Test
    void usersTokensAndWrongKeysAreRefused() {
        String path = "/internal/v1/stores/1/discogs-credentials";
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).get(path).then().statusCode(401);
        given().header(ServiceKey.HEADER, "not-the-key").get(path).then().statusCode(401);
        asService().get("/internal/v1/stores/abc/discogs-credentials").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static RequestSpecification asService() {
        return given().header(ServiceKey.HEADER,
                ConfigProvider.getConfig().getValue("rotation.internal.service-key", String.class));
    }

    private static void setToken(Account user, String token, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        if (secret != null) {
            body.put("token_secret", secret);
        }
        as(user.token()).contentType(ContentType.JSON).body(body).put("/api/v1/users/me/discogs-token")
                .then().statusCode(204);
    }

    private static String managerPath(long store, Account user) {
        return "/api/v1/stores/" + store + "/managers/" + user.id();
    }

    private static long store(Account owner) {
        String slug = "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return as(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Store " + slug, "slug", slug, "discogs_username", "dg-" + slug))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
