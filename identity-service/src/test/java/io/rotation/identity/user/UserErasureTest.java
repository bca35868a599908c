package io.rotation.identity.user;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.PASSWORD;
import static io.rotation.identity.IdentityFixture.attempt;
import static io.rotation.identity.IdentityFixture.bootstrap;
import static io.rotation.identity.IdentityFixture.login;
import static io.rotation.identity.IdentityFixture.register;
import static io.rotation.identity.IdentityFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class UserErasureTest {

    @Test
    void erasingOneselfRemovesTheAccountAndWhatHangsOnItAndAnnouncesIt() throws Exception {
        String name = uniqueName();
        long id = register(name);
        JsonPath login = login(name);
        String access = login.getString("access_token");
        String slug = "e-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long store = given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("name", "Erased owner's store", "slug", slug, "discogs_username", "dg-" + slug))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("token", "t-" + UUID.randomUUID()))
                .put("/api/v1/users/me/discogs-token").then().statusCode(204);

        try (KafkaTail users = new KafkaTail(bootstrap(), Topics.IDENTITY_USERS);
             KafkaTail stores = new KafkaTail(bootstrap(), Topics.IDENTITY_STORES)) {
            given().auth().oauth2(access).delete("/api/v1/users/" + id).then().statusCode(204);

            var erased = users.await(r -> String.valueOf(id).equals(r.key())
                    && EventType.USER_ERASED.type().equals(CloudEventCodec.header(r.headers(), CloudEventHeaders.TYPE)),
                    1, Duration.ofSeconds(20));
            assertThat(erased).hasSize(1);
            JsonNode data = RotationObjectMapper.create().readTree(erased.get(0).value());
            assertThat(data.get("user_id").asLong()).isEqualTo(id);
            assertThat(new String(erased.get(0).value())).doesNotContain(name);

            var storeEvents = stores.await(r -> String.valueOf(store).equals(r.key()) && !r.value().toString().isEmpty()
                    && !new String(r.value()).contains("\"created\"") && !new String(r.value()).contains("\"added\""),
                    2, Duration.ofSeconds(20));
            assertThat(storeEvents).hasSize(2);
            for (var e : storeEvents) {
                JsonNode event = RotationObjectMapper.create().readTree(e.value());
                if (event.has("action")) {
                    assertThat(event.get("action").asText()).isEqualTo("removed");
                    assertThat(event.get("user_id").asLong()).isEqualTo(id);
                } else {
                    assertThat(event.get("owner_user_id").isNull()).isTrue();
                }
            }
        }
        assertThat(TestDatabase.count("select count(*) from users where id = ?", id)).isZero();
        assertThat(TestDatabase.count("select count(*) from refresh_tokens where user_id = ?", id)).isZero();
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", id)).isZero();
        assertThat(TestDatabase.count("select count(*) from store_managers where user_id = ?", id)).isZero();
        assertThat(TestDatabase.count("select count(*) from stores where id = ? and owner_user_id is null", store)).isOne();

        attempt(name, PASSWORD).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", login.getString("refresh_token")))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        // the access token is still unexpired, but no service accepts it any more
        given().auth().oauth2(access).get("/api/v1/users/me").then().statusCode(401);
        // the name is free again
        register(name);
    }

    @Test
    void onlyTheUserThemselfOrAnAdminErasesAnAccount() {
        long id = register(uniqueName());
        long other = register(uniqueName());
        given().auth().oauth2(TestTokens.user(other)).delete("/api/v1/users/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().delete("/api/v1/users/" + id).then().statusCode(401).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from users where id = ?", id)).isOne();
        String admin = TestTokens.admin(TestTokens.newUserId());
        given().auth().oauth2(admin).delete("/api/v1/users/" + id).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/users/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from users where id = ?", id)).isZero();
    }

    @Test
    void erasureIsAuditedOnceWithCountsAndNoPersonalData() throws Exception {
        String name = uniqueName();
        long id = register(name);
        String access = login(name).getString("access_token");
        login(name);
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("token", "t-" + UUID.randomUUID()))
                .put("/api/v1/users/me/discogs-token").then().statusCode(204);

        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).delete("/api/v1/users/" + id)
                    .then().statusCode(204);
            audit.await(r -> ("user:" + id).equals(r.key()), 1, Duration.ofSeconds(20));
            var entries = audit.drain(Duration.ofSeconds(2)).stream().filter(r -> ("user:" + id).equals(r.key())).toList();
            assertThat(entries).hasSize(1);
            var record = entries.get(0);
            assertThat(CloudEventCodec.header(record.headers(), CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.AUDIT_ENTRY_RECORDED.type());
            JsonNode entry = RotationObjectMapper.create().readTree(record.value());
            assertThat(entry.get("service").asText()).isEqualTo("identity-service");
            assertThat(entry.get("action").asText()).isEqualTo(AuditEntryRecorded.ACTION_USER_DATA_ERASED);
            assertThat(entry.get("entity_type").asText()).isEqualTo("user");
            assertThat(entry.get("entity_id").asText()).isEqualTo(String.valueOf(id));
            assertThat(entry.get("user_id").asLong()).isEqualTo(id);
            assertThat(entry.get("actor_type").asText()).isEqualTo("user");
            JsonNode done = entry.get("new_values");
            assertThat(done.get("user_rows_deleted").asInt()).isOne();
            assertThat(done.get("refresh_tokens_deleted").asInt()).isEqualTo(2);
            assertThat(done.get("discogs_tokens_deleted").asInt()).isOne();
            assertThat(done.get("store_memberships_removed").asInt()).isZero();
            assertThat(done.get("requested_by").asText()).isEqualTo("admin");
            assertThat(new String(record.value())).doesNotContain(name).doesNotContain("example.org");
        }
    }
}
