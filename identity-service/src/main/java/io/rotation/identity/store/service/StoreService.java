package io.rotation.identity.store.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.identity.audit.AuditActions;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.identity.store.model.ManagerView;
import io.rotation.identity.store.model.NewStore;
import io.rotation.identity.store.model.StoreManager;
import io.rotation.identity.store.model.StoreStatus;
import io.rotation.identity.store.model.StoreUpdate;
import io.rotation.identity.store.model.StoreView;
import io.rotation.identity.store.repository.StoreRepository;
import io.rotation.identity.store.repository.StoreRepository.Access;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.rotation.platform.security.RevokedSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores and their managers. Who may do what: anyone reads active stores; a non-active store
 * exists only for admins and its managers (404 to others); the owner and managers edit details;
 * admins set the status; the owner and admins add or remove managers. Every change commits with
 * its StoreChanged / StoreManagerChanged event.
 */
@ApplicationScoped
public class StoreService {

    private static final Logger LOG = Logger.getLogger(StoreService.class);

    private final Pool pool;
    private final StoreRepository stores;
    private final Outbox outbox;
    private final RevokedSubjects revoked;
    private final Duration accessTokenTtl;

    public StoreService(Pool pool, StoreRepository stores, Outbox outbox, RevokedSubjects revoked,
                        @ConfigProperty(name = "rotation.jwt.access-token-ttl") Duration accessTokenTtl) {
        this.pool = pool;
        this.revoked = revoked;
        this.accessTokenTtl = accessTokenTtl;
        this.stores = stores;
        this.outbox = outbox;
    }

    /** The caller applies for a store: pending, owned by the caller (also its first manager). */
    public Uni<StoreView> apply(long callerId, NewStore body) {
        checkLocation(body.latitude() != null, body.longitude() != null);
        return pool.withTransaction(c -> stores.userExists(c, callerId).chain(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("user");
                    }
                    return stores.insert(c, callerId, body);
                }).call(store -> stores.upsertManager(c, store.id(), callerId, StoreManager.OWNER, callerId)
                        .call(m -> outbox.append(c, List.of(storeChanged(store, "created"),
                                managerChanged(m, "added"))))))
                .onFailure(UniqueViolation::is).transform(StoreService::taken);
    }

    public Uni<StoreView> get(long storeId, Long callerId, boolean admin) {
        return stores.access(storeId, callerId).map(access -> visible(access, admin).store());
    }

    /** Anonymous callers and users see active stores; admins see all, optionally of one status. */
    public Uni<Page<StoreView>> list(String status, boolean authenticated, boolean admin, PageRequest page) {
        StoreStatus filter = StoreStatus.active;
        if (status != null && !status.isBlank()) {
            try {
                filter = StoreStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "must be one of active, pending, suspended, inactive");
            }
        } else if (admin) {
            filter = null;
        }
        if (filter != StoreStatus.active && !admin) {
            throw authenticated ? new ProblemException(ProblemType.FORBIDDEN, "only admins list stores that are not active")
                    : new ProblemException(ProblemType.UNAUTHORIZED, "only admins list stores that are not active");
        }
        Long after = page.first() ? null : page.afterPart(0, Long::valueOf);
        return stores.list(filter, after, page.limit() + 1)
                .map(rows -> page.page(rows.stream().map(StoreView::of).toList(), s -> List.of(s.id())));
    }

    public Uni<StoreView> update(long storeId, AuditActor caller, boolean admin, StoreUpdate body) {
        long callerId = caller.userId();
        return stores.access(storeId, callerId).chain(access -> {
            StoreView before = visible(access, admin).store();
            if (body.status() != null && !admin) {
                throw forbidden("only admins change a store's status");
            }
            if (body.hasDetails() && !admin && !edits(access.callerRole())) {
                throw forbidden("only the store's owner, its managers and admins edit it");
            }
            checkLocation(body.latitude() != null || before.latitude() != null,
                    body.longitude() != null || before.longitude() != null);
            String change = body.status() != null && body.status() != before.status() ? "status_changed" : "updated";
            return pool.withTransaction(c -> stores.update(c, storeId, body)
                    .call(after -> outbox.append(c, after.status() == before.status() ? List.of(storeChanged(after, change))
                            : List.of(storeChanged(after, change), AuditEntries.entry(
                                    caller, AuditActions.STORE_STATUS_CHANGED, "store", storeId,
                                    Map.of("status", before.status().name()), Map.of("status", after.status().name()))))));
        }).onFailure(UniqueViolation::is).transform(StoreService::taken);
    }

    /** Grants a user a role in the store (owner or admins); 201 when new. */
    public Uni<Granted> putManager(long storeId, long userId, long callerId, boolean admin, String role) {
        return stores.access(storeId, callerId).chain(access -> {
            visible(access, admin);
            if (!admin && !StoreManager.OWNER.equals(access.callerRole())) {
                throw forbidden("only the store's owner and admins change its managers");
            }
            return pool.withTransaction(c -> stores.userExists(c, userId).chain(exists -> {
                if (!exists) {
                    throw ProblemException.notFound("user");
                }
                return stores.managerRole(c, storeId, userId);
            }).chain(current -> {
                if (StoreManager.OWNER.equals(current)) {
                    throw ProblemException.conflict("the owner's role in the store cannot change");
                }
                return stores.upsertManager(c, storeId, userId, role, callerId)
                        .call(m -> role.equals(current) ? Uni.createFrom().voidItem()
                                : outbox.append(c, managerChanged(m, "added")))
                        .map(m -> new Granted(m, current == null));
            }));
        });
    }

    public Uni<Void> removeManager(long storeId, long userId, long callerId, boolean admin) {
        return stores.access(storeId, callerId).chain(access -> {
            visible(access, admin);
            if (!admin && !StoreManager.OWNER.equals(access.callerRole())) {
                throw forbidden("only the store's owner and admins change its managers");
            }
            return pool.withTransaction(c -> stores.managerRole(c, storeId, userId).chain(current -> {
                if (current == null) {
                    throw ProblemException.notFound("manager");
                }
                if (StoreManager.OWNER.equals(current)) {
                    throw ProblemException.conflict("the owner cannot be removed from the store");
                }
                return stores.removeManager(c, storeId, userId).call(() -> outbox.append(c, managerChanged(
                        new ManagerView(storeId, userId, current, null, null), "removed")));
            }));
        })
                // after the commit: the removed manager's tokens (whose store_ids name the store) stop working
                .call(() -> revoked.voidTokensIssuedUntil(userId, Instant.now(), accessTokenTtl)
                        .onFailure().invoke(e -> LOG.warnf("manager %d removed from store %d, but their access tokens"
                                + " stay valid until they expire: %s", userId, storeId, e.toString()))
                        .onFailure().recoverWithNull());
    }

    public record Granted(ManagerView manager, boolean created) {
    }

    /** A store the caller may not see does not exist for them. */
    private static Access visible(Access access, boolean admin) {
        if (access == null || (access.store().status() != StoreStatus.active && !admin && access.callerRole() == null)) {
            throw ProblemException.notFound("store");
        }
        return access;
    }

    private static boolean edits(String role) {
        return StoreManager.OWNER.equals(role) || StoreManager.MANAGER.equals(role);
    }

    private static void checkLocation(boolean latitude, boolean longitude) {
        if (latitude != longitude) {
            throw ProblemException.invalidField(latitude ? "longitude" : "latitude",
                    "latitude and longitude go together");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    private static OutboundEvent storeChanged(StoreView s, String change) {
        return OutboundEvent.of(EventType.STORE_CHANGED, s.id(), new StoreChanged(s.id(), change, s.name(), s.slug(),
                s.discogsUsername(), s.status().name(), s.ownerUserId(), Instant.now(), s.version()));
    }

    private static OutboundEvent managerChanged(ManagerView m, String action) {
        return OutboundEvent.of(EventType.STORE_MANAGER_CHANGED, m.storeId(),
                new StoreManagerChanged(m.storeId(), m.userId(), action, m.role(), Instant.now()));
    }

    private static ProblemException taken(Throwable e) {
        return UniqueViolation.conflict(e, "discogs", "discogs_username", "slug");
    }
}
