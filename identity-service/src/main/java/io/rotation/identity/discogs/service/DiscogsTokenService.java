package io.rotation.identity.discogs.service;

import io.rotation.identity.discogs.model.DiscogsCredentials;
import io.rotation.identity.discogs.model.DiscogsTokenRequest;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.rotation.identity.discogs.model.StoreDiscogsCredentials;
import io.rotation.identity.discogs.repository.DiscogsTokenRepository;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A user's Discogs token: stored encrypted, never shown, logged or announced. */
@ApplicationScoped
public class DiscogsTokenService {

    private final DiscogsTokenRepository tokens;
    private final DiscogsTokenKey key;

    public DiscogsTokenService(DiscogsTokenRepository tokens, DiscogsTokenKey key) {
        this.tokens = tokens;
        this.key = key;
    }

    public Uni<Void> put(long userId, DiscogsTokenRequest request) {
        return tokens.put(userId, request.username(), request.token().trim(),
                        request.tokenSecret() == null ? null : request.tokenSecret().trim(), key.version())
                .onFailure(PgException.class).transform(e -> translate((PgException) e));
    }

    public Uni<Void> delete(long userId) {
        return tokens.delete(userId);
    }

    /** The user's token in plain text (null without one), for identity's own calls to Discogs. */
    public Uni<DiscogsCredentials> credentials(long userId) {
        return tokens.credentials(userId);
    }

    /** The token a store syncs with (its owner's, else a manager's); 404 problem when none of them has one. */
    public Uni<StoreDiscogsCredentials> forStore(long storeId) {
        return tokens.storeTokenHolder(storeId).chain(userId -> {
            if (userId == null) {
                throw ProblemException.notFound("a Discogs token of the owner or a manager of store " + storeId);
            }
            return tokens.credentials(userId).chain(c -> tokens.status(userId).map(status -> {
                if (c == null) {
                    throw ProblemException.notFound("a Discogs token of the owner or a manager of store " + storeId);
                }
                return new StoreDiscogsCredentials(storeId, userId, status.username(), c.token(), c.tokenSecret());
            }));
        });
    }

    public Uni<DiscogsTokenStatus> status(long userId) {
        return tokens.status(userId);
    }

    /** Database errors without their parameters (they would carry the token). */
    private static RuntimeException translate(PgException e) {
        if ("23505".equals(e.getSqlState())) {
            return new ProblemException(Problem.of(ProblemType.CONFLICT, "username is already linked to another account",
                    List.of(new Problem.FieldError("username", "is already linked to another account"))));
        }
        if ("23503".equals(e.getSqlState())) {
            return ProblemException.notFound("user");
        }
        return new IllegalStateException("storing a Discogs token failed: SQLSTATE " + e.getSqlState());
    }
}
