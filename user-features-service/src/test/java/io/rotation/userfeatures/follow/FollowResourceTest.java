package io.rotation.userfeatures.follow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.catalog.InventoryChanged;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Events;
import io.rotation.userfeatures.Library;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class FollowResourceTest {

    @Test
    void followsAStoreAndAUserOnceEachAndAnnouncesItOnce() {
        long user = TestTokens.newUserId();
        long store = TestTokens.newUserId();
        long friend = TestTokens.newUserId();
        Library.store(store, "active");
        Library.user(friend);
        try (KafkaTail tail = Events.tail(Topics.USER_FEATURES_FOLLOWS)) {
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/store/" + store).then().statusCode(201)
                    .body("type", equalTo("store")).body("notifications_enabled", equalTo(true));
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/store/" + store).then().statusCode(200);
            given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/user/" + friend).then().statusCode(201);
            assertThat(tail.await(Events.of(EventType.FOLLOW_ADDED, user), 2, Duration.ofSeconds(20))).hasSize(2);
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(Events.of(EventType.FOLLOW_ADDED, user)))
                    .hasSize(2);

            given().auth().oauth2(TestTokens.user(user)).get("/api/v1/follows").then().statusCode(200)
                    .body("items.type", contains("user", "store"));
            given().auth().oauth2(TestTokens.user(friend)).get("/api/v1/follows/user/" + friend + "/followers")
                    .then().statusCode(200).body("items.user_id", contains(user));
            given().auth().oauth2(TestTokens.manager(TestTokens.newUserId(), Set.of(store)))
                    .get("/api/v1/follows/store/" + store + "/followers").then().statusCode(200)
                    .body("items.user_id", contains(user));
            given().auth().oauth2(TestTokens.user(TestTokens.newUserId()))
                    .get("/api/v1/follows/user/" + friend + "/followers").then().statusCode(403)
                    .contentType("application/problem+json");

            given().auth().oauth2(TestTokens.user(user)).delete("/api/v1/follows/user/" + friend).then().statusCode(204);
            given().auth().oauth2(TestTokens.user(user)).delete("/api/v1/follows/user/" + friend).then().statusCode(204);
            assertThat(tail.await(Events.of(EventType.FOLLOW_REMOVED, user), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(Events.of(EventType.FOLLOW_REMOVED, user)))
                    .hasSize(1);
        }
    }

    @Test
    void refusesFollowingYourselfOrNobodyAndWritesNothing() {
        long user = TestTokens.newUserId();
        Library.user(user);
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/user/" + user)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/user/" + TestTokens.newUserId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/follows/record/5")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from user_follows where follower_id = ?", user)).isZero();
    }

    @Test
    void tellsAStoresFollowersOnceWhenItListsACopyForSale() {
        long store = TestTokens.newUserId();
        long listener = TestTokens.newUserId();
        long quiet = TestTokens.newUserId();
        Library.store(store, "active");
        given().auth().oauth2(TestTokens.user(listener)).put("/api/v1/follows/store/" + store).then().statusCode(201);
        given().auth().oauth2(TestTokens.user(quiet)).put("/api/v1/follows/store/" + store).then().statusCode(201);
        TestDatabase.update("insert into user_preferences (user_id, store_listing_notifications) values (?, false)", quiet);

        String topic = Events.channelTopic("catalog-inventory");
        UUID eventId = UUID.randomUUID();
        long inventory = TestTokens.newUserId();
        InventoryChanged listed = new InventoryChanged(inventory, store, 77, null, "Mint (M)", null,
                new BigDecimal("25.00"), "EUR", "active", Instant.now());
        try (TestEvents events = new TestEvents();
             KafkaTail tail = Events.tail(Topics.USER_FEATURES_NOTIFICATIONS)) {
            events.send(topic, eventId, EventType.INVENTORY_LISTED, String.valueOf(inventory), listed);
            events.send(topic, eventId, EventType.INVENTORY_LISTED, String.valueOf(inventory), listed);
            List<ConsumerRecord<String, byte[]>> told = tail.await(
                    Events.of(EventType.FOLLOWED_STORE_LISTED, listener), 1, Duration.ofSeconds(30));
            assertThat(Events.data(told.get(0)).get("inventory_id").asLong()).isEqualTo(inventory);
            assertThat(Events.data(told.get(0)).get("store_id").asLong()).isEqualTo(store);
            assertThat(tail.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> Events.type(r).equals(EventType.FOLLOWED_STORE_LISTED.type()))
                    .filter(r -> r.key().equals(String.valueOf(listener)) || r.key().equals(String.valueOf(quiet))))
                    .hasSize(1);
        }
    }
}
