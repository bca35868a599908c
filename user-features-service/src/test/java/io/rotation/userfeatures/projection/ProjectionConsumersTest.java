package io.rotation.userfeatures.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.matching.MatchCreated;
import io.rotation.contracts.matching.MatchStatusChanged;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The projections follow their owners' events, and references follow what went away. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ProjectionConsumersTest {

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
    void projectsARecordsTracksAndMarksATrackItDropsUnavailable() {
        long record = TestTokens.newUserId();
        long kept = TestTokens.newUserId();
        long dropped = TestTokens.newUserId();
        String topic = Events.channelTopic("catalog-records");
        Instant t0 = Instant.now().minusSeconds(60);
        sendTrack(topic, UUID.randomUUID(), new TrackUpserted(kept, record, null, "A1", 0, "Kept", "Artist", 200, t0,
                List.of(), false));
        UUID droppedEvent = UUID.randomUUID();
        sendTrack(topic, droppedEvent, new TrackUpserted(dropped, record, null, "A2", 1, "Dropped", "Artist", 100, t0,
                List.of(), false));
        events.send(topic, UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(record), new RecordUpserted(
                record, null, "Artist", "Title", 1999, List.of(), List.of(), List.of(kept, dropped), t0,
                List.of(), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> available(dropped) == Boolean.TRUE);
        long user = TestTokens.newUserId();
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + dropped).then().statusCode(201);
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/record/" + record).then().statusCode(201);

        // the record's new version lists one track: the other goes unavailable, and so does its favorite
        events.send(topic, UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(record), new RecordUpserted(
                record, null, "Artist", "Title", 1999, List.of(), List.of(), List.of(kept), Instant.now(),
                List.of(), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> available(dropped) == Boolean.FALSE);
        assertThat(available(kept)).isTrue();
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?type=track").then().statusCode(200)
                .body("items[0].available", equalTo(false));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).put("/api/v1/favorites/track/" + dropped)
                .then().statusCode(404);
        // a replayed old TrackUpserted (same event id) changes nothing
        sendTrack(topic, droppedEvent, new TrackUpserted(dropped, record, null, "A2", 1, "Dropped", "Artist", 100, t0,
                List.of(), false));
        long sentinel = TestTokens.newUserId();
        sendTrack(topic, UUID.randomUUID(), new TrackUpserted(sentinel, record, null, "B1", 2, "Later", "Artist", 1,
                Instant.now(), List.of(), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> available(sentinel) != null);
        assertThat(available(dropped)).isFalse();
    }

    @Test
    void projectsStoresUsersAndMatchesAndTheirDepartures() {
        long store = TestTokens.newUserId();
        long user = TestTokens.newUserId();
        long match = TestTokens.newUserId();
        long track = TestTokens.newUserId();
        events.send(Events.channelTopic("identity-stores"), UUID.randomUUID(), EventType.STORE_CHANGED,
                String.valueOf(store), new StoreChanged(store, "created", "Shop", "shop-" + store, null, "active",
                        null, Instant.now().minusSeconds(5), null));
        events.send(Events.channelTopic("identity-users"), UUID.randomUUID(), EventType.USER_REGISTERED,
                String.valueOf(user), new UserRegistered(user, "u" + user, "general_user", Instant.now()));
        String matches = Events.channelTopic("matching-matches");
        events.send(matches, UUID.randomUUID(), EventType.MATCH_CREATED, String.valueOf(track), new MatchCreated(match,
                track, null, "youtube", "x", "https://youtube.com/watch?v=x", "t", 200, 0.9, "auto_approved", true,
                Instant.now().minusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from known_stores where store_id = ?", store)
                        + TestDatabase.count("select count(*) from known_users where user_id = ?", user)
                        + TestDatabase.count("select count(*) from known_audio_matches where match_id = ?", match) == 3);
        long fan = TestTokens.newUserId();
        given().auth().oauth2(TestTokens.user(fan)).put("/api/v1/follows/store/" + store).then().statusCode(201);
        given().auth().oauth2(TestTokens.user(fan)).put("/api/v1/follows/user/" + user).then().statusCode(201);
        given().auth().oauth2(TestTokens.user(fan)).put("/api/v1/favorites/audio_match/" + match).then().statusCode(201);

        events.send(Events.channelTopic("identity-stores"), UUID.randomUUID(), EventType.STORE_CHANGED,
                String.valueOf(store), new StoreChanged(store, "status_changed", "Shop", "shop-" + store, null,
                        "suspended", null, Instant.now(), null));
        events.send(matches, UUID.randomUUID(), EventType.MATCH_STATUS_CHANGED, String.valueOf(track),
                new MatchStatusChanged(match, track, null, "youtube", "auto_approved", "rejected", false, "bad",
                        null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from known_stores where store_id = ? and status = 'suspended'", store)
                        + TestDatabase.count("select count(*) from known_audio_matches where match_id = ? "
                        + "and status = 'rejected'", match) == 2);
        // marked unavailable, not removed: the store may come back
        given().auth().oauth2(TestTokens.user(fan)).get("/api/v1/follows?type=store").then().statusCode(200)
                .body("items[0].available", equalTo(false));
        given().auth().oauth2(TestTokens.user(fan)).get("/api/v1/favorites?type=audio_match").then().statusCode(200)
                .body("items[0].available", equalTo(false));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).put("/api/v1/follows/store/" + store)
                .then().statusCode(404);
    }

    private static void sendTrack(String topic, UUID id, TrackUpserted track) {
        events.send(topic, id, EventType.TRACK_UPSERTED, String.valueOf(track.recordId()), track);
    }

    private static Boolean available(long track) {
        var rows = TestDatabase.rows("select available from catalog_tracks where track_id = ?", track);
        return rows.isEmpty() ? null : (Boolean) rows.get(0).get("available");
    }
}
