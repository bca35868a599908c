package io.rotation.userfeatures.favorite;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Events;
import io.rotation.userfeatures.Library;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class FavoriteResourceTest {

    @Test
    void favoritesATrackOnceAndAnnouncesItOnce() {
        long user = TestTokens.newUserId();
        long track = Library.track(200);
        try (KafkaTail tail = Events.tail(Topics.USER_FEATURES_FAVORITES)) {
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track)
                    .then().statusCode(201).body("type", equalTo("track")).body("id", equalTo(track))
                    .body("available", equalTo(true));
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track)
                    .then().statusCode(200).body("id", equalTo(track));

            List<ConsumerRecord<String, byte[]>> added = tail.await(Events.of(EventType.FAVORITE_ADDED, user), 1,
                    Duration.ofSeconds(20));
            assertThat(Events.data(added.get(0)).get("item_id").asLong()).isEqualTo(track);
            assertThat(Events.data(added.get(0)).get("item_type").asText()).isEqualTo("track");
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(Events.of(EventType.FAVORITE_ADDED, user)))
                    .hasSize(1);
        }
        assertThat(TestDatabase.count("select count(*) from favorites where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void removesAFavoriteIdempotentlyAndAnnouncesTheRemovalOnce() {
        long user = TestTokens.newUserId();
        long track = Library.track(100);
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track).then().statusCode(201);
        try (KafkaTail tail = Events.tail(Topics.USER_FEATURES_FAVORITES)) {
            given().auth().oauth2(TestTokens.user(user)).delete("/api/v1/favorites/track/" + track)
                    .then().statusCode(204);
            given().auth().oauth2(TestTokens.user(user)).delete("/api/v1/favorites/track/" + track)
                    .then().statusCode(204);
            assertThat(tail.await(Events.of(EventType.FAVORITE_REMOVED, user), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(Events.of(EventType.FAVORITE_REMOVED, user)))
                    .hasSize(1);
        }
        assertThat(TestDatabase.count("select count(*) from favorites where user_id = ?", user)).isZero();
    }

    @Test
    void refusesAFavoriteOfSomethingThatDoesNotExistAndWritesNothing() {
        long user = TestTokens.newUserId();
        long unknown = TestTokens.newUserId();
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/record/" + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("record " + unknown + " does not exist or is no longer available"));
        long closedStore = TestTokens.newUserId();
        Library.store(closedStore, "suspended");
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/store/" + closedStore)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/playlist/5")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        assertThat(TestDatabase.count("select count(*) from favorites where user_id = ?", user)).isZero();
    }

    @Test
    void listsOnlyTheCallersFavoritesNewestFirstInPages() {
        long user = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        long first = Library.track(10);
        long second = Library.track(20);
        long record = Library.recordOf(first);
        long match = Library.match(first, "verified");
        for (String path : List.of("track/" + first, "track/" + second, "record/" + record, "audio_match/" + match)) {
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/" + path).then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.user(other)).put("/api/v1/favorites/track/" + first).then().statusCode(201);

        String cursor = given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?limit=3")
                .then().statusCode(200).body("items.type", contains("audio_match", "record", "track"))
                .body("items[2].id", equalTo(second)).body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?limit=3&cursor=" + cursor)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(first))
                .body("next_cursor", nullValue());
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?type=track")
                .then().statusCode(200).body("items.id", contains(second, first));
        given().auth().oauth2(TestTokens.user(other)).get("/api/v1/favorites")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?type=song")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void keepsAFavoriteWhoseTrackWentAwayAndShowsItUnavailable() {
        long user = TestTokens.newUserId();
        long track = Library.track(30);
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track).then().statusCode(201);
        TestDatabase.update("update catalog_tracks set available = false where track_id = ?", track);

        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/favorites?type=track")
                .then().statusCode(200).body("items[0].id", equalTo(track)).body("items[0].available", equalTo(false));
        // already a favorite: the repeat still answers it
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track).then().statusCode(200);
    }
}
