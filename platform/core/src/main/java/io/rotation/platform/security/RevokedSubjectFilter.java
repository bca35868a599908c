package io.rotation.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 401 to a bearer token that {@link RevokedSubjects} marks void (an erased, deactivated or
 * demoted account, a manager removed from a store: tokens issued before the change), in every
 * service and before any resource runs. Requests without a token pass untouched; a Redis outage lets
 * tokens through (logged) rather than take every service down with it.
 */
public class RevokedSubjectFilter {

    private static final Logger LOG = Logger.getLogger(RevokedSubjectFilter.class);

    private final RevokedSubjects revoked;
    private final CurrentIdentityAssociation identities;

    public RevokedSubjectFilter(RevokedSubjects revoked, CurrentIdentityAssociation identities) {
        this.revoked = revoked;
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> refuseRevokedSubjects(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull() // a bad token is answered by the normal security checks
                .chain(identity -> {
                    if (identity == null || identity.isAnonymous()
                            || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return revoked.isRevoked(token.getSubject(), token.getIssuedAtTime())
                            .onFailure().invoke(e -> LOG.warnf("revoked-token check skipped: %s", e.toString()))
                            .onFailure().recoverWithItem(false)
                            .chain(isRevoked -> isRevoked
                                    ? Uni.createFrom().failure(new UnauthorizedException(
                                    "this token was revoked: the account changed since it was issued; sign in again"))
                                    : Uni.createFrom().nullItem());
                });
    }
}
