package io.rotation.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.platform.health.DegradedPath;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.ratelimit.RateLimiter.Decision;
import io.rotation.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Enforces the {@link RateLimitRules} in every service before any resource runs: a request over a
 * rule's limit answers 429 problem+json with {@code Retry-After}; every limited request carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of its tightest
 * rule. A limited response that declared itself cacheable is marked {@code Cache-Control: private}: a
 * shared cache answering the next request would bypass the limit (a rule for every caller so turns the
 * gateway's copies off; a rule naming one caller only that caller's). Callers are told apart by user id
 * (token subject), client address (the gateway's X-Forwarded-For from a trusted proxy), the SHA-256 of an {@code X-Api-Key} header, or not at all
 * (global). Redis down means no limiting: the request passes, the outage is counted in
 * {@code rotation_degraded_total{path="rate-limit"}} and logged at most once a minute
 * ({@link DegradedPath}).
 */
public class RateLimitFilter {

    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";

    private final RateLimitRules rules;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final MeterRegistry registry;
    private final DegradedPath unenforced;

    public RateLimitFilter(RateLimitRules rules, RateLimiter limiter, CurrentIdentityAssociation identities,
                           MeterRegistry registry) {
        this.rules = rules;
        this.limiter = limiter;
        this.identities = identities;
        this.registry = registry;
        this.unenforced = new DegradedPath(registry, LOG, "rate-limit");
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || !rules.anyCovers(request.getMethod(), path)) {
            return Uni.createFrom().nullItem();
        }
        return callerIds(request, http).chain(ids -> {
            List<RateLimitRules.Applied> applied = rules.applicable(request.getMethod(), path, ids);
            if (applied.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            List<Uni<Decision>> checks = new ArrayList<>();
            applied.forEach(a -> checks.add(limiter.acquire(a.rule(), a.subject())));
            return Uni.join().all(checks).andFailFast()
                    .map(decisions -> verdict(request, decisions))
                    .onFailure().recoverWithItem(this::passWhileRedisIsDown);
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof Decision d && !response.getHeaders().containsKey("RateLimit-Limit")) {
            if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
                response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private");
            }
            response.getHeaders().putSingle("RateLimit-Limit", d.rule().maxRequests());
            response.getHeaders().putSingle("RateLimit-Remaining", d.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds());
        }
    }

    private Response verdict(ContainerRequestContext request, List<Decision> decisions) {
        Decision refused = decisions.stream().filter(d -> !d.allowed())
                .max(Comparator.comparingLong(Decision::resetSeconds)).orElse(null);
        if (refused == null) {
            request.setProperty(VERDICT, decisions.stream().min(Comparator.comparingLong(Decision::remaining)).orElseThrow());
            return null;
        }
        registry.counter("rotation_rate_limited_total", "rule", String.valueOf(refused.rule().id())).increment();
        Problem problem = Problem.of(ProblemType.TOO_MANY_REQUESTS, "more than " + refused.rule().maxRequests()
                + " requests in " + refused.rule().windowSeconds() + " s to " + refused.rule().endpointPattern()
                + " (rate-limit rule " + refused.rule().id() + "); try again in " + refused.resetSeconds() + " s");
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, refused.resetSeconds())
                .header("RateLimit-Limit", refused.rule().maxRequests())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", refused.resetSeconds()).build();
    }

    private Response passWhileRedisIsDown(Throwable e) {
        unenforced.taken("rate limits not enforced, requests pass: Redis did not answer", e);
        return null;
    }

    private Uni<Map<String, String>> callerIds(ContainerRequestContext request, HttpServerRequest http) {
        Map<String, String> ids = new HashMap<>();
        ids.put(RateLimitRule.GLOBAL, "all");
        if (http.remoteAddress() != null) {
            ids.put(RateLimitRule.IP, http.remoteAddress().hostAddress());
        }
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            ids.put(RateLimitRule.API_KEY, DigestUtils.sha256Hex(apiKey));
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                || rules.current().stream().noneMatch(r -> RateLimitRule.USER.equals(r.identifierType()))) {
            return Uni.createFrom().item(ids);
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            Long user = identity == null ? null : CurrentUser.idOf(identity);
            if (user != null) {
                ids.put(RateLimitRule.USER, String.valueOf(user));
            }
            return ids;
        });
    }
}
