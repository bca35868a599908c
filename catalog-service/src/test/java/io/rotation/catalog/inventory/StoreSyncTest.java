package io.rotation.catalog.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static io.rotation.catalog.inventory.InventoryFixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store sync against Discogs replayed by WireMock from the recorded API shapes (test resources
 * discogs/, see SOURCE.md): listings added, changed and vanished across two syncs, paging, missing
 * releases fetched, a 429 honoured, and the rate-limit headers slowing the client down.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
@WithTestResource(DiscogsWireMock.class)
class StoreSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DiscogsWireMock.Server
    WireMockServer discogs;

    private final String admin = TestTokens.admin(TestTokens.newUserId());
    private String username;
    private long store;

    @BeforeEach
    void store() {
        username = "shop_" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        store = InventoryFixtures.store("active", username);
    }

    @Test
    void addsChangesAndRemovesListingsAcrossTwoSyncs() {
        long r1 = newReleaseId();
        long r2 = newReleaseId();
        long l1 = newListingId();
        long l2 = newListingId();
        long l3 = newListingId();
        long l4 = newListingId();
        stubRelease(r1, "release-1.json");
        stubRelease(r2, "release-3.json");
        stubPage(1, 2, ok(), listing(l1, r1, "10.00", "For Sale", "Very Good Plus (VG+)"),
                listing(l2, r2, "20.00", "For Sale", "Near Mint (NM or M-)"));
        stubPage(2, 2, ok(), listing(l3, r1, "30.00", "Draft", "Mint (M)"));

        String manager = manager(TestTokens.newUserId(), store);
        JsonPath first;
        try (KafkaTail tail = InventoryApiTest.tail()) {
            first = awaitDone(start(manager));
            assertThat(first.getString("status")).isEqualTo("completed");
            assertThat(first.getInt("pages")).isEqualTo(2);
            assertThat(first.getInt("listings_seen")).isEqualTo(3);
            assertThat(first.getInt("added")).isEqualTo(3);
            assertThat(first.getInt("updated")).isZero();
            assertThat(first.getInt("removed")).isZero();
            assertThat(first.getInt("releases_fetched")).isEqualTo(2);
            assertThat(first.getInt("requests")).isEqualTo(4);
            assertThat(first.getInt("rate_limited")).isZero();

            Map<Long, Map<String, Object>> copies = copies();
            assertThat(copies).containsOnlyKeys(l1, l2, l3);
            assertThat(copies.get(l1)).containsEntry("status", "active")
                    .containsEntry("condition", "Very Good Plus (VG+)").containsEntry("currency", "USD")
                    .containsEntry("comments", "Includes promotional booklet from original purchase!");
            assertThat(copies.get(l3)).containsEntry("status", "draft").containsEntry("condition", "Mint (M)");
            Map<String, Object> stockholm = TestDatabase.rows("""
                    select r.title, r.source, r.tracklist_count, count(t.id) as tracks
                    from records r join tracks t on t.record_id = r.id
                    where r.discogs_release_id = ? group by r.id""", r1).get(0);
            assertThat(stockholm).containsEntry("title", "Stockholm").containsEntry("source", "discogs_api")
                    .containsEntry("tracklist_count", 6).containsEntry("tracks", 6L);
            assertThat(copies.get(l1).get("record_id")).isEqualTo(copies.get(l3).get("record_id"));

            for (long listing : List.of(l1, l2, l3)) {
                long id = (Long) copies.get(listing).get("id");
                assertThat(InventoryApiTest.announced(tail, id, 1)).extracting(InventoryApiTest::type)
                        .containsExactly(EventType.INVENTORY_LISTED.type());
            }
        }
        discogs.verify(getRequestedFor(urlPathEqualTo("/users/" + username + "/inventory"))
                .withHeader("Authorization", equalTo("Discogs token=" + DiscogsWireMock.TOKEN))
                .withHeader("User-Agent", matching("RotationCatalog/\\S+ \\+https://\\S+"))
                .withQueryParam("per_page", equalTo("100")));

        // Discogs now: l1 cheaper, l2 gone, l3 as it was, l4 new (of a release the catalog has now)
        discogs.resetMappings();
        stubPage(1, 1, ok(), listing(l1, r1, "12.00", "For Sale", "Very Good Plus (VG+)"),
                listing(l3, r1, "30.00", "Draft", "Mint (M)"), listing(l4, r2, "9.99", "For Sale", "Good (G)"));
        Map<Long, Map<String, Object>> before = copies();
        try (KafkaTail tail = InventoryApiTest.tail()) {
            JsonPath second = awaitDone(start(admin));
            assertThat(second.getString("status")).isEqualTo("completed");
            assertThat(second.getInt("added")).isEqualTo(1);
            assertThat(second.getInt("updated")).isEqualTo(1);
            assertThat(second.getInt("unchanged")).isEqualTo(1);
            assertThat(second.getInt("removed")).isEqualTo(1);
            assertThat(second.getInt("releases_fetched")).isZero();
            assertThat(second.getInt("requests")).isEqualTo(1);

            Map<Long, Map<String, Object>> after = copies();
            assertThat(after.get(l1).get("price").toString()).isEqualTo("12.00");
            assertThat(after.get(l2)).containsEntry("status", "removed");
            assertThat(after.get(l3)).containsEntry("status", "draft");
            assertThat(after.get(l4)).containsEntry("status", "active").containsEntry("condition", "Good (G)");
            assertThat(after.get(l1).get("id")).isEqualTo(before.get(l1).get("id"));

            assertThat(types(tail, (Long) after.get(l1).get("id"))).containsExactly(EventType.INVENTORY_CHANGED.type());
            assertThat(types(tail, (Long) after.get(l2).get("id"))).containsExactly(EventType.INVENTORY_REMOVED.type());
            assertThat(types(tail, (Long) after.get(l4).get("id"))).containsExactly(EventType.INVENTORY_LISTED.type());
            assertThat(tail.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals(String.valueOf(after.get(l3).get("id")))))
                    .as("an unchanged listing announces nothing").isEmpty();
        }
    }

    @Test
    void syncsWithTheStoreOwnersPersonalTokenFromIdentity() {
        long release = newReleaseId();
        stubRelease(release, "release-1.json");
        stubPage(1, 1, ok(), listing(newListingId(), release, "12.00", "For Sale", "Mint (M)"));
        String ownerToken = "owner-token-" + newListingId();
        stubIdentityCredentials("{\"store_id\": " + store + ", \"user_id\": 7, \"username\": \"" + username
                + "\", \"token\": \"" + ownerToken + "\", \"token_secret\": null}");

        JsonPath run = awaitDone(start(admin));

        assertThat(run.getString("status")).isEqualTo("completed");
        discogs.verify(getRequestedFor(urlPathEqualTo("/internal/v1/stores/" + store + "/discogs-credentials"))
                .withHeader("X-Rotation-Service-Key", equalTo(serviceKey())));
        List<LoggedRequest> pages = requests("/users/" + username + "/inventory");
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).getHeader("Authorization")).isEqualTo("Discogs token=" + ownerToken);
        assertThat(TestDatabase.count("select count(*) from sync_runs where store_id = ? and cast(sync_runs as text) "
                + "like ?", store, "%" + ownerToken + "%")).isZero();
    }

    @Test
    void syncsWithAManagersOAuthTokenSignedForEachRequest() {
        long release = newReleaseId();
        stubRelease(release, "release-1.json");
        stubPage(1, 2, ok(), listing(newListingId(), release, "12.00", "For Sale", "Mint (M)"));
        stubPage(2, 2, ok(), listing(newListingId(), release, "13.00", "For Sale", "Mint (M)"));
        stubIdentityCredentials("{\"store_id\": " + store + ", \"user_id\": 8, \"username\": \"m\", "
                + "\"token\": \"oauth-access-token\", \"token_secret\": \"oauth-access-secret\"}");

        assertThat(awaitDone(start(admin)).getString("status")).isEqualTo("completed");

        List<LoggedRequest> pages = requests("/users/" + username + "/inventory");
        assertThat(pages).hasSize(2);
        for (LoggedRequest page : pages) {
            assertThat(page.getHeader("Authorization")).startsWith("OAuth ")
                    .contains("oauth_token=\"oauth-access-token\"")
                    .contains("oauth_consumer_key=\"" + DiscogsWireMock.CONSUMER_KEY + "\"")
                    .contains("oauth_signature_method=\"HMAC-SHA1\"")
                    .doesNotContain("oauth-access-secret");
        }
        assertThat(pages.get(0).getHeader("Authorization")).isNotEqualTo(pages.get(1).getHeader("Authorization"));
    }

    @Test
    void aSyncWhoseTokenIdentityCannotTellFailsWithoutCallingDiscogs() {
        stubPage(1, 1, ok(), listing(newListingId(), newReleaseId(), "12.00", "For Sale", "Mint (M)"));
        discogs.stubFor(get(urlPathEqualTo("/internal/v1/stores/" + store + "/discogs-credentials"))
                .willReturn(aResponse().withStatus(503)));

        JsonPath run = awaitDone(start(admin));

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("identity answered 503");
        assertThat(requests("/users/" + username + "/inventory")).isEmpty();
    }

    @Test
    void honoursA429ByWaitingItsRetryAfterAndRetrying() {
        long release = newReleaseId();
        long listing = newListingId();
        stubRelease(release, "release-1.json");
        String path = "/users/" + username + "/inventory";
        discogs.stubFor(get(urlPathEqualTo(path)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("X-Discogs-Ratelimit", "60").withHeader("X-Discogs-Ratelimit-Used", "60")
                        .withHeader("X-Discogs-Ratelimit-Remaining", "0")
                        .withBody("{\"message\": \"You are making requests too quickly.\"}"))
                .willSetStateTo("cooled down"));
        discogs.stubFor(get(urlPathEqualTo(path)).inScenario("429").whenScenarioStateIs("cooled down")
                .willReturn(ok().withBody(page(1, 1, listing(listing, release, "15.00", "For Sale",
                        "Very Good (VG)")))));

        JsonPath run = awaitDone(start(admin));
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("rate_limited")).isEqualTo(1);
        assertThat(run.getInt("requests")).isEqualTo(3);
        assertThat(run.getInt("added")).isEqualTo(1);
        List<LoggedRequest> calls = requests(path);
        assertThat(calls).hasSize(2);
        assertThat(gapMillis(calls.get(0), calls.get(1))).as("Retry-After: 1 respected").isGreaterThanOrEqualTo(950);
    }

    @Test
    void waitsAWholeWindowWhenDiscogsSaysNoRequestsRemain() {
        long release = newReleaseId();
        stubRelease(release, "release-3.json");
        stubPage(1, 2, ok(0),
                listing(newListingId(), release, "5.00", "For Sale", "Fair (F)"));
        stubPage(2, 2, ok(), listing(newListingId(), release, "6.00", "For Sale", "Poor (P)"));

        JsonPath run = awaitDone(start(admin));
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("added")).isEqualTo(2);
        List<LoggedRequest> all = discogs.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().contains(username) || r.getUrl().contains("/releases/" + release))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).getUrl()).contains("page=1");
        assertThat(gapMillis(all.get(0), all.get(1))).as("remaining 0: the next request waits the window")
                .isGreaterThanOrEqualTo(DiscogsWireMock.WINDOW_MILLIS - 50);
    }

    @Test
    void aFailedSyncRemovesNothing() {
        long release = newReleaseId();
        long kept = newListingId();
        stubRelease(release, "release-1.json");
        stubPage(1, 1, ok(), listing(kept, release, "10.00", "For Sale", "Mint (M)"));
        assertThat(awaitDone(start(admin)).getString("status")).isEqualTo("completed");

        discogs.resetMappings();
        stubPage(1, 2, ok(), listing(newListingId(), release, "11.00", "For Sale", "Mint (M)"));
        discogs.stubFor(get(urlPathEqualTo("/users/" + username + "/inventory")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\": \"private\"}")));
        JsonPath failed = awaitDone(start(admin));
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("403");
        assertThat(copies().get(kept)).containsEntry("status", "active");
    }

    @Test
    void aSyncLeftByAStoppedInstanceIsFailedAndTheStoreSyncsAgain() {
        long left = ((Number) TestDatabase.rows("""
                insert into sync_runs (store_id, discogs_username, status, runner, started_at, heartbeat_at)
                values (?, ?, 'running', 'a-stopped-instance', now() - interval '11 minutes',
                        now() - interval '10 minutes')
                returning id""", store, username).get(0).get("id")).longValue();
        long other = InventoryFixtures.store("active", "busy_shop");
        long alive = ((Number) TestDatabase.rows("""
                insert into sync_runs (store_id, discogs_username, status, runner, started_at, heartbeat_at)
                values (?, 'busy_shop', 'running', 'a-live-instance', now(), now())
                returning id""", other).get(0).get("id")).longValue();
        try {
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("store_id", other))
                    .post("/api/v1/inventory/sync").then().statusCode(409)
                    .body("detail", containsString("already has a sync pending or running"));
            JsonPath failed = awaitDone(left);
            assertThat(failed.getString("status")).isEqualTo("failed");
            assertThat(failed.getString("error")).startsWith("interrupted");
            assertThat(TestDatabase.rows("select status from sync_runs where id = ?", alive).get(0))
                    .containsEntry("status", "running");

            stubPage(1, 1, ok());
            assertThat(awaitDone(start(admin)).getString("status")).isEqualTo("completed");
        } finally {
            TestDatabase.update("update sync_runs set status = 'failed', finished_at = now() where id = ?", alive);
        }
    }

    @Test
    void onlyTheStoresManagersAndAdminsSyncItsInventory() {
        given().contentType("application/json").body(Map.of("store_id", store)).post("/api/v1/inventory/sync")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType("application/json")
                .body(Map.of("store_id", store)).post("/api/v1/inventory/sync").then().statusCode(403);
        long other = InventoryFixtures.store("active", "someone_else");
        given().auth().oauth2(manager(TestTokens.newUserId(), other)).contentType("application/json")
                .body(Map.of("store_id", store)).post("/api/v1/inventory/sync").then().statusCode(403);
        assertThat(TestDatabase.count("select count(*) from sync_runs where store_id = ?", store)).isZero();

        long withoutUsername = InventoryFixtures.store("active", null);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("store_id", withoutUsername))
                .post("/api/v1/inventory/sync").then().statusCode(400).body("errors.field", hasItem("store_id"))
                .body("detail", containsString("Discogs username"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of())
                .post("/api/v1/inventory/sync").then().statusCode(400).body("errors.field", hasItem("store_id"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("store_id", InventoryFixtures.store("inactive", "closed_shop")))
                .post("/api/v1/inventory/sync").then().statusCode(409);

        stubPage(1, 1, ok());
        long id = start(admin);
        awaitDone(id);
        given().auth().oauth2(manager(TestTokens.newUserId(), other)).get("/api/v1/inventory/sync/" + id)
                .then().statusCode(403);
        given().auth().oauth2(manager(TestTokens.newUserId(), store)).get("/api/v1/inventory/sync/" + id)
                .then().statusCode(200);
        given().get("/api/v1/inventory/sync/" + id).then().statusCode(401);
        given().auth().oauth2(admin).get("/api/v1/inventory/sync/" + Long.MAX_VALUE).then().statusCode(404);
    }

    // ---- Discogs stubs, shaped after the recorded responses ----

    private void stubPage(int page, int pages, ResponseDefinitionBuilder response, ObjectNode... listings) {
        discogs.stubFor(get(urlPathEqualTo("/users/" + username + "/inventory"))
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(response.withBody(page(page, pages, listings))));
    }

    private void stubRelease(long id, String recorded) {
        ObjectNode release = (ObjectNode) read("discogs/" + recorded);
        release.put("id", id);
        release.put("resource_url", "https://api.discogs.com/releases/" + id);
        discogs.stubFor(get(urlPathMatching("/releases/" + id)).willReturn(ok().withBody(release.toString())));
    }

    private static ResponseDefinitionBuilder ok() {
        return ok(59);
    }

    private static ResponseDefinitionBuilder ok(int remaining) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Discogs-Ratelimit", "60")
                .withHeader("X-Discogs-Ratelimit-Used", String.valueOf(60 - remaining))
                .withHeader("X-Discogs-Ratelimit-Remaining", String.valueOf(remaining));
    }

    private String page(int page, int pages, ObjectNode... listings) {
        ObjectNode body = (ObjectNode) read("discogs/inventory-example.json");
        ObjectNode pagination = (ObjectNode) body.get("pagination");
        pagination.put("page", page).put("pages", pages).put("per_page", 100).put("items", listings.length);
        ArrayNode array = body.putArray("listings");
        for (ObjectNode l : listings) {
            array.add(l);
        }
        return body.toString();
    }

    /** The recorded listing with this id, release, price, status and condition. */
    private ObjectNode listing(long id, long releaseId, String price, String status, String condition) {
        ObjectNode l = (ObjectNode) read("discogs/inventory-example.json").get("listings").get(0);
        l.put("id", id).put("status", status).put("condition", condition)
                .put("uri", "/sell/item/" + id).put("resource_url", "/marketplace/listings/" + id);
        ((ObjectNode) l.get("price")).put("value", new java.math.BigDecimal(price));
        ((ObjectNode) l.get("seller")).put("username", username);
        ((ObjectNode) l.get("release")).put("id", releaseId).put("resource_url", "/releases/" + releaseId);
        return l;
    }

    private void stubIdentityCredentials(String body) {
        discogs.stubFor(get(urlPathEqualTo("/internal/v1/stores/" + store + "/discogs-credentials"))
                .withHeader("X-Rotation-Service-Key", equalTo(serviceKey()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String serviceKey() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("rotation.internal.service-key", String.class);
    }

    // ---- the API under test ----

    private long start(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("store_id", store))
                .post("/api/v1/inventory/sync").then().statusCode(202)
                .header("Location", containsString("/api/v1/inventory/sync/"))
                .extract().jsonPath().getLong("id");
    }

    private JsonPath awaitDone(long id) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonPath run;
        do {
            run = given().auth().oauth2(admin).get("/api/v1/inventory/sync/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if (!List.of("pending", "running").contains(run.getString("status"))) {
                return run;
            }
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("sync " + id + " did not finish: " + run.prettify());
    }

    private Map<Long, Map<String, Object>> copies() {
        return TestDatabase.rows("""
                        select id, discogs_listing_id, record_id, condition::text as condition, price, currency,
                               status::text as status, comments
                        from store_inventory where store_id = ?""", store).stream()
                .collect(Collectors.toMap(r -> (Long) r.get("discogs_listing_id"), r -> r));
    }

    /** The types of the events announced for copy {@code id} (after the first arrived, whatever follows). */
    private static List<String> types(KafkaTail tail, long id) {
        InventoryApiTest.announced(tail, id, 1);
        return tail.drain(Duration.ofMillis(500)).stream().filter(r -> String.valueOf(id).equals(r.key()))
                .map(InventoryApiTest::type).toList();
    }

    private List<LoggedRequest> requests(String path) {
        return discogs.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static long gapMillis(LoggedRequest a, LoggedRequest b) {
        return b.getLoggedDate().getTime() - a.getLoggedDate().getTime();
    }

    private static long newReleaseId() {
        return ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_000_000_000L);
    }

    private static long newListingId() {
        return ThreadLocalRandom.current().nextLong(10_000_000_000L, 900_000_000_000L);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String resource) {
        try (InputStream in = StoreSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
