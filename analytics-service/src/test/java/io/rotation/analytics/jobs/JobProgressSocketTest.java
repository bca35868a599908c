package io.rotation.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /api/v1/jobs/{id}/progress: a job's progress streamed live to an admin until the job ends. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class JobProgressSocketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void streamsAJobsProgressLiveToAnAdminAndClosesWhenItEnds() throws Exception {
        long id = JobsTest.pendingJob("cache_warmup", "{\"steps\": 30, \"step_ms\": 100}");
        Messages messages = new Messages();
        connect(id, TestTokens.admin(1), messages);

        int closeCode = messages.closed.get(60, TimeUnit.SECONDS);
        assertThat(closeCode).isEqualTo(WebSocket.NORMAL_CLOSURE);
        List<JsonNode> received = messages.parsed();
        assertThat(received.get(0).get("type").asText()).isEqualTo("snapshot");
        JsonNode last = received.get(received.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("end");
        assertThat(last.at("/job/status").asText()).isEqualTo("completed");
        assertThat(last.at("/job/progress_percent").asDouble()).isEqualTo(100.0);
        List<Double> percents = received.stream().filter(m -> "progress".equals(m.get("type").asText()))
                .map(m -> m.at("/job/progress_percent").asDouble()).toList();
        assertThat(percents.stream().filter(p -> p > 0 && p < 100).count())
                .as("progress seen while running: %s", percents).isGreaterThanOrEqualTo(3);
        assertThat(percents).isSorted();
        List<String> lines = received.stream().flatMap(m -> JSON.convertValue(m.get("logs"), List.class).stream())
                .map(l -> ((java.util.Map<?, ?>) l).get("message").toString()).toList();
        assertThat(lines).contains("30 steps done", "completed").doesNotHaveDuplicates();
    }

    @Test
    void anUnknownJobGetsAnErrorAndTheClose() throws Exception {
        Messages messages = new Messages();
        connect(9_000_000_000L, TestTokens.admin(1), messages);
        messages.closed.get(30, TimeUnit.SECONDS);
        assertThat(messages.parsed()).singleElement()
                .satisfies(m -> assertThat(m.get("status").asInt()).isEqualTo(404));
    }

    @Test
    void refusesTheUpgradeWithoutAnAdminToken() {
        assertThatThrownBy(() -> connect(1, null, new Messages())).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> connect(1, TestTokens.user(7), new Messages())).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    private void connect(long id, String token, Messages listener) throws ExecutionException, InterruptedException {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/api/v1/jobs/" + id + "/progress");
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            builder.buildAsync(uri, listener).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Messages implements WebSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }

        List<JsonNode> parsed() {
            return texts.stream().map(t -> {
                try {
                    return JSON.readTree(t);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
