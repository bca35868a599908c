package io.rotation.catalog.inventory.model;

import io.quarkus.security.identity.SecurityIdentity;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, as far as inventory rules care: an admin acts on every store, a manager on the stores
 * in their token's {@code store_ids}; anonymous callers and other users only read what is public.
 */
public record Caller(Long userId, boolean admin, Set<Long> managedStores, AuditActor actor) {

    public static Caller anonymous() {
        return new Caller(null, false, Set.of(), AuditActor.user(null, null));
    }

    /** A caller outside a request (tests, jobs). */
    public Caller(Long userId, boolean admin, Set<Long> managedStores) {
        this(userId, admin, managedStores, AuditActor.user(userId, null));
    }

    /**
     * From an identity already verified, without touching the request's lazily resolved identity
     * (which must not be resolved on the event loop): the token's subject, role and store_ids.
     */
    public static Caller of(SecurityIdentity identity) {
        return of(identity, null);
    }

    /** As {@link #of(SecurityIdentity)}, and as an audit actor with the request's id, client address and browser. */
    public static Caller of(SecurityIdentity identity, HttpServerRequest request) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return anonymous();
        }
        Long userId;
        try {
            userId = Long.valueOf(token.getSubject());
        } catch (NumberFormatException e) {
            userId = null;
        }
        return new Caller(userId, identity.hasRole(Roles.ADMIN), CurrentUser.storeIdsOf(token),
                AuditActor.user(userId, request));
    }

    public boolean mayManage(long storeId) {
        return admin || managedStores.contains(storeId);
    }
}
