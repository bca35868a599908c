package io.rotation.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of the current request, as its verified token says. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's user id; 401 when the request is anonymous. */
    public long id() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        try {
            return Long.parseLong(token.getSubject());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException("token subject is not a user id");
        }
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Whether the caller may act on this user's data: the user themself or an admin. */
    public boolean mayActFor(long userId) {
        return !identity.isAnonymous() && (isAdmin() || id() == userId);
    }

    /**
     * The user id of an identity already verified, or null for an anonymous caller: for endpoints
     * anonymous callers may read too, which resolve {@code CurrentIdentityAssociation#getDeferredIdentity()}
     * (the request's lazily resolved identity must not be resolved on the event loop).
     */
    public static Long idOf(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        try {
            return Long.valueOf(jwt.getSubject());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Ids of the stores the caller manages, from the token. */
    public Set<Long> managedStoreIds() {
        return storeIdsOf(token);
    }

    /**
     * The {@code store_ids} claim of a verified token, for code that holds the token itself (on the
     * event loop, where the request's lazily resolved identity must not be resolved).
     */
    public static Set<Long> storeIdsOf(JsonWebToken token) {
        if (token.getClaim(Roles.STORE_IDS_CLAIM) instanceof Collection<?> values) {
            return values.stream().map(v -> Long.valueOf(v.toString().replace("\"", "")))
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
