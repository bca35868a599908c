package io.rotation.matching.platforms.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The platforms' HTTP: one non-blocking client; each call with its timeout, a 429 retried after its
 * Retry-After (up to a cap), a 5xx, timeout or broken connection retried with exponential back-off.
 * The answer of the last attempt is returned, whatever its status: adapters read quota errors themselves.
 */
@ApplicationScoped
public class PlatformHttp {

    private static final Logger LOG = Logger.getLogger(PlatformHttp.class);

    /** An answer: status and body (text). */
    public record Answer(int status, String body, String retryAfter) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A platform refused or did not answer after its retries. */
    public static class PlatformUnavailable extends RuntimeException {
        public PlatformUnavailable(String message) {
            super(message);
        }
    }

    private final WebClient client;

    public PlatformHttp(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Rotation/1.0 (+https://rotation.dev)")
                .setFollowRedirects(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public HttpRequest<Buffer> request(HttpMethod method, String absoluteUrl) {
        return client.requestAbs(method, absoluteUrl);
    }

    /**
     * Sends (a fresh request per attempt, from {@code request}), retrying 429s, 5xx answers, timeouts and
     * connection failures; fails with {@link PlatformUnavailable} when the retries run out.
     */
    public Uni<Answer> send(String what, PlatformsConfig.Client config, Supplier<Uni<HttpResponse<Buffer>>> request) {
        return attempt(what, config, request, 0);
    }

    private Uni<Answer> attempt(String what, PlatformsConfig.Client config,
                                Supplier<Uni<HttpResponse<Buffer>>> request, int attempt) {
        return request.get()
                .ifNoItem().after(config.timeout()).fail()
                .map(r -> new Answer(r.statusCode(), r.bodyAsString() == null ? "" : r.bodyAsString(),
                        r.getHeader("Retry-After")))
                .onFailure().recoverWithItem(e -> new Answer(-1, e.toString(), null))
                .chain(answer -> {
                    boolean retryable = answer.status() == 429 || answer.status() == -1 || answer.status() >= 500;
                    if (!retryable) {
                        return Uni.createFrom().item(answer);
                    }
                    if (attempt >= config.maxRetries()) {
                        return Uni.createFrom().failure(new PlatformUnavailable(what + ": "
                                + (answer.status() == -1 ? answer.body() : "answered " + answer.status())
                                + " after " + (attempt + 1) + " attempts"));
                    }
                    Duration wait = wait(answer, config, attempt);
                    if (wait == null) {
                        return Uni.createFrom().failure(new PlatformUnavailable(what + ": asked to wait "
                                + answer.retryAfter() + " s, longer than " + config.maxRetryAfter()));
                    }
                    LOG.debugf("%s: %s, retrying in %d ms", what, answer.status() == -1 ? answer.body()
                            : "answered " + answer.status(), wait.toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> attempt(what, config, request, attempt + 1));
                });
    }

    /** Retry-After (seconds) for a 429 when given, else the back-off; null when the platform asks too much. */
    static Duration wait(Answer answer, PlatformsConfig.Client config, int attempt) {
        Duration backoff = config.backoff().multipliedBy(1L << Math.min(attempt, 16));
        if (answer.status() != 429 || answer.retryAfter() == null) {
            return backoff;
        }
        try {
            Duration asked = Duration.ofSeconds(Math.max(0, Long.parseLong(answer.retryAfter().trim())));
            return asked.compareTo(config.maxRetryAfter()) > 0 ? null : asked;
        } catch (NumberFormatException e) {
            return backoff;
        }
    }
}
