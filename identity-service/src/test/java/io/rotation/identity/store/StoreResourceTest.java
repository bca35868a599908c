package io.rotation.identity.store;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.account;
import static io.rotation.identity.IdentityFixture.as;
import static io.rotation.identity.IdentityFixture.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.identity.IdentityFixture;
import io.rotation.identity.IdentityFixture.Account;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class StoreResourceTest {

    @Test
    void applyingMakesAPendingStoreOwnedByTheCallerAndAnnouncesIt() throws Exception {
        Account owner = account();
        String slug = slug();
        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.IDENTITY_STORES)) {
            JsonPath store = as(owner.token()).contentType(ContentType.JSON).body(newStore(slug))
                    .post("/api/v1/stores").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/stores/\\d+"))
                    .extract().jsonPath();
            assertThat(store.getString("status")).isEqualTo("pending");
            assertThat(store.getLong("owner_user_id")).isEqualTo(owner.id());
            assertThat(store.getString("currency")).isEqualTo("EUR");
            long id = store.getLong("id");
            assertThat(TestDatabase.rows("select role from store_managers where store_id = ? and user_id = ?", id, owner.id())
                    .get(0).get("role")).isEqualTo("owner");

            var events = tail.await(r -> String.valueOf(id).equals(r.key()), 2, Duration.ofSeconds(20));
            Map<String, JsonNode> byType = new HashMap<>();
            for (ConsumerRecord<String, byte[]> e : events) {
                byType.put(CloudEventCodec.header(e.headers(), CloudEventHeaders.TYPE),
                        RotationObjectMapper.create().readTree(e.value()));
            }
            JsonNode changed = byType.get(EventType.STORE_CHANGED.type());
            assertThat(changed.get("change").asText()).isEqualTo("created");
            assertThat(changed.get("status").asText()).isEqualTo("pending");
            assertThat(changed.get("slug").asText()).isEqualTo(slug);
            JsonNode manager = byType.get(EventType.STORE_MANAGER_CHANGED.type());
            assertThat(manager.get("action").asText()).isEqualTo("added");
            assertThat(manager.get("role").asText()).isEqualTo("owner");
            assertThat(manager.get("user_id").asLong()).isEqualTo(owner.id());

            // a refreshed access token carries the store
            String access = given().contentType(ContentType.JSON).body(Map.of("refresh_token", owner.refresh()))
                    .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");
            assertThat(storeIds(access)).contains(id);
        }
    }

    @Test
    void refusesInvalidOrTakenStoresNamingTheFieldAndWritesNothing() {
        Account owner = account();
        String slug = slug();
        as(owner.token()).contentType(ContentType.JSON).body(newStore(slug)).post("/api/v1/stores").then().statusCode(201);
        String other = slug();
        for (Object[] bad : List.of(
                new Object[] {without(newStore(other), "name"), "name"},
                new Object[] {with(newStore(other), "slug", "Not A Slug"), "slug"},
                new Object[] {without(newStore(other), "discogs_username"), "discogs_username"},
                new Object[] {with(newStore(other), "website_url", "javascript:alert(1)"), "website_url"},
                new Object[] {with(newStore(other), "country_code", "germany"), "country_code"},
                new Object[] {with(newStore(other), "latitude", 95), "latitude"},
                new Object[] {with(newStore(other), "latitude", 52.5), "longitude"})) {
            as(owner.token()).contentType(ContentType.JSON).body(bad[0]).post("/api/v1/stores")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        as(owner.token()).contentType(ContentType.JSON).body(with(newStore(other), "slug", slug)).post("/api/v1/stores")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("slug"));
        as(owner.token()).contentType(ContentType.JSON).body(with(newStore(other), "discogs_username", "dg-" + slug))
                .post("/api/v1/stores")
                .then().statusCode(409).body("errors.field", hasItem("discogs_username"));
        given().contentType(ContentType.JSON).body(newStore(other)).post("/api/v1/stores")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from stores where slug = ?", other)).isZero();
    }

    @Test
    void aStoreThatIsNotActiveExistsOnlyForAdminsAndItsManagers() {
        Account owner = account();
        Account stranger = account();
        String admin = TestTokens.admin(TestTokens.newUserId());
        long id = create(owner, slug());

        given().get("/api/v1/stores/" + id).then().statusCode(404).contentType("application/problem+json");
        as(stranger.token()).get("/api/v1/stores/" + id).then().statusCode(404);
        as(owner.token()).get("/api/v1/stores/" + id).then().statusCode(200).body("status", equalTo("pending"));
        as(admin).get("/api/v1/stores/" + id).then().statusCode(200);
        given().get("/api/v1/stores/" + Long.MAX_VALUE).then().statusCode(404);
        assertThat(allIds(given(), null)).doesNotContain(id);
        assertThat(allIds(as(admin), "pending")).contains(id);
        assertThat(allIds(as(admin), null)).contains(id);
        as(stranger.token()).queryParam("status", "pending").get("/api/v1/stores").then().statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("status", "pending").get("/api/v1/stores").then().statusCode(401);
        as(admin).queryParam("status", "open").get("/api/v1/stores").then().statusCode(400)
                .body("errors.field", hasItem("status"));

        // stranger's edits: 404 while it is hidden, 403 once it is public
        as(stranger.token()).contentType(ContentType.JSON).body(Map.of("description", "mine")).patch("/api/v1/stores/" + id)
                .then().statusCode(404);
        as(admin).contentType(ContentType.JSON).body(Map.of("status", "active")).patch("/api/v1/stores/" + id)
                .then().statusCode(200).body("status", equalTo("active"));
        given().get("/api/v1/stores/" + id).then().statusCode(200).body("status", equalTo("active"))
                .body("$", not(org.hamcrest.Matchers.hasKey("caller_role")));
        assertThat(allIds(given(), null)).contains(id);
        as(stranger.token()).contentType(ContentType.JSON).body(Map.of("description", "mine")).patch("/api/v1/stores/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("description", "mine")).patch("/api/v1/stores/" + id)
                .then().statusCode(401);
    }

    @Test
    void theOwnerEditsDetailsAdminsSetTheStatusAndEachChangeIsAnnounced() throws Exception {
        Account owner = account();
        String admin = TestTokens.admin(TestTokens.newUserId());
        long id = create(owner, slug());
        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.IDENTITY_STORES)) {
            as(owner.token()).contentType(ContentType.JSON)
                    .body(Map.of("description", "Soul, jazz and funk", "city", "Berlin", "latitude", 52.52,
                            "longitude", 13.405))
                    .patch("/api/v1/stores/" + id).then().statusCode(200)
                    .body("description", equalTo("Soul, jazz and funk")).body("city", equalTo("Berlin"))
                    .body("status", equalTo("pending"));
            as(owner.token()).contentType(ContentType.JSON).body(Map.of("status", "active")).patch("/api/v1/stores/" + id)
                    .then().statusCode(403).contentType("application/problem+json");
            as(owner.token()).contentType(ContentType.JSON).body(Map.of("city", "")).patch("/api/v1/stores/" + id)
                    .then().statusCode(200).body("city", equalTo(null));
            as(admin).contentType(ContentType.JSON).body(Map.of("status", "suspended")).patch("/api/v1/stores/" + id)
                    .then().statusCode(200).body("status", equalTo("suspended"));
            for (Object[] bad : List.of(new Object[] {Map.of("status", "closed"), "status"},
                    new Object[] {Map.of("slug", "Bad Slug"), "slug"}, new Object[] {Map.of("name", ""), "name"},
                    new Object[] {Map.of("currency", "euro"), "currency"}, new Object[] {Map.of(), "any_field"})) {
                as(admin).contentType(ContentType.JSON).body(bad[0]).patch("/api/v1/stores/" + id)
                        .then().statusCode(400).contentType("application/problem+json");
            }
            var events = tail.await(r -> String.valueOf(id).equals(r.key()) && field(r, "change") != null
                    && !"created".equals(field(r, "change")), 3, Duration.ofSeconds(20));
            List<String> changes = new ArrayList<>();
            for (var e : events) {
                changes.add(field(e, "change"));
            }
            assertThat(changes).containsExactly("updated", "updated", "status_changed");
            List<String> versions = new ArrayList<>();
            for (var e : events) {
                versions.add(field(e, "version"));
            }
            assertThat(versions).as("the database's version of each state, which consumers order by")
                    .containsExactly("2", "3", "4");
        }
        assertThat(TestDatabase.rows("select status::text as s from stores where id = ?", id).get(0).get("s"))
                .isEqualTo("suspended");
    }

    @Test
    void theOwnerAndAdminsAddAndRemoveManagers() throws Exception {
        Account owner = account();
        Account manager = account();
        Account staff = account();
        String admin = TestTokens.admin(TestTokens.newUserId());
        long id = create(owner, slug());
        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.IDENTITY_STORES)) {
            as(owner.token()).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/stores/" + id + "/managers/" + manager.id())
                    .then().statusCode(201).body("role", equalTo("manager")).body("added_by", equalTo((int) owner.id()));
            as(owner.token()).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/stores/" + id + "/managers/" + manager.id())
                    .then().statusCode(200);
            // a manager sees and edits the pending store, but does not manage its managers
            as(manager.token()).get("/api/v1/stores/" + id).then().statusCode(200);
            as(manager.token()).contentType(ContentType.JSON).body(Map.of("phone", "+49 30 123")).patch("/api/v1/stores/" + id)
                    .then().statusCode(200);
            as(manager.token()).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/stores/" + id + "/managers/" + staff.id())
                    .then().statusCode(403).contentType("application/problem+json");
            as(admin).contentType(ContentType.JSON).body(Map.of("role", "staff"))
                    .put("/api/v1/stores/" + id + "/managers/" + staff.id()).then().statusCode(201)
                    .body("role", equalTo("staff"));
            as(staff.token()).contentType(ContentType.JSON).body(Map.of("phone", "0")).patch("/api/v1/stores/" + id)
                    .then().statusCode(403);
            as(owner.token()).contentType(ContentType.JSON).body(Map.of("role", "owner"))
                    .put("/api/v1/stores/" + id + "/managers/" + staff.id()).then().statusCode(400)
                    .body("errors.field", hasItem("role"));
            as(owner.token()).contentType(ContentType.JSON).body(Map.of())
                    .put("/api/v1/stores/" + id + "/managers/" + TestTokens.newUserId()).then().statusCode(404);
            as(admin).contentType(ContentType.JSON).body(Map.of("role", "staff"))
                    .put("/api/v1/stores/" + id + "/managers/" + owner.id()).then().statusCode(409);
            as(owner.token()).delete("/api/v1/stores/" + id + "/managers/" + owner.id()).then().statusCode(409)
                    .contentType("application/problem+json");
            String access = given().contentType(ContentType.JSON).body(Map.of("refresh_token", manager.refresh()))
                    .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");
            assertThat(storeIds(access)).contains(id);

            as(owner.token()).delete("/api/v1/stores/" + id + "/managers/" + manager.id()).then().statusCode(204);
            as(owner.token()).delete("/api/v1/stores/" + id + "/managers/" + manager.id()).then().statusCode(404);
            // the removed manager's tokens, whose store_ids still name the store, stop working at once
            as(access).get("/api/v1/stores/" + id).then().statusCode(401).contentType("application/problem+json");
            as(manager.token()).get("/api/v1/stores/" + id).then().statusCode(401);
            String fresh = IdentityFixture.login(manager.name()).getString("access_token");
            assertThat(storeIds(fresh)).doesNotContain(id);
            as(fresh).get("/api/v1/stores/" + id).then().statusCode(404);
            given().delete("/api/v1/stores/" + id + "/managers/" + staff.id()).then().statusCode(401);

            var events = tail.await(r -> String.valueOf(id).equals(r.key()) && field(r, "action") != null
                    && !"owner".equals(field(r, "role")), 3, Duration.ofSeconds(20));
            List<String> actions = new ArrayList<>();
            for (var e : events) {
                actions.add(field(e, "action") + ":" + field(e, "user_id") + ":" + field(e, "role"));
            }
            assertThat(actions).containsExactly("added:" + manager.id() + ":manager", "added:" + staff.id() + ":staff",
                    "removed:" + manager.id() + ":manager");
        }
        assertThat(TestDatabase.count("select count(*) from store_managers where store_id = ?", id)).isEqualTo(2);
    }

    static String field(ConsumerRecord<String, byte[]> record, String name) {
        try {
            JsonNode value = RotationObjectMapper.create().readTree(record.value()).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long create(Account owner, String slug) {
        return as(owner.token()).contentType(ContentType.JSON).body(newStore(slug)).post("/api/v1/stores")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static List<Long> allIds(RequestSpecification spec, String status) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().spec(spec).queryParam("limit", 200);
            if (status != null) {
                request.queryParam("status", status);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/stores").then().statusCode(200).extract().jsonPath();
            page.getList("items.id", Long.class).forEach(ids::add);
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return ids;
    }

    static Map<String, Object> newStore(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Store " + slug);
        body.put("slug", slug);
        body.put("discogs_username", "dg-" + slug);
        body.put("description", "Records");
        body.put("currency", "EUR");
        body.put("country_code", "DE");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    static Map<String, Object> without(Map<String, Object> body, String key) {
        body.remove(key);
        return body;
    }

    static List<Long> storeIds(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getList("store_ids", Long.class);
    }

    static String slug() {
        return "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
