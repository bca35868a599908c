package io.rotation.userfeatures.collection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class CollectionResourceTest {

    @Test
    void createsRenamesDescribesAndPublishesACollection() {
        long user = TestTokens.newUserId();
        long id = as(user).body(Map.of("name", "  Sunday morning ", "description", "slow"))
                .post("/api/v1/collections").then().statusCode(201)
                .body("name", equalTo("Sunday morning")).body("is_public", equalTo(false))
                .body("item_count", equalTo(0)).extract().jsonPath().getLong("id");
        as(user).body(Map.of("name", "Sunday", "is_public", true)).patch("/api/v1/collections/" + id)
                .then().statusCode(200).body("name", equalTo("Sunday")).body("description", equalTo("slow"))
                .body("is_public", equalTo(true));
        as(user).body(Map.of("description", "")).patch("/api/v1/collections/" + id)
                .then().statusCode(200).body("description", nullValue()).body("name", equalTo("Sunday"));
        // the same name twice is a conflict naming the field, and nothing is written
        as(user).body(Map.of("name", "Sunday")).post("/api/v1/collections")
                .then().statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        assertThat(TestDatabase.count("select count(*) from user_collections where user_id = ?", user)).isEqualTo(1);
        as(user).delete("/api/v1/collections/" + id).then().statusCode(204);
        as(user).get("/api/v1/collections/" + id).then().statusCode(404);
    }

    @Test
    void refusesBadCollectionsAndWritesNothing() {
        long user = TestTokens.newUserId();
        as(user).body(Map.of("name", " ")).post("/api/v1/collections")
                .then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("name", "x".repeat(201))).post("/api/v1/collections")
                .then().statusCode(400).contentType("application/problem+json");
        as(user).body("{\"name\": ").post("/api/v1/collections")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from user_collections where user_id = ?", user)).isZero();
        long id = Library.collection(user, "Kept", false);
        as(user).body(Map.of()).patch("/api/v1/collections/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("name", "")).patch("/api/v1/collections/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.rows("select name from user_collections where id = ?", id).get(0).get("name"))
                .isEqualTo("Kept");
    }

    @Test
    void showsPublicCollectionsToAnyoneAndPrivateOnesOnlyToTheirOwner() {
        long owner = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        long track = Library.track(120);
        long open = Library.collection(owner, "Open", true);
        long closed = Library.collection(owner, "Closed", false);
        Library.item(open, track, 0);
        Library.item(closed, track, 0);

        given().get("/api/v1/collections/" + open).then().statusCode(200).body("name", equalTo("Open"));
        given().get("/api/v1/collections/" + open + "/items").then().statusCode(200)
                .body("items[0].track_id", equalTo(track));
        as(other).get("/api/v1/collections/" + open).then().statusCode(200);
        for (RequestSpecification caller : List.of(given(), as(other), given().auth().oauth2(TestTokens.admin(other)))) {
            caller.get("/api/v1/collections/" + closed).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/api/v1/collections/" + closed + "/items").then().statusCode(404);
        as(owner).get("/api/v1/collections/" + closed).then().statusCode(200);

        given().get("/api/v1/users/" + owner + "/collections").then().statusCode(200).body("items.name", contains("Open"));
        as(owner).get("/api/v1/users/" + owner + "/collections").then().statusCode(200)
                .body("items.name", contains("Closed", "Open"));
        as(other).get("/api/v1/collections").then().statusCode(200).body("items.size()", equalTo(0));

        // others cannot change either: 403 on the public one, 404 on the private one; nothing changes
        as(other).body(Map.of("name", "Mine now")).patch("/api/v1/collections/" + open).then().statusCode(403);
        as(other).body(Map.of("name", "Mine now")).patch("/api/v1/collections/" + closed).then().statusCode(404);
        as(other).body(Map.of("track_id", track)).post("/api/v1/collections/" + open + "/items").then().statusCode(403);
        as(other).delete("/api/v1/collections/" + open).then().statusCode(403);
        assertThat(TestDatabase.count("select count(*) from user_collections where user_id = ? and name like 'Mine%'",
                owner)).isZero();
    }

    @Test
    void addsMovesAndRemovesItemsKeepingPositionsDenseAndStatsRight() {
        long user = TestTokens.newUserId();
        long id = Library.collection(user, "Mix", false);
        long a = Library.track(100);
        long b = Library.track(200);
        long c = Library.track(300);
        long itemA = add(user, id, Map.of("track_id", a));
        add(user, id, Map.of("track_id", b));
        long itemC = add(user, id, Map.of("track_id", c, "position", 0));
        assertThat(tracksInOrder(id)).containsExactly(c, a, b);
        assertStats(id, 3, 600);

        // a repeat add answers the item where it is
        as(user).body(Map.of("track_id", a)).post("/api/v1/collections/" + id + "/items").then().statusCode(200)
                .body("id", equalTo((int) itemA)).body("position", equalTo(1));

        as(user).body(Map.of("position", 2)).patch("/api/v1/collections/" + id + "/items/" + itemC)
                .then().statusCode(200).body("position", equalTo(2));
        assertThat(tracksInOrder(id)).containsExactly(a, b, c);
        as(user).delete("/api/v1/collections/" + id + "/items/" + itemA).then().statusCode(204);
        assertThat(tracksInOrder(id)).containsExactly(b, c);
        assertPositionsDense(id);
        assertStats(id, 2, 500);
        as(user).get("/api/v1/collections/" + id + "/items?limit=1").then().statusCode(200)
                .body("items[0].track_id", equalTo(b)).body("items[0].available", equalTo(true));
    }

    @Test
    void refusesBadItemsAndWritesNothing() {
        long user = TestTokens.newUserId();
        long id = Library.collection(user, "Strict", false);
        long track = Library.track(100);
        long item = add(user, id, Map.of("track_id", track));
        long unknown = TestTokens.newUserId();
        as(user).body(Map.of("track_id", unknown)).post("/api/v1/collections/" + id + "/items")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("track_id"));
        as(user).body(Map.of("track_id", Library.track(5), "position", 5)).post("/api/v1/collections/" + id + "/items")
                .then().statusCode(422).body("errors[0].field", equalTo("position"));
        as(user).body(Map.of("track_id", -3)).post("/api/v1/collections/" + id + "/items")
                .then().statusCode(400).contentType("application/problem+json");
        as(user).body(Map.of("position", 1)).patch("/api/v1/collections/" + id + "/items/" + item)
                .then().statusCode(422).body("errors[0].field", equalTo("position"));
        as(user).body(Map.of("position", -1)).patch("/api/v1/collections/" + id + "/items/" + item)
                .then().statusCode(400);
        as(user).body(Map.of("position", 0)).patch("/api/v1/collections/" + id + "/items/" + (item + 999_999))
                .then().statusCode(404);
        assertStats(id, 1, 100);
    }

    @Test
    void twoClientsReorderingOneCollectionEndWithDensePositionsAndRightStats() throws Exception {
        long user = TestTokens.newUserId();
        long id = Library.collection(user, "Contended", false);
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(add(user, id, Map.of("track_id", Library.track(60 + i))));
        }
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int client = 0; client < 2; client++) {
                Callable<List<Integer>> reorder = () -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int move = 0; move < 25; move++) {
                        long item = items.get(ThreadLocalRandom.current().nextInt(items.size()));
                        int to = ThreadLocalRandom.current().nextInt(items.size());
                        statuses.add(as(user).body(Map.of("position", to))
                                .patch("/api/v1/collections/" + id + "/items/" + item).statusCode());
                    }
                    return statuses;
                };
                results.add(clients.submit(reorder));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).containsOnly(200);
            }
        } finally {
            clients.shutdown();
        }
        assertPositionsDense(id);
        assertStats(id, 8, 8 * 60 + 28);
    }

    private static long add(long user, long collection, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/collections/" + collection + "/items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static List<Long> tracksInOrder(long collection) {
        return TestDatabase.rows("select track_id from user_collection_items where collection_id = ? order by position",
                collection).stream().map(r -> ((Number) r.get("track_id")).longValue()).toList();
    }

    private static void assertPositionsDense(long collection) {
        List<Integer> positions = TestDatabase.rows(
                "select position from user_collection_items where collection_id = ? order by position", collection)
                .stream().map(r -> ((Number) r.get("position")).intValue()).toList();
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("position %d", i).isEqualTo(i);
        }
    }

    private static void assertStats(long collection, int count, long seconds) {
        Map<String, Object> stats = TestDatabase.rows(
                "select item_count, total_duration_seconds from user_collections where id = ?", collection).get(0);
        assertThat(((Number) stats.get("item_count")).intValue()).isEqualTo(count);
        assertThat(((Number) stats.get("total_duration_seconds")).longValue()).isEqualTo(seconds);
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON);
    }
}
