package io.rotation.identity.auth.service;

import io.rotation.identity.auth.repository.RefreshTokenRepository;
import io.rotation.identity.auth.repository.RefreshTokenRepository.Presented;
import io.rotation.identity.auth.service.TokenIssuer.TokenPair;
import io.rotation.identity.user.model.User;
import io.rotation.identity.user.model.UserRole;
import io.rotation.identity.user.repository.UserRepository;
import io.rotation.identity.user.service.PasswordHasher;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.security.RevokedSubjects;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks credentials and issues token pairs; rotates refresh tokens. Unknown user, wrong password
 * and inactive look alike. A refresh token presented a second time revokes its whole family.
 */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final RefreshTokenRepository refreshTokens;
    private final Pool pool;
    private final Duration refreshTtl;
    private final UnknownLoginLimiter unknownLogins;
    private final AddressLoginLimiter addresses;
    private final int maxFailures;
    private final Duration failureWindow;
    private final Duration lockDuration;
    private final RevokedSubjects revoked;

    public LoginService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens,
                        RefreshTokenRepository refreshTokens, Pool pool,
                        @ConfigProperty(name = "rotation.jwt.refresh-token-ttl") Duration refreshTtl,
                        UnknownLoginLimiter unknownLogins, AddressLoginLimiter addresses,
                        @ConfigProperty(name = "rotation.login.max-failures") int maxFailures,
                        @ConfigProperty(name = "rotation.login.failure-window") Duration failureWindow,
                        @ConfigProperty(name = "rotation.login.lock-duration") Duration lockDuration,
                        RevokedSubjects revoked) {
        this.revoked = revoked;
        this.unknownLogins = unknownLogins;
        this.addresses = addresses;
        this.maxFailures = maxFailures;
        this.failureWindow = failureWindow;
        this.lockDuration = lockDuration;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.pool = pool;
        this.refreshTtl = refreshTtl;
    }

    /**
     * Unknown name, wrong password and inactive account answer the same 401; a name with too many
     * recent failures answers 429 whether or not it names an account (unknown names are counted in
     * Redis by {@link UnknownLoginLimiter}, accounts in their row), and so does a client address
     * with too many recent failures ({@link AddressLoginLimiter}), whatever the name and password.
     */
    public Uni<TokenPair> login(String login, String password, String clientAddress) {
        String name = login.trim();
        // the account is read first, on the event loop (Hibernate Reactive); only Redis and the pool follow
        return users.findByLogin(name).chain(user -> addresses.lockedFor(clientAddress).chain(remaining -> {
            if (remaining != null) {
                return Uni.createFrom().<TokenPair>failure(new LoginLocked(remaining));
            }
            return user == null ? unknown(name, password, clientAddress) : known(user, password, clientAddress);
        }));
    }

    private Uni<TokenPair> unknown(String name, String password, String clientAddress) {
        return unknownLogins.lockedFor(name).chain(remaining -> {
            if (remaining != null) {
                return Uni.createFrom().<TokenPair>failure(new LoginLocked(remaining));
            }
            return Uni.createFrom().item(() -> {
                        hasher.burnVerification(password);
                        return name;
                    }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(() -> unknownLogins.recordFailure(name))
                    .chain(() -> addresses.recordFailure(clientAddress))
                    .chain(() -> Uni.createFrom().<TokenPair>failure(invalid()));
        });
    }

    private Uni<TokenPair> known(User user, String password, String clientAddress) {
        Instant now = Instant.now();
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            return Uni.createFrom().<TokenPair>failure(new LoginLocked(Duration.between(now, user.lockedUntil)));
        }
        return Uni.createFrom().item(() -> hasher.matches(password, user.passwordHash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                // the Vert.x pool from here on: this runs on the worker that verified the password
                .chain(matches -> {
                    if (!matches) {
                        return users.recordFailedLogin(user.id, failureWindow, maxFailures, lockDuration)
                                .chain(() -> addresses.recordFailure(clientAddress))
                                .chain(() -> Uni.createFrom().<TokenPair>failure(invalid()));
                    }
                    if (!user.active) {
                        return Uni.createFrom().<TokenPair>failure(invalid());
                    }
                    return pool.withTransaction(c -> users.recordLogin(c, user.id)
                            .chain(() -> pair(c, user.id, user.username, user.role, UUID.randomUUID())));
                });
    }

    /** A new pair for a valid, unused refresh token; the presented one is used up. */
    public Uni<TokenPair> refresh(String presentedToken) {
        return pool.withTransaction(c -> refreshTokens.findForUpdate(c, presentedToken).chain(t -> {
            if (t == null || t.revokedAt() != null || !t.expiresAt().isAfter(Instant.now())) {
                return Uni.createFrom().item((TokenPair) null);
            }
            if (t.usedAt() != null || !t.userActive()) {
                // reuse after rotation: someone holds a copy; end the whole family (committed, then 401)
                return refreshTokens.revokeFamily(c, t.familyId()).replaceWith((TokenPair) null);
            }
            return refreshTokens.markUsed(c, t.id()).chain(() -> pair(c, t));
        })).map(pair -> {
            if (pair == null) {
                throw new ProblemException(ProblemType.UNAUTHORIZED, "the refresh token is not valid");
            }
            return pair;
        });
    }

    /** Revokes the family of the token (every token issued from the same login); idempotent. */
    public Uni<Void> logout(String presentedToken) {
        return pool.withTransaction(c -> refreshTokens.revokeFamilyOf(c, presentedToken));
    }

    private Uni<TokenPair> pair(SqlConnection c, Presented t) {
        return pair(c, t.userId(), t.username(), t.role(), t.familyId());
    }

    private Uni<TokenPair> pair(SqlConnection c, long userId, String username, UserRole role, UUID family) {
        return refreshTokens.issue(c, userId, family, refreshTtl)
                .chain(refresh -> users.managedStoreIds(c, userId)
                        .chain(storeIds -> issuedAt(userId)
                                .map(at -> tokens.issue(userId, username, role, storeIds, refresh, at))));
    }

    /** Now, or past a revocation mark of this second; Redis down: now (the mark, if any, is not readable either). */
    private Uni<Instant> issuedAt(long userId) {
        Instant now = Instant.now();
        return revoked.issuedAfter(userId, now).onFailure().recoverWithItem(now);
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "invalid username, e-mail or password");
    }
}
