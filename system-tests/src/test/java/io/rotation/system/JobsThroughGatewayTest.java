package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Flow 7 as an admin's client sees it, through the gateway and real Kafka: a job created at analytics
 * runs at its owner (catalog, matching), and its progress streams on the WebSocket until it ends; a job that
 * cannot succeed is retried with back-off and then failed, with its attempts in the logs.
 */
class JobsThroughGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sample dump, relative to the folder `./rotation` gives catalog's imports by path. */
    private static final String SAMPLE_PATH = "discogs/discogs_20200806_releases.xml.gz";

    private final String admin = Gateway.adminToken();

    @Test
    void anAdminWatchesACatalogImportJobOnItsWebSocketUntilItCompletes() throws Exception {
        long id = create(Map.of("type", "catalog_import", "params", Map.of("path", SAMPLE_PATH)));

        List<JsonNode> messages = watch(id).get(5, TimeUnit.MINUTES);

        assertThat(messages.get(0).path("type").asText()).isEqualTo("snapshot");
        JsonNode end = messages.get(messages.size() - 1);
        assertThat(end.path("type").asText()).isEqualTo("end");
        assertThat(end.path("job").path("status").asText()).isEqualTo("completed");
        assertThat(end.path("job").path("owner_service").asText()).isEqualTo("catalog-service");
        JsonPath job = Gateway.as(admin).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getList("logs.message", String.class)).anyMatch(l -> l.startsWith("import "));
    }

    @Test
    void anAdminWatchesAMatchingJobOnItsWebSocketUntilItCompletes() throws Exception {
        long record = DiscogsSample.importAndFindStockholm(admin);
        long id = create(Map.of("type", "audio_matching", "params", Map.of("record_ids", List.of(record))));

        List<JsonNode> messages = watch(id).get(5, TimeUnit.MINUTES);

        JsonNode end = messages.get(messages.size() - 1);
        assertThat(end.path("type").asText()).isEqualTo("end");
        assertThat(end.path("job").path("status").asText()).isEqualTo("completed");
        assertThat(end.path("job").path("owner_service").asText()).isEqualTo("matching-service");
        JsonPath job = Gateway.as(admin).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getList("logs.message", String.class)).contains("1 releases queued for matching");
        assertThat(job.getMap("result")).containsKey("releases_matched");
    }

    @Test
    void aJobThatCannotSucceedIsRetriedThenFailedWithItsAttemptsLogged() throws Exception {
        long id = create(Map.of("type", "catalog_import", "params", Map.of("path", "discogs/no-such-dump.xml.gz"),
                "max_retries", 1));

        List<JsonNode> messages = watch(id).get(3, TimeUnit.MINUTES);

        JsonNode end = messages.get(messages.size() - 1);
        assertThat(end.path("type").asText()).isEqualTo("end");
        assertThat(end.path("job").path("status").asText()).isEqualTo("failed");
        JsonPath job = Gateway.as(admin).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(job.getString("error_message")).contains("path: must name a readable releases dump");
        List<String> lines = job.getList("logs.message", String.class);
        assertThat(lines).anyMatch(l -> l.startsWith("attempt 1 of 2 failed") && l.contains("retrying at"))
                .anyMatch(l -> l.startsWith("attempt 2 of 2 failed") && l.contains("no attempts left"));
    }

    @Test
    void theProgressSocketRefusesAListener() {
        String listener = Gateway.newListener().token();
        CompletableFuture<WebSocket> opened = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + listener)
                .buildAsync(URI.create(Gateway.URL.replaceFirst("^http", "ws") + "/api/v1/jobs/1/progress"),
                        new WebSocket.Listener() { });
        await().atMost(Duration.ofSeconds(20)).until(opened::isDone);
        assertThat(opened).isCompletedExceptionally();
    }

    private long create(Map<String, Object> body) {
        return Gateway.as(admin).body(body).post("/api/v1/jobs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Every message of the job's progress socket, complete when the server closes it. */
    private CompletableFuture<List<JsonNode>> watch(long id) {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<List<JsonNode>> closed = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + admin)
                .buildAsync(URI.create(Gateway.URL.replaceFirst("^http", "ws") + "/api/v1/jobs/" + id + "/progress"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    try {
                                        messages.add(JSON.readTree(partial.toString()));
                                    } catch (Exception e) {
                                        closed.completeExceptionally(e);
                                    }
                                    partial.setLength(0);
                                }
                                socket.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                                closed.complete(messages);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket socket, Throwable error) {
                                closed.completeExceptionally(error);
                            }
                        })
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        closed.completeExceptionally(error);
                    }
                });
        return closed;
    }
}
