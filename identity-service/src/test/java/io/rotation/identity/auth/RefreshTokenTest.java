package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.login;
import static io.rotation.identity.IdentityFixture.register;
import static io.rotation.identity.IdentityFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rotation.identity.auth.repository.RefreshTokenRepository;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class RefreshTokenTest {

    @Test
    void loginReturnsARefreshTokenStoredOnlyAsItsHash() {
        String name = uniqueName();
        long id = register(name);
        JsonPath login = login(name);
        String refresh = login.getString("refresh_token");
        assertThat(refresh).isNotBlank().hasSizeGreaterThanOrEqualTo(40);
        assertThat(login.getString("access_token")).isNotBlank();
        var rows = TestDatabase.rows("select token_hash, expires_at, used_at, revoked_at from refresh_tokens where user_id = ?", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("token_hash")).isEqualTo(RefreshTokenRepository.hash(refresh)).isNotEqualTo(refresh);
        double days = ((Number) TestDatabase.rows("select extract(epoch from expires_at - now()) / 86400 as days"
                + " from refresh_tokens where user_id = ?", id).get(0).get("days")).doubleValue();
        assertThat(days).isBetween(29.9, 30.0);
        assertThat(TestDatabase.count("select count(*) from refresh_tokens where token_hash = ?", refresh)).isZero();
    }

    @Test
    void refreshRotatesThePairAndUsesUpTheOldToken() {
        String name = uniqueName();
        long id = register(name);
        String first = login(name).getString("refresh_token");
        JsonPath next = refresh(first).then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .extract().jsonPath();
        String second = next.getString("refresh_token");
        assertThat(second).isNotEqualTo(first);
        var rows = TestDatabase.rows("select token_hash, family_id, used_at, revoked_at from refresh_tokens where user_id = ? order by id", id);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("used_at")).isNotNull();
        assertThat(rows.get(1).get("used_at")).isNull();
        assertThat(rows.get(0).get("family_id")).isEqualTo(rows.get(1).get("family_id"));
        refresh(second).then().statusCode(200);
    }

    @Test
    void aRefreshTokenReusedAfterRotationRevokesTheFamily() {
        String name = uniqueName();
        long id = register(name);
        String first = login(name).getString("refresh_token");
        String other = login(name).getString("refresh_token"); // another login: another family
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");
        String third = refresh(second).then().statusCode(200).extract().path("refresh_token");

        refresh(first).then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[] {first, second, third}) {
            refresh(token).then().statusCode(401).contentType("application/problem+json");
        }
        assertThat(TestDatabase.count("select count(*) from refresh_tokens where user_id = ? and revoked_at is null"
                + " and family_id = (select family_id from refresh_tokens where token_hash = ?)",
                id, RefreshTokenRepository.hash(first))).isZero();
        refresh(other).then().statusCode(200);
    }

    @Test
    void logoutRevokesTheFamily() {
        String name = uniqueName();
        register(name);
        String first = login(name).getString("refresh_token");
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", second))
                .post("/api/v1/auth/logout").then().statusCode(204);
        refresh(second).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", second))
                .post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void refusesMissingUnknownExpiredOrDeactivatedTokens() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/auth/refresh")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("refresh_token"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/auth/logout")
                .then().statusCode(400).contentType("application/problem+json");
        refresh("not-a-token-we-issued-" + UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json");

        String name = uniqueName();
        long id = register(name);
        String expired = login(name).getString("refresh_token");
        TestDatabase.update("update refresh_tokens set created_at = now() - interval '31 days',"
                + " expires_at = now() - interval '1 day' where token_hash = ?", RefreshTokenRepository.hash(expired));
        refresh(expired).then().statusCode(401);

        String live = login(name).getString("refresh_token");
        TestDatabase.update("update users set is_active = false where id = ?", id);
        refresh(live).then().statusCode(401);
        TestDatabase.update("update users set is_active = true where id = ?", id);
        refresh(live).then().statusCode(401); // the family was revoked
    }

    static io.restassured.response.Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/api/v1/auth/refresh");
    }
}
