package io.rotation.catalog.discogs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.rotation.catalog.discogs.api.model.InventoryPage;
import io.rotation.catalog.discogs.api.model.Listing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The Discogs REST API for the store sync: a seller's inventory page by page and releases by id,
 * every request through the shared {@link RateGate}, a 429 retried after its Retry-After (or an
 * exponential back-off), a 5xx or a broken connection retried the same way. Blocking: call it from
 * a worker thread.
 */
@ApplicationScoped
public class DiscogsClient {

    private static final Logger LOG = Logger.getLogger(DiscogsClient.class);

    private final DiscogsConfig config;
    private final ObjectMapper mapper;
    private final DiscogsApi api;
    private final RateGate gate;

    public DiscogsClient(DiscogsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .register(new DiscogsHeaders(config.userAgent(), config.token().orElse(null)))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(DiscogsApi.class);
        DiscogsConfig.RateLimit limit = config.rateLimit();
        this.gate = new RateGate(limit.requests(), limit.window(), limit.lowRemaining(), limit.maxWait(),
                Clock.systemUTC(), d -> Thread.sleep(Math.max(1, d.toMillis())));
    }

    @PreDestroy
    void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the Discogs client", e);
            }
        }
    }

    /** One page of {@code username}'s inventory ({@code per_page} from config) with the service's token. */
    public InventoryPage inventory(String username, int page, RequestCounters counters) {
        return inventory(username, page, url -> null, counters);
    }

    /**
     * One page of {@code username}'s inventory, authorised by {@code authorization} (the header for
     * the request's URL: a store's own token; null for the service's).
     */
    public InventoryPage inventory(String username, int page, UnaryOperator<String> authorization,
                                   RequestCounters counters) {
        String what = "inventory of " + username + " page " + page;
        String url = config.baseUrl().replaceAll("/+$", "") + "/users/" + username + "/inventory?page=" + page
                + "&per_page=" + config.perPage();
        Answer answer = call(what, () -> api.inventory(username, page, config.perPage(), authorization.apply(url)),
                counters);
        if (answer.status() == 404) {
            throw new DiscogsException("Discogs has no user " + username);
        }
        answer.requireOk(what);
        return inventoryPage(parse(what, answer.body()), page);
    }

    /** The release as Discogs gives it, or empty when Discogs does not know it (404). */
    public Optional<JsonNode> release(long releaseId, RequestCounters counters) {
        String what = "release " + releaseId;
        Answer answer = call(what, () -> api.release(releaseId), counters);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        answer.requireOk(what);
        return Optional.of(parse(what, answer.body()));
    }

    private record Answer(int status, String body) {

        void requireOk(String what) {
            if (status / 100 != 2) {
                throw new DiscogsException("Discogs answered " + status + " to " + what);
            }
        }
    }

    private Answer call(String what, Supplier<Response> request, RequestCounters counters) {
        int maxRetries = config.rateLimit().maxRetries();
        for (int attempt = 0; ; attempt++) {
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscogsException("interrupted before " + what, e);
            }
            counters.request();
            Response answered;
            try {
                answered = request.get();
            } catch (WebApplicationException e) {
                answered = e.getResponse();
            } catch (ProcessingException e) {
                if (attempt >= maxRetries) {
                    throw new DiscogsException("Discogs unreachable for " + what + ": " + e.getMessage(), e);
                }
                LOG.warnf("Discogs unreachable for %s (%s), retrying", what, e.getMessage());
                gate.pause(backoff(attempt));
                continue;
            }
            try (Response response = answered) {
                gate.observe(intHeader(response, "X-Discogs-Ratelimit"),
                        intHeader(response, "X-Discogs-Ratelimit-Remaining"));
                int status = response.getStatus();
                if (status == 429 || status >= 500) {
                    if (status == 429) {
                        counters.rateLimited();
                    }
                    if (attempt >= maxRetries) {
                        throw new DiscogsException("Discogs answered " + status + " to " + what + " "
                                + (attempt + 1) + " times");
                    }
                    Duration wait = status == 429 ? retryAfter(response).orElse(backoff(attempt)) : backoff(attempt);
                    LOG.infof("Discogs answered %d to %s, retrying in %d ms", status, what, wait.toMillis());
                    gate.pause(wait);
                    continue;
                }
                return new Answer(status, response.hasEntity() ? response.readEntity(String.class) : "");
            }
        }
    }

    private Duration backoff(int attempt) {
        return config.rateLimit().backoff().multipliedBy(1L << Math.min(attempt, 16));
    }

    /** Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(Instant.now(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unparsable) {
                return Optional.empty();
            }
        }
    }

    private static Integer intHeader(Response response, String name) {
        String value = response.getHeaderString(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode parse(String what, String body) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || !json.isObject()) {
                throw new DiscogsException("Discogs answered " + what + " with something else than a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new DiscogsException("Discogs answered " + what + " with malformed JSON");
        }
    }

    /** Reads a page; a listing without id, release id, price or condition is reported, not thrown. */
    static InventoryPage inventoryPage(JsonNode json, int requestedPage) {
        JsonNode pagination = json.path("pagination");
        int page = pagination.path("page").asInt(requestedPage);
        int pages = pagination.path("pages").asInt(page);
        List<Listing> listings = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        List<Long> malformedIds = new ArrayList<>();
        for (JsonNode l : json.path("listings")) {
            long id = l.path("id").asLong(0);
            long releaseId = l.path("release").path("id").asLong(0);
            JsonNode price = l.path("price");
            if (id <= 0 || releaseId <= 0 || !price.path("value").isNumber() || !l.path("condition").isTextual()) {
                malformed.add("listing " + (id > 0 ? id : "without id") + ": needs id, release.id, price.value and "
                        + "condition");
                if (id > 0) {
                    malformedIds.add(id);
                }
                continue;
            }
            listings.add(new Listing(id, l.path("status").asText(""), price.path("value").decimalValue(),
                    price.path("currency").asText(""), l.path("allow_offers").asBoolean(false),
                    l.path("condition").asText(), text(l, "sleeve_condition"), posted(text(l, "posted")),
                    text(l, "ships_from"), text(l, "comments"), releaseId, text(l.path("release"), "artist"),
                    text(l.path("release"), "title")));
        }
        return new InventoryPage(page, Math.max(pages, page), listings, malformed, malformedIds);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }

    private static Instant posted(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
