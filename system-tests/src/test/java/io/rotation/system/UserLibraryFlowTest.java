package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A listener's library across the suite, through the gateway and Kafka: a record imported into the
 * catalog reaches user-features' projection; a listener favourites its track and builds a public and
 * a private collection; another listener sees the public one only; the export holds it all, with
 * every service's part; erasure removes it all.
 */
class UserLibraryFlowTest {

    @Test
    void aListenersLibraryIsVisibleAsChosenExportedWholeAndErasedWhole() throws Exception {
        String admin = Gateway.adminToken();
        long record = DiscogsSample.importAndFindStockholm(admin);
        long track = Gateway.request().get("/api/v1/records/" + record).then().statusCode(200)
                .extract().jsonPath().getLong("tracks[0].id");
        Gateway.Listener owner = Gateway.newListener();
        Gateway.Listener other = Gateway.newListener();

        // the track reaches user-features' projection over Kafka
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Gateway.as(owner.token()).put("/api/v1/favorites/track/" + track).statusCode() == 201);
        long shared = collection(owner, "Shared " + owner.username(), true);
        long secret = collection(owner, "Secret " + owner.username(), false);
        for (long collection : List.of(shared, secret)) {
            Gateway.as(owner.token()).body(Map.of("track_id", track)).post("/api/v1/collections/" + collection + "/items")
                    .then().statusCode(201);
        }

        Gateway.as(other.token()).get("/api/v1/collections/" + shared).then().statusCode(200);
        assertThat(Gateway.as(other.token()).get("/api/v1/collections/" + shared + "/items").then().statusCode(200)
                .extract().jsonPath().getList("items.track_id", Long.class)).containsExactly(track);
        Gateway.as(other.token()).get("/api/v1/collections/" + secret).then().statusCode(404);
        Gateway.request().get("/api/v1/collections/" + secret).then().statusCode(404);
        assertThat(Gateway.as(other.token()).get("/api/v1/users/" + owner.id() + "/collections").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).containsExactly(shared);

        String export = Gateway.as(owner.token()).post("/api/v1/users/me/export").then().statusCode(202)
                .extract().path("id");
        // every service answers over Kafka; right after a crash test a group may still wait out a dead member's
        // session (45 s) before it consumes again. A timeout names the services still waited for.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Response progress = Gateway.as(owner.token()).get("/api/v1/users/me/export/" + export);
            assertThat(progress.statusCode()).as("export %s: %s", export, progress.asString()).isEqualTo(200);
        });
        JsonPath document = Gateway.as(owner.token()).get("/api/v1/users/me/export/" + export).then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getMap("services")).containsOnlyKeys("identity-service", "user-features-service",
                "analytics-service", "matching-service", "config-service");
        assertThat(document.getString("services.identity-service.account.username")).isEqualTo(owner.username());
        assertThat(document.getList("services.user-features-service.favorites.id", Long.class)).containsExactly(track);
        assertThat(document.getList("services.user-features-service.collections.name", String.class))
                .containsExactlyInAnyOrder("Shared " + owner.username(), "Secret " + owner.username());
        Gateway.as(other.token()).get("/api/v1/users/me/export/" + export).then().statusCode(404);

        Gateway.as(owner.token()).delete("/api/v1/users/" + owner.id()).then().statusCode(204);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Gateway.as(other.token()).get("/api/v1/collections/" + shared).statusCode() == 404);
        assertThat(Gateway.as(other.token()).get("/api/v1/users/" + owner.id() + "/collections").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Gateway.as(admin).queryParam("user_id", owner.id())
                .queryParam("action", "user_data_erased").get("/api/v1/audit-logs").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.service == 'user-features-service' }").isEmpty());
        Map<String, Object> counts = Gateway.as(admin).queryParam("user_id", owner.id())
                .queryParam("action", "user_data_erased").get("/api/v1/audit-logs").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.service == 'user-features-service' }.new_values");
        assertThat(counts).containsEntry("favorites", 1).containsEntry("user_collections", 2)
                .containsEntry("user_collection_items", 2).containsEntry("user_exports", 1)
                .containsEntry("user_export_parts", 5);
    }

    private static long collection(Gateway.Listener owner, String name, boolean isPublic) {
        return Gateway.as(owner.token()).body(Map.of("name", name, "is_public", isPublic))
                .post("/api/v1/collections").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
