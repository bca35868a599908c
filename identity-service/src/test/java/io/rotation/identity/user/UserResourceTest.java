package io.rotation.identity.user;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.PASSWORD;
import static io.rotation.identity.IdentityFixture.as;
import static io.rotation.identity.IdentityFixture.attempt;
import static io.rotation.identity.IdentityFixture.login;
import static io.rotation.identity.IdentityFixture.register;
import static io.rotation.identity.IdentityFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class UserResourceTest {

    @Test
    void meShowsTheCallersAccountAndNeverThePassword() {
        String name = uniqueName();
        long id = register(name);
        as(login(name).getString("access_token")).get("/api/v1/users/me").then().statusCode(200)
                .body("id", equalTo((int) id)).body("username", equalTo(name))
                .body("email", equalTo(name + "@example.org")).body("role", equalTo("general_user"))
                .body("is_active", equalTo(true)).body("locale", equalTo("en")).body("timezone", equalTo("UTC"))
                .body("last_login_at", notNullValue())
                .body("$", not(hasKey("password_hash"))).body("$", not(hasKey("failed_login_count")))
                .body("$", not(hasKey("locked_until")));
        given().get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(id)).get("/api/v1/users/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/users/me").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void patchMeChangesOnlyTheGivenProfileFields() {
        String name = uniqueName();
        register(name);
        String token = login(name).getString("access_token");
        Map<String, Object> body = new HashMap<>();
        body.put("display_name", "Dee Jay");
        body.put("bio", "crate digger");
        body.put("avatar_url", "https://img.example.org/a.png");
        body.put("locale", "pt-BR");
        body.put("timezone", "Europe/Berlin");
        body.put("role", "admin"); // not a profile field: ignored
        as(token).contentType(ContentType.JSON).body(body).patch("/api/v1/users/me").then().statusCode(200)
                .body("display_name", equalTo("Dee Jay")).body("bio", equalTo("crate digger"))
                .body("avatar_url", equalTo("https://img.example.org/a.png")).body("locale", equalTo("pt-BR"))
                .body("timezone", equalTo("Europe/Berlin")).body("role", equalTo("general_user"));
        as(token).contentType(ContentType.JSON).body(Map.of("bio", "")).patch("/api/v1/users/me").then()
                .statusCode(200).body("bio", nullValue()).body("display_name", equalTo("Dee Jay"));
        as(token).get("/api/v1/users/me").then().statusCode(200).body("timezone", equalTo("Europe/Berlin"))
                .body("role", equalTo("general_user"));
    }

    @Test
    void patchMeRefusesInvalidFieldsNamingThemAndWritesNothing() {
        String name = uniqueName();
        long id = register(name);
        String token = login(name).getString("access_token");
        for (Object[] bad : List.of(
                new Object[] {Map.of("avatar_url", "ftp://x.example.org/a.png"), "avatar_url"},
                new Object[] {Map.of("locale", "EN_us"), "locale"},
                new Object[] {Map.of("timezone", "Mars/Olympus_Mons"), "timezone"},
                new Object[] {Map.of("email", "not-an-email"), "email"},
                new Object[] {Map.of("username", "a b"), "username"},
                new Object[] {Map.of("bio", "x".repeat(2001)), "bio"},
                new Object[] {Map.of("display_name", "Changed", "locale", "??"), "locale"})) {
            as(token).contentType(ContentType.JSON).body(bad[0]).patch("/api/v1/users/me")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[1]));
        }
        as(token).contentType(ContentType.JSON).body(Map.of()).patch("/api/v1/users/me")
                .then().statusCode(400).contentType("application/problem+json");
        var row = TestDatabase.rows("select display_name, locale, timezone, avatar_url, email from users where id = ?", id)
                .get(0);
        assertThat(row.get("display_name")).isNull();
        assertThat(row.get("locale")).isEqualTo("en");
        assertThat(row.get("timezone")).isEqualTo("UTC");
        assertThat(row.get("avatar_url")).isNull();
        given().contentType(ContentType.JSON).body(Map.of("bio", "anon")).patch("/api/v1/users/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void patchMeRefusesATakenEmailOrUsernameWhateverTheirCase() {
        String a = uniqueName();
        String b = uniqueName();
        register(a);
        long bId = register(b);
        String token = login(b).getString("access_token");
        as(token).contentType(ContentType.JSON).body(Map.of("username", a.toUpperCase())).patch("/api/v1/users/me")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("username"));
        as(token).contentType(ContentType.JSON).body(Map.of("email", a.toUpperCase() + "@EXAMPLE.org"))
                .patch("/api/v1/users/me")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("email"));
        assertThat(TestDatabase.rows("select username from users where id = ?", bId).get(0).get("username")).isEqualTo(b);
        // one's own name in another case is not taken
        as(token).contentType(ContentType.JSON).body(Map.of("username", b.toUpperCase(), "email", "new-" + b + "@example.org"))
                .patch("/api/v1/users/me").then().statusCode(200).body("username", equalTo(b.toUpperCase()))
                .body("email", equalTo("new-" + b + "@example.org")).body("email_verified", equalTo(false));
        login(b.toLowerCase());
    }

    @Test
    void adminsListSearchAndFilterUsersInCursorPages() {
        String prefix = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long first = register(prefix + "a");
        register(prefix + "b");
        long third = register(prefix + "c");
        String admin = TestTokens.admin(TestTokens.newUserId());
        TestDatabase.update("update users set is_active = false where id = ?", third);

        JsonPath page1 = as(admin).queryParam("q", prefix.toUpperCase()).queryParam("limit", 2).get("/api/v1/users")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.username")).containsExactly(prefix + "a", prefix + "b");
        assertThat(page1.getString("next_cursor")).isNotNull();
        as(admin).queryParam("q", prefix).queryParam("limit", 2).queryParam("cursor", page1.getString("next_cursor"))
                .get("/api/v1/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(prefix + "c"))).body("next_cursor", nullValue());
        as(admin).queryParam("q", prefix + "%").get("/api/v1/users").then().statusCode(200)
                .body("items", equalTo(List.of()));
        as(admin).queryParam("q", prefix).queryParam("is_active", "false").get("/api/v1/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(prefix + "c")));
        as(admin).queryParam("q", prefix + "a@example").queryParam("role", "general_user").get("/api/v1/users")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) first)))
                .body("items[0]", not(hasKey("password_hash")));
        as(admin).queryParam("q", prefix).queryParam("role", "admin").get("/api/v1/users").then().statusCode(200)
                .body("items", equalTo(List.of()));

        as(admin).queryParam("role", "king").get("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("role"));
        as(admin).queryParam("is_active", "maybe").get("/api/v1/users").then().statusCode(400)
                .body("errors.field", hasItem("is_active"));
        as(admin).queryParam("cursor", "!!!").get("/api/v1/users").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(TestTokens.user(first)).get("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.token(first, "store_manager")).get("/api/v1/users").then().statusCode(403);
        given().get("/api/v1/users").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void adminsSetRoleAndActivityAndAnInactiveUserCanNeitherLogInNorRefresh() {
        String name = uniqueName();
        long id = register(name);
        String refresh = login(name).getString("refresh_token");
        long adminId = TestTokens.newUserId();
        String admin = TestTokens.admin(adminId);

        as(admin).contentType(ContentType.JSON).body(Map.of("role", "store_manager")).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("role", equalTo("store_manager")).body("is_active", equalTo(true));
        assertThat(groups(login(name).getString("access_token"))).contains("store_manager");

        as(login(name).getString("access_token")).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .patch("/api/v1/users/" + id).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("is_active", false)).patch("/api/v1/users/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        as(admin).contentType(ContentType.JSON).body(Map.of()).patch("/api/v1/users/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "king")).patch("/api/v1/users/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("role"));
        as(admin).contentType(ContentType.JSON).body(Map.of("is_active", false)).patch("/api/v1/users/" + TestTokens.newUserId())
                .then().statusCode(404).contentType("application/problem+json");
        as(admin).contentType(ContentType.JSON).body(Map.of("is_active", false)).patch("/api/v1/users/" + adminId)
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(TestDatabase.rows("select role::text as role from users where id = ?", id).get(0).get("role"))
                .isEqualTo("store_manager");

        as(admin).contentType(ContentType.JSON).body(Map.of("is_active", false)).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("is_active", equalTo(false));
        attempt(name, PASSWORD).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/v1/auth/refresh")
                .then().statusCode(401);
        assertThat(TestDatabase.count("select count(*) from refresh_tokens where user_id = ? and revoked_at is null", id))
                .isZero();
        as(admin).contentType(ContentType.JSON).body(Map.of("is_active", true)).patch("/api/v1/users/" + id)
                .then().statusCode(200);
        login(name);
    }

    @Test
    void aDemotedAdminAndADeactivatedUserLoseAccessAtOnceWhileANewLoginWorks() {
        String name = uniqueName();
        long id = register(name);
        String admin = TestTokens.admin(TestTokens.newUserId());
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "admin")).patch("/api/v1/users/" + id)
                .then().statusCode(200);
        String asAdmin = login(name).getString("access_token");
        as(asAdmin).get("/api/v1/users").then().statusCode(200);

        as(admin).contentType(ContentType.JSON).body(Map.of("role", "general_user")).patch("/api/v1/users/" + id)
                .then().statusCode(200);

        as(asAdmin).get("/api/v1/users").then().statusCode(401).contentType("application/problem+json");
        as(asAdmin).get("/api/v1/users/me").then().statusCode(401);
        String asUser = login(name).getString("access_token");
        as(asUser).get("/api/v1/users/me").then().statusCode(200).body("role", equalTo("general_user"));
        as(asUser).get("/api/v1/users").then().statusCode(403);

        as(admin).contentType(ContentType.JSON).body(Map.of("is_active", false)).patch("/api/v1/users/" + id)
                .then().statusCode(200);

        as(asUser).get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json");
    }

    static List<String> groups(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getList("groups");
    }
}
