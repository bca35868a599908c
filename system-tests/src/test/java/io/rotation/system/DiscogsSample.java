package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The Discogs releases sample (deploy/local/data/discogs), imported through catalog's import API. */
final class DiscogsSample {

    static final Path SAMPLE = Path.of("..", "deploy", "local", "data", "discogs",
            "discogs_20200806_releases.xml.gz");

    private DiscogsSample() {
    }

    /** Imports the sample (an upsert: again is harmless) and answers the record id of release 1. */
    static long importAndFindStockholm(String admin) throws Exception {
        assertThat(SAMPLE).as("the Discogs sample in deploy/local/data/discogs").exists();
        long job = Gateway.as(admin).contentType("application/gzip").body(Files.readAllBytes(SAMPLE))
                .post("/api/v1/imports").then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> List.of("completed", "failed").contains(Gateway.as(admin).get("/api/v1/imports/" + job)
                        .then().statusCode(200).extract().<String>path("status")));
        assertThat(Gateway.as(admin).get("/api/v1/imports/" + job).then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("completed");
        // Discogs release 1: The Persuader – Stockholm (Svek, 1999); the database may hold look-alikes
        // written by other tests, hence the narrow filters and the look-up by release id
        JsonPath found = Gateway.request().queryParam("q", "Stockholm").queryParam("label", "Svek")
                .queryParam("year_from", 1999).queryParam("year_to", 1999).queryParam("limit", 100)
                .get("/api/v1/records").then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("items.discogs_release_id", Long.class)).contains(1L);
        return found.getLong("items.find { it.discogs_release_id == 1 }.id");
    }
}
