package io.rotation.analytics.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommendations on a planted structure, through the consumers: plays and favourites as events, the
 * catalog as RecordUpserted. Record and user ids are fresh per run (the database is shared).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RecommendationsTest {

    private static final AtomicLong IDS = new AtomicLong(7_000_000_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    private static TestEvents events;

    @BeforeAll
    static void open() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void twoListenerGroupsWithDisjointTastesEachGetTheirOwnGroupsRecords() {
        List<Long> jazz = records(6);
        List<Long> techno = records(6);
        List<Long> jazzFans = users(5);
        List<Long> technoFans = users(5);
        // each fan plays four of their group's six records, a different four each
        for (int u = 0; u < 5; u++) {
            for (int k = 0; k < 4; k++) {
                play(jazzFans.get(u), jazz.get((u + k) % 6));
                play(technoFans.get(u), techno.get((u + k) % 6));
            }
        }
        long newJazzFan = user();
        play(newJazzFan, jazz.get(0));
        play(newJazzFan, jazz.get(1));
        long newTechnoFan = user();
        play(newTechnoFan, techno.get(3));
        awaitPlays(newTechnoFan, 1);
        awaitPlays(newJazzFan, 2);
        awaitPlays(technoFans.get(4), 4);

        List<Long> forJazz = recommendedTo(newJazzFan, 4);
        assertThat(forJazz).hasSize(4).allMatch(jazz::contains).doesNotContain(jazz.get(0), jazz.get(1));
        List<Long> forTechno = recommendedTo(newTechnoFan, 5);
        assertThat(forTechno).hasSize(5).allMatch(techno::contains).doesNotContain(techno.get(3));
        JsonPath page = given().auth().oauth2(TestTokens.user(newJazzFan)).get("/api/v1/recommendations?limit=4")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.score", Float.class)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(page.getList("items[0].reasons", String.class))
                .contains("listened to by people who play what you play");

        List<Long> likeJazz = given().auth().oauth2(TestTokens.user(newTechnoFan))
                .get("/api/v1/similar/records/" + jazz.get(2) + "?limit=3").then().statusCode(200)
                .extract().jsonPath().getList("items.record_id", Long.class);
        assertThat(likeJazz).hasSize(3).allMatch(jazz::contains).doesNotContain(jazz.get(2));
    }

    @Test
    void neverRecommendsWhatTheUserPlayedOrFavouritedAndReflectsANewPlay() {
        List<Long> shelf = records(3);
        List<Long> crowd = users(3);
        crowd.forEach(u -> shelf.forEach(r -> play(u, r)));
        long me = user();
        play(me, shelf.get(0));
        favorite(me, shelf.get(1));
        awaitPlays(crowd.get(2), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("""
                select count(*) from recommendation_data where user_id = ? and entity_type = 'record'""", me) == 2);

        List<Long> mine = recommendedTo(me, 50);
        assertThat(mine).contains(shelf.get(2)).doesNotContain(shelf.get(0), shelf.get(1));

        play(me, shelf.get(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> !recommendedTo(me, 50).contains(shelf.get(2)));
    }

    @Test
    void aNewUserGetsPopularAndCatalogPicksNeverAnEmptyList() {
        List<Long> catalog = records(3);
        long newcomer = user();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from catalog_records where record_id in (?, ?, ?)", catalog.toArray()) == 3);
        assertThat(recommendedTo(newcomer, 100)).as("the catalog has records").isNotEmpty();
        JsonPath page = given().auth().oauth2(TestTokens.user(newcomer)).get("/api/v1/recommendations?limit=3")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(3);
        assertThat(page.getList("items.reasons.flatten()", String.class))
                .allMatch(r -> Set.of("popular with listeners", "new in the catalog").contains(r));
    }

    @Test
    void answersBadInputWithAProblemNamingTheField() {
        String token = TestTokens.user(user());
        given().auth().oauth2(token).get("/api/v1/recommendations?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).get("/api/v1/recommendations?limit=many").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).get("/api/v1/similar/records/abc").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(token).get("/api/v1/similar/records/" + IDS.incrementAndGet()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/recommendations").then().statusCode(401);
    }

    private static List<Long> recommendedTo(long user, int limit) {
        return given().auth().oauth2(TestTokens.user(user)).get("/api/v1/recommendations?limit=" + limit)
                .then().statusCode(200).extract().jsonPath().getList("items.record_id", Long.class);
    }

    private static List<Long> records(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = IDS.incrementAndGet();
            ids.add(id);
            events.send(topic("catalog-records"), UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(id),
                    new RecordUpserted(id, null, "Artist " + id, "Title " + id, 1990, List.of("Test"),
                            List.of("Style " + id), List.of(), Instant.now(), List.of(), List.of()));
        }
        return ids;
    }

    private static long user() {
        return TestTokens.newUserId();
    }

    private static List<Long> users(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(user());
        }
        return ids;
    }

    private static void play(long user, long record) {
        long track = IDS.incrementAndGet();
        events.send(topic("plays"), UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(user),
                new PlayRecorded(IDS.incrementAndGet(), user, track, record, Instant.now().minusSeconds(5), 180_000,
                        BigDecimal.valueOf(95), "play", null, "test"));
    }

    private static void favorite(long user, long record) {
        events.send(topic("favorites"), UUID.randomUUID(), EventType.FAVORITE_ADDED, String.valueOf(user),
                new FavoriteChanged(user, "record", record, Instant.now()));
    }

    private static void awaitPlays(long user, int records) {
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count("""
                select count(*) from recommendation_data where user_id = ? and entity_type = 'record'""", user)
                >= records);
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }
}
