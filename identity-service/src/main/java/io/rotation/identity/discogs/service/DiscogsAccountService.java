package io.rotation.identity.discogs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.rotation.identity.discogs.model.DiscogsAuthorization;
import io.rotation.identity.discogs.model.DiscogsTokenRequest;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Connects a user's Discogs account through Discogs' OAuth 1.0a flow: {@link #start} gets a request
 * token and answers the URL the user authorises it at; Discogs sends the browser back to the client
 * app's callback page with {@code oauth_token} and {@code oauth_verifier}, which {@link #complete}
 * exchanges for the access token, names the account through Discogs' identity endpoint and stores
 * encrypted. A started authorisation (request token and secret) waits in Redis for the user who
 * started it, for {@code pending-for}, and is used once. Tokens and secrets are never logged.
 */
@ApplicationScoped
public class DiscogsAccountService {

    private static final Logger LOG = Logger.getLogger(DiscogsAccountService.class);
    private static final String PENDING = "rotation:discogs-oauth:";

    private final DiscogsOAuthConfig config;
    private final DiscogsTokenService tokens;
    private final ReactiveValueCommands<String, String> pending;
    private final ObjectMapper json;

    public DiscogsAccountService(DiscogsOAuthConfig config, DiscogsTokenService tokens, ReactiveRedisDataSource redis,
                                 ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.pending = redis.value(String.class);
        this.json = json;
    }

    public Uni<DiscogsAuthorization> start(long userId) {
        OAuth10aService oauth = service();
        return blocking("getting a request token", oauth::getRequestToken)
                .call(requestToken -> pending.setex(PENDING + requestToken.getToken(), config.pendingFor().toSeconds(),
                        userId + ":" + requestToken.getTokenSecret()))
                .map(requestToken -> new DiscogsAuthorization(oauth.getAuthorizationUrl(requestToken),
                        requestToken.getToken(), config.pendingFor().toSeconds()));
    }

    public Uni<DiscogsTokenStatus> complete(long userId, String oauthToken, String verifier) {
        return pending.get(PENDING + oauthToken).chain(entry -> {
            int colon = entry == null ? -1 : entry.indexOf(':');
            if (colon < 0 || !entry.substring(0, colon).equals(String.valueOf(userId))) {
                // unknown, expired, used, or another user's (left for its user): all look alike
                throw ProblemException.invalidField("oauth_token", "is not an authorisation you started, or it expired");
            }
            OAuth10aService oauth = service();
            OAuth1RequestToken requestToken = new OAuth1RequestToken(oauthToken, entry.substring(colon + 1));
            // used once: a request token is worth nothing after its exchange, whatever Discogs answers
            return pending.getdel(PENDING + oauthToken).chain(() -> blocking("exchanging the verifier", () -> accessToken(oauth, requestToken, verifier))
                    .chain(access -> blocking("reading the account's identity", () -> username(oauth, access))
                            .chain(username -> tokens.put(userId, new DiscogsTokenRequest(access.getToken(),
                                    access.getTokenSecret(), username)))))
                    .chain(() -> tokens.status(userId));
        });
    }

    private static OAuth1AccessToken accessToken(OAuth10aService oauth, OAuth1RequestToken requestToken,
                                                 String verifier) throws Exception {
        try {
            return oauth.getAccessToken(requestToken, verifier);
        } catch (com.github.scribejava.core.exceptions.OAuthException e) {
            // Discogs refused the exchange (a wrong or used verifier): the client's input, not an outage
            throw ProblemException.invalidField("oauth_verifier", "was not accepted by Discogs");
        }
    }

    private String username(OAuth10aService oauth, OAuth1AccessToken access) throws Exception {
        OAuthRequest request = new OAuthRequest(Verb.GET, config.identityUrl());
        oauth.signRequest(access, request);
        try (Response response = oauth.execute(request)) {
            if (response.getCode() != 200) {
                throw new DiscogsUnavailable("Discogs answered " + response.getCode() + " to the identity request");
            }
            JsonNode identity = json.readTree(response.getBody());
            String username = identity.path("username").asText("");
            if (!username.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new DiscogsUnavailable("Discogs' identity answer has no username");
            }
            return username;
        }
    }

    private OAuth10aService service() {
        if (config.consumerKey().isEmpty() || config.consumerSecret().isEmpty()) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "connecting Discogs accounts is not configured here "
                    + "(ROTATION_DISCOGS_CONSUMER_KEY / ROTATION_DISCOGS_CONSUMER_SECRET); set a personal token instead");
        }
        return new ServiceBuilder(config.consumerKey().get()).apiSecret(config.consumerSecret().get())
                .callback(config.callbackUrl()).userAgent(config.userAgent()).build(new DiscogsOAuthApi(config));
    }

    /** Runs a blocking call to Discogs on a worker; failures other than problems become a 503 without secrets. */
    private static <T> Uni<T> blocking(String what, Callable<T> call) {
        return Uni.createFrom().item(() -> {
                    try {
                        return call.call();
                    } catch (ProblemException e) {
                        throw e;
                    } catch (Exception e) {
                        LOG.warnf("Discogs OAuth: %s failed: %s", what, e.getClass().getSimpleName());
                        throw new ProblemException(ProblemType.UNAVAILABLE, "Discogs could not be reached for " + what
                                + "; try again later");
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static final class DiscogsUnavailable extends Exception {
        DiscogsUnavailable(String message) {
            super(message);
        }
    }
}
