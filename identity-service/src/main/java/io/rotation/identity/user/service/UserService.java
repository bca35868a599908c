package io.rotation.identity.user.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.identity.audit.AuditActions;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.identity.auth.repository.RefreshTokenRepository;
import io.rotation.identity.user.model.AdminUserUpdate;
import io.rotation.identity.user.model.ProfileUpdate;
import io.rotation.identity.user.model.Registration;
import io.rotation.identity.user.model.UserView;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import io.rotation.identity.user.model.User;
import io.rotation.identity.user.model.UserRole;
import io.rotation.identity.user.repository.UserRepository;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.rotation.platform.security.RevokedSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts: registration announces UserRegistered in the same transaction as the insert. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final Pool pool;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final RefreshTokenRepository refreshTokens;
    private final RevokedSubjects revoked;
    private final Duration accessTokenTtl;

    public UserService(Pool pool, UserRepository users, PasswordHasher hasher, Outbox outbox,
                       RefreshTokenRepository refreshTokens, RevokedSubjects revoked,
                       @ConfigProperty(name = "rotation.jwt.access-token-ttl") Duration accessTokenTtl) {
        this.pool = pool;
        this.revoked = revoked;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.hasher = hasher;
        this.outbox = outbox;
    }

    public Uni<User> register(Registration registration) {
        return Uni.createFrom().item(() -> hasher.hash(registration.password()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(hash -> {
                    User user = new User();
                    user.email = registration.email().trim();
                    user.username = registration.username();
                    user.passwordHash = hash;
                    user.role = UserRole.general_user;
                    user.displayName = registration.displayName();
                    user.active = true;
                    return pool.withTransaction(connection -> users.insert(connection, user)
                            .call(saved -> outbox.append(connection, OutboundEvent.of(EventType.USER_REGISTERED,
                                    saved.id, new UserRegistered(saved.id, saved.username, saved.role.name(),
                                            saved.createdAt)))));
                })
                .onFailure(UniqueViolation::is).transform(UserService::taken);
    }

    /** The caller's own account; 404 when the token names an account that no longer exists. */
    public Uni<UserView> me(long userId) {
        return users.find(userId).map(user -> {
            if (user == null) {
                throw ProblemException.notFound("user");
            }
            return UserView.of(user);
        });
    }

    public Uni<UserView> updateProfile(long userId, ProfileUpdate update) {
        if (update.timezone() != null) {
            try {
                ZoneId.of(update.timezone());
            } catch (DateTimeException e) {
                throw ProblemException.invalidField("timezone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        return users.updateProfile(userId, update)
                .onFailure(UniqueViolation::is).transform(UserService::taken)
                .map(view -> {
                    if (view == null) {
                        throw ProblemException.notFound("user");
                    }
                    return view;
                });
    }

    /** Admin listing: {@code q} on username/e-mail, optional role and is_active filters, by id. */
    public Uni<Page<UserView>> list(String q, String role, String isActive, PageRequest page) {
        UserRole roleFilter = null;
        if (role != null && !role.isBlank()) {
            try {
                roleFilter = UserRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("role", "must be one of admin, store_manager, general_user");
            }
        }
        Boolean activeFilter = null;
        if (isActive != null && !isActive.isBlank()) {
            if (!isActive.equals("true") && !isActive.equals("false")) {
                throw ProblemException.invalidField("is_active", "must be true or false");
            }
            activeFilter = Boolean.valueOf(isActive);
        }
        if (q != null && q.length() > 320) {
            throw ProblemException.invalidField("q", "must be at most 320 characters");
        }
        Long after = page.first() ? null : page.afterPart(0, Long::valueOf);
        String search = q == null || q.isBlank() ? null : q.trim();
        return users.search(search, roleFilter, activeFilter, after, page.limit() + 1)
                .map(rows -> page.page(rows.stream().map(UserView::of).toList(), u -> List.of(u.id())));
    }

    /**
     * An admin sets another user's role or activity. Deactivation revokes the user's refresh tokens;
     * after the commit, a role change or a deactivation voids the user's access tokens in every
     * service at once ({@link RevokedSubjects}). An admin cannot demote or deactivate themself, so
     * the suite never loses its last admin by accident.
     */
    public Uni<UserView> adminUpdate(AuditActor admin, long userId, AdminUserUpdate update) {
        long callerId = admin.userId();
        if (callerId == userId && ((update.role() != null && update.role() != UserRole.admin)
                || Boolean.FALSE.equals(update.isActive()))) {
            throw ProblemException.conflict("an admin cannot demote or deactivate themself");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        return pool.withTransaction(c -> users.accessForUpdate(c, userId).chain(access -> {
                    if (access == null) {
                        return Uni.createFrom().<UserView>nullItem();
                    }
                    before.putAll(access);
                    return users.adminUpdate(c, userId, update.role(), update.isActive())
                            .call(view -> !view.isActive() ? refreshTokens.revokeAllOf(c, userId)
                                    : Uni.createFrom().voidItem())
                            .call(view -> audit(c, admin, userId, access, view));
                }))
                .call(view -> view != null && losesAccess(before, view) ? voidAccessTokens(userId)
                        : Uni.createFrom().voidItem())
                .map(view -> {
                    if (view == null) {
                        throw ProblemException.notFound("user");
                    }
                    return view;
                });
    }

    private static boolean losesAccess(Map<String, Object> before, UserView after) {
        return !after.role().name().equals(before.get("role"))
                || (Boolean.TRUE.equals(before.get("is_active")) && !after.isActive());
    }

    /** After the commit: the tokens issued until now stop working everywhere (logged if Redis is down). */
    private Uni<Void> voidAccessTokens(long userId) {
        return revoked.voidTokensIssuedUntil(userId, Instant.now(), accessTokenTtl)
                .onFailure().invoke(e -> LOG.warnf("user %d changed, but its access tokens stay valid until they "
                        + "expire: %s", userId, e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Records what changed (role, is_active) in the audit trail; nothing when nothing changed. */
    private Uni<Void> audit(SqlConnection c, AuditActor admin, long userId, Map<String, Object> before, UserView after) {
        Map<String, Object> now = Map.of("role", after.role().name(), "is_active", after.isActive());
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        for (String field : List.of("role", "is_active")) {
            if (!before.get(field).equals(now.get(field))) {
                oldValues.put(field, before.get(field));
                newValues.put(field, now.get(field));
            }
        }
        return newValues.isEmpty() ? Uni.createFrom().voidItem() : outbox.append(c, List.of(AuditEntries.entry(
                admin, AuditActions.USER_ACCESS_CHANGED, "user", userId, oldValues, newValues)));
    }

    private static ProblemException taken(Throwable e) {
        return UniqueViolation.conflict(e, "email", "email", "username");
    }
}
